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
