// The upload editor: choose a file, see what was read from it in the form (with where each value came from),
// fix its structure, see the passages as they will be cited, then publish or replace. Every piece of text from
// the server or the file goes in with textContent: nothing is parsed as HTML.
'use strict';

(function () {
  const FIELDS = ['title', 'organisation', 'type', 'date', 'themes'];
  const SOURCE_NAMES = { 'front matter': 'the file’s own metadata (front matter or meta tags)' };
  const KIND_HELP = {
    'what to do': 'tells practitioners what to do; answers prefer these',
    'what was learned': 'what a review found or learned',
    background: 'context and background',
    furniture: 'page furniture (page numbers, running headers): mark it to drop',
  };

  let page = null;
  let extracted = {}; // field → { value, source } as first read from the file
  let idHow = null; // how the id was made, when the page made it
  let fixes = {}; // block index → { op, level } for level, merge and drop
  let splits = {}; // block index → { heading, level }
  let last = null; // the last preview shown
  let acceptedThemes = []; // themes added from the library's suggestions
  let state = 'empty'; // empty | reading | ready | stale | failed | publishing

  function form() { return page.$('upload-form'); }

  function fixList() {
    const out = [];
    Object.entries(fixes).forEach(([i, f]) => out.push({ op: f.op, block: +i, level: f.level || 0 }));
    Object.entries(splits).forEach(([i, s]) => out.push({ op: 'split', block: +i, level: s.level, heading: s.heading }));
    return out;
  }

  function uploadData(withVersion) {
    const f = form();
    const fd = new FormData();
    if (f.elements.file.files.length) fd.append('file', f.elements.file.files[0]);
    ['id', 'title', 'organisation', 'type', 'date', 'period', 'themes', 'source'].forEach((k) => fd.append(k, f.elements[k].value));
    const list = fixList();
    if (list.length) fd.append('fixes', JSON.stringify(list));
    if (withVersion) fd.append('version', withVersion);
    return fd;
  }

  // ---- the publish buttons say why when they cannot be used ----
  function showButtons() {
    const publish = page.$('publish-button');
    const replace = page.$('replace-button');
    const reason = page.$('publish-reason');
    // The clash the preview found holds only while the id is still the one it checked.
    const existing = last && last.existing && last.existing.id === form().elements.id.value.trim()
      ? last.existing : null;
    let why = '';
    if (state === 'empty') why = 'Choose a file to publish.';
    else if (state === 'reading') why = 'Reading the file…';
    else if (state === 'publishing') why = 'Publishing…';
    else if (state === 'failed') why = 'Publishing is unavailable: correct the problem shown above, then choose Update preview.';
    else if (existing) why = 'The id “' + existing.id + '” is already used by “' + existing.title + '” (' + existing.file
      + '). Choose Replace it to put this file in its place (the old one goes to the trash folder), or change the id.';
    else if (state === 'stale') why = 'You changed the form since the preview: Publish uses the form as it is now; '
      + 'Update preview shows the result first.';
    publish.disabled = ['empty', 'reading', 'publishing', 'failed'].includes(state) || Boolean(existing);
    replace.hidden = !existing;
    replace.disabled = state !== 'ready' && state !== 'stale';
    if (existing) replace.textContent = 'Replace it (“' + existing.title + '”)';
    reason.textContent = why;
    reason.className = 'reason' + (publish.disabled && why ? ' blocked' : '');
  }

  function setState(s) {
    state = s;
    showButtons();
    const stale = document.getElementById('preview-stale');
    if (stale) stale.hidden = s !== 'stale';
  }

  // ---- the form, filled from what the file said ----
  function fillForm(p) {
    const f = form();
    p.extraction.fields.forEach((x) => {
      if (!FIELDS.includes(x.field) || extracted[x.field]) return;
      if (!f.elements[x.field].value) {
        extracted[x.field] = { value: x.value, source: x.source };
        f.elements[x.field].value = x.value;
      }
    });
    if (!f.elements.id.value) {
      f.elements.id.value = p.id.id;
      idHow = p.id.how;
    }
    showSources(p);
    showThemeSuggestions(p);
  }

  // ---- themes the library already uses, suggested with why; the trainer adds the ones that fit ----
  function formThemes() {
    return form().elements.themes.value.split(',').map((t) => t.trim()).filter(Boolean);
  }

  function showThemeSuggestions(p) {
    const box = page.$('up-theme-suggestions');
    const have = formThemes().map((t) => t.toLowerCase());
    const offered = (p.extraction.suggestedThemes || []).filter((x) => !have.includes(x.theme.toLowerCase()));
    box.hidden = !offered.length;
    if (!offered.length) { box.replaceChildren(); return; }
    box.replaceChildren(
      page.el('p', { id: 'theme-suggestions-title', text: 'Suggested from the themes the library already uses:' }),
      page.el('ul', { 'aria-labelledby': 'theme-suggestions-title' }, ...offered.map((x) => page.el('li', {},
        page.el('button', { type: 'button', className: 'secondary', text: 'Add “' + x.theme + '”',
          onclick: () => acceptTheme(x.theme) }),
        page.el('span', { className: 'why', text: 'Why: ' + x.source + '.' })))));
  }

  function acceptTheme(theme) {
    const f = form();
    f.elements.themes.value = formThemes().concat([theme]).join(', ');
    acceptedThemes.push(theme);
    f.elements.themes.dispatchEvent(new Event('input', { bubbles: true }));
    if (last) showThemeSuggestions(last);
    f.elements.themes.focus();
  }

  function showSources(p) {
    const f = form();
    FIELDS.forEach((k) => {
      const out = page.$('up-' + k + '-source');
      const value = f.elements[k].value.trim();
      const found = extracted[k];
      let text = '';
      let missing = false;
      if (found && value === found.value) text = 'Read from ' + (SOURCE_NAMES[found.source] || found.source) + '.';
      else if (k === 'themes' && value && acceptedThemes.length
        && formThemes().every((t) => acceptedThemes.includes(t) || (found && found.value.split(',').map((x) => x.trim()).includes(t)))) {
        text = 'From the library’s themes (suggested, added by you)' + (found ? ' and the file' : '') + '.';
      } else if (value) text = 'Typed by you.';
      else if (k === 'title') { text = 'Required: the file gives no title. Type one.'; missing = true; }
      else if (p && p.extraction.missing.includes(k)) { text = 'Not found in the file: fill it in if you know it.'; missing = true; }
      out.textContent = text;
      out.className = 'source' + (missing ? ' missing' : '');
    });
    const how = page.$('up-id-how');
    const id = f.elements.id.value;
    if (!id) return;
    const stored = last ? last.document.file : id;
    how.textContent = (idHow && last && id === last.id.id && idHow !== 'as typed'
      ? idHow.charAt(0).toUpperCase() + idHow.slice(1) + ', once, when the file was first read; it stays the same when you edit the title. '
      : 'As typed. ') + 'Stored as ' + stored + '; cited at /documents/' + id + '. Change it here to choose another.';
  }

  // ---- the preview ----
  async function preview(ev) {
    if (ev) ev.preventDefault();
    if (!form().elements.file.files.length) { setState('empty'); return; }
    setState('reading');
    try {
      const p = await page.api('POST', '/api/admin/preview', uploadData());
      last = p;
      fillForm(p);
      render(p);
      setState('ready');
    } catch (e) {
      last = null;
      page.$('preview').replaceChildren(page.el('p', { className: 'message error', text: 'The preview failed: ' + e.message
        + (e.data && e.data.parameter ? ' (field: ' + e.data.parameter + ')' : '') }));
      setState('failed');
    }
  }

  function render(p) {
    const el = page.el;
    const m = p.document;
    const checks = [];
    p.warnings.forEach((w) => checks.push(el('li', { className: 'message error', text: w })));
    p.extraction.notes.forEach((n) => checks.push(el('li', { text: n })));
    if (p.extraction.missing.length) checks.push(el('li', { text: 'Metadata missing: ' + p.extraction.missing.join(', ') + '.' }));
    const furniture = p.passages.filter((x) => x.kind === 'furniture').length;
    if (furniture) checks.push(el('li', { text: furniture + ' passage(s) look like page furniture: mark their blocks “Furniture: drop” below.' }));
    page.$('preview').replaceChildren(
      el('h3', { text: 'Preview: ' + m.title }),
      el('p', { id: 'preview-stale', className: 'message stale', hidden: 'hidden',
        text: 'The form has changed since this preview. Choose Update preview to see the result.' }),
      el('p', { text: 'Stored as ' + m.file + ' · id ' + m.id + ' · ' + [m.type, m.organisation, m.date].filter(Boolean).join(' · ')
        + (m.themes.length ? ' · themes: ' + m.themes.join(', ') : '') }),
      el('h4', { text: 'Checks' }),
      checks.length ? el('ul', { className: 'checks' }, ...checks) : el('p', { text: 'Nothing to check: metadata and structure came through.' }),
      el('h4', { id: 'passages-title', text: p.passageCount + (p.passageCount === 1 ? ' passage' : ' passages') + ', as they will be cited'
        + (p.passages.length < p.passageCount ? ' (the first ' + p.passages.length + ' shown):' : ':') }),
      el('ol', { className: 'passages', 'aria-labelledby': 'passages-title' }, ...p.passages.map((x) => el('li', { className: 'passage' },
        el('div', { className: 'section' }, el('span', { className: 'kind kind-' + x.kind.replace(/ /g, '-'), title: KIND_HELP[x.kind] || '', text: x.kind }),
          x.section), el('div', { className: 'cite', text: '/documents/' + m.id + '#' + x.anchor }), el('pre', { text: x.text })))),
      outline(p));
  }

  // ---- the outline: fix headings, merge, split, drop ----
  function outline(p) {
    const el = page.el;
    const rows = p.outline.map((b) => {
      const fix = fixes[b.index];
      const select = el('select', { 'aria-label': 'Fix for block ' + (b.index + 1) + ': ' + b.text.slice(0, 60), onchange: (e) => choose(b, e.target.value) },
        ...options(b).map(([value, label]) => {
          const o = el('option', { value: value, text: label });
          if (value === current(b, fix)) o.selected = true;
          return o;
        }));
      const split = splits[b.index];
      const cell = el('td', {});
      if (split) {
        cell.append(el('div', { className: 'new-heading', text: 'New passage starts here: “' + split.heading + '” ' }),
          el('button', { type: 'button', className: 'secondary', text: 'Remove', 'aria-label': 'Remove the new heading “' + split.heading + '”',
            onclick: () => { delete splits[b.index]; preview(); } }));
      } else if (b.index > 0) {
        cell.append(el('button', { type: 'button', className: 'secondary', text: 'Split before', 'aria-label': 'Start a new passage before block ' + (b.index + 1),
          onclick: (e) => askHeading(b, e.target.parentNode) }));
      }
      return el('tr', { className: (b.kind === 'heading' ? 'heading' : '') + (fix && (fix.op === 'drop' || fix.op === 'merge') ? ' dropped' : '') },
        el('td', { text: String(b.index + 1) }),
        el('td', { text: b.kind === 'heading' ? 'heading ' + b.level : b.kind }),
        el('td', { className: 'block-text', text: b.text }), el('td', {}, select), cell);
    });
    return el('details', { className: 'outline', open: 'open' },
      el('summary', { text: 'Structure: the file’s headings and paragraphs (' + p.blockCount + ' blocks' + (p.outline.length < p.blockCount ? ', the first ' + p.outline.length + ' shown' : '') + '). Fix them here; '
        + 'the fixes are written into the stored file.' }),
      el('table', {}, el('caption', { className: 'visually-hidden', text: 'Blocks of the uploaded file, in order' }),
        el('thead', {}, el('tr', {}, ...['#', 'Kind', 'Text', 'Fix', 'Split'].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, ...rows)));
  }

  function options(b) {
    if (b.kind === 'heading') {
      return [1, 2, 3, 4, 5, 6].map((n) => ['level-' + n, 'Heading level ' + n + (n === b.level ? ' (as read)' : '')])
        .concat([['merge', 'Not a heading: merge into the passage before'], ['drop', 'Furniture: drop']]);
    }
    if (b.kind === 'paragraph') {
      return [['keep', 'Paragraph (as read)'], ['level-2', 'Make it a heading, level 2'], ['level-3', 'Make it a heading, level 3'],
        ['level-4', 'Make it a heading, level 4'], ['drop', 'Furniture: drop']];
    }
    return [['keep', 'Keep (as read)'], ['drop', 'Furniture: drop']];
  }

  function current(b, fix) {
    if (!fix) return b.kind === 'heading' ? 'level-' + b.level : 'keep';
    return fix.op === 'level' ? (fix.level === 0 ? 'keep' : 'level-' + fix.level) : fix.op;
  }

  function choose(b, value) {
    const asRead = b.kind === 'heading' ? 'level-' + b.level : 'keep';
    if (value === asRead) delete fixes[b.index];
    else if (value.startsWith('level-')) fixes[b.index] = { op: 'level', level: +value.slice(6) };
    else fixes[b.index] = { op: value };
    preview();
  }

  function askHeading(b, cell) {
    const id = 'split-' + b.index;
    const input = page.el('input', { id: id, maxlength: '200' });
    cell.replaceChildren(page.el('div', { className: 'split-form' },
      page.el('label', { for: id, text: 'Heading for the new passage' }), input,
      page.el('button', { type: 'button', text: 'Add heading', onclick: () => {
        if (!input.value.trim()) { input.focus(); return; }
        splits[b.index] = { heading: input.value.trim(), level: 2 };
        preview();
      } })));
    input.focus();
  }

  // ---- publish or replace ----
  async function publish(replacing) {
    if (!form().elements.file.files.length) return;
    const existing = last && last.existing;
    setState('publishing');
    try {
      const r = replacing && existing
        ? await page.api('PUT', '/api/admin/documents/' + encodeURIComponent(existing.id) + '/file', uploadData(existing.version))
        : await page.api('POST', '/api/admin/documents', uploadData());
      reset();
      page.afterChange(r, 'Document “' + r.target + '”');
    } catch (e) {
      page.fail(e);
      page.$('publish-reason').textContent = 'Not published: ' + e.message;
      state = 'failed';
      showButtons();
      page.$('publish-reason').className = 'reason blocked';
    }
  }

  function reset() {
    form().reset();
    clearFile();
    page.$('preview').replaceChildren();
    setState('empty');
  }

  function clearFile() {
    extracted = {};
    idHow = null;
    fixes = {};
    splits = {};
    last = null;
    acceptedThemes = [];
    page.$('up-theme-suggestions').replaceChildren();
    page.$('up-theme-suggestions').hidden = true;
    FIELDS.forEach((k) => { page.$('up-' + k + '-source').textContent = ''; });
  }

  function start() {
    page = window.AdminPage;
    form().addEventListener('submit', preview);
    page.$('up-file').addEventListener('change', () => {
      const file = form().elements.file.files[0];
      ['id', 'title', 'organisation', 'type', 'date', 'period', 'themes', 'source'].forEach((k) => { form().elements[k].value = ''; });
      clearFile();
      if (file) preview(); else reset();
    });
    form().addEventListener('input', (ev) => {
      if (ev.target.id === 'up-file') return;
      if (ev.target.id === 'up-id') idHow = null;
      if (state === 'ready') setState('stale');
      else showButtons(); // a changed id may clear the clash the preview found
      showSources(last);
    });
    page.$('publish-button').addEventListener('click', () => publish(false));
    page.$('replace-button').addEventListener('click', () => publish(true));
    setState('empty');
  }

  document.addEventListener('DOMContentLoaded', start);
}());
