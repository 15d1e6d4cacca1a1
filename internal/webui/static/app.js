// argmap web app: interactive maps (svg-pan-zoom on Graphviz's SVG),
// keyboard navigation, and corrections through the JSON API. Text from the
// server is only ever put into the page with textContent, never as HTML.
(function () {
  'use strict';

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }

  // The SVG from the API is parsed as XML and imported; anything that could
  // run code is dropped first (Graphviz never writes it, but a map is data).
  function parseSVG(text) {
    var doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    var svg = doc.documentElement;
    if (!svg || svg.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length) return null;
    Array.prototype.slice.call(svg.querySelectorAll('script,foreignObject,iframe')).forEach(function (n) { n.remove(); });
    Array.prototype.slice.call(svg.querySelectorAll('*')).forEach(function (n) {
      Array.prototype.slice.call(n.attributes).forEach(function (a) {
        if (/^on/i.test(a.name)) n.removeAttribute(a.name);
      });
    });
    return document.importNode(svg, true);
  }

  function nodeText(g) {
    return Array.prototype.map.call(g.querySelectorAll('text'), function (t) { return t.textContent; }).join(' ').replace(/\s+/g, ' ').trim();
  }

  var kindOf = function (id) {
    return ({ clm_: 'claim', evd_: 'evidence', src_: 'source', act_: 'actor', rel_: 'relation' })[id.slice(0, 4)] || '';
  };
  function pageOf(id) {
    switch (kindOf(id)) {
      case 'claim': return '/ui/claims/' + encodeURIComponent(id);
      case 'evidence': return '/ui/evidence/' + encodeURIComponent(id);
      case 'source': return '/ui/documents/' + encodeURIComponent(id);
      case 'actor': return '/ui/actors/' + encodeURIComponent(id);
    }
    return '';
  }

  function setupMap(box) {
    var base = box.getAttribute('data-map');
    var depth = box.getAttribute('data-depth-value');
    var q = depth ? '?depth=' + encodeURIComponent(depth) : '';
    var isStatic = box.hasAttribute('data-static');
    var explore = box.hasAttribute('data-explore');
    var svgURL = /\.svg$/.test(base) || base.indexOf('.svg?') >= 0 ? base : base + '.svg' + q;
    var stem = svgURL.replace(/\.svg(\?.*)?$/, '');
    var query = (svgURL.match(/\?.*$/) || [''])[0];

    var bar = el('div', { 'class': 'map-bar', role: 'toolbar', 'aria-label': 'Map controls' });
    var stage = el('div', { 'class': 'map-stage', tabindex: '0', role: 'application', 'aria-label': 'Argument map: arrows pan, plus and minus zoom, 0 fits, Tab moves between nodes' });
    var status = el('p', { 'class': 'map-status', 'aria-live': 'polite' }, 'Drawing the map…');
    var info = box.parentNode.querySelector('.node-info') || el('div', { 'class': 'node-info', 'aria-live': 'polite', hidden: '' });
    if (!info.parentNode) box.after(info);
    box.appendChild(bar);
    box.appendChild(stage);
    stage.appendChild(status);

    var pz = null;
    function button(label, title, fn) {
      var b = el('button', { type: 'button', title: title, 'aria-label': title }, label);
      b.addEventListener('click', fn);
      bar.appendChild(b);
      return b;
    }
    if (!isStatic) {
      button('+', 'Zoom in', function () { pz && pz.zoomIn(); });
      button('−', 'Zoom out', function () { pz && pz.zoomOut(); });
      button('Fit', 'Fit the map to the box', fitView);
      if (box.hasAttribute('data-small')) {
        button('⤢', 'Larger map', function () { box.classList.toggle('map-wide'); if (fitted) fitView(); else openView(); });
      }
    }
    var note = el('span', { 'class': 'map-note', hidden: '' }, 'Zoomed in to be read: Fit shows the whole map.');
    if (!isStatic) bar.appendChild(note);
    var dl = el('span', { 'class': 'map-dl' });
    dl.appendChild(document.createTextNode('Download '));
    ['svg', 'png', 'dot'].forEach(function (f, i) {
      if (i) dl.appendChild(document.createTextNode(' · '));
      dl.appendChild(el('a', { href: stem + '.' + f + query, download: '' }, f.toUpperCase()));
    });
    bar.appendChild(dl);
    var printURL = box.getAttribute('data-print');
    if (printURL) {
      bar.appendChild(el('a', { 'class': 'map-print-link', href: printURL + (depth ? '?depth=' + encodeURIComponent(depth) : '') }, 'Print view'));
    }

    var selected = null;
    var hook = { fn: null };
    if (box.hasAttribute('data-link')) setupLinking(box, bar, hook);
    function select(g) {
      if (hook.fn && hook.fn(g.id, nodeText(g))) {
        g.classList.add('picked');
        return;
      }
      if (selected) selected.classList.remove('selected');
      selected = g;
      g.classList.add('selected');
      var id = g.id;
      info.hidden = false;
      info.textContent = '';
      info.appendChild(el('p', { 'class': 'kicker' }, kindOf(id) || 'node'));
      info.appendChild(el('p', { 'class': 'node-text' }, nodeText(g)));
      var links = el('p', { 'class': 'node-links' });
      var page = pageOf(id);
      if (page) links.appendChild(el('a', { href: page }, 'Open its page'));
      if (kindOf(id) === 'claim' || kindOf(id) === 'evidence') {
        if (page) links.appendChild(document.createTextNode(' · '));
        links.appendChild(el('a', { href: '/ui/explore?focus=' + encodeURIComponent(id) + '&depth=' + encodeURIComponent(depth || '3') }, 'Centre the map here and show its neighbours'));
      }
      info.appendChild(links);
      document.dispatchEvent(new CustomEvent('argmap:select', { detail: { id: id, text: nodeText(g) } }));
      centreOn(g);
    }
    // The map opens fitted to its box when its text can be read that way
    // (node text at least READ_PX pixels high). A map too large for that
    // opens at a readable size (OPEN_PX) instead, on its focus (the claim
    // of the page, or a document's main claim), which sits a quarter down
    // and centred across, moved no further than keeps the box full of
    // drawing; a note says so, and Fit (or 0) shows the whole map. Once
    // the user has zoomed or panned, a new window size keeps their view
    // (the box is only resized); until then it redoes the opening view.
    var READ_PX = 9, OPEN_PX = 10;
    var auto = false, userMoved = false, fitted = false;
    function fitView() {
      if (!pz) return;
      auto = true;
      try { pz.resize(); pz.fit(); pz.center(); } finally { auto = false; }
      userMoved = false;
      fitted = true;
      note.hidden = true;
    }
    function openView() {
      if (!pz) return;
      fitView();
      fitted = false;
      var svgEl = stage.querySelector('svg');
      var size = textSize(svgEl);
      var sz = pz.getSizes();
      // A box with no size (not laid out yet) has nothing to read: leave it fitted.
      if (!(sz.realZoom > 0) || !sz.width || !sz.height || size * sz.realZoom >= READ_PX) return;
      auto = true;
      try {
        pz.zoom(pz.getZoom() * (OPEN_PX / size) / sz.realZoom);
        sz = pz.getSizes();
        var z = sz.realZoom;
        var d = boxIn(svgEl.querySelector('g.graph'));
        var f = focusNode(svgEl);
        var at = f ? boxIn(f) : { x: d.x, y: d.y, width: d.width, height: 0 };
        pz.pan({
          x: placeOnAxis(sz.width, d.x, d.width, at.x + at.width / 2, sz.width / 2, z),
          y: placeOnAxis(sz.height, d.y, d.height, at.y + at.height / 2, Math.max(sz.height / 4, at.height * z / 2 + 8), z),
        });
      } finally { auto = false; }
      userMoved = false;
      note.hidden = false;
    }
    // placeOnAxis is the pan along one axis that shows point at (drawing
    // units) at screen offset want, unless that leaves part of the box
    // empty while the drawing runs on past the other side; a drawing
    // shorter than the box is centred.
    function placeOnAxis(size, lo, len, at, want, z) {
      if (len * z <= size) return (size - len * z) / 2 - lo * z;
      return Math.min(-lo * z, Math.max(size - (lo + len) * z, want - at * z));
    }
    // textSize is the size node text is drawn at, in drawing units: the
    // median font size of the nodes' text (Graphviz writes it on each).
    function textSize(svgEl) {
      var sizes = Array.prototype.map.call(svgEl.querySelectorAll('g.map-node text'), function (t) {
        return parseFloat(t.getAttribute('font-size')) || 0;
      }).filter(function (x) { return x > 0; }).sort(function (a, b) { return a - b; });
      return sizes.length ? sizes[Math.floor(sizes.length / 2)] : 14;
    }
    // focusNode is the node the map is about: the page's claim, else the
    // first main claim (drawn in bold), else none.
    function focusNode(svgEl) {
      var id = box.getAttribute('data-focus');
      var g = id && Array.prototype.find.call(svgEl.querySelectorAll('g.map-node'), function (n) { return n.id === id; });
      if (g) return g;
      var b = svgEl.querySelector('g.map-node text[font-weight="bold"]');
      return b ? b.closest('g.map-node') : null;
    }
    // boxIn is element e's bounding box in the pan-zoom viewport's
    // coordinates (where a point p shows at pan + p × zoom).
    function boxIn(e) {
      var svgEl = stage.querySelector('svg');
      var vp = stage.querySelector('.svg-pan-zoom_viewport');
      var m = vp.getCTM().inverse().multiply(e.getCTM());
      var bb = e.getBBox();
      var xs = [], ys = [];
      [[bb.x, bb.y], [bb.x + bb.width, bb.y], [bb.x, bb.y + bb.height], [bb.x + bb.width, bb.y + bb.height]].forEach(function (c) {
        var p = svgEl.createSVGPoint();
        p.x = c[0];
        p.y = c[1];
        p = p.matrixTransform(m);
        xs.push(p.x);
        ys.push(p.y);
      });
      var x = Math.min.apply(null, xs), y = Math.min.apply(null, ys);
      return { x: x, y: y, width: Math.max.apply(null, xs) - x, height: Math.max.apply(null, ys) - y };
    }
    function noteMove() { if (!auto) userMoved = true; }
    // Pan so that node g sits in the middle of the box: its centre is
    // mapped into the pan-zoom viewport's coordinates, where a point p shows
    // at pan + p × zoom.
    function centreOn(g) {
      if (!pz || !stage.querySelector('.svg-pan-zoom_viewport')) return;
      var b = boxIn(g);
      var sz = pz.getSizes();
      pz.pan({ x: sz.width / 2 - (b.x + b.width / 2) * sz.realZoom, y: sz.height / 2 - (b.y + b.height / 2) * sz.realZoom });
    }
    function centre(g) {
      var id = g.id;
      if (kindOf(id) === 'claim' || kindOf(id) === 'evidence') {
        location.href = '/ui/explore?focus=' + encodeURIComponent(id) + '&depth=' + encodeURIComponent(depth || '3') +
          (svgURL.indexOf('evaluate=true') >= 0 ? '&labels=1' : '');
      } else if (pageOf(id)) {
        location.href = pageOf(id);
      }
    }

    fetch(svgURL, { headers: { Accept: 'image/svg+xml' } }).then(function (r) {
      if (!r.ok) {
        return r.json().catch(function () { return {}; }).then(function (b) {
          throw new Error(b.message || ('the map could not be drawn (' + r.status + ')'));
        });
      }
      return r.text();
    }).then(function (text) {
      var svg = parseSVG(text);
      if (!svg) throw new Error('the map could not be read');
      stage.textContent = '';
      svg.removeAttribute('width');
      svg.removeAttribute('height');
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', 'argument map');
      stage.appendChild(svg);
      var nodes = Array.prototype.filter.call(svg.querySelectorAll('g.node'), function (g) { return !!kindOf(g.id); });
      nodes.forEach(function (g) {
        g.setAttribute('tabindex', '0');
        g.setAttribute('role', 'button');
        g.setAttribute('aria-label', (kindOf(g.id) || 'node') + ': ' + nodeText(g));
        g.classList.add('map-node');
        var t = g.querySelector('title');
        if (t) t.textContent = nodeText(g);
        if (box.getAttribute('data-focus') === g.id) g.classList.add('focus');
      });
      // Set through the CSSOM (allowed by the page's CSP): svg-pan-zoom
      // otherwise writes a style attribute, which the CSP refuses.
      svg.style.overflow = 'hidden';
      if (!isStatic && window.svgPanZoom) {
        pz = window.svgPanZoom(svg, { zoomEnabled: true, controlIconsEnabled: false, fit: true, center: true, minZoom: 0.1, maxZoom: 30, dblClickZoomEnabled: false, zoomScaleSensitivity: 0.3, onZoom: noteMove, onPan: noteMove });
        box.svgPanZoom = pz;
        openView();
        // A new window size redoes the view unless the user has moved the map.
        window.addEventListener('resize', function () {
          if (userMoved) pz.resize();
          else if (fitted) fitView();
          else openView();
        });
      }
      var moved = false, downAt = null;
      svg.addEventListener('pointerdown', function (ev) { downAt = [ev.clientX, ev.clientY]; moved = false; });
      svg.addEventListener('pointermove', function (ev) { if (downAt && Math.abs(ev.clientX - downAt[0]) + Math.abs(ev.clientY - downAt[1]) > 4) moved = true; });
      svg.addEventListener('click', function (ev) {
        var g = ev.target.closest && ev.target.closest('g.map-node');
        if (!g || moved) return;
        ev.preventDefault();
        select(g);
      });
      svg.addEventListener('dblclick', function (ev) {
        var g = ev.target.closest && ev.target.closest('g.map-node');
        if (g) { ev.preventDefault(); centre(g); }
      });
      svg.addEventListener('keydown', function (ev) {
        var g = ev.target.closest && ev.target.closest('g.map-node');
        if (!g) return;
        if (ev.key === 'Enter') { ev.preventDefault(); if (selected === g) centre(g); else select(g); }
        if (ev.key === ' ') { ev.preventDefault(); select(g); }
      });
      box.setAttribute('data-ready', '1');
      if (isStatic) {
        // A wide map prints across a landscape page. The rule goes in
        // through the CSSOM of the app's own stylesheet (the CSP allows no
        // inline style).
        var vb = svg.viewBox && svg.viewBox.baseVal;
        if (vb && vb.width > vb.height * 1.25) {
          for (var i = 0; i < document.styleSheets.length; i++) {
            var sh = document.styleSheets[i];
            if (sh.href && /app\.css/.test(sh.href)) { try { sh.insertRule('@page { size: landscape; }', sh.cssRules.length); } catch (e) { /* old browser */ } }
          }
        }
        document.dispatchEvent(new Event('argmap:printready'));
      }
    }).catch(function (err) {
      status.textContent = 'No map: ' + err.message;
      status.classList.add('error-msg');
      box.setAttribute('data-ready', 'error');
    });

    stage.addEventListener('keydown', function (ev) {
      if (!pz || ev.target !== stage && !(ev.target.closest && ev.target.closest('g.map-node'))) return;
      var step = 60;
      switch (ev.key) {
        case 'ArrowLeft': pz.panBy({ x: step, y: 0 }); break;
        case 'ArrowRight': pz.panBy({ x: -step, y: 0 }); break;
        case 'ArrowUp': pz.panBy({ x: 0, y: step }); break;
        case 'ArrowDown': pz.panBy({ x: 0, y: -step }); break;
        case '+': case '=': pz.zoomIn(); break;
        case '-': case '_': pz.zoomOut(); break;
        case '0': fitView(); break;
        default: return;
      }
      ev.preventDefault();
    });
  }


  // Corrections: every change is a call to the JSON API with the write
  // token kept in sessionStorage (this tab only). Without a token the API
  // refuses, and its message is shown.
  var TOKEN_KEY = 'argmap.token';
  function token() { try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch (e) { return ''; } }
  function flash(msg, bad) {
    var f = document.querySelector('.flash');
    if (!f) return;
    f.hidden = false;
    f.textContent = msg;
    f.classList.toggle('flash-bad', !!bad);
  }
  function api(method, path, body) {
    var h = { Accept: 'application/json' };
    if (body !== undefined) h['Content-Type'] = 'application/json';
    var t = token();
    if (t) h.Authorization = 'Bearer ' + t;
    return fetch(path, { method: method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) }).then(function (r) {
      if (r.status === 204) return null;
      return r.json().catch(function () { return {}; }).then(function (b) {
        if (!r.ok) {
          var msg = b.message || ('the server answered ' + r.status);
          if (r.status === 401 || r.status === 403) {
            msg = 'Not changed: ' + msg + (t ? '. The token was refused: check it under “Edit access”.' : '. To make changes, enter a write token under “Edit access”.');
          } else {
            msg = 'Not changed: ' + msg;
          }
          var err = new Error(msg);
          err.status = r.status;
          throw err;
        }
        return b;
      });
    });
  }
  function done(msg, next) {
    try { sessionStorage.setItem('argmap.flash', msg); } catch (e) { /* private mode */ }
    if (next) location.href = next; else location.reload();
  }
  function failed(err) { flash(err.message, true); }

  function setupToken() {
    var btn = document.querySelector('[data-token-toggle]');
    var form = document.querySelector('.token-form');
    if (!btn || !form) return;
    function label() { btn.textContent = token() ? 'Editing enabled' : 'Edit access'; btn.classList.toggle('on', !!token()); }
    label();
    btn.addEventListener('click', function () {
      form.hidden = !form.hidden;
      btn.setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) form.querySelector('input').focus();
    });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var v = form.querySelector('input').value.trim();
      if (!v) return;
      try { sessionStorage.setItem(TOKEN_KEY, v); } catch (e) { flash('This browser does not keep the token: session storage is off.', true); return; }
      form.querySelector('input').value = '';
      form.hidden = true;
      btn.setAttribute('aria-expanded', 'false');
      label();
      flash('Token kept for this tab. Changes are recorded under its name.');
    });
    form.querySelector('[data-token-clear]').addEventListener('click', function () {
      try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* ignore */ }
      form.hidden = true;
      label();
      flash('Token forgotten.');
    });
    var pending = null;
    try { pending = sessionStorage.getItem('argmap.flash'); sessionStorage.removeItem('argmap.flash'); } catch (e) { /* ignore */ }
    if (pending) flash(pending);
  }

  function setupClaimEdit() {
    var bar = document.querySelector('[data-edit-claim]');
    if (!bar) return;
    var id = bar.getAttribute('data-edit-claim');
    var form = bar.querySelector('.edit-form');
    bar.addEventListener('click', function (ev) {
      var b = ev.target.closest('button[data-action]');
      if (!b) return;
      switch (b.getAttribute('data-action')) {
        case 'accept':
          api('PATCH', '/v1/claims/' + encodeURIComponent(id), { origin: 'curated' }).then(function () { done('Claim accepted.'); }, failed);
          break;
        case 'edit':
          form.hidden = false;
          form.querySelector('textarea').focus();
          break;
        case 'cancel':
          form.hidden = true;
          break;
        case 'delete':
          if (!window.confirm('Delete this claim and the relations that use it?')) return;
          api('DELETE', '/v1/claims/' + encodeURIComponent(id)).then(function () { done('Claim deleted.', '/ui/audit'); }, failed);
          break;
      }
    });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var text = form.querySelector('textarea').value.trim();
      if (!text) { flash('The claim text cannot be empty.', true); return; }
      api('PATCH', '/v1/claims/' + encodeURIComponent(id), { text: text, origin: 'curated' }).then(function () { done('Claim saved.'); }, failed);
    });
  }

  function setupRelationEdit() {
    Array.prototype.forEach.call(document.querySelectorAll('select[data-rel-kind]'), function (sel) {
      var was = sel.value;
      sel.addEventListener('change', function () {
        api('PATCH', '/v1/relations/' + encodeURIComponent(sel.getAttribute('data-rel-kind')), { kind: sel.value })
          .then(function () { done('Relation changed to ' + sel.value + '.'); }, function (err) { sel.value = was; failed(err); });
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-rel-delete]'), function (b) {
      b.addEventListener('click', function () {
        if (!window.confirm('Delete this relation (and any that target it)?')) return;
        api('DELETE', '/v1/relations/' + encodeURIComponent(b.getAttribute('data-rel-delete'))).then(function () { done('Relation deleted.'); }, failed);
      });
    });
  }

  function setupMerge() {
    var f = document.querySelector('[data-merge-actor]');
    if (!f) return;
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var into = f.querySelector('select').value;
      api('POST', '/v1/actors/' + encodeURIComponent(f.getAttribute('data-merge-actor')) + '/merge', { into: into })
        .then(function () { done('Actors merged.', '/ui/actors/' + encodeURIComponent(into)); }, failed);
    });
  }

  // Linking two nodes of a map: pick the premise, then the claim (or
  // relation, for an undercut) it bears on, then the kind.
  function setupLinking(box, bar, selectHook) {
    var state = null;
    var panel = el('div', { 'class': 'link-panel', hidden: '' });
    box.after(panel);
    var b = el('button', { type: 'button', title: 'Add a relation by picking two nodes', 'data-link-start': '' }, 'Link two nodes');
    bar.insertBefore(b, bar.querySelector('.map-note') || bar.querySelector('.map-dl'));
    function show() {
      panel.hidden = false;
      panel.textContent = '';
      if (!state.from) {
        panel.appendChild(el('p', null, 'Pick the premise: click the claim or evidence that supports or contests something.'));
      } else if (!state.to) {
        panel.appendChild(el('p', null, 'Premise: ' + state.fromText + '. Now click the claim it bears on.'));
      } else {
        panel.appendChild(el('p', null, '“' + state.fromText + '”'));
        var kind = el('select', { 'aria-label': 'Kind of relation', 'data-link-kind': '' });
        kind.appendChild(el('option', { value: 'supports' }, 'supports'));
        kind.appendChild(el('option', { value: 'contests' }, 'contests'));
        if (kindOf(state.from) === 'claim' && kindOf(state.to) === 'claim') {
          kind.appendChild(el('option', { value: 'same' }, 'states the same proposition as'));
        }
        var p = el('p');
        p.appendChild(kind);
        p.appendChild(document.createTextNode(' “' + state.toText + '” '));
        var ok = el('button', { type: 'button', 'class': 'primary', 'data-link-create': '' }, 'Add relation');
        ok.addEventListener('click', function () {
          if (kind.value === 'same') {
            api('POST', '/v1/claims/' + encodeURIComponent(state.from) + '/merge', { into: state.to })
              .then(function () { done('The two claims now state one proposition.'); }, failed);
            return;
          }
          api('POST', '/v1/relations', { kind: kind.value, from: [state.from], to: state.to })
            .then(function () { done('Relation added.'); }, failed);
        });
        kind.addEventListener('change', function () { ok.textContent = kind.value === 'same' ? 'Join into one proposition' : 'Add relation'; });
        p.appendChild(ok);
        panel.appendChild(p);
      }
      var cancel = el('button', { type: 'button' }, 'Cancel');
      cancel.addEventListener('click', function () { state = null; panel.hidden = true; box.classList.remove('linking'); });
      panel.appendChild(cancel);
    }
    b.addEventListener('click', function () { state = {}; box.classList.add('linking'); show(); });
    selectHook.fn = function (id, text) {
      if (!state) return false;
      var k = kindOf(id);
      if (!state.from) {
        if (k !== 'claim' && k !== 'evidence') { flash('A premise is a claim or evidence.', true); return true; }
        state.from = id; state.fromText = text;
      } else if (!state.to) {
        if (k !== 'claim' && k !== 'relation') { flash('A relation points at a claim (or at another relation).', true); return true; }
        if (id === state.from) { flash('Pick a different node.', true); return true; }
        state.to = id; state.toText = text;
      }
      show();
      return true;
    };
  }

  function setupDepth() {
    Array.prototype.forEach.call(document.querySelectorAll('select[data-depth], input[data-labels]'), function (s) {
      s.addEventListener('change', function () { s.form.submit(); });
    });
  }

  function setupKeys() {
    document.addEventListener('keydown', function (ev) {
      if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      var t = ev.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      var q = document.getElementById('q');
      if (q) { ev.preventDefault(); q.focus(); q.select(); }
    });
    var p = document.querySelector('[data-print-now]');
    if (p) p.addEventListener('click', function () { window.print(); });
  }

  function start() {
    setupToken();
    Array.prototype.forEach.call(document.querySelectorAll('.map[data-map]'), setupMap);
    setupDepth();
    setupClaimEdit();
    setupRelationEdit();
    setupMerge();
    setupKeys();
    var at = document.getElementById('at');
    if (at) { at.scrollIntoView({ block: 'center' }); at.focus({ preventScroll: true }); }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
