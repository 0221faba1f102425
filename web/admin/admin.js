// The trainers' dashboard. Every piece of text from the server goes in with textContent: nothing is parsed as HTML.
'use strict';

(function () {
  let csrf = null;
  const versions = { synonyms: null, glossary: null, 'answer-examples': null, 'urgency-examples': null };
  const TEXT_TITLES = { synonyms: 'Synonyms', glossary: 'Glossary', 'answer-examples': 'Answer examples',
    'urgency-examples': 'Safety screen examples' };

  const $ = (id) => document.getElementById(id);

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    Object.entries(props || {}).forEach(([k, v]) => {
      if (k === 'text') e.textContent = v;
      else if (k === 'className') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    });
    children.forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return e;
  }

  async function api(method, path, body) {
    const headers = {};
    if (csrf) headers['X-CSRF-Token'] = csrf;
    let payload = body;
    if (body && !(body instanceof FormData)) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const r = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
    if (r.status === 401) {
      window.location.assign('/admin/login');
      throw new Error('Signed out');
    }
    const data = (r.headers.get('Content-Type') || '').includes('json') ? await r.json() : null;
    if (!r.ok) {
      const e = new Error((data && data.error) || ('The server answered ' + r.status));
      e.status = r.status;
      e.data = data;
      throw e;
    }
    return data;
  }

  function notice(text, kind) {
    const n = $('notice');
    n.textContent = text;
    n.className = 'message ' + (kind || '');
    n.hidden = false;
  }

  function fail(e) {
    notice(e.message + (e.data && e.data.parameter ? ' (field: ' + e.data.parameter + ')' : ''), 'error');
  }

  function afterChange(result, what) {
    notice(what + ' saved. The index is rebuilding; searches keep answering from the current one meanwhile.', 'ok');
    showStatus(result.reindex);
    loadDocuments();
    loadAudit();
    recheckSkipped(); // a deleted document can leave an example's sentence in no passage
  }

  // ---- index status ----
  let polling = null;
  function showStatus(s) {
    const busy = s.pending > 0 || s.state === 'indexing' || s.state === 'starting';
    $('status').textContent = (s.state === 'failed' ? 'Indexing failed – the previous index is still serving. ' : '')
      + s.message + ' (' + s.state + (s.pending > 0 ? ', ' + s.pending + ' build(s) to go' : '') + '; serving '
      + s.documents + ' documents, ' + s.passages + ' passages; updated ' + new Date(s.at).toLocaleTimeString() + ')';
    $('status').className = s.state === 'failed' ? 'message error' : '';
    $('status-progress').hidden = !busy;
    if (busy && !polling) polling = setInterval(loadStatus, 1000);
    if (!busy && polling) { clearInterval(polling); polling = null; }
  }
  function loadStatus() { return api('GET', '/api/admin/reindex').then(showStatus).catch(fail); }

  // ---- documents ----
  function loadDocuments() {
    return api('GET', '/api/admin/documents').then((d) => {
      const body = $('documents-body');
      body.replaceChildren();
      d.documents.forEach((doc) => {
        const actions = el('td', { className: 'actions' },
          el('button', { type: 'button', className: 'secondary', text: 'Edit', 'aria-label': 'Edit ' + doc.title, onclick: () => openEdit(doc) }),
          el('button', { type: 'button', className: 'danger', text: 'Delete', 'aria-label': 'Delete ' + doc.title, onclick: () => remove(doc) }));
        body.append(el('tr', {},
          el('td', {}, el('a', { href: '/documents/' + encodeURIComponent(doc.id), text: doc.title })),
          el('td', { text: doc.id }), el('td', { text: doc.type }), el('td', { text: doc.date }),
          el('td', { text: doc.file }), actions));
      });
      const skipped = $('skipped');
      skipped.replaceChildren();
      if (d.skipped.length) {
        skipped.append(el('h3', { text: 'Files not in the library' }),
          el('ul', {}, ...d.skipped.map((s) => el('li', { text: s.file + ': ' + s.reason }))));
      }
    }).catch(fail);
  }

  function openEdit(doc) {
    const f = $('edit-form');
    f.hidden = false;
    $('edit-legend').textContent = 'Edit “' + doc.title + '”';
    f.elements.id.value = doc.id;
    f.elements.version.value = doc.version;
    ['title', 'organisation', 'type', 'date', 'period', 'source'].forEach((k) => { f.elements[k].value = doc[k] || ''; });
    f.elements.themes.value = (doc.themes || []).join(', ');
    f.elements.file.value = '';
    $('edit-title').focus();
  }

  async function saveEdit(ev) {
    ev.preventDefault();
    const f = $('edit-form');
    const id = f.elements.id.value;
    try {
      let result;
      if (f.elements.file.files.length) {
        const fd = new FormData();
        fd.append('file', f.elements.file.files[0]);
        fd.append('version', f.elements.version.value);
        ['title', 'organisation', 'type', 'date', 'period', 'themes', 'source'].forEach((k) => fd.append(k, f.elements[k].value));
        result = await api('PUT', '/api/admin/documents/' + encodeURIComponent(id) + '/file', fd);
      } else {
        const body = { version: f.elements.version.value };
        ['title', 'organisation', 'type', 'date', 'period', 'source'].forEach((k) => { body[k] = f.elements[k].value; });
        body.themes = f.elements.themes.value;
        result = await api('PUT', '/api/admin/documents/' + encodeURIComponent(id), body);
      }
      f.hidden = true;
      afterChange(result, 'Document “' + id + '”');
    } catch (e) {
      if (e.status === 409) notice(e.message + ' Reload the list and edit again.', 'error');
      else fail(e);
    }
  }

  async function remove(doc) {
    if (!window.confirm('Delete “' + doc.title + '”? The file moves to the trash folder and can be restored from there.')) return;
    try {
      const r = await api('DELETE', '/api/admin/documents/' + encodeURIComponent(doc.id) + '?version=' + encodeURIComponent(doc.version));
      afterChange(r, 'Deletion of “' + doc.id + '”');
    } catch (e) { fail(e); }
  }

  // ---- synonyms, glossary and teaching examples ----
  function loadText(name) {
    return api('GET', '/api/admin/' + name).then((f) => {
      $(name + '-text').value = f.text;
      versions[name] = f.version;
    }).catch(fail);
  }

  async function saveText(name, ev) {
    ev.preventDefault();
    try {
      const r = await api('PUT', '/api/admin/' + name, { text: $(name + '-text').value, version: versions[name] });
      versions[name] = r.version;
      afterChange(r, TEXT_TITLES[name]);
    } catch (e) {
      if (e.status === 409) notice('Someone else saved the ' + TEXT_TITLES[name].toLowerCase() + ' since you loaded them. Copy your changes, reload the page and save again.', 'error');
      else fail(e);
    }
  }

  // ---- what the learned steps could not use (from /health): bad example lines, a change not yet learned ----
  function loadSkipped() {
    return fetch('/health', { credentials: 'same-origin' }).then((r) => r.json()).then((h) => {
      const lines = (h.answerSkipped || []).map((t) => 'Answer examples: ' + t)
        .concat((h.screenSkipped || []).map((t) => 'Safety screen examples: ' + t));
      const box = $('examples-skipped');
      box.replaceChildren();
      box.hidden = lines.length === 0;
      if (lines.length) {
        box.append(el('p', { text: 'Not learned from (correct the line and save again):' }),
          el('ul', {}, ...lines.map((t) => el('li', { text: t }))));
      }
    }).catch(() => {});
  }
  // The models relearn in the background after a save: look again once they have had time to.
  function recheckSkipped() {
    [15000, 60000, 150000].forEach((ms) => setTimeout(loadSkipped, ms));
  }

  // ---- gaps ----
  function loadGaps() {
    api('GET', '/api/admin/unanswered').then((d) => {
      $('unanswered-body').replaceChildren(...(d.groups.length ? d.groups.map((g) => el('tr', {},
        el('td', {}, ...(g.urgent ? [el('strong', { class: 'badge-urgent', text: 'Urgent' }), ' '] : []), g.question,
          ...(g.urgent ? [el('div', { class: 'urgent-reason', text: 'Why urgent: ' + g.urgentReason })] : [])), el('td', { text: g.count }), el('td', { text: new Date(g.last).toLocaleString() })))
        : [el('tr', {}, el('td', { colspan: '3', text: 'None recorded.' }))]));
    }).catch(fail);
    api('GET', '/api/admin/feedback').then((d) => {
      $('rated-body').replaceChildren(...(d.groups.length ? d.groups.map((g) => el('tr', {},
        el('td', { text: g.question }), el('td', { text: g.count }), el('td', { text: g.reasons.join(' · ') }),
        el('td', { text: new Date(g.last).toLocaleString() })))
        : [el('tr', {}, el('td', { colspan: '4', text: 'None recorded.' }))]));
    }).catch(fail);
  }

  function loadAudit() {
    api('GET', '/api/admin/audit?limit=100').then((d) => {
      $('audit-body').replaceChildren(...d.entries.map((a) => el('tr', {},
        el('td', { text: new Date(a.at).toLocaleString() }), el('td', { text: a.actor }), el('td', { text: a.action }),
        el('td', { text: a.target }), el('td', { text: a.detail }))));
    }).catch(fail);
  }

  // ---- tokens ----
  function loadTokens() {
    api('GET', '/api/admin/tokens').then((d) => {
      $('tokens-body').replaceChildren(...d.tokens.map((t) => el('tr', {},
        el('td', { text: t.id }), el('td', { text: t.name }), el('td', { text: t.trainer }),
        el('td', { text: new Date(t.created).toLocaleString() }), el('td', { text: t.revoked ? 'revoked' : 'live' }),
        el('td', { className: 'actions' }, t.revoked ? '' : el('button', { type: 'button', className: 'danger', text: 'Revoke',
          'aria-label': 'Revoke token ' + t.name, onclick: () => revoke(t) })))));
    }).catch(fail);
  }

  async function createToken(ev) {
    ev.preventDefault();
    try {
      const t = await api('POST', '/api/admin/tokens', { name: $('token-name').value });
      const out = $('token-created');
      out.replaceChildren(el('span', { text: 'New token “' + t.name + '” – copy it now, it is not shown again: ' }), el('code', { text: t.token }));
      out.hidden = false;
      $('token-form').reset();
      loadTokens();
      loadAudit();
    } catch (e) { fail(e); }
  }

  async function revoke(t) {
    if (!window.confirm('Revoke token “' + t.name + '”? Tools using it stop working.')) return;
    try {
      await api('DELETE', '/api/admin/tokens/' + encodeURIComponent(t.id));
      loadTokens();
      loadAudit();
    } catch (e) { fail(e); }
  }

  // The upload editor (upload.js) shares these.
  window.AdminPage = Object.freeze({ $: $, el: el, api: api, notice: notice, fail: fail, afterChange: afterChange });

  async function start() {
    try {
      const s = await api('GET', '/api/admin/session');
      csrf = s.csrfToken;
      $('logout-csrf').value = csrf || '';
      $('who').textContent = 'Signed in as ' + s.trainer + ' ';
      $('max-upload').textContent = s.maxUploadMb;
    } catch (e) { fail(e); return; }
    $('reindex').addEventListener('click', () => api('POST', '/api/admin/reindex').then(showStatus).catch(fail));
    $('edit-form').addEventListener('submit', saveEdit);
    $('edit-cancel').addEventListener('click', () => { $('edit-form').hidden = true; });
    Object.keys(TEXT_TITLES).forEach((name) => $(name + '-form').addEventListener('submit', (ev) => saveText(name, ev)));
    $('token-form').addEventListener('submit', createToken);
    loadStatus();
    loadDocuments();
    Object.keys(TEXT_TITLES).forEach(loadText);
    loadGaps();
    loadAudit();
    loadTokens();
    loadSkipped();
  }

  document.addEventListener('DOMContentLoaded', start);
}());
