// The pages' only script, served at /assets/app.js: plain browser JavaScript, no build step. It adds
// to server-rendered pages — upload without leaving the page and live progress (bundles); the
// chronology's search as you type, filters, jump to a date, folding, and the original page beside it
// with the quote marked (chronology); bulk selection (flags); copying a new token (tokens); printing.
// Every page works without it. The session is an HttpOnly cookie: fetch() sends it (same origin), this
// script never sees it.
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

  // a box over the quote on a page image, in percent of the image (set through the CSSOM: the pages'
  // Content-Security-Policy refuses style attributes)
  function quoteBox(x) {
    var d = el('div', { 'class': 'quote-box' });
    d.style.left = (x.x * 100) + '%';
    d.style.top = (x.y * 100) + '%';
    d.style.width = (x.w * 100) + '%';
    d.style.height = (x.h * 100) + '%';
    return d;
  }

  $$('[data-action="print"]').forEach(function (b) { b.addEventListener('click', function () { window.print(); }); });
  // paper gets the flag summary and the document list open; folded statements stay as the reader left them
  window.addEventListener('beforeprint', function () { $$('details.flags-summary, details.documents, details.more-flags').forEach(function (d) { d.setAttribute('data-was-open', d.open ? '1' : ''); d.open = true; }); });
  window.addEventListener('afterprint', function () { $$('details[data-was-open]').forEach(function (d) { d.open = d.getAttribute('data-was-open') === '1'; d.removeAttribute('data-was-open'); }); });

  // ── bundles: upload, live status ──────────────────────────────────────────────────────────────
  function initBundles() {
    var form = $('#upload-form');
    var rows = $('#bundle-rows');
    var count = $('#bundle-count');
    var timer = null;
    function active() { return $$('tr[data-status="queued"], tr[data-status="processing"]', rows).length > 0; }
    function refresh() {
      timer = null;
      fetch('/bundles/rows', { credentials: 'same-origin', headers: { Accept: 'text/html' } })
        .then(function (res) { if (!res.ok) throw new Error(res.status); return res.text(); })
        .then(function (markup) {
          rows.innerHTML = markup;
          var n = $$('tr[data-bundle-id]', rows).length;
          var total = rows.firstElementChild && rows.firstElementChild.getAttribute('data-total');
          if (count) count.textContent = (total || n) + ' bundle' + ((total || n) == 1 ? '' : 's');
          schedule();
        })
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
          status.appendChild(el('a', { href: '/bundles/' + encodeURIComponent(r.bundleId), text: r.name, 'data-bundle-id': r.bundleId }));
          status.appendChild(document.createTextNode(' (' + r.documents.length + ' document' + (r.documents.length === 1 ? '' : 's') + ', dates read as of ' + r.referenceDate + ').'));
          form.reset();
          if (timer) { clearTimeout(timer); timer = null; }
          refresh();
        })
        .catch(function (e) { show('error', 'Upload refused: ' + e.message); })
        .then(function () { button.disabled = false; });
    });
    function show(kind, text) { status.className = 'notice' + (kind ? ' ' + kind : ''); status.textContent = text; status.hidden = false; }
  }

  // ── chronology ────────────────────────────────────────────────────────────────────────────────
  function fullYear(y) { if (y.length === 4) return y; var n = Number(y); return String(n <= 50 ? 2000 + n : 1900 + n); }
  function pad(s) { return s.length < 2 ? '0' + s : s; }
  // the same rules as src/export/chronology-filter.ts dateQuery
  function dateQuery(q) {
    var s = q.trim(), m;
    if ((m = /^(\d{1,2})[\/-](\d{1,2})[\/-](\d{2}|\d{4})$/.exec(s))) { var day = fullYear(m[3]) + '-' + pad(m[1]) + '-' + pad(m[2]); return function (d) { return d === day; }; }
    if ((m = /^(\d{1,2})\/(\d{1,2})$/.exec(s)) && Number(m[1]) <= 12) { var md = '-' + pad(m[1]) + '-' + pad(m[2]); return function (d) { return !!d && d.length === 10 && d.slice(-6) === md; }; }
    if ((m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s))) return function (d) { return !!d && (d.indexOf(s) === 0 || s.indexOf(d) === 0); };
    if ((m = /^(\d{1,2})\/(\d{4})$/.exec(s))) { var ym = m[2] + '-' + pad(m[1]); return function (d) { return !!d && (d.indexOf(ym) === 0 || ym.indexOf(d) === 0); }; }
    return null;
  }
  function span(d) { return d.length === 4 ? [d + '-01-01', d + '-12-31'] : d.length === 7 ? [d + '-01', d + '-31'] : [d, d]; }

  function initChronology() {
    var table = $('#chronology');
    if (!table) return;
    var layoutEl = $('#chrono-layout');
    var bundleId = layoutEl.getAttribute('data-bundle');
    var form = $('#chrono-tools');
    var statusLine = $('#chrono-status');
    var rows = $$('tr.visit', table).map(function (tr) {
      return { tr: tr, items: document.getElementById('i-' + tr.id), day: tr.parentNode, date: tr.getAttribute('data-date') || null, text: null };
    });
    function textOf(r) {
      if (r.text === null) {
        var parts = [$('.c-date', r.tr).textContent, r.tr.getAttribute('data-kind'), r.tr.getAttribute('data-provider'), r.tr.getAttribute('data-facility'), $('.doc-name', r.tr).textContent, $('.summary-text', r.tr).textContent];
        $$('li.item', r.items).forEach(function (li) { var od = $('.other-date:not(.undated)', li); parts.push((od ? od.textContent + ' ' : '') + $('.item-text', li).textContent); });
        r.text = parts.filter(Boolean).join('\n').toLowerCase();
      }
      return r.text;
    }

    // sticky date headings sit under the sticky tools
    function measure() { document.documentElement.style.setProperty('--tools-h', form.offsetHeight + 'px'); }
    measure();
    window.addEventListener('resize', measure);

    // ── folding ──
    function setOpen(r, open) {
      var b = $('button.fold', r.tr);
      b.setAttribute('aria-expanded', open ? 'true' : 'false');
      r.items.hidden = !open;
      r.tr.classList.toggle('open', open);
    }
    var byId = {};
    rows.forEach(function (r) { byId[r.tr.id] = r; });
    table.addEventListener('click', function (ev) {
      var t = ev.target;
      var fold = t.closest('button.fold');
      var summary = !fold && t.closest('.summary-body');
      if (fold || summary) {
        var r = byId[t.closest('tr.visit').id];
        setOpen(r, r.items.hidden);
        return;
      }
      var link = t.closest('a.page-link, a.src, a.hit-link');
      if (link && !(ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button === 1)) {
        ev.preventDefault();
        openSource(link, link.closest('li.item') || link.closest('tr.visit'));
        return;
      }
      var item = !t.closest('a') && t.closest('li.item');
      if (item) openSource(item, item);
    });
    $$('[data-action="expand-all"]').forEach(function (b) { b.addEventListener('click', function () { rows.forEach(function (r) { if (!r.tr.classList.contains('is-hidden')) setOpen(r, true); }); }); });
    $$('[data-action="collapse-all"]').forEach(function (b) { b.addEventListener('click', function () { rows.forEach(function (r) { setOpen(r, false); }); }); });

    // ── filters ──
    var q = $('#chrono-q');
    function filterState() {
      var data = new FormData(form);
      return { q: (data.get('q') || '').trim(), from: data.get('from') || '', to: data.get('to') || '', type: data.get('type') || '', provider: data.get('provider') || '', facility: data.get('facility') || '', flags: data.get('flags') || '' };
    }
    function matches(r, f, onDate) {
      if (f.from || f.to) {
        if (!r.date) return false;
        var s = span(r.date);
        if (f.from && s[1] < span(f.from)[0]) return false;
        if (f.to && s[0] > span(f.to)[1]) return false;
      }
      if (f.type && r.tr.getAttribute('data-kind') !== f.type) return false;
      if (f.provider && r.tr.getAttribute('data-provider') !== f.provider) return false;
      if (f.facility && r.tr.getAttribute('data-facility') !== f.facility) return false;
      if (f.flags === 'flagged' && r.tr.getAttribute('data-flags') === '0') return false;
      if (f.flags === 'open' && r.tr.getAttribute('data-open-flags') === '0') return false;
      if (f.q) {
        var needle = f.q.toLowerCase();
        if (!((onDate && onDate(r.date)) || textOf(r).indexOf(needle) >= 0)) return false;
      }
      return true;
    }
    function queryString(f, extra) {
      var p = new URLSearchParams();
      Object.keys(f).forEach(function (k) { if (f[k]) p.set(k, f[k]); });
      Object.keys(extra || {}).forEach(function (k) { p.set(k, extra[k]); });
      return p.toString();
    }
    function apply() {
      var f = filterState();
      var onDate = f.q ? dateQuery(f.q) : null;
      var shown = 0;
      var first = null;
      rows.forEach(function (r) {
        var ok = matches(r, f, onDate);
        r.tr.classList.toggle('is-hidden', !ok);
        r.items.classList.toggle('is-hidden', !ok);
        if (ok) { shown++; if (!first) first = r; }
      });
      $$('tbody.day', table).forEach(function (d) { d.classList.toggle('is-hidden', !$('tr.visit:not(.is-hidden)', d)); });
      $('#no-rows').hidden = shown > 0;
      statusLine.textContent = 'Showing ' + shown + ' of ' + rows.length + ' visits and reports' + (f.q ? ' matching “' + f.q + '”' : '');
      var qs = queryString(f);
      history.replaceState(null, '', location.pathname + (qs ? '?' + qs : '') + location.hash);
      $$('a[data-export]').forEach(function (a) { a.setAttribute('href', '/api/bundles/' + encodeURIComponent(bundleId) + '/export?' + queryString(f, { format: a.getAttribute('data-format') })); });
      return first;
    }

    // the records' own text: pages whose words match, beside the rows that match by their statements
    var hitsBox = $('#text-hits');
    var hitsSeq = 0;
    function searchText(text) {
      var seq = ++hitsSeq;
      if (!text || text.length < 2) { hitsBox.hidden = true; return; }
      getJson('/api/bundles/' + encodeURIComponent(bundleId) + '/search?q=' + encodeURIComponent(text) + '&limit=50').then(function (r) {
        if (seq !== hitsSeq) return;
        var list = $('#text-hit-list');
        list.textContent = '';
        $('#text-hits-count').textContent = r.pages + ' page' + (r.pages === 1 ? '' : 's');
        $('#text-hits-q').textContent = r.q;
        r.hits.forEach(function (h) {
          var href = '/documents/' + encodeURIComponent(h.documentId) + '/pages/' + h.page + '?start=' + h.start + '&end=' + h.end + '&bundle=' + encodeURIComponent(bundleId);
          list.appendChild(el('li', {}, [
            el('a', { href: href, 'class': 'hit-link', 'data-doc': h.documentId, 'data-page': String(h.page), 'data-start': String(h.start), 'data-end': String(h.end), text: h.documentName + ', p.' + h.page }),
            ' ',
            el('span', { 'class': 'snippet' }, [h.before, el('mark', { text: h.match }), h.after]),
          ]));
        });
        $('details', hitsBox).open = r.hits.length > 0 && r.hits.length <= 6;
        hitsBox.hidden = false;
      }).catch(function () { if (seq === hitsSeq) hitsBox.hidden = true; });
    }
    hitsBox.addEventListener('click', function (ev) {
      var link = ev.target.closest('a.hit-link');
      if (!link || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
      ev.preventDefault();
      openSource(link, null);
    });

    var typing = null;
    q.addEventListener('input', function () {
      clearTimeout(typing);
      typing = setTimeout(function () { apply(); searchText(q.value.trim()); }, 220);
    });
    form.addEventListener('change', function (ev) { if (ev.target.id !== 'jump-date' && ev.target !== q) apply(); });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      clearTimeout(typing);
      var first = apply();
      searchText(q.value.trim());
      if (first) scrollToRow(first);
    });
    $$('[data-action="clear-filters"]').forEach(function (a) {
      a.addEventListener('click', function (ev) {
        ev.preventDefault();
        form.reset();
        $$('input, select', form).forEach(function (i) { if (i.type !== 'button' && i.type !== 'submit') i.value = ''; });
        apply();
        hitsBox.hidden = true;
      });
    });

    // ── jump to a date: the first row on or after it ──
    function scrollToRow(r) {
      var top = r.tr.getBoundingClientRect().top + window.scrollY - form.offsetHeight - 40;
      window.scrollTo({ top: Math.max(0, top) });
      r.tr.classList.add('target');
      setTimeout(function () { r.tr.classList.remove('target'); }, 2500);
      var b = $('button.fold', r.tr);
      if (b) b.focus({ preventScroll: true });
    }
    $('#jump-date').addEventListener('change', function (ev) {
      var day = ev.target.value;
      if (!day) return;
      var target = null;
      rows.some(function (r) { if (!r.tr.classList.contains('is-hidden') && r.date && span(r.date)[1] >= day) { target = r; return true; } return false; });
      if (!target) target = rows.filter(function (r) { return !r.tr.classList.contains('is-hidden'); }).pop();
      if (target) scrollToRow(target);
      statusLine.textContent = target ? 'Jumped to ' + $('.c-date', target.tr).textContent.trim() + (target.date && target.date < day ? ' (nothing later)' : '') : 'Nothing to jump to';
    });

    // the Export menu closes once a format is chosen (the file downloads)
    var menu = $('#export-menu');
    if (menu) menu.addEventListener('click', function (ev) { if (ev.target.closest('a[data-export]')) setTimeout(function () { menu.open = false; }, 0); });
    document.addEventListener('click', function (ev) { if (menu && menu.open && !ev.target.closest('#export-menu')) menu.open = false; });

    if (location.search) apply();
    var jump = new URLSearchParams(location.search).get('jump');
    if (jump) { $('#jump-date').value = jump; $('#jump-date').dispatchEvent(new Event('change')); }

    // ── the source panel: the original page with the quote marked, and its text ──
    var panel = $('#source-panel');
    var panelTitle = $('#panel-title');
    var orig = $('#panel-original');
    var textView = $('#panel-text');
    var tabOrig = $('#tab-original');
    var tabText = $('#tab-text');
    var names = {};
    $$('[data-document-id]').forEach(function (d) { names[d.getAttribute('data-document-id')] = d.getAttribute('data-document-name'); });
    var selected = null;
    function view(which) {
      var o = which === 'original';
      tabOrig.setAttribute('aria-selected', o ? 'true' : 'false');
      tabText.setAttribute('aria-selected', o ? 'false' : 'true');
      orig.hidden = !o;
      textView.hidden = o;
    }
    tabOrig.addEventListener('click', function () { if (!tabOrig.disabled) view('original'); });
    tabText.addEventListener('click', function () { view('text'); });
    $('#panel-close').addEventListener('click', closePanel);
    document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape' && !panel.hidden) closePanel(); });
    // the wide layout hides the provider and flag columns beside the panel: rows that span the table follow
    var cols = Number(table.getAttribute('data-cols'));
    function spans() {
      var hidden = layoutEl.classList.contains('has-panel') && window.matchMedia('(min-width: 1200px)').matches;
      var n = hidden ? cols - $$('thead th.c-who, thead th.c-flags', table).length : cols;
      $$('tr.day-head > th, tr.items > td, #no-rows td', table).forEach(function (c) { c.colSpan = n; });
    }
    window.addEventListener('resize', spans);
    function closePanel() {
      panel.hidden = true;
      layoutEl.classList.remove('has-panel');
      spans();
      if (selected) selected.classList.remove('selected');
      selected = null;
    }
    // a link's data attributes, else its href: /documents/<doc>/pages/<n>?start=…&end=…
    function quoteAt(node) {
      if (node.getAttribute('data-doc')) return { doc: node.getAttribute('data-doc'), page: Number(node.getAttribute('data-page')), start: Number(node.getAttribute('data-start')), end: Number(node.getAttribute('data-end')) };
      var a = node.tagName === 'A' ? node : $('a.src', node);
      var m = a && /\/documents\/([^/]+)\/pages\/(\d+)\?start=(\d+)&end=(\d+)/.exec(a.getAttribute('href'));
      return m ? { doc: decodeURIComponent(m[1]), page: Number(m[2]), start: Number(m[3]), end: Number(m[4]) } : null;
    }
    function openSource(src, owner) {
      if (selected) selected.classList.remove('selected');
      selected = owner;
      if (owner) owner.classList.add('selected');
      var at = quoteAt(src);
      if (!at) return;
      var doc = at.doc, num = at.page, start = at.start, end = at.end;
      panel.hidden = false;
      layoutEl.classList.add('has-panel');
      spans();
      panelTitle.textContent = (names[doc] || doc) + ' · page ' + num;
      $('#panel-open').setAttribute('href', '/documents/' + encodeURIComponent(doc) + '/pages/' + num + '?start=' + start + '&end=' + end + '&bundle=' + encodeURIComponent(bundleId));
      $('#panel-download').setAttribute('href', '/api/documents/' + encodeURIComponent(doc) + '/original?bundle=' + encodeURIComponent(bundleId));
      showOriginal(doc, num, start, end);
      showText(doc, num, start, end);
    }
    function showOriginal(doc, num, start, end) {
      orig.textContent = '';
      tabOrig.disabled = false;
      tabOrig.title = '';
      var frame = el('div', { 'class': 'page-image' });
      var img = el('img', { alt: 'page ' + num + ' as scanned or printed', src: '/api/documents/' + encodeURIComponent(doc) + '/pages/' + num + '/image' });
      frame.appendChild(img);
      // a click on the page enlarges it (the panel scrolls), a second click fits it again
      img.addEventListener('click', function () {
        frame.classList.toggle('zoomed');
        var first = $('.quote-box', frame);
        var body = $('#panel-body');
        if (first) { body.scrollTop = Math.max(0, first.offsetTop - body.clientHeight / 3); body.scrollLeft = Math.max(0, first.offsetLeft - 40); }
      });
      orig.appendChild(el('p', { 'class': 'muted small loading', text: 'Rendering the original page…' }));
      orig.appendChild(frame);
      view('original');
      img.addEventListener('load', function () {
        var l = $('.loading', orig);
        if (l) l.remove();
        getJson('/api/documents/' + encodeURIComponent(doc) + '/pages/' + num + '/boxes?start=' + start + '&end=' + Math.max(start, end)).then(function (b) {
          b.boxes.forEach(function (x) { frame.appendChild(quoteBox(x)); });
          if (!b.found) orig.insertBefore(el('p', { 'class': 'muted small', text: 'The quote could not be placed on the image; it is marked in the Text view.' }), frame);
          var first = $('.quote-box', frame);
          var body = $('#panel-body');
          if (first) body.scrollTop = Math.max(0, first.offsetTop - body.clientHeight / 3);
        }).catch(function () {});
      });
      img.addEventListener('error', function () {
        orig.textContent = '';
        tabOrig.disabled = true;
        tabOrig.title = 'no page image: the original is a text file';
        view('text');
      });
    }
    function pageText(text, start, end) {
      var s = Math.max(0, Math.min(start, text.length));
      var e = Math.max(s, Math.min(end, text.length));
      return el('pre', { 'class': 'page-text' }, [text.slice(0, s), el('mark', { 'class': 'quote', text: text.slice(s, e) }), text.slice(e)]);
    }
    function showText(doc, num, start, end) {
      textView.textContent = 'Loading the page text…';
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
        textView.textContent = '';
        parts.forEach(function (p) { textView.appendChild(p); });
        if (!textView.hidden) {
          var mark = $('mark.quote', textView);
          var body = $('#panel-body');
          if (mark) body.scrollTop = Math.max(0, mark.offsetTop - body.clientHeight / 3);
        }
      }).catch(function (e) {
        textView.textContent = '';
        textView.appendChild(el('p', { 'class': 'notice error', text: 'Could not load the page: ' + e.message }));
      });
    }

    if (location.hash.length > 1) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target && target.classList.contains('item')) {
        var r = byId[target.closest('tr.items').getAttribute('data-for')];
        setOpen(r, true);
        target.classList.add('target');
        target.scrollIntoView({ block: 'center' });
      } else if (target && target.classList.contains('visit')) scrollToRow(byId[target.id]);
    }
  }

  // ── source page on its own: bring the quote into view, mark it on the image ───────────────────
  function initSource() {
    var mark = $('mark.quote');
    var frame = $('.page-image[data-boxes]');
    if (frame) {
      var img = $('img', frame);
      var draw = function () {
        getJson(frame.getAttribute('data-boxes')).then(function (b) {
          b.boxes.forEach(function (x) { frame.appendChild(quoteBox(x)); });
          var first = $('.quote-box', frame);
          if (first) first.scrollIntoView({ block: 'center' });
        }).catch(function () {});
      };
      if (img.complete) draw(); else img.addEventListener('load', draw);
      img.addEventListener('error', function () { frame.closest('.original-col').hidden = true; });
    }
    if (mark) mark.scrollIntoView({ block: 'center' });
  }

  // ── a bundle still being processed: look again shortly ────────────────────────────────────────
  function initPending() {
    var p = $('#pending');
    var state = p && p.getAttribute('data-status');
    if (state === 'queued' || state === 'processing') setTimeout(function () { location.reload(); }, 2000);
  }

  // ── flags: select several for one decision ────────────────────────────────────────────────────
  function initFlags() {
    var form = $('#bulk-form');
    if (!form) return;
    var all = $('#select-all');
    var count = $('#bulk-count');
    function update() {
      var n = $$('input[name=id]:checked', form).length;
      count.textContent = n + ' selected';
      $('button[type=submit]', form).disabled = n === 0;
    }
    if (all) all.addEventListener('change', function () { $$('input[name=id]', form).forEach(function (c) { c.checked = all.checked; }); update(); });
    form.addEventListener('change', update);
    update();
  }

  // ── one flag: keyboard to the next and previous in the queue ──────────────────────────────────
  function initFlag() {
    // a dismissal needs a note: say so before the server has to
    var note = $('#review-note');
    $$('#review-form input[name=decision]').forEach(function (r) { r.addEventListener('change', function () { if (note) note.required = r.checked && r.value === 'dismiss'; }); });
    document.addEventListener('keydown', function (ev) {
      if (ev.target.closest('textarea, input, select') || ev.metaKey || ev.ctrlKey || ev.altKey) return;
      var a = ev.key === 'j' || ev.key === 'ArrowRight' && ev.shiftKey ? $('a[rel=next]') : ev.key === 'k' || ev.key === 'ArrowLeft' && ev.shiftKey ? $('a[rel=prev]') : null;
      if (a) { ev.preventDefault(); location.href = a.getAttribute('href'); }
    });
  }

  // ── tokens: copy a new token once ─────────────────────────────────────────────────────────────
  function initTokens() {
    var b = $('#copy-token');
    if (!b) return;
    b.addEventListener('click', function () {
      var t = $('#new-token');
      t.select();
      if (navigator.clipboard) navigator.clipboard.writeText(t.value).then(function () { b.textContent = 'Copied'; }, function () {});
    });
  }

  if (page === 'bundles') initBundles();
  if (page === 'pending') initPending();
  if (page === 'chronology') initChronology();
  if (page === 'source') initSource();
  if (page === 'flags') initFlags();
  if (page === 'flag') initFlag();
  if (page === 'tokens') initTokens();
})();
`;
