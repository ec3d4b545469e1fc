/**
 * The report's inline script (vanilla ES2017, no dependencies): the canvas network map — pan, zoom, hover tooltip,
 * click to highlight neighbours, keyboard controls, find a node — and sortable tables. It reads the data from the
 * `<script type="application/json" id="bw-data">` element and builds every label with textContent, never innerHTML.
 *
 * Kept as a string (not a compiled function's source) so that no transpiler can rewrite it; the tests parse it.
 */
export const REPORT_SCRIPT = String.raw`(function () {
  'use strict';
  var PALETTE = ['#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255', '#AA4499'];
  var OTHER = '#BBBBBB';

  function colour(c) { return c >= 0 && c < PALETTE.length ? PALETTE[c] : OTHER; }
  function fmt(v) {
    if (v === null || v === undefined || typeof v !== 'number' || isNaN(v)) return '\u2014';
    if (Math.round(v) === v) return String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    var a = Math.abs(v);
    if (a >= 100) return String(Math.round(v));
    if (a >= 1) return v.toFixed(2);
    if (a >= 0.001) return String(Number(v.toPrecision(3)));
    return v.toExponential(2);
  }
  function own(o, k) { return o && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : null; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var data = JSON.parse(document.getElementById('bw-data').textContent);
  var analysis = data.analysis;
  var drawing = data.drawing;

  setupTables();
  try {
    setupMap();
  } catch (err) {
    var box = document.getElementById('bw-map-message');
    if (box) {
      box.hidden = false;
      box.textContent = 'The interactive map could not be drawn (' + (err && err.message ? err.message : String(err)) + '). The charts and tables below still hold every result.';
    }
  }

  function setupMap() {
    var canvas = document.getElementById('bw-canvas');
    if (!canvas || !drawing || !drawing.ids.length) return;
    var ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    var frame = canvas.parentNode;
    var tooltip = document.getElementById('bw-tooltip');
    var selectionBox = document.getElementById('bw-selection');
    var status = document.getElementById('bw-status');
    var N = drawing.ids.length;
    var nodes = new Array(N);
    var byId = Object.create(null);
    var maxB = 0;
    var i, j;
    for (i = 0; i < N; i++) {
      var id = drawing.ids[i];
      var m = own(analysis.nodes, id);
      var info = own(analysis.info, id);
      var b = m ? m.betweenness : 0;
      if (b > maxB) maxB = b;
      nodes[i] = { i: i, id: id, label: (info && info.label) || id, m: m, info: info, x: drawing.x[i], y: drawing.y[i],
        c: m ? m.community : -1, b: b, nb: [], r: 4, broker: false };
      byId[id] = i;
    }
    for (j = 0; j < drawing.edges.length; j++) {
      var e = drawing.edges[j];
      nodes[e[0]].nb.push(e[1]);
      nodes[e[1]].nb.push(e[0]);
    }
    for (i = 0; i < N; i++) nodes[i].r = maxB > 0 ? 2.5 + 13 * Math.sqrt(nodes[i].b / maxB) : 4;
    var brokerList = [];
    if (analysis.brokers && analysis.brokers.length) {
      analysis.brokers.forEach(function (br) { if (br.id in byId) brokerList.push(byId[br.id]); });
    } else {
      brokerList = nodes.slice().filter(function (n) { return n.b > 0; })
        .sort(function (a, b) { return b.b - a.b || a.i - b.i; }).slice(0, 10).map(function (n) { return n.i; });
    }
    brokerList.forEach(function (k) { nodes[k].broker = true; });
    var drawOrder = nodes.map(function (n) { return n.i; }).sort(function (a, b) { return nodes[a].b - nodes[b].b || a - b; });
    var labelOrder = nodes.map(function (n) { return n.i; }).sort(function (a, b) {
      return (nodes[b].broker ? 1 : 0) - (nodes[a].broker ? 1 : 0) || nodes[b].b - nodes[a].b || a - b;
    });

    var W = 0, H = 0, dpr = 1;
    var view = { k: 1, tx: 0, ty: 0 };
    var fitK = 1;
    var touched = false;
    var selected = -1, hovered = -1;
    var isNb = new Uint8Array(N);
    var labelMode = 'brokers';
    var pending = false;
    var E = drawing.edges.length;
    // Dense maps get fainter edges; while panning or zooming, very dense ones draw a sample of them.
    var edgeAlpha = Math.max(0.05, Math.min(0.3, 0.3 * Math.sqrt(1500 / Math.max(1, E))));
    var moving = false, settle = 0;
    function motion() {
      moving = true;
      window.clearTimeout(settle);
      settle = window.setTimeout(function () { moving = false; redraw(); }, 160);
    }

    function bounds() {
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (var q = 0; q < N; q++) {
        var n = nodes[q];
        if (n.x < x0) x0 = n.x; if (n.x > x1) x1 = n.x;
        if (n.y < y0) y0 = n.y; if (n.y > y1) y1 = n.y;
      }
      return { x0: x0, y0: y0, x1: x1, y1: y1 };
    }
    function fit() {
      var bb = bounds();
      var pad = 36;
      var w = Math.max(bb.x1 - bb.x0, 1e-9), h = Math.max(bb.y1 - bb.y0, 1e-9);
      var k = Math.min((W - 2 * pad) / w, (H - 2 * pad) / h);
      if (!isFinite(k) || k <= 0) k = 1;
      view.k = k; fitK = k;
      view.tx = W / 2 - k * (bb.x0 + bb.x1) / 2;
      view.ty = H / 2 - k * (bb.y0 + bb.y1) / 2;
    }
    function resize() {
      var rect = canvas.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return;
      var oldW = W, oldH = H;
      dpr = window.devicePixelRatio || 1;
      W = rect.width; H = rect.height;
      canvas.width = Math.round(W * dpr);
      canvas.height = Math.round(H * dpr);
      if (!touched || oldW === 0) fit();
      else { view.tx += (W - oldW) / 2; view.ty += (H - oldH) / 2; }
      draw();
    }
    function redraw() {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; draw(); });
    }
    function sx(n) { return n.x * view.k + view.tx; }
    function sy(n) { return n.y * view.k + view.ty; }
    function radius(n) { return n.r * Math.min(3, Math.max(0.55, Math.sqrt(view.k / fitK))); }

    function draw() {
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, W, H);
      var q, n, a, b;
      var focus = selected >= 0;
      // Edges: all faint; the selected node's edges dark, on top.
      ctx.lineWidth = 1;
      ctx.strokeStyle = 'rgba(70,70,70,' + (focus ? edgeAlpha * 0.4 : edgeAlpha).toFixed(3) + ')';
      ctx.beginPath();
      var stride = moving && E > 6000 ? Math.ceil(E / 6000) : 1;
      for (q = 0; q < E; q += stride) {
        a = nodes[drawing.edges[q][0]]; b = nodes[drawing.edges[q][1]];
        if (focus && (a.i === selected || b.i === selected)) continue;
        var ax = sx(a), ay = sy(a), bx = sx(b), by = sy(b);
        if ((ax < 0 && bx < 0) || (ay < 0 && by < 0) || (ax > W && bx > W) || (ay > H && by > H)) continue;
        ctx.moveTo(ax, ay); ctx.lineTo(bx, by);
      }
      ctx.stroke();
      if (focus) {
        ctx.lineWidth = 1.8;
        ctx.strokeStyle = 'rgba(20,20,20,0.85)';
        ctx.beginPath();
        n = nodes[selected];
        for (q = 0; q < n.nb.length; q++) {
          b = nodes[n.nb[q]];
          ctx.moveTo(sx(n), sy(n)); ctx.lineTo(sx(b), sy(b));
        }
        ctx.stroke();
      }
      // Nodes, smallest betweenness first so brokers sit on top.
      for (q = 0; q < N; q++) {
        n = nodes[drawOrder[q]];
        var x = sx(n), y = sy(n), r = radius(n);
        if (x < -r || y < -r || x > W + r || y > H + r) continue;
        ctx.globalAlpha = focus && n.i !== selected && !isNb[n.i] ? 0.16 : 1;
        ctx.beginPath();
        ctx.arc(x, y, r, 0, 2 * Math.PI);
        ctx.fillStyle = colour(n.c);
        ctx.fill();
        ctx.lineWidth = 0.9;
        ctx.strokeStyle = 'rgba(0,0,0,0.55)';
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
      [selected, hovered].forEach(function (k) {
        if (k < 0) return;
        var nn = nodes[k];
        ctx.beginPath();
        ctx.arc(sx(nn), sy(nn), radius(nn) + 2.5, 0, 2 * Math.PI);
        ctx.lineWidth = 2.5;
        ctx.strokeStyle = k === selected ? '#c25400' : '#111';
        ctx.stroke();
      });
      drawLabels();
    }

    function drawLabels() {
      var placed = [];
      var list = [];
      var seen = new Uint8Array(N);
      function add(k, forced) { if (k >= 0 && !seen[k]) { seen[k] = 1; list.push([k, forced]); } }
      add(hovered, true);
      if (selected >= 0) {
        add(selected, true);
        nodes[selected].nb.slice().sort(function (a, b) { return nodes[b].b - nodes[a].b; }).forEach(function (k) { add(k, false); });
      }
      if (labelMode !== 'none') {
        for (var q = 0; q < labelOrder.length; q++) {
          var k = labelOrder[q];
          if (labelMode === 'brokers' && !nodes[k].broker) break;
          if (selected >= 0 && !isNb[k] && k !== selected) continue;
          add(k, false);
        }
      }
      ctx.font = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
      ctx.textBaseline = 'middle';
      ctx.lineJoin = 'round';
      for (var p = 0; p < list.length; p++) {
        var n = nodes[list[p][0]];
        var text = n.label.length > 32 ? n.label.slice(0, 31) + '\u2026' : n.label;
        var r = radius(n);
        var x = sx(n) + r + 4, y = sy(n);
        var w = ctx.measureText(text).width;
        if (x + w < 0 || x > W || y < -8 || y > H + 8) continue;
        var box = [x - 2, y - 8, x + w + 2, y + 8];
        var clash = false;
        for (var z = 0; z < placed.length && !list[p][1]; z++) {
          var o = placed[z];
          if (box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]) { clash = true; break; }
        }
        if (clash) continue;
        placed.push(box);
        ctx.lineWidth = 3.5;
        ctx.strokeStyle = 'rgba(255,255,255,0.92)';
        ctx.strokeText(text, x, y);
        ctx.fillStyle = '#111';
        ctx.fillText(text, x, y);
      }
    }

    function hit(px, py) {
      for (var q = N - 1; q >= 0; q--) {
        var n = nodes[drawOrder[q]];
        var dx = px - sx(n), dy = py - sy(n), r = radius(n) + 3;
        if (dx * dx + dy * dy <= r * r) return n.i;
      }
      return -1;
    }

    function details(n, dl) {
      var m = n.m;
      var rows = [];
      if (n.label !== n.id) rows.push(['ID', n.id]);
      rows.push(['Community', m ? String(m.community) : '\u2014']);
      if (m) {
        rows.push(['Degree', fmt(m.degree)]);
        if (m.inDegree !== undefined) rows.push(['In-degree', fmt(m.inDegree)]);
        if (m.outDegree !== undefined) rows.push(['Out-degree', fmt(m.outDegree)]);
        rows.push(['Betweenness', fmt(m.betweenness)], ['Constraint', fmt(m.constraint)],
          ['Closeness', fmt(m.closeness)], ['PageRank', fmt(m.pagerank)]);
      }
      rows.forEach(function (row) { dl.appendChild(el('dt', '', row[0])); dl.appendChild(el('dd', '', row[1])); });
    }
    function meta(n) {
      var parts = [];
      if (n.info && n.info.type && n.info.type !== 'unknown') parts.push(n.info.type);
      if (n.info && n.info.sector) parts.push('sector ' + n.info.sector);
      if (n.info && n.info.area) parts.push(n.info.area);
      if (n.broker) parts.push('broker');
      return parts.join(' \u00b7 ');
    }
    function showTooltip(k, px, py) {
      if (k < 0) { tooltip.hidden = true; return; }
      var n = nodes[k];
      tooltip.textContent = '';
      tooltip.appendChild(el('div', 'tt-name', n.label));
      var mt = meta(n);
      if (mt) tooltip.appendChild(el('div', 'tt-meta', mt));
      var dl = el('dl');
      details(n, dl);
      tooltip.appendChild(dl);
      tooltip.hidden = false;
      var tw = tooltip.offsetWidth, th = tooltip.offsetHeight;
      var left = px + 16, top = py + 16;
      if (left + tw > W - 4) left = Math.max(4, px - tw - 16);
      if (top + th > H - 4) top = Math.max(4, py - th - 16);
      tooltip.style.left = left + 'px';
      tooltip.style.top = top + 'px';
    }
    function select(k, centre) {
      selected = k;
      isNb.fill(0);
      selectionBox.textContent = '';
      if (k < 0) {
        selectionBox.appendChild(el('p', 'note', 'Click a node (or find one by name) to highlight its neighbours.'));
        redraw();
        return;
      }
      var n = nodes[k];
      n.nb.forEach(function (q) { isNb[q] = 1; });
      selectionBox.appendChild(el('div', 'sel-name', n.label));
      var mt = meta(n);
      if (mt) selectionBox.appendChild(el('div', 'note', mt));
      var dl = el('dl');
      details(n, dl);
      selectionBox.appendChild(dl);
      var nbs = n.nb.slice().sort(function (a, b) { return nodes[b].b - nodes[a].b || a - b; });
      selectionBox.appendChild(el('div', 'note', nbs.length + (nbs.length === 1 ? ' neighbour' : ' neighbours') + ' on the map' + (nbs.length ? ':' : '.')));
      if (nbs.length) {
        var ul = el('ul');
        nbs.slice(0, 60).forEach(function (q) { ul.appendChild(el('li', '', nodes[q].label)); });
        if (nbs.length > 60) ul.appendChild(el('li', 'note', '\u2026 and ' + (nbs.length - 60) + ' more'));
        selectionBox.appendChild(ul);
      }
      var clear = el('button', '', 'Clear selection');
      clear.type = 'button';
      clear.addEventListener('click', function () { select(-1); canvas.focus(); });
      selectionBox.appendChild(clear);
      if (centre) {
        touched = true;
        if (view.k < fitK * 1.5) view.k = fitK * 1.5;
        view.tx = W / 2 - n.x * view.k;
        view.ty = H / 2 - n.y * view.k;
      }
      redraw();
    }
    function zoomAt(px, py, f) {
      var k = Math.min(fitK * 60, Math.max(fitK * 0.2, view.k * f));
      view.tx = px - (px - view.tx) * (k / view.k);
      view.ty = py - (py - view.ty) * (k / view.k);
      view.k = k;
      touched = true;
      motion();
      redraw();
    }
    function pan(dx, dy) { view.tx += dx; view.ty += dy; touched = true; motion(); redraw(); }
    function reset() { touched = false; fit(); redraw(); }
    function local(ev) { var r = canvas.getBoundingClientRect(); return [ev.clientX - r.left, ev.clientY - r.top]; }

    canvas.addEventListener('wheel', function (ev) {
      ev.preventDefault();
      var p = local(ev);
      var unit = ev.deltaMode === 1 ? 0.05 : ev.deltaMode === 2 ? 1 : 0.0015;
      zoomAt(p[0], p[1], Math.exp(-ev.deltaY * unit));
    }, { passive: false });
    var drag = null;
    canvas.addEventListener('pointerdown', function (ev) {
      if (ev.button !== 0) return;
      var p = local(ev);
      drag = { x: p[0], y: p[1], tx: view.tx, ty: view.ty, moved: false, id: ev.pointerId };
      canvas.setPointerCapture(ev.pointerId);
    });
    canvas.addEventListener('pointermove', function (ev) {
      var p = local(ev);
      if (drag) {
        var dx = p[0] - drag.x, dy = p[1] - drag.y;
        if (!drag.moved && dx * dx + dy * dy > 16) { drag.moved = true; canvas.classList.add('dragging'); tooltip.hidden = true; }
        if (drag.moved) { view.tx = drag.tx + dx; view.ty = drag.ty + dy; touched = true; motion(); redraw(); }
        return;
      }
      var k = hit(p[0], p[1]);
      canvas.classList.toggle('over-node', k >= 0);
      if (k !== hovered) { hovered = k; redraw(); }
      showTooltip(k, p[0], p[1]);
    });
    function endDrag(ev) {
      if (!drag) return;
      var wasClick = !drag.moved;
      drag = null;
      canvas.classList.remove('dragging');
      if (wasClick && ev.type === 'pointerup') {
        var p = local(ev);
        var k = hit(p[0], p[1]);
        select(k === selected ? -1 : k, false);
      }
    }
    canvas.addEventListener('pointerup', endDrag);
    canvas.addEventListener('pointercancel', endDrag);
    canvas.addEventListener('pointerleave', function () {
      if (drag) return;
      if (hovered >= 0) { hovered = -1; redraw(); }
      tooltip.hidden = true;
    });

    var brokerCursor = -1;
    function stepBroker(d) {
      if (!brokerList.length) return;
      brokerCursor = (brokerCursor + d + brokerList.length) % brokerList.length;
      select(brokerList[brokerCursor], true);
      say('Broker ' + (brokerCursor + 1) + ' of ' + brokerList.length + ': ' + nodes[brokerList[brokerCursor]].label);
    }
    function say(text) { status.textContent = text; }
    canvas.addEventListener('keydown', function (ev) {
      var step = 60, handled = true;
      switch (ev.key) {
        case 'ArrowLeft': pan(step, 0); break;
        case 'ArrowRight': pan(-step, 0); break;
        case 'ArrowUp': pan(0, step); break;
        case 'ArrowDown': pan(0, -step); break;
        case '+': case '=': zoomAt(W / 2, H / 2, 1.25); break;
        case '-': case '_': zoomAt(W / 2, H / 2, 0.8); break;
        case '0': reset(); break;
        case 'Escape': select(-1); break;
        case 'n': case 'N': stepBroker(1); break;
        case 'p': case 'P': stepBroker(-1); break;
        default: handled = false;
      }
      if (handled) ev.preventDefault();
    });
    canvas.addEventListener('blur', function () { tooltip.hidden = true; });

    function on(id, event, fn) { var x = document.getElementById(id); if (x) x.addEventListener(event, fn); }
    on('bw-zoom-in', 'click', function () { zoomAt(W / 2, H / 2, 1.25); });
    on('bw-zoom-out', 'click', function () { zoomAt(W / 2, H / 2, 0.8); });
    on('bw-reset', 'click', reset);
    on('bw-labels', 'change', function (ev) { labelMode = ev.target.value; redraw(); });

    // Find a node by label or id.
    var findList = document.getElementById('bw-find-list');
    var labels = nodes.map(function (n) { return n.label; }).sort(function (a, b) { return a.localeCompare(b); });
    labels.slice(0, 5000).forEach(function (l) { var o = document.createElement('option'); o.value = l; findList.appendChild(o); });
    function find(query) {
      var qy = String(query || '').trim().toLowerCase();
      if (!qy) return -1;
      var q, best = -1;
      for (q = 0; q < N; q++) if (nodes[q].label.toLowerCase() === qy || nodes[q].id.toLowerCase() === qy) return q;
      for (q = 0; q < N; q++) {
        if (nodes[q].label.toLowerCase().indexOf(qy) >= 0 && (best < 0 || nodes[q].b > nodes[best].b)) best = q;
      }
      return best;
    }
    function findAndShow() {
      var input = document.getElementById('bw-find');
      var k = find(input.value);
      if (k < 0) { say('No node on the map matches \u201c' + input.value + '\u201d.'); return; }
      select(k, true);
      say('Showing ' + nodes[k].label + ' and its ' + nodes[k].nb.length + ' neighbours.');
    }
    on('bw-find-form', 'submit', function (ev) { ev.preventDefault(); findAndShow(); });

    // Node names in the tables show the node on the map.
    document.addEventListener('click', function (ev) {
      var t = ev.target;
      if (!t || !t.closest) return;
      var b = t.closest('[data-node]');
      if (!b) return;
      var k = byId[b.getAttribute('data-node')];
      if (k === undefined) return;
      select(k, true);
      frame.scrollIntoView({ behavior: 'smooth', block: 'center' });
      canvas.focus({ preventScroll: true });
      say('Showing ' + nodes[k].label + ' on the map.');
    });

    select(-1);
    if (window.ResizeObserver) new ResizeObserver(function () { resize(); }).observe(canvas);
    else window.addEventListener('resize', resize);
    resize();
    document.body.setAttribute('data-map-ready', String(N));
  }

  function setupTables() {
    var tables = document.querySelectorAll('table.sortable');
    Array.prototype.forEach.call(tables, function (table) {
      var head = table.tHead && table.tHead.rows[0];
      if (!head) return;
      Array.prototype.forEach.call(head.cells, function (th, col) {
        var button = th.querySelector('button.sort');
        if (!button) return;
        button.addEventListener('click', function () { sortTable(table, col); });
      });
    });
  }
  function sortTable(table, col) {
    var head = table.tHead.rows[0];
    var th = head.cells[col];
    var numeric = th.getAttribute('data-type') === 'number';
    var current = th.getAttribute('aria-sort');
    var dir = current === 'descending' ? 'ascending' : current === 'ascending' ? 'descending' : numeric ? 'descending' : 'ascending';
    Array.prototype.forEach.call(head.cells, function (c) { if (c.hasAttribute('aria-sort')) c.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', dir);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
      var cell = row.cells[col];
      var raw = cell ? (cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent) : '';
      return { row: row, index: index, empty: raw === '', v: numeric ? parseFloat(raw) : String(raw).toLowerCase() };
    });
    var sign = dir === 'ascending' ? 1 : -1;
    rows.sort(function (a, b) {
      if (a.empty !== b.empty) return a.empty ? 1 : -1;
      if (!a.empty) {
        var d = numeric ? a.v - b.v : a.v.localeCompare(b.v, undefined, { numeric: true });
        if (d !== 0) return sign * d;
      }
      return a.index - b.index;
    });
    var frag = document.createDocumentFragment();
    rows.forEach(function (r) { frag.appendChild(r.row); });
    body.appendChild(frag);
  }
})();
`;
