/*
 * Safeguarding Guidance Assistant – chat page.
 *
 * Security: nothing from the user or the server is ever inserted as HTML. Text goes in with
 * textContent; the only markup we accept is <mark> in `highlighted` fields, which appendMarked()
 * turns into real <mark> elements after splitting the string and decoding its entities.
 */
(function () {
  'use strict';

  const { $, make, clear, prefersReducedMotion, formatDate } = window.GuidanceDom;

  const REQUEST_TIMEOUT_MS = 45000;
  // An ask still unanswered after this long asks /health whether the server is still starting up
  // (training its safety screen or answer models: a minute or two after a restart, during which a
  // question waits); if so the page says so and waits up to STARTUP_PATIENCE_MS instead of giving up.
  const STARTUP_CHECK_MS = 3000;
  const STARTUP_PATIENCE_MS = 180000;
  const STARTING_UP = 'The assistant is still starting up (it prepares itself for a minute or two after a '
    + 'restart). Your answer will follow; there is no need to ask again.';
  const STORE_KEY = 'guidance-assistant.conversation.v1';
  const MAX_STORED_TURNS = 20;
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const THUMB_PATH = 'M2 10h4v11H2z M8 21h9.2a2 2 0 0 0 1.95-1.56l1.6-7A2 2 0 0 0 18.8 10H14l.85-4.25A1.9 1.9 0 0 0 13 3.5z';

  /** The page's one module object: state, element cache and behaviour. */
  const Chat = {
    conversationId: null,
    pending: false,
    generation: 0,
    turnCount: 0,
    history: [],
    el: {},
  };

  // ---------------------------------------------------------------- small helpers



  function hiddenText(text) {
    return make('span', 'visually-hidden', text);
  }


  function decodeEntities(text) {
    return text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  }

  /** Renders HTML-escaped text whose only markup is <mark>…</mark>, without ever parsing HTML. */
  function appendMarked(parent, escaped) {
    const parts = String(escaped || '').split(/(<\/?mark>)/);
    let inMark = false;
    parts.forEach(function (part) {
      if (part === '<mark>') { inMark = true; return; }
      if (part === '</mark>') { inMark = false; return; }
      if (!part) return;
      const text = document.createTextNode(decodeEntities(part));
      if (inMark) {
        const mark = document.createElement('mark');
        mark.appendChild(text);
        parent.appendChild(mark);
      } else {
        parent.appendChild(text);
      }
    });
    return parent;
  }

  function markedToPlain(escaped) {
    return decodeEntities(String(escaped || '').split(/<\/?mark>/).join(''));
  }


  function absoluteUrl(url) {
    try {
      return new URL(url, window.location.origin).href;
    } catch (e) {
      return String(url || '');
    }
  }

  /** Only same-site paths become links; anything else is not trusted as a destination. */
  function safeHref(url) {
    const text = String(url || '');
    return /^\/(?!\/)/.test(text) ? text : null;
  }

  function announce(text) {
    const region = Chat.el.announcer;
    region.textContent = '';
    window.setTimeout(function () { region.textContent = text; }, 60);
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  function icon(direction) {
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '18');
    svg.setAttribute('height', '18');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'icon' + (direction === 'down' ? ' icon-flip' : ''));
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', THUMB_PATH);
    svg.appendChild(path);
    return svg;
  }

  // ---------------------------------------------------------------- network

  // patience (optional): { untilMs } — a time (Date.now()) before which the request is not given up,
  // which the caller may move later while it waits.
  function requestJson(method, url, body, patience) {
    const controller = window.AbortController ? new AbortController() : null;
    let timer = null;
    function giveUpAfter(ms) {
      timer = window.setTimeout(function () {
        const until = patience ? patience.untilMs : 0;
        if (Date.now() < until) giveUpAfter(until - Date.now());
        else controller.abort();
      }, ms);
    }
    if (controller) giveUpAfter(REQUEST_TIMEOUT_MS);
    const options = { method: method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    if (controller) options.signal = controller.signal;
    return fetch(url, options)
      .then(function (response) {
        return response.text().then(function (text) {
          let data = null;
          try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
          return { ok: response.ok, status: response.status, data: data, headers: response.headers };
        });
      })
      .catch(function (error) {
        const timedOut = error && error.name === 'AbortError';
        return { ok: false, status: 0, data: null, headers: null, timedOut: timedOut };
      })
      .finally(function () {
        if (timer) window.clearTimeout(timer);
      });
  }

  function errorMessage(result) {
    const data = result.data || {};
    if (result.timedOut) return 'The assistant took too long to answer. Please try again.';
    if (result.status === 0) return 'The assistant could not be reached. Check your connection and try again.';
    if (result.status === 400) {
      return data.error ? 'Your question could not be used: ' + data.error : 'Your question could not be used. Please rephrase it and try again.';
    }
    if (result.status === 429) {
      const wait = result.headers && result.headers.get('Retry-After');
      return 'You have asked several questions in a short time. Please wait ' +
        (wait ? plural(Number(wait) || 1, 'second', 'seconds') : 'a moment') + ' and try again.';
    }
    if (result.status === 503) return 'The library is still being prepared. Please try again in a few seconds.';
    return 'Sorry, something went wrong and your question could not be answered. Please try again.';
  }

  // ---------------------------------------------------------------- library and filters

  function loadLibrary(attempt) {
    requestJson('GET', '/api/documents').then(function (result) {
      if (result.status === 503 && attempt < 60) {
        Chat.el.librarySummary.textContent = 'The library is being prepared…';
        window.setTimeout(function () { loadLibrary(attempt + 1); }, 3000);
        return;
      }
      if (!result.ok || !result.data || !Array.isArray(result.data.documents)) {
        Chat.el.librarySummary.textContent = 'The filters could not be loaded; you can still ask questions.';
        return;
      }
      fillFilters(result.data.documents);
    });
  }

  function uniqueSorted(values) {
    const seen = new Map();
    values.forEach(function (value) {
      const text = String(value || '').trim();
      if (text && !seen.has(text.toLowerCase())) seen.set(text.toLowerCase(), text);
    });
    return Array.from(seen.values()).sort(function (a, b) { return a.localeCompare(b, 'en', { sensitivity: 'base' }); });
  }

  function fillSelect(select, values) {
    values.forEach(function (value) {
      const option = make('option', null, value.charAt(0).toUpperCase() + value.slice(1));
      option.value = value;
      select.appendChild(option);
    });
  }

  function fillFilters(documents) {
    const types = uniqueSorted(documents.map(function (d) { return d.documentType; }));
    const themes = uniqueSorted([].concat.apply([], documents.map(function (d) { return d.themes || []; })));
    const organisations = uniqueSorted(documents.map(function (d) { return d.organisation; }));
    fillSelect(Chat.el.filterType, types);
    fillSelect(Chat.el.filterTheme, themes);
    Chat.el.librarySummary.textContent = 'The library holds ' + plural(documents.length, 'document', 'documents') +
      ' from ' + plural(organisations.length, 'organisation', 'organisations') + '.';
  }

  function currentFilters() {
    const filters = {};
    if (Chat.el.filterType.value) filters.type = [Chat.el.filterType.value];
    if (Chat.el.filterTheme.value) filters.theme = [Chat.el.filterTheme.value];
    return Object.keys(filters).length ? filters : null;
  }

  function updateFilterCount() {
    const count = (Chat.el.filterType.value ? 1 : 0) + (Chat.el.filterTheme.value ? 1 : 0);
    Chat.el.filterCount.textContent = count ? '(' + plural(count, 'filter', 'filters') + ' on)' : '';
  }

  function describeFilters(filters) {
    if (!filters) return '';
    const parts = [];
    if (filters.type) parts.push('document type: ' + filters.type.join(', '));
    if (filters.theme) parts.push('theme: ' + filters.theme.join(', '));
    return 'Searched only ' + parts.join('; ');
  }

  // ---------------------------------------------------------------- asking

  function showFieldError(message) {
    const error = Chat.el.questionError;
    const box = Chat.el.question;
    if (message) {
      error.textContent = message;
      error.hidden = false;
      box.setAttribute('aria-invalid', 'true');
      box.setAttribute('aria-describedby', 'question-hint question-error');
    } else {
      error.textContent = '';
      error.hidden = true;
      box.removeAttribute('aria-invalid');
      box.setAttribute('aria-describedby', 'question-hint');
    }
  }

  function setPending(pending) {
    Chat.pending = pending;
    Chat.el.askButton.setAttribute('aria-disabled', pending ? 'true' : 'false');
    Chat.el.askButton.textContent = pending ? 'Asking…' : 'Ask';
    Chat.el.thread.setAttribute('aria-busy', pending ? 'true' : 'false');
  }

  function ask(rawQuestion) {
    const question = String(rawQuestion || '').trim();
    if (Chat.pending) {
      announce('Please wait for the current answer.');
      return;
    }
    if (!question) {
      showFieldError('Type a question first.');
      Chat.el.question.focus();
      return;
    }
    showFieldError(null);
    Chat.el.question.value = '';
    const filters = currentFilters();
    const turn = createTurn(question, filters);
    showConversation(true);
    setPending(true);
    announce('Searching the library…');
    sendQuestion(turn, question, filters);
  }

  function sendQuestion(turn, question, filters) {
    const generation = Chat.generation;
    const body = { question: question };
    if (Chat.conversationId) body.conversationId = Chat.conversationId;
    if (filters) body.filters = filters;
    const patience = { untilMs: 0 };
    const startupCheck = window.setTimeout(function () { explainWait(turn, generation, patience); }, STARTUP_CHECK_MS);
    requestJson('POST', '/api/ask', body, patience).then(function (result) {
      window.clearTimeout(startupCheck);
      if (generation !== Chat.generation) return; // the conversation was reset meanwhile
      setPending(false);
      clear(turn.body);
      if (result.ok && result.data && typeof result.data.answer === 'string') {
        if (result.data.conversationId) Chat.conversationId = result.data.conversationId;
        const shown = showMasked(turn, question, result.data.question);
        renderAnswer(turn, shown, result.data, false);
        remember(shown, filters, result.data);
      } else {
        renderError(turn, question, filters, errorMessage(result));
      }
      keepFocusSensible();
    });
  }

  // A slow answer because the server is still starting up: say so in the turn, and wait longer.
  function explainWait(turn, generation, patience) {
    requestJson('GET', '/health').then(function (result) {
      const health = result.data || {};
      if (generation !== Chat.generation || !Chat.pending) return;
      if (health.safetyScreen !== 'training' && health.answerModels !== 'training') return;
      patience.untilMs = Date.now() + STARTUP_PATIENCE_MS;
      const loading = turn.body.querySelector('.loading');
      if (loading) {
        loading.lastChild.textContent = STARTING_UP;
        announce(STARTING_UP);
      }
    });
  }

  function keepFocusSensible() {
    const active = document.activeElement;
    if (!active || active === document.body || !document.contains(active) || active.closest('[hidden]')) {
      Chat.el.question.focus();
    }
  }


  function showConversation(hasTurns) {
    Chat.el.starters.hidden = hasTurns;
    Chat.el.threadHeading.hidden = !hasTurns;
  }

  function newConversation() {
    Chat.generation += 1;
    Chat.conversationId = null;
    Chat.history = [];
    forgetStored();
    setPending(false);
    clear(Chat.el.thread);
    showFieldError(null);
    showConversation(false);
    Chat.el.question.value = '';
    Chat.el.question.focus();
    announce('Started a new conversation.');
  }

  // ---------------------------------------------------------------- keeping the thread for this tab

  /*
   * The thread lives in sessionStorage (this tab only, gone when the tab closes) so that opening
   * a cited document and coming back does not lose the conversation.
   */
  function remember(question, filters, data) {
    Chat.history.push({ question: question, filters: filters, data: data });
    if (Chat.history.length > MAX_STORED_TURNS) Chat.history = Chat.history.slice(-MAX_STORED_TURNS);
    try {
      window.sessionStorage.setItem(STORE_KEY, JSON.stringify({ conversationId: Chat.conversationId, turns: Chat.history }));
    } catch (e) {
      // Storage may be full or switched off; the page still works without it.
    }
  }

  function forgetStored() {
    try {
      window.sessionStorage.removeItem(STORE_KEY);
    } catch (e) {
      // Nothing to forget.
    }
  }

  function restore() {
    let saved = null;
    try {
      saved = JSON.parse(window.sessionStorage.getItem(STORE_KEY) || 'null');
    } catch (e) {
      saved = null;
    }
    if (!saved || !Array.isArray(saved.turns) || !saved.turns.length) return;
    Chat.conversationId = typeof saved.conversationId === 'string' ? saved.conversationId : null;
    saved.turns.forEach(function (entry) {
      if (!entry || typeof entry.question !== 'string' || !entry.data || typeof entry.data.answer !== 'string') return;
      const turn = createTurn(entry.question, entry.filters || null);
      clear(turn.body);
      renderAnswer(turn, entry.question, entry.data, true);
      Chat.history.push(entry);
    });
    showConversation(Chat.history.length > 0);
  }

  // ---------------------------------------------------------------- rendering a turn

  function createTurn(question, filters) {
    Chat.turnCount += 1;
    const id = 'turn-' + Chat.turnCount;
    const item = make('li', 'turn');
    item.id = id;
    item.setAttribute('aria-labelledby', id + '-question');

    const heading = make('h3', 'turn-question');
    heading.id = id + '-question';
    heading.appendChild(hiddenText('You asked: '));
    heading.appendChild(document.createTextNode(question));
    item.appendChild(heading);

    if (filters) item.appendChild(make('p', 'turn-filters', describeFilters(filters)));

    const body = make('div', 'turn-body');
    const loading = make('p', 'loading');
    loading.appendChild(make('span', 'spinner'));
    loading.lastChild.setAttribute('aria-hidden', 'true');
    loading.appendChild(document.createTextNode('Searching the library…'));
    body.appendChild(loading);
    item.appendChild(body);

    Chat.el.thread.insertBefore(item, Chat.el.thread.firstChild);
    return { id: id, item: item, body: body };
  }

  // The server masks names and other identifiers before it searches or keeps a question, and answers
  // with the question as kept. When masking changed it, the turn shows that text (also all the tab
  // keeps) and says why, so the practitioner sees what was kept and learns to leave such details out.
  const PLACEHOLDER = /\[(?:name|phone|email|date|date of birth|address|postcode|school|reference|number)\]/;
  const MASKED_NOTE = 'Names and other details that could identify someone were taken out before your '
    + 'question was searched or kept.';

  function showMasked(turn, typed, kept) {
    if (typeof kept !== 'string' || kept === typed || !PLACEHOLDER.test(kept) || PLACEHOLDER.test(typed)) return typed;
    const heading = turn.item.querySelector('.turn-question');
    heading.lastChild.textContent = kept;
    heading.insertAdjacentElement('afterend', make('p', 'turn-masked', MASKED_NOTE));
    return kept;
  }

  function renderError(turn, question, filters, message) {
    const box = make('div', 'notice notice-error');
    box.appendChild(make('p', null, message));
    const retry = make('button', 'button button-secondary', 'Try again');
    retry.type = 'button';
    retry.addEventListener('click', function () {
      if (Chat.pending) return;
      turn.item.remove();
      if (!Chat.el.thread.firstChild) showConversation(false);
      Chat.el.filterType.value = filters && filters.type ? filters.type[0] : '';
      Chat.el.filterTheme.value = filters && filters.theme ? filters.theme[0] : '';
      updateFilterCount();
      Chat.el.question.focus();
      ask(question);
    });
    box.appendChild(retry);
    turn.body.appendChild(box);
    announce(message);
  }

  function renderAnswer(turn, question, data, quiet) {
    const citations = Array.isArray(data.citations) ? data.citations : [];
    const points = Array.isArray(data.points) ? data.points : [];
    const suggestions = Array.isArray(data.suggestions) ? data.suggestions : [];
    const byNumber = new Map(citations.map(function (c) { return [Number(c.n), c]; }));

    // Who to contact now leads the turn, above even the echoed question: the first thing seen.
    if (data.urgent) {
      turn.item.insertBefore(renderUrgent(data.urgentMessage, data.grounded, points.length > 0), turn.item.firstChild);
    }

    const answer = make('div', 'answer' + (data.grounded ? '' : ' answer-not-grounded'));
    answer.appendChild(make('h4', 'visually-hidden', 'Answer'));
    answer.appendChild(make('p', 'answer-lead', data.answer));
    // An urgent question the library does not cover still shows what the library says to do in an emergency.
    const quoted = data.grounded || (data.urgent && citations.length > 0);
    if (quoted && points.length) answer.appendChild(renderPoints(points, byNumber, turn.id));
    const closest = Array.isArray(data.closest) ? data.closest : [];
    if (!data.grounded && closest.length) answer.appendChild(renderClosest(closest));
    if (suggestions.length) answer.appendChild(renderSuggestions(suggestions, data.grounded));
    if (quoted && citations.length) {
      answer.appendChild(make('h4', 'sources-heading', 'Sources'));
      answer.appendChild(renderSources(citations, turn.id));
    }
    answer.appendChild(renderActions(turn, question, data));
    turn.body.appendChild(answer);

    if (!quiet) announce(answerSummary(data, points, citations, suggestions));
  }

  function answerSummary(data, points, citations, suggestions) {
    // Read first to screen-reader users too: who to contact now, before anything about the library.
    const prefix = data.urgent ? 'Urgent. ' + (data.urgentMessage || 'If a child is in immediate danger, call 999.') + ' ' : '';
    if (!data.grounded && data.urgent && points.length) {
      return prefix + 'The library does not cover that question; what it says to do in an emergency is below.';
    }
    if (!data.grounded) {
      const closest = Array.isArray(data.closest) ? data.closest.length : 0;
      return prefix + 'The library does not cover that question.' +
        (closest ? ' ' + plural(closest, 'closest passage is', 'closest passages are') + ' listed, not as an answer.' : '') +
        (suggestions.length ? ' ' + (offersQuestions(suggestions)
          ? plural(suggestions.length, 'question it does answer is', 'questions it does answer are')
          : plural(suggestions.length, 'suggested topic is', 'suggested topics are')) + ' listed.' : '');
    }
    return prefix + 'Answer ready with ' + plural(points.length, 'point', 'points') + ' and ' +
      plural(citations.length, 'source', 'sources') + ', below the question box.';
  }

  function renderUrgent(message, grounded, hasPoints) {
    const alert = make('div', 'alert-urgent');
    alert.setAttribute('role', 'alert');
    alert.appendChild(make('h4', 'alert-urgent-title', 'If a child is at immediate risk, act now'));
    alert.appendChild(make('p', 'alert-urgent-text',
      message || 'If a child is in immediate danger, call 999. Otherwise contact children\'s social care now, or the out-of-hours Emergency Duty Team.'));
    if (grounded) alert.appendChild(make('p', 'alert-urgent-after', 'What the library\'s learning says follows below.'));
    else if (hasPoints) alert.appendChild(make('p', 'alert-urgent-after', 'What the library says to do in an emergency follows below.'));
    return alert;
  }

  // Points are grouped by kind, in the order the answer gives them (the kind of its best point first);
  // background from a case is labelled, never shown as guidance.
  const POINT_KINDS = {
    do: 'What to do',
    learned: 'What was learned',
    background: 'Background from the case'
  };

  function kindOf(point) {
    return Object.prototype.hasOwnProperty.call(POINT_KINDS, point.kind) ? point.kind : 'learned';
  }

  function renderPoints(points, byNumber, turnId) {
    const order = [];
    points.forEach(function (p) { if (order.indexOf(kindOf(p)) < 0) order.push(kindOf(p)); });
    const box = make('div', 'point-groups');
    order.forEach(function (kind) {
      const group = points.filter(function (p) { return kindOf(p) === kind; });
      // A heading only when there is more than one kind: a single list needs no label.
      if (order.length > 1) box.appendChild(make('h5', 'point-kind point-kind-' + kind, POINT_KINDS[kind]));
      const list = make('ul', 'points points-' + kind);
      group.forEach(function (point) { list.appendChild(renderPoint(point, byNumber, turnId)); });
      box.appendChild(list);
    });
    return box;
  }

  function renderPoint(point, byNumber, turnId) {
    const item = make('li', 'point');
    item.appendChild(document.createTextNode(String(point.text || '')));
    const numbers = Array.isArray(point.citations) ? point.citations : [];
    if (numbers.length) {
      const cites = make('span', 'cites');
      numbers.forEach(function (n) { cites.appendChild(citeMarker(Number(n), byNumber.get(Number(n)), turnId)); });
      item.appendChild(document.createTextNode(' '));
      item.appendChild(cites);
    }
    return item;
  }

  function sourceId(turnId, n) {
    return turnId + '-source-' + n;
  }

  function citeMarker(n, citation, turnId) {
    if (!citation) return make('span', 'cite cite-missing', '[' + n + ']');
    const link = make('a', 'cite');
    link.href = '#' + sourceId(turnId, n);
    link.appendChild(document.createTextNode('['));
    link.appendChild(hiddenText('source '));
    link.appendChild(document.createTextNode(String(n)));
    link.appendChild(document.createTextNode(']'));
    link.title = 'Source ' + n + ': ' + (citation.title || '');
    link.addEventListener('click', function (event) {
      event.preventDefault();
      focusSource(sourceId(turnId, n));
    });
    return link;
  }

  function focusSource(id) {
    const card = $(id);
    if (!card) return;
    card.scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'center' });
    card.focus({ preventScroll: true });
  }

  function renderSources(citations, turnId) {
    const list = make('ol', 'sources');
    citations.forEach(function (c) { list.appendChild(renderSourceCard(c, turnId)); });
    return list;
  }

  function renderSourceCard(c, turnId) {
    const n = Number(c.n);
    const id = sourceId(turnId, n);
    const card = make('li', 'source-card');
    card.id = id;
    card.tabIndex = -1;
    card.setAttribute('aria-labelledby', id + '-title');

    const head = make('div', 'source-head');
    const badge = make('span', 'source-number', String(n));
    badge.setAttribute('aria-hidden', 'true');
    head.appendChild(badge);
    const title = make('h5', 'source-title');
    title.id = id + '-title';
    title.appendChild(hiddenText('Source ' + n + ': '));
    title.appendChild(document.createTextNode(c.title || 'Untitled document'));
    head.appendChild(title);
    card.appendChild(head);

    const meta = [c.organisation, formatDate(c.date), c.documentType].filter(Boolean).join(' · ');
    if (meta) card.appendChild(make('p', 'source-meta', meta));
    if (c.section) {
      const section = make('p', 'source-section');
      section.appendChild(hiddenText('Section: '));
      section.appendChild(document.createTextNode(c.section));
      card.appendChild(section);
    }

    const excerpt = make('blockquote', 'source-excerpt');
    if (c.highlighted) appendMarked(excerpt, c.highlighted);
    else excerpt.textContent = c.excerpt || '';
    card.appendChild(excerpt);

    const href = safeHref(c.url);
    if (href) {
      const link = make('a', 'source-link', 'Open in document');
      link.href = href;
      link.appendChild(hiddenText(' (source ' + n + ': ' + (c.title || 'document') + ')'));
      card.appendChild(link);
    }
    return card;
  }

  // A declined question's nearest passages: links to read, each with its closest sentence, never shown as an answer.
  function renderClosest(closest) {
    const wrap = make('div', 'closest');
    wrap.appendChild(make('h4', 'closest-heading', 'Closest passages in the library (not an answer)'));
    const list = make('ul', 'closest-list');
    closest.forEach(function (c) {
      const item = make('li', 'closest-item');
      // The section's own heading links to the passage; its document follows (the path is on the page it opens).
      const headings = (c.section || '').split(' › ');
      const label = headings[headings.length - 1] || c.title || 'Untitled document';
      const href = safeHref(c.url);
      const link = make(href ? 'a' : 'span', 'closest-link', label);
      if (href) link.href = href;
      item.appendChild(link);
      if (c.title && c.title !== label) item.appendChild(make('span', 'closest-document', ' · ' + c.title));
      const sentence = make('p', 'closest-excerpt');
      if (c.highlighted) appendMarked(sentence, c.highlighted);
      else sentence.textContent = c.excerpt || '';
      item.appendChild(sentence);
      list.appendChild(item);
    });
    wrap.appendChild(list);
    return wrap;
  }

  // A declined answer offers questions the library answers close to the one asked (each ends with "?"), or,
  // when none is close, the topics it covers (names, never a question).
  function offersQuestions(suggestions) {
    return suggestions.every(function (s) { return /\?$/.test(s); });
  }

  function renderSuggestions(suggestions, grounded) {
    const wrap = make('div', 'suggestions');
    wrap.appendChild(make('h4', 'suggestions-heading', grounded ? 'You could also ask'
      : offersQuestions(suggestions) ? 'Questions the library does answer' : 'Topics the library does cover'));
    const list = make('ul', 'chip-list');
    suggestions.forEach(function (text) {
      const item = make('li');
      const button = make('button', 'button button-chip', text);
      button.type = 'button';
      button.addEventListener('click', function () {
        Chat.el.question.focus();
        ask(text);
      });
      item.appendChild(button);
      list.appendChild(item);
    });
    wrap.appendChild(list);
    return wrap;
  }

  // ---------------------------------------------------------------- copy and feedback

  function renderActions(turn, question, data) {
    const actions = make('div', 'answer-actions');
    if (data.grounded) actions.appendChild(renderCopy(question, data));
    if (data.answerId) actions.appendChild(renderFeedback(turn, data));
    return actions;
  }

  function renderCopy(question, data) {
    const wrap = make('div', 'copy');
    const button = make('button', 'button button-secondary', 'Copy answer');
    button.type = 'button';
    const status = make('p', 'action-status');
    status.setAttribute('role', 'status');
    button.addEventListener('click', function () {
      status.textContent = '';
      copyText(answerAsText(question, data)).then(function (copied) {
        status.textContent = copied
          ? 'Answer copied, with its sources.'
          : 'Copying is blocked in this browser. Select the answer text to copy it instead.';
      });
    });
    wrap.appendChild(button);
    wrap.appendChild(status);
    return wrap;
  }

  function answerAsText(question, data) {
    const lines = ['Question: ' + question, ''];
    if (data.urgent && data.urgentMessage) lines.push('URGENT: ' + data.urgentMessage, '');
    lines.push(data.answer, '');
    (data.points || []).forEach(function (p) {
      const refs = (p.citations || []).map(function (n) { return '[' + n + ']'; }).join('');
      lines.push('- ' + p.text + (refs ? ' ' + refs : ''));
    });
    const citations = data.citations || [];
    if (citations.length) {
      lines.push('', 'Sources');
      citations.forEach(function (c) {
        const meta = [c.organisation, formatDate(c.date)].filter(Boolean).join(', ');
        lines.push('[' + c.n + '] ' + c.title + (meta ? ' (' + meta + ')' : '') +
          (c.section ? ' – section: ' + c.section : ''));
        if (c.url) lines.push('    ' + absoluteUrl(c.url));
      });
    }
    lines.push('', 'Quoted from the Safeguarding Guidance Assistant library. Check your local safeguarding procedures.');
    return lines.join('\n');
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return copyFallback(text); });
    }
    return Promise.resolve(copyFallback(text));
  }

  function copyFallback(text) {
    const active = document.activeElement;
    const area = make('textarea', 'offscreen');
    area.value = text;
    area.setAttribute('readonly', '');
    area.setAttribute('aria-hidden', 'true');
    area.tabIndex = -1;
    document.body.appendChild(area);
    area.select();
    let copied = false;
    try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
    area.remove();
    if (active && active.focus) active.focus();
    return copied;
  }

  function renderFeedback(turn, data) {
    const group = make('div', 'feedback');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-labelledby', turn.id + '-feedback-label');
    const label = make('span', 'feedback-label', 'Was this helpful?');
    label.id = turn.id + '-feedback-label';
    group.appendChild(label);

    const up = feedbackButton('up', 'Helpful');
    const down = feedbackButton('down', 'Not helpful');
    group.appendChild(up);
    group.appendChild(down);

    const reasonForm = make('div', 'feedback-reason');
    reasonForm.hidden = true;
    const reasonLabel = make('label', 'label-small', 'What was missing or wrong? (optional)');
    reasonLabel.htmlFor = turn.id + '-reason';
    const reason = make('textarea', 'reason-input');
    reason.id = turn.id + '-reason';
    reason.rows = 2;
    reason.maxLength = 500;
    const send = make('button', 'button button-secondary', 'Send feedback');
    send.type = 'button';
    reasonForm.appendChild(reasonLabel);
    reasonForm.appendChild(reason);
    reasonForm.appendChild(send);
    group.appendChild(reasonForm);

    const status = make('p', 'action-status feedback-status');
    status.setAttribute('role', 'status');
    group.appendChild(status);

    function press(rating) {
      up.setAttribute('aria-pressed', rating === 'up' ? 'true' : 'false');
      down.setAttribute('aria-pressed', rating === 'down' ? 'true' : 'false');
    }

    function submit(rating, text) {
      status.textContent = 'Sending…';
      const body = { answerId: data.answerId, rating: rating };
      if (data.conversationId) body.conversationId = data.conversationId;
      if (text) body.reason = text;
      requestJson('POST', '/api/feedback', body).then(function (result) {
        status.textContent = result.ok
          ? 'Thanks for your feedback.'
          : 'Sorry, your feedback could not be sent. Please try again.';
      });
    }

    up.addEventListener('click', function () {
      press('up');
      reasonForm.hidden = true;
      submit('up', '');
    });
    down.addEventListener('click', function () {
      press('down');
      status.textContent = '';
      reasonForm.hidden = false;
      reason.focus();
    });
    send.addEventListener('click', function () {
      down.focus();
      reasonForm.hidden = true;
      submit('down', reason.value.trim());
    });
    reason.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        send.click();
      }
    });
    return group;
  }

  function feedbackButton(rating, text) {
    const button = make('button', 'button button-feedback');
    button.type = 'button';
    button.setAttribute('aria-pressed', 'false');
    button.dataset.rating = rating;
    button.appendChild(icon(rating));
    button.appendChild(make('span', null, text));
    return button;
  }

  // ---------------------------------------------------------------- start-up

  function onQuestionKeyDown(event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ask(Chat.el.question.value);
    }
  }

  function init() {
    const el = Chat.el;
    el.form = $('ask-form');
    el.question = $('question');
    el.questionError = $('question-error');
    el.askButton = $('ask-button');
    el.newConversation = $('new-conversation');
    el.filterType = $('filter-type');
    el.filterTheme = $('filter-theme');
    el.librarySummary = $('library-summary');
    el.filterCount = $('filter-count');
    el.starters = $('starters');
    el.thread = $('thread');
    el.threadHeading = $('thread-heading');
    el.announcer = $('announcer');

    el.form.addEventListener('submit', function (event) {
      event.preventDefault();
      ask(el.question.value);
    });
    el.question.addEventListener('keydown', onQuestionKeyDown);
    el.question.addEventListener('input', function () {
      if (!el.questionError.hidden && el.question.value.trim()) showFieldError(null);
    });
    el.newConversation.addEventListener('click', newConversation);
    el.filterType.addEventListener('change', updateFilterCount);
    el.filterTheme.addEventListener('change', updateFilterCount);
    el.starters.querySelectorAll('button[data-question]').forEach(function (button) {
      button.addEventListener('click', function () {
        el.question.focus();
        ask(button.dataset.question);
      });
    });
    setPending(false);
    restore();
    loadLibrary(0);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
