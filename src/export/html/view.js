// kg's graph view: draws the embedded graph as SVG and makes it explorable.
//
// Reads the JSON in <script id="kg-data"> (format: src/export/html.rs), then:
// - draws nodes (shape and colour by kind) and edges (with relation labels), placed where
//   the layout said; edges follow Graphviz's splines when there are some;
// - pan (drag the background), zoom (wheel, +/- buttons), fit;
// - search box: finds an entity by name or alias, shows its card;
// - clicking a node shows its card (kind, aliases, facts in and out with evidence),
//   clicking an edge shows its fact with evidence;
// - the path box highlights the shortest path between two entities (facts followed
//   either way, as `kg path` does) and lists its steps.
// All text from the data goes into the page through textContent, never as markup.
'use strict';
(function () {
  const data = JSON.parse(document.getElementById('kg-data').textContent);
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);
  const svg = $('graph');
  const card = $('card');
  const kinds = Object.fromEntries(data.kinds.map((k) => [k.kind, k]));
  const sources = Object.fromEntries(data.sources.map((s) => [s.id, s]));

  // ---- small helpers ------------------------------------------------------------------

  function svgEl(tag, attrs, parent) {
    const e = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (parent) parent.appendChild(e);
    return e;
  }

  function htmlEl(tag, cls, text, parent) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }

  const fold = (s) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

  // Facts at each node, by edge index.
  const incident = data.nodes.map(() => []);
  data.edges.forEach((e, i) => {
    incident[e.s].push(i);
    if (e.o !== e.s) incident[e.o].push(i);
  });

  // ---- drawing ------------------------------------------------------------------------

  const viewport = svgEl('g', { id: 'viewport' }, svg);
  const edgeLayer = svgEl('g', { class: 'edges' }, viewport);
  const nodeLayer = svgEl('g', { class: 'nodes' }, viewport);
  const nodeEls = [];
  const edgeEls = [];
  const size = []; // half width and half height of each node's shape

  // The outline of a shape around a w × h label, centred on 0,0.
  function outline(shape, w, h, parent) {
    const x = w / 2, y = h / 2;
    const poly = (pts) => svgEl('polygon', { points: pts.map((p) => p.join(',')).join(' ') }, parent);
    switch (shape) {
      case 'ellipse':
      case 'egg':
        svgEl('ellipse', { rx: x * 1.12 + 4, ry: y * 1.2 + 2 }, parent);
        return [x * 1.12 + 4, y * 1.2 + 2];
      case 'hexagon':
        poly([[-x - 10, 0], [-x, -y], [x, -y], [x + 10, 0], [x, y], [-x, y]]);
        return [x + 10, y];
      case 'house':
        poly([[-x, y], [-x, -y / 3], [0, -y - 8], [x, -y / 3], [x, y]]);
        return [x, y + 4];
      case 'octagon': {
        const c = 6;
        poly([[-x, -y + c], [-x + c, -y], [x - c, -y], [x, -y + c], [x, y - c], [x - c, y],
          [-x + c, y], [-x, y - c]]);
        return [x, y];
      }
      case 'note':
        poly([[-x, -y], [x - 8, -y], [x, -y + 8], [x, y], [-x, y]]);
        return [x, y];
      default: // box, component, box3d
        svgEl('rect', { x: -x, y: -y, width: w, height: h, rx: 3 }, parent);
        return [x, y];
    }
  }

  data.nodes.forEach((n, i) => {
    const style = kinds[n.kind] || { color: '#e5e7eb', shape: 'box' };
    const g = svgEl('g', {
      class: 'node', 'data-id': n.id, 'data-index': i, tabindex: 0,
      transform: `translate(${n.x},${n.y})`,
    }, nodeLayer);
    const title = svgEl('title', {}, g);
    title.textContent = `${n.kind}: ${n.name}`;
    const shapeGroup = svgEl('g', { class: 'shape', fill: style.color }, g);
    const text = svgEl('text', { 'text-anchor': 'middle' }, g);
    const lineHeight = 13;
    n.label.forEach((line, j) => {
      const t = svgEl('tspan', { x: 0, y: (j - (n.label.length - 1) / 2) * lineHeight + 4 }, text);
      t.textContent = line;
    });
    const box = text.getBBox();
    const w = Math.max(box.width + 16, 36);
    const h = n.label.length * lineHeight + 10;
    size[i] = outline(style.shape, w, h, shapeGroup);
    g.addEventListener('click', (ev) => { ev.stopPropagation(); showNode(i); });
    g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') showNode(i); });
    nodeEls.push(g);
  });

  // Where the straight line from node a's centre towards point p leaves its box.
  function clip(i, p) {
    const n = data.nodes[i];
    const [hw, hh] = size[i];
    const dx = p[0] - n.x, dy = p[1] - n.y;
    if (dx === 0 && dy === 0) return [n.x, n.y];
    const t = 1 / Math.max(Math.abs(dx) / (hw + 2), Math.abs(dy) / (hh + 2), 1e-9);
    return t >= 1 ? [p[0], p[1]] : [n.x + dx * t, n.y + dy * t];
  }

  // Parallel straight edges between the same two nodes bend apart.
  const pairCount = {};
  const pairSeen = {};
  const pairKey = (e) => (e.s < e.o ? `${e.s}-${e.o}` : `${e.o}-${e.s}`);
  data.edges.forEach((e) => { pairCount[pairKey(e)] = (pairCount[pairKey(e)] || 0) + 1; });

  // An arrowhead: a triangle with its tip at `tip`, pointing away from `from`.
  function arrowhead(from, tip) {
    const len = Math.hypot(tip[0] - from[0], tip[1] - from[1]) || 1;
    const ux = (tip[0] - from[0]) / len, uy = (tip[1] - from[1]) / len;
    const base = [tip[0] - ux * 9, tip[1] - uy * 9];
    const side = [-uy * 4, ux * 4];
    const pts = [tip, [base[0] + side[0], base[1] + side[1]], [base[0] - side[0], base[1] - side[1]]];
    return { points: pts.map((p) => p.map((v) => v.toFixed(1)).join(',')).join(' '), base };
  }

  // The path data of an edge, its arrowhead and where its label goes.
  function geometry(e) {
    const r = e.route;
    if (r) {
      let d = `M${r.points[0].join(',')}`;
      for (let k = 1; k + 2 < r.points.length; k += 3) {
        d += ` C${r.points[k].join(',')} ${r.points[k + 1].join(',')} ${r.points[k + 2].join(',')}`;
      }
      const last = r.points[r.points.length - 1];
      const head = r.tip ? arrowhead(last, r.tip).points : null;
      const mid = r.points[Math.floor(r.points.length / 2)];
      return { d, head, label: r.label || mid };
    }
    const a = data.nodes[e.s], b = data.nodes[e.o];
    if (e.s === e.o) {
      const [hw, hh] = size[e.s];
      const x = a.x + hw * 0.6, y = a.y - hh;
      const head = arrowhead([x + 14, y - 12], [x + 10, y - 1]);
      return {
        d: `M${x - 8},${y} C${x - 8},${y - 36} ${x + 28},${y - 36} ${head.base.join(',')}`,
        head: head.points,
        label: [x + 10, y - 34],
      };
    }
    const key = pairKey(e);
    const nth = (pairSeen[key] = (pairSeen[key] || 0) + 1) - 1;
    const bend = (nth - (pairCount[key] - 1) / 2) * 28 * (e.s < e.o ? 1 : -1);
    const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const nx = -(b.y - a.y) / len, ny = (b.x - a.x) / len;
    const c = [mx + nx * bend * 2, my + ny * bend * 2];
    const from = clip(e.s, c), to = clip(e.o, c);
    const head = arrowhead(c, to);
    return {
      d: `M${from.join(',')} Q${c.join(',')} ${head.base.join(',')}`,
      head: head.points,
      label: [mx + nx * bend, my + ny * bend],
    };
  }

  data.edges.forEach((e, i) => {
    const { d, head, label } = geometry(e);
    const g = svgEl('g', { class: 'edge', 'data-index': i, 'data-relation': e.relation }, edgeLayer);
    const title = svgEl('title', {}, g);
    title.textContent = `${e.subject.name} ${e.relation} ${e.object.name}`;
    svgEl('path', { d, class: 'hit' }, g);
    svgEl('path', { d, class: 'line' }, g);
    if (head) svgEl('polygon', { points: head, class: 'head' }, g);
    const t = svgEl('text', { x: label[0], y: label[1] + 3, 'text-anchor': 'middle', class: 'label' }, g);
    t.textContent = e.count != null && e.count > 1 ? `${e.relation} (${e.count})` : e.relation;
    g.addEventListener('click', (ev) => { ev.stopPropagation(); showEdge(i); });
    edgeEls.push(g);
  });

  // ---- legend and status ----------------------------------------------------------------

  const legend = $('legend');
  htmlEl('h2', '', 'Kinds', legend);
  const list = htmlEl('ul', '', null, legend);
  for (const k of data.kinds) {
    const li = htmlEl('li', '', null, list);
    // The same shape as the nodes, drawn small.
    const sw = svgEl('svg', { class: 'swatch', width: 30, height: 14, viewBox: '-40 -19 80 38' }, li);
    outline(k.shape, 50, 24, svgEl('g', { fill: k.color }, sw));
    htmlEl('span', '', k.kind, li);
  }
  const counted = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  $('status').textContent =
    `${counted(data.nodes.length, 'entity', 'entities')} · ${counted(data.edges.length, 'fact', 'facts')}` +
    ` · layout: ${data.layout} · drag to pan, wheel to zoom`;

  // ---- pan and zoom -------------------------------------------------------------------

  const view = { k: 1, x: 0, y: 0 };
  function apply() {
    viewport.setAttribute('transform', `translate(${view.x},${view.y}) scale(${view.k})`);
  }
  function zoomAt(factor, cx, cy) {
    const k = Math.min(8, Math.max(0.05, view.k * factor));
    view.x = cx - ((cx - view.x) * k) / view.k;
    view.y = cy - ((cy - view.y) * k) / view.k;
    view.k = k;
    apply();
  }
  function visibleWidth() {
    return svg.clientWidth - (card.hidden ? 0 : card.offsetWidth + 16);
  }
  function fit(indices) {
    const idx = indices && indices.length ? indices : data.nodes.map((_, i) => i);
    if (!idx.length) return;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const i of idx) {
      const n = data.nodes[i], [hw, hh] = size[i];
      x0 = Math.min(x0, n.x - hw); x1 = Math.max(x1, n.x + hw);
      y0 = Math.min(y0, n.y - hh); y1 = Math.max(y1, n.y + hh);
    }
    const w = visibleWidth(), h = svg.clientHeight, pad = 40;
    view.k = Math.min(1.6, (w - 2 * pad) / Math.max(x1 - x0, 1), (h - 2 * pad) / Math.max(y1 - y0, 1));
    view.x = (w - (x1 - x0) * view.k) / 2 - x0 * view.k;
    view.y = (h - (y1 - y0) * view.k) / 2 - y0 * view.k;
    apply();
  }
  function centerOn(i) {
    const n = data.nodes[i];
    view.k = Math.max(view.k, 1);
    view.x = visibleWidth() / 2 - n.x * view.k;
    view.y = svg.clientHeight / 2 - n.y * view.k;
    apply();
  }

  svg.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const r = svg.getBoundingClientRect();
    zoomAt(Math.exp(-ev.deltaY * 0.0015), ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });
  let drag = null;
  svg.addEventListener('pointerdown', (ev) => {
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false };
  });
  svg.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) svg.setPointerCapture(ev.pointerId);
    drag.moved = true;
    svg.classList.add('panning');
    view.x = drag.vx + dx;
    view.y = drag.vy + dy;
    apply();
  });
  svg.addEventListener('pointerup', () => {
    svg.classList.remove('panning');
    setTimeout(() => { drag = null; }, 0);
  });
  svg.addEventListener('click', () => {
    if (drag && drag.moved) return;
    clearSelection();
    card.hidden = true;
  });
  const middle = () => [svg.clientWidth / 2, svg.clientHeight / 2];
  $('zoomin').addEventListener('click', () => zoomAt(1.25, ...middle()));
  $('zoomout').addEventListener('click', () => zoomAt(0.8, ...middle()));
  $('fit').addEventListener('click', () => fit());

  // ---- selection and cards ------------------------------------------------------------

  function clearSelection() {
    svg.querySelectorAll('.selected, .hi').forEach((e) => e.classList.remove('selected', 'hi'));
  }
  function mark(g, cls) {
    g.classList.add(cls);
  }

  function openCard(kind) {
    card.replaceChildren();
    card.hidden = false;
    card.dataset.kind = kind;
    const close = htmlEl('button', 'close', '×', card);
    close.title = 'Close';
    close.addEventListener('click', () => { card.hidden = true; clearSelection(); });
    return card;
  }

  function entityLink(i, parent) {
    const n = data.nodes[i];
    const a = htmlEl('a', 'entity', n.name, parent);
    a.href = '#';
    a.addEventListener('click', (ev) => { ev.preventDefault(); showNode(i); centerOn(i); });
    return a;
  }

  function sourceText(id) {
    const s = sources[id];
    if (!s) return `source: ${id}`;
    let t = `source: ${s.title ? s.title + ' — ' : ''}${s.publisher ? s.publisher + ', ' : ''}${s.id}`;
    if (s.date) t += ` (${s.date})`;
    return t;
  }

  // One fact: "Subject —relation→ Object", its evidence sentence, date, count, source.
  function factItem(i, parent, cls) {
    const e = data.edges[i];
    const li = htmlEl('li', cls || 'fact', null, parent);
    li.dataset.relation = e.relation;
    const line = htmlEl('div', 'line', null, li);
    entityLink(e.s, line);
    htmlEl('span', 'rel', ` ${e.relation} → `, line);
    entityLink(e.o, line);
    if (e.evidence) htmlEl('blockquote', 'evidence', e.evidence, li);
    const meta = [];
    if (e.date) meta.push(e.date);
    if (e.count != null) meta.push(`count ${e.count}`);
    if (e.source) meta.push(sourceText(e.source));
    if (meta.length) htmlEl('div', 'meta', meta.join(' · '), li);
    li.addEventListener('mouseenter', () => edgeEls[i].classList.add('hover'));
    li.addEventListener('mouseleave', () => edgeEls[i].classList.remove('hover'));
    return li;
  }

  function showNode(i) {
    const n = data.nodes[i];
    clearSelection();
    mark(nodeEls[i], 'selected');
    const c = openCard('entity');
    const badge = htmlEl('span', 'badge', n.kind, c);
    badge.style.background = (kinds[n.kind] || {}).color || '#e5e7eb';
    htmlEl('h2', '', n.name, c);
    if (n.aliases.length) htmlEl('p', 'aliases', 'Also: ' + n.aliases.join(', '), c);
    const out = incident[i].filter((k) => data.edges[k].s === i);
    const inc = incident[i].filter((k) => data.edges[k].o === i && data.edges[k].s !== i);
    const here = out.length + inc.length;
    htmlEl('p', 'meta', here === n.facts
      ? `${here} fact${here === 1 ? '' : 's'}`
      : `${here} of its ${n.facts} facts are in this view`, c);
    for (const [title, list, cls] of [['Out', out, 'out'], ['In', inc, 'in']]) {
      if (!list.length) continue;
      htmlEl('h3', '', `${title} (${list.length})`, c);
      const ul = htmlEl('ul', 'facts ' + cls, null, c);
      list.forEach((k) => { factItem(k, ul); mark(edgeEls[k], 'hi'); });
    }
  }

  function showEdge(i) {
    clearSelection();
    mark(edgeEls[i], 'hi');
    const c = openCard('fact');
    htmlEl('span', 'badge', 'fact', c);
    htmlEl('h2', '', data.edges[i].relation, c);
    factItem(i, htmlEl('ul', 'facts', null, c));
  }

  // ---- search ---------------------------------------------------------------------------

  // How well a node's names match a query: 0 exact, 1 prefix, 2 word prefix, 3 inside.
  function score(n, q) {
    let best = Infinity;
    for (const name of [n.name, ...n.aliases]) {
      const f = fold(name);
      if (f === q) best = Math.min(best, 0);
      else if (f.startsWith(q)) best = Math.min(best, 1);
      else if (f.split(/[\s-]+/).some((w) => w.startsWith(q))) best = Math.min(best, 2);
      else if (f.includes(q)) best = Math.min(best, 3);
    }
    return best;
  }
  function matches(query) {
    const q = fold(query.trim());
    if (!q) return [];
    return data.nodes
      .map((n, i) => [score(n, q), n.name, i])
      .filter(([s]) => s < Infinity)
      .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]))
      .map(([, , i]) => i);
  }

  const search = $('search');
  const matchList = $('matches');
  function pick(i) {
    matchList.hidden = true;
    search.value = data.nodes[i].name;
    showNode(i);
    centerOn(i);
  }
  search.addEventListener('input', () => {
    matchList.replaceChildren();
    const found = matches(search.value).slice(0, 10);
    matchList.hidden = !search.value.trim();
    if (!found.length) htmlEl('li', 'none', 'No entity by that name', matchList);
    for (const i of found) {
      const li = htmlEl('li', 'match', null, matchList);
      li.dataset.id = data.nodes[i].id;
      htmlEl('span', '', data.nodes[i].name, li);
      htmlEl('small', '', data.nodes[i].kind, li);
      li.addEventListener('mousedown', (ev) => { ev.preventDefault(); pick(i); });
    }
  });
  // Arrow keys move through the matches; Enter picks the active one (or the best).
  search.addEventListener('keydown', (ev) => {
    const items = [...matchList.querySelectorAll('li.match')];
    const active = items.findIndex((li) => li.classList.contains('active'));
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!items.length) return;
      const step = ev.key === 'ArrowDown' ? 1 : -1;
      const next = (active + step + items.length) % items.length;
      items.forEach((li, k) => li.classList.toggle('active', k === next));
      items[next].scrollIntoView({ block: 'nearest' });
    } else if (ev.key === 'Enter') {
      const found = matches(search.value);
      const chosen = active >= 0 ? data.nodes.findIndex((n) => n.id === items[active].dataset.id) : found[0];
      if (chosen !== undefined && chosen >= 0) pick(chosen);
    } else if (ev.key === 'Escape') {
      matchList.hidden = true;
    }
  });
  search.addEventListener('blur', () => { matchList.hidden = true; });

  // ---- paths ----------------------------------------------------------------------------

  // The shortest path by breadth-first search, following facts either way; the steps as
  // edge indices, or null.
  function shortestPath(from, to) {
    const came = new Map([[from, null]]);
    const queue = [from];
    while (queue.length) {
      const n = queue.shift();
      if (n === to) break;
      for (const k of incident[n]) {
        const e = data.edges[k];
        const next = e.s === n ? e.o : e.s;
        if (!came.has(next)) { came.set(next, k); queue.push(next); }
      }
    }
    if (!came.has(to)) return null;
    const steps = [];
    for (let at = to; came.get(at) !== null;) {
      const k = came.get(at);
      steps.unshift(k);
      at = data.edges[k].s === at ? data.edges[k].o : data.edges[k].s;
    }
    return steps;
  }

  function clearPath() {
    svg.classList.remove('has-path');
    svg.querySelectorAll('.on-path').forEach((e) => e.classList.remove('on-path'));
  }

  // The path between the entities the two texts name (the best match of each).
  function findPath(fromText, toText) {
    const [from] = matches(fromText);
    const [to] = matches(toText);
    if (from !== undefined && to !== undefined) return showPath(from, to);
    clearPath();
    clearSelection();
    const c = openCard('path');
    htmlEl('span', 'badge', 'path', c);
    const missing = from === undefined ? fromText : toText;
    htmlEl('h2', '', 'No path', c);
    htmlEl('p', 'message', `No entity named “${missing.trim()}” in this view.`, c);
  }

  // Highlights the shortest path between nodes from and to and lists its steps.
  function showPath(from, to) {
    clearPath();
    clearSelection();
    const c = openCard('path');
    htmlEl('span', 'badge', 'path', c);
    const steps = shortestPath(from, to);
    htmlEl('h2', '', `${data.nodes[from].name} → ${data.nodes[to].name}`, c);
    if (!steps) {
      htmlEl('p', 'message', 'These two entities are not connected in this view.', c);
      return;
    }
    htmlEl('p', 'meta', steps.length === 1 ? '1 step' : `${steps.length} steps`, c);
    svg.classList.add('has-path');
    const ol = htmlEl('ol', 'facts path', null, c);
    let at = from;
    mark(nodeEls[from], 'on-path');
    for (const k of steps) {
      factItem(k, ol, 'fact path-step');
      mark(edgeEls[k], 'on-path');
      at = data.edges[k].s === at ? data.edges[k].o : data.edges[k].s;
      mark(nodeEls[at], 'on-path');
    }
    const onPath = [from, ...steps.map((k) => [data.edges[k].s, data.edges[k].o]).flat()];
    fit(onPath);
  }

  $('pathform').addEventListener('submit', (ev) => {
    ev.preventDefault();
    findPath($('from').value, $('to').value);
  });
  $('clearpath').addEventListener('click', () => {
    clearPath();
    $('from').value = '';
    $('to').value = '';
    if (card.dataset.kind === 'path') card.hidden = true;
  });

  // ---- start --------------------------------------------------------------------------

  fit();
  const byId = (id) => data.nodes.findIndex((n) => n.id === id);
  if (data.path) {
    const [a, b] = data.path.map(byId);
    if (a >= 0 && b >= 0) {
      $('from').value = data.nodes[a].name;
      $('to').value = data.nodes[b].name;
      showPath(a, b);
    }
  } else if (data.focus && byId(data.focus) >= 0) {
    mark(nodeEls[byId(data.focus)], 'focus');
  }
  window.addEventListener('resize', () => fit());
  document.body.dataset.ready = 'true';
})();
