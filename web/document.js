/*
 * Safeguarding Guidance Assistant – readable document view at /documents/{id}.
 * Everything from the server goes into the page with textContent; no HTML is parsed.
 */
(function () {
  'use strict';

  const { $, make, clear, prefersReducedMotion, formatDate } = window.GuidanceDom;

  const LIST_ITEM = /^\s*(?:[-•*]|(\d+)[.)])\s+(.*)$/;

  /** The page's one module object. */
  const DocView = {
    current: null,
    el: {},
  };






  function documentId() {
    const match = /^\/documents\/([^/]+)\/?$/.exec(window.location.pathname);
    if (!match) return '';
    try {
      return decodeURIComponent(match[1]);
    } catch (e) {
      return match[1];
    }
  }

  function hashTarget() {
    const raw = window.location.hash.replace(/^#/, '');
    if (!raw) return '';
    try {
      return decodeURIComponent(raw);
    } catch (e) {
      return raw;
    }
  }

  // ---------------------------------------------------------------- loading

  function load() {
    const id = documentId();
    if (!id) {
      showNotFound('');
      return;
    }
    fetch('/api/documents/' + encodeURIComponent(id), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 404) return { notFound: true };
        if (!response.ok) return { failed: response.status };
        return response.json().then(function (data) { return { data: data }; });
      })
      .catch(function () { return { failed: 0 }; })
      .then(function (result) {
        if (result.notFound) showNotFound(id);
        else if (result.data) render(result.data);
        else showFailure(result.failed);
      });
  }

  function showMessage(title, lines) {
    const status = DocView.el.status;
    clear(status);
    const box = make('section', 'notice notice-error doc-message');
    const heading = make('h1', 'doc-message-title', title);
    heading.tabIndex = -1;
    box.appendChild(heading);
    lines.forEach(function (line) { box.appendChild(make('p', null, line)); });
    const back = make('p');
    const link = make('a', null, 'Go back to the assistant');
    link.href = '/';
    back.appendChild(link);
    box.appendChild(back);
    status.appendChild(box);
    document.title = title + ' – Safeguarding Guidance Assistant';
    heading.focus();
  }

  function showNotFound(id) {
    showMessage('Document not found', [
      id
        ? 'There is no document called “' + id + '” in the library. It may have been removed or renamed since the link was made.'
        : 'This address does not name a document in the library.',
      'You can ask the assistant your question again to find the current passages.',
    ]);
  }

  function showFailure(status) {
    showMessage('The document could not be loaded', [
      status === 503
        ? 'The library is still being prepared. Please reload this page in a few seconds.'
        : 'Something went wrong while loading the document. Please reload the page to try again.',
    ]);
  }

  // ---------------------------------------------------------------- rendering

  function render(doc) {
    DocView.el.title.textContent = doc.title || 'Untitled document';
    document.title = (doc.title || 'Document') + ' – Safeguarding Guidance Assistant';
    renderMeta(doc);
    renderPassages(Array.isArray(doc.passages) ? doc.passages : []);
    clear(DocView.el.status);
    DocView.el.doc.hidden = false;
    highlightFromHash();
    if (!DocView.current) DocView.el.announcer.textContent = 'Document loaded: ' + (doc.title || 'untitled') + '.';
  }

  function addMeta(term, value) {
    if (!value) return;
    const list = DocView.el.meta;
    const group = make('div', 'doc-meta-item');
    group.appendChild(make('dt', null, term));
    const dd = make('dd');
    if (value instanceof Node) dd.appendChild(value);
    else dd.textContent = value;
    group.appendChild(dd);
    list.appendChild(group);
  }

  function renderMeta(doc) {
    addMeta('Organisation', doc.organisation);
    addMeta('Document type', doc.documentType ? doc.documentType.charAt(0).toUpperCase() + doc.documentType.slice(1) : '');
    addMeta('Date', formatDate(doc.date));
    addMeta('Period covered', doc.period);
    const themes = Array.isArray(doc.themes) ? doc.themes : [];
    if (themes.length) {
      const list = make('ul', 'tag-list');
      themes.forEach(function (theme) { list.appendChild(make('li', 'tag', theme)); });
      addMeta('Themes', list);
    }
  }

  /** The first heading level is the document's own title when every passage shares it. */
  function sharedRoot(passages) {
    if (!passages.length) return null;
    const first = (passages[0].headingPath || [])[0];
    if (first === undefined) return null;
    const shared = passages.every(function (p) { return (p.headingPath || [])[0] === first; });
    return shared ? first : null;
  }

  function renderPassages(passages) {
    const body = DocView.el.body;
    const root = sharedRoot(passages);
    let previous = [];
    passages.forEach(function (passage) {
      let path = Array.isArray(passage.headingPath) ? passage.headingPath.slice() : [];
      if (root !== null && path[0] === root) path = path.slice(1);
      let same = 0;
      while (same < path.length && same < previous.length && path[same] === previous[same]) same += 1;
      for (let level = same; level < path.length; level += 1) {
        body.appendChild(make('h' + Math.min(level + 2, 6), 'doc-heading', path[level]));
      }
      previous = path;
      body.appendChild(renderPassage(passage));
    });
    if (!passages.length) body.appendChild(make('p', null, 'This document has no readable text.'));
  }

  function renderPassage(passage) {
    const block = make('div', 'passage');
    if (passage.anchor) block.id = passage.anchor;
    const parts = Array.isArray(passage.parts) && passage.parts.length
      ? passage.parts : [{ kind: 'text', text: passage.text }];
    parts.forEach(function (part) {
      if (part.kind === 'table' && Array.isArray(part.rows) && part.rows.length) block.appendChild(renderTable(part));
      else renderText(block, String(part.text || ''));
    });
    return block;
  }

  /** An element with an explicit role: a phone's stacked layout (display: block) keeps the table's semantics. */
  function withRole(tag, className, text, role) {
    const node = make(tag, className, text);
    node.setAttribute('role', role);
    return node;
  }

  /**
   * A table part as a table: its columns as the header row; without columns, each row's first cell
   * names the row ("Emergency Duty Team" | "01632 960 999"). Each cell carries its column's label,
   * which a phone shows before the cell when the rows are stacked.
   */
  function renderTable(part) {
    const table = withRole('table', 'passage-table', null, 'table');
    const columns = Array.isArray(part.columns) ? part.columns.map(String) : [];
    if (columns.length) {
      const row = withRole('tr', null, null, 'row');
      columns.forEach(function (label) {
        const cell = label ? withRole('th', null, label, 'columnheader') : withRole('td', null, '', 'cell');
        if (label) cell.scope = 'col';
        row.appendChild(cell);
      });
      table.appendChild(withRole('thead', null, null, 'rowgroup')).appendChild(row);
    }
    const body = withRole('tbody', null, null, 'rowgroup');
    part.rows.forEach(function (cells) {
      const row = withRole('tr', null, null, 'row');
      (Array.isArray(cells) ? cells : []).forEach(function (value, i) {
        const header = !columns.length && i === 0;
        const cell = header ? withRole('th', null, String(value), 'rowheader') : withRole('td', null, String(value), 'cell');
        if (header) cell.scope = 'row';
        if (!header && columns[i]) cell.setAttribute('data-label', columns[i]);
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    table.appendChild(body);
    return table;
  }

  /** Paragraphs split on blank lines; "- " and "1. " lines become list items. */
  function renderText(parent, text) {
    text.split(/\n\s*\n/).forEach(function (chunk) {
      let paragraph = [];
      let list = null;
      const flushParagraph = function () {
        if (paragraph.length) parent.appendChild(make('p', null, paragraph.join(' ')));
        paragraph = [];
      };
      chunk.split('\n').forEach(function (rawLine) {
        const line = rawLine.trim();
        if (!line) return;
        const item = LIST_ITEM.exec(line);
        if (item) {
          flushParagraph();
          const ordered = item[1] !== undefined;
          if (!list || (list.tagName === 'OL') !== ordered) {
            list = make(ordered ? 'ol' : 'ul', 'passage-list');
            if (ordered && item[1] !== '1') list.start = Number(item[1]);
            parent.appendChild(list);
          }
          list.appendChild(make('li', null, item[2]));
        } else if (list && /^\s{2,}/.test(rawLine)) {
          list.lastChild.appendChild(document.createTextNode(' ' + line)); // continuation of an item
        } else {
          list = null;
          paragraph.push(line);
        }
      });
      flushParagraph();
    });
  }

  // ---------------------------------------------------------------- the cited passage

  function highlightFromHash() {
    const target = hashTarget();
    const missing = DocView.el.anchorMissing;
    unhighlight();
    if (!target) {
      missing.hidden = true;
      return;
    }
    const passage = document.getElementById(target);
    if (!passage || !passage.classList.contains('passage')) {
      missing.textContent = 'The cited passage could not be found in this document; it may have changed since the answer was given. The whole document is shown below.';
      missing.hidden = false;
      return;
    }
    missing.hidden = true;
    highlight(passage);
  }

  function unhighlight() {
    const previous = DocView.current;
    if (!previous) return;
    previous.classList.remove('is-cited');
    previous.removeAttribute('tabindex');
    const badge = previous.querySelector('.cited-badge');
    if (badge) badge.remove();
    DocView.current = null;
  }

  function highlight(passage) {
    passage.classList.add('is-cited');
    passage.tabIndex = -1;
    passage.insertBefore(make('p', 'cited-badge', 'Cited passage'), passage.firstChild);
    DocView.current = passage;
    passage.focus({ preventScroll: true });
    scrollTarget(passage).scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'start' });
  }

  /** The headings just above a passage give it context, so they scroll into view with it. */
  function scrollTarget(passage) {
    let target = passage;
    let previous = passage.previousElementSibling;
    while (previous && previous.classList.contains('doc-heading')) {
      target = previous;
      previous = previous.previousElementSibling;
    }
    const viewport = window.innerHeight || document.documentElement.clientHeight;
    const span = passage.getBoundingClientRect().bottom - target.getBoundingClientRect().top;
    return span < viewport * 0.9 ? target : passage;
  }

  function init() {
    DocView.el = {
      status: $('doc-status'),
      doc: $('doc'),
      title: $('doc-title'),
      meta: $('doc-meta'),
      body: $('doc-body'),
      anchorMissing: $('anchor-missing'),
      announcer: $('doc-announcer'),
    };
    if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual';
    window.addEventListener('hashchange', function () {
      if (!DocView.el.doc.hidden) highlightFromHash();
    });
    load();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
