// In-page checks shared by the Chromium (playwright-core) and Firefox
// (puppeteer-core over WebDriver BiDi) browser tests. Each function runs in
// the page (page.evaluate), so it uses nothing from this module's scope.

// atFullSize zooms every map to 100 % (at a few pixels per glyph a browser
// rounds hinted advances up, which no reader sees) and resolves once fonts
// are loaded and the page has been laid out.
export function atFullSize() {
  document.querySelectorAll('.map').forEach((m) => {
    const pz = m.svgPanZoom;
    if (pz) pz.zoom(pz.getZoom() / pz.getSizes().realZoom);
  });
  return document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

// overflowingLabels returns "node id: text" for every text of a map node
// that reaches outside the node's shape as the browser lays it out.
export function overflowingLabels() {
  const bad = [];
  document.querySelectorAll('.map svg g.node').forEach((g) => {
    const shape = g.querySelector('path, polygon, ellipse');
    if (!shape) return;
    const s = shape.getBBox();
    g.querySelectorAll('text').forEach((t) => {
      const b = t.getBBox();
      if (b.x < s.x - 0.5 || b.x + b.width > s.x + s.width + 0.5) bad.push(g.id + ': ' + t.textContent);
    });
  });
  return bad;
}

// labelCount is how many node texts the maps of the page hold.
export function labelCount() {
  return document.querySelectorAll('.map svg g.node text').length;
}

// fitMaps fits every map back into its box.
export function fitMaps() {
  document.querySelectorAll('.map').forEach((m) => {
    const pz = m.svgPanZoom;
    if (pz) { pz.fit(); pz.center(); }
  });
}

// navigationMs is the page's load time from navigation timing: request
// start to the load event.
export function navigationMs() {
  const n = performance.getEntriesByType('navigation')[0];
  return n.loadEventEnd - n.startTime;
}

// mapFit says how the first map's drawing (Graphviz's graph group, as drawn
// after pan and zoom) sits in its box: ok when it lies inside the box (within
// 2 px) and fills the box's width or height (at least 90 %), as a fitted map
// does; the rectangles are returned for the message.
export function mapFit() {
  const stage = document.querySelector('.map .map-stage');
  const g = stage && stage.querySelector('svg g.graph');
  if (!g) return { ok: false, why: 'no map drawing' };
  const b = stage.getBoundingClientRect();
  const d = g.getBoundingClientRect();
  const r = (x) => Math.round(x);
  const inside = d.left >= b.left - 2 && d.top >= b.top - 2 && d.right <= b.right + 2 && d.bottom <= b.bottom + 2;
  const fills = d.width >= 0.9 * b.width || d.height >= 0.9 * b.height;
  return {
    ok: inside && fills,
    why: `drawing ${r(d.left)},${r(d.top)}–${r(d.right)},${r(d.bottom)} in box ${r(b.left)},${r(b.top)}–${r(b.right)},${r(b.bottom)}`,
  };
}

// mapOpen says how the first map reads as it opens: the height of its focus
// node's first line of text as drawn (the page's claim, else the first main
// claim in bold, else the first node), whether that node lies inside the
// map's box (within 2 px), and whether the whole drawing shows (fitted).
export function mapOpen() {
  const box = document.querySelector('.map');
  const stage = box && box.querySelector('.map-stage');
  const svg = stage && stage.querySelector('svg');
  if (!svg) return { textPx: 0, inside: false, fitted: false, why: 'no map drawing' };
  const nodes = Array.from(svg.querySelectorAll('g.map-node'));
  const id = box.getAttribute('data-focus');
  const bold = svg.querySelector('g.map-node text[font-weight="bold"]');
  const f = nodes.find((n) => n.id === id) || (bold && bold.closest('g.map-node')) || nodes[0];
  if (!f) return { textPx: 0, inside: false, fitted: false, why: 'no nodes' };
  const b = stage.getBoundingClientRect();
  const n = f.getBoundingClientRect();
  const t = f.querySelector('text').getBoundingClientRect();
  const d = svg.querySelector('g.graph').getBoundingClientRect();
  const within = (r) => r.left >= b.left - 2 && r.top >= b.top - 2 && r.right <= b.right + 2 && r.bottom <= b.bottom + 2;
  const r = (x) => Math.round(x);
  return {
    textPx: t.height,
    inside: within(n),
    fitted: within(d),
    why: `${f.id} text ${t.height.toFixed(1)} px high at ${r(n.left)},${r(n.top)}–${r(n.right)},${r(n.bottom)}; box ${r(b.left)},${r(b.top)}–${r(b.right)},${r(b.bottom)}; drawing ${r(d.left)},${r(d.top)}–${r(d.right)},${r(d.bottom)}`,
  };
}
