/*
 * Safeguarding Guidance Assistant – small DOM helpers shared by the chat page and the document view.
 * Text always goes in with textContent; nothing here parses HTML.
 */
(function () {
  'use strict';

  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];

  function $(id) {
    return document.getElementById(id);
  }

  function make(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function prefersReducedMotion() {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  /** "2021-03" → "March 2021", "2021-03-05" → "5 March 2021"; anything else as given. */
  function formatDate(value) {
    const text = String(value || '').trim();
    let m = /^(\d{4})-(\d{2})$/.exec(text);
    if (m && +m[2] >= 1 && +m[2] <= 12) return MONTHS[+m[2] - 1] + ' ' + m[1];
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (m && +m[2] >= 1 && +m[2] <= 12) return (+m[3]) + ' ' + MONTHS[+m[2] - 1] + ' ' + m[1];
    return text;
  }

  window.GuidanceDom = Object.freeze({ $: $, make: make, clear: clear,
    prefersReducedMotion: prefersReducedMotion, formatDate: formatDate });
}());
