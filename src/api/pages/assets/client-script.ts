// The pages' only script, served at /assets/app.js: plain browser JavaScript, no build step. It adds
// to server-rendered pages — upload without leaving the page and live progress (bundles), type
// filters and the source page beside the timeline with the quote highlighted (timeline), printing.
// The session is an HttpOnly cookie: fetch() sends it (same origin), this script never sees the token.
export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var page = document.body.getAttribute('data-page');

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(readJson);
  }
  function readJson(res) {
    return res.text().then(function (text) {
      var body = null;
      try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
      if (!res.ok) {
        var err = new Error((body && body.message) || (res.status + ' ' + res.statusText));
        err.status = res.status;
        throw err;
      }
      return body;
    });
  }

  $$('[data-action="print"]').forEach(function (b) { b.addEventListener('click', function () { window.print(); }); });
  window.addEventListener('beforeprint', function () { $$('details').forEach(function (d) { d.setAttribute('open', ''); }); });

  // ── bundles: upload, live status ──────────────────────────────────────────────────────────────
  function initBundles() {
    var form = $('#upload-form');
    var rows = $('#bundle-rows');
    var timer = null;
    function active() { return $$('tr[data-status="queued"], tr[data-status="processing"]', rows).length > 0; }
    function refresh() {
      timer = null;
      fetch('/bundles/rows', { credentials: 'same-origin', headers: { Accept: 'text/html' } })
        .then(function (res) { if (!res.ok) throw new Error(res.status); return res.text(); })
        .then(function (markup) { rows.innerHTML = markup; schedule(); })
        .catch(function () { schedule(4000); });
    }
    function schedule(ms) { if (!timer && active()) timer = setTimeout(refresh, ms || 1500); }
    if (rows) schedule();
    if (!form) return;
    var status = $('#upload-status');
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var input = $('input[type=file]', form);
      if (!input.files || input.files.length === 0) { show('error', 'Choose one or more PDF or text files first.'); return; }
      var button = $('button[type=submit]', form);
      button.disabled = true;
      show('', 'Uploading ' + input.files.length + ' file' + (input.files.length === 1 ? '' : 's') + '…');
      fetch(form.getAttribute('action'), { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(readJson)
        .then(function (r) {
          status.className = 'notice ok';
          status.textContent = '';
          status.appendChild(document.createTextNode((r.added ? 'Queued bundle ' : 'Already uploaded: bundle ')));
          status.appendChild(el('a', { href: '/bundles/' + encodeURIComponent(r.bundleId), text: r.bundleId, 'data-bundle-id': r.bundleId }));
          status.appendChild(document.createTextNode(' (' + r.documents.length + ' document' + (r.documents.length === 1 ? '' : 's') + ').'));
          form.reset();
          if (timer) { clearTimeout(timer); timer = null; }
          refresh();
        })
        .catch(function (e) { show('error', 'Upload refused: ' + e.message); })
        .then(function () { button.disabled = false; });
    });
    function show(kind, text) { status.className = 'notice' + (kind ? ' ' + kind : ''); status.textContent = text; status.hidden = false; }
  }

  // ── timeline: filters, source page beside the list ────────────────────────────────────────────
  function initTimeline() {
    var list = $('#timeline');
    if (!list) return;
    var events = $$('.event', list);
    var filters = $('#type-filters');
    var statusLine = $('#filter-status');
    function applyFilters() {
      var on = {};
      $$('input[name=type]', filters).forEach(function (c) { on[c.value] = c.checked; });
      var shown = 0;
      events.forEach(function (e) {
        var visible = on[e.getAttribute('data-type')] !== false;
        e.classList.toggle('is-hidden', !visible);
        if (visible) shown++;
      });
      $$('.encounter, .day', list).forEach(function (g) { g.classList.toggle('is-hidden', !$('.event:not(.is-hidden)', g)); });
      if (statusLine) statusLine.textContent = 'Showing ' + shown + ' of ' + events.length + ' events';
    }
    if (filters) {
      filters.addEventListener('change', applyFilters);
      filters.addEventListener('click', function (ev) {
        var action = ev.target.getAttribute && ev.target.getAttribute('data-filter');
        if (!action) return;
        $$('input[name=type]', filters).forEach(function (c) { c.checked = action === 'all'; });
        applyFilters();
      });
      applyFilters();
    }

    var layout = $('.timeline-layout');
    var panel = $('#source-panel');
    var panelTitle = $('#panel-title');
    var panelBody = $('#panel-body');
    var panelOpen = $('#panel-open');
    var names = {};
    $$('[data-document-id]').forEach(function (d) { names[d.getAttribute('data-document-id')] = d.getAttribute('data-document-name'); });
    $('#panel-close').addEventListener('click', closePanel);
    document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') closePanel(); });

    function closePanel() {
      panel.hidden = true;
      layout.classList.remove('has-panel');
      events.forEach(function (e) { e.classList.remove('selected'); });
    }

    list.addEventListener('click', function (ev) {
      var t = ev.target;
      if (t.closest('a.flag-badge')) return;
      var item = t.closest('.event');
      if (!item) return;
      if (ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
      ev.preventDefault();
      openSource(item);
    });
    list.addEventListener('keydown', function (ev) {
      if (ev.key !== 'Enter' || !ev.target.classList.contains('event')) return;
      ev.preventDefault();
      openSource(ev.target);
    });

    function openSource(item) {
      events.forEach(function (e) { e.classList.toggle('selected', e === item); });
      var doc = item.getAttribute('data-doc');
      var num = Number(item.getAttribute('data-page'));
      var start = Number(item.getAttribute('data-start'));
      var end = Number(item.getAttribute('data-end'));
      panel.hidden = false;
      layout.classList.add('has-panel');
      panelTitle.textContent = (names[doc] || doc) + ' · page ' + num;
      panelOpen.setAttribute('href', $('a.source-link', item).getAttribute('href'));
      panelBody.textContent = 'Loading page ' + num + '…';
      var url = '/api/documents/' + encodeURIComponent(doc) + '/pages/';
      getJson(url + num).then(function (p) {
        panelTitle.textContent = (names[doc] || doc) + ' · page ' + p.num + ' of ' + p.pageCount;
        var parts = [pageText(p.text, start, end)];
        var rest = Math.max(0, end - p.text.length - 1);
        if (rest > 0 && p.num < p.pageCount) {
          return getJson(url + (p.num + 1)).then(function (next) {
            parts.push(el('div', { 'class': 'page-break', text: 'page ' + next.num + ' (the quote continues)' }));
            parts.push(pageText(next.text, 0, rest));
            return parts;
          });
        }
        return parts;
      }).then(function (parts) {
        panelBody.textContent = '';
        parts.forEach(function (p) { panelBody.appendChild(p); });
        // scroll the panel only, not the page: the clicked event stays where it is
        var mark = $('mark.quote', panelBody);
        if (mark) panelBody.scrollTop = Math.max(0, mark.offsetTop - panelBody.clientHeight / 3);
      }).catch(function (e) {
        panelBody.textContent = '';
        panelBody.appendChild(el('p', { 'class': 'notice error', text: 'Could not load the page: ' + e.message }));
      });
    }

    function pageText(text, start, end) {
      var s = Math.max(0, Math.min(start, text.length));
      var e = Math.max(s, Math.min(end, text.length));
      return el('pre', { 'class': 'page-text' }, [
        text.slice(0, s),
        el('mark', { 'class': 'quote', text: text.slice(s, e) }),
        text.slice(e),
      ]);
    }

    if (location.hash.length > 1) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target && target.classList.contains('event')) {
        target.classList.add('target');
        target.scrollIntoView({ block: 'center' });
      }
    }
  }

  // ── source page on its own: bring the quote into view ─────────────────────────────────────────
  function initSource() {
    var mark = $('mark.quote');
    if (mark) mark.scrollIntoView({ block: 'center' });
  }

  // ── a bundle still being processed: look again shortly ────────────────────────────────────────
  function initPending() {
    var p = $('#pending');
    var state = p && p.getAttribute('data-status');
    if (state === 'queued' || state === 'processing') setTimeout(function () { location.reload(); }, 2000);
  }

  if (page === 'bundles') initBundles();
  if (page === 'pending') initPending();
  if (page === 'timeline') initTimeline();
  if (page === 'source') initSource();
})();
`;
