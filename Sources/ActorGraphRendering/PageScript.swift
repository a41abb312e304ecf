/// The interactive page's script: pan and zoom on the SVG's viewBox, search, hover and click highlights,
/// the side panel of neighbours and evidence, and the filter on the edge measure.
///
/// Every name and sentence is put into the page with `textContent` (or as a text node), never as markup.
enum PageScript {
    static let source = #"""
(() => {
"use strict";
const data = JSON.parse(document.getElementById("graph-data").textContent);
const nodes = data.nodes, edges = data.edges;
const canvas = document.getElementById("canvas");
const svg = canvas.querySelector("svg");
const panel = document.getElementById("panel");
const list = document.getElementById("neighbours");
const search = document.getElementById("search");
const matchList = document.getElementById("matches");
const slider = document.getElementById("threshold");
const sliderLabel = document.getElementById("threshold-label");
const card = document.getElementById("hovercard");
const XLINK = "http://www.w3.org/1999/xlink";

const byId = (selector) => {
  const map = new Map();
  for (const g of svg.querySelectorAll(selector)) map.set(g.id, g);
  return map;
};
const nodeGroups = byId("g.node"), edgeGroups = byId("g.edge");
const nodeEl = nodes.map((n) => nodeGroups.get(n.id) || null);
const edgeEl = edges.map((e) => edgeGroups.get(e.id) || null);
const indexOfElement = new Map();
nodeEl.forEach((g, i) => { if (g) indexOfElement.set(g, i); });
const edgeOfElement = new Map();
edgeEl.forEach((g, k) => { if (g) edgeOfElement.set(g, k); });
const ties = nodes.map(() => []);
edges.forEach((e, k) => { ties[e.s].push(k); ties[e.t].push(k); });
const other = (k, i) => (edges[k].s === i ? edges[k].t : edges[k].s);

// The hover card replaces the browser's tooltips, which would show Graphviz's ids and repeat the card.
for (const t of svg.querySelectorAll("title")) t.remove();
for (const a of svg.querySelectorAll("a")) a.removeAttributeNS(XLINK, "title");

const number = (x) => {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return x.toLocaleString("en-US");
  return String(Number(x.toPrecision(3)));
};
const el = (tag, className, text) => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};

// ---- Pan and zoom: the SVG's viewBox is the camera.
svg.removeAttribute("width");
svg.removeAttribute("height");
svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
const box = svg.viewBox.baseVal;
const home = { x: box.x, y: box.y, w: box.width, h: box.height };
let view = { ...home };
const show = () => svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
const toGraph = (clientX, clientY) => new DOMPoint(clientX, clientY).matrixTransform(svg.getScreenCTM().inverse());
const zoomAt = (point, factor) => {
  const w = Math.min(Math.max(view.w * factor, home.w / 80), home.w * 4);
  const f = w / view.w;
  view = { x: point.x - (point.x - view.x) * f, y: point.y - (point.y - view.y) * f, w: view.w * f, h: view.h * f };
  show();
};
canvas.addEventListener("wheel", (ev) => {
  ev.preventDefault();
  const step = ev.deltaMode === 1 ? ev.deltaY * 16 : ev.deltaY;
  zoomAt(toGraph(ev.clientX, ev.clientY), Math.exp(step * 0.0015));
}, { passive: false });

let drag = null, suppressClick = false;
canvas.addEventListener("pointerdown", (ev) => {
  if (ev.button !== 0) return;
  drag = { x: ev.clientX, y: ev.clientY, view: { ...view }, scale: svg.getScreenCTM().a, moved: false };
});
window.addEventListener("pointermove", (ev) => {
  if (!drag) return;
  const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
  if (!drag.moved && Math.hypot(dx, dy) < 4) return;
  drag.moved = true;
  canvas.classList.add("dragging");
  hideCard();
  view = { ...drag.view, x: drag.view.x - dx / drag.scale, y: drag.view.y - dy / drag.scale };
  show();
});
window.addEventListener("pointerup", () => {
  if (drag && drag.moved) suppressClick = true;
  drag = null;
  canvas.classList.remove("dragging");
});

const centreOn = (i, zoomIn) => {
  const g = nodeEl[i];
  if (!g) return;
  const r = g.getBoundingClientRect();
  const c = toGraph(r.left + r.width / 2, r.top + r.height / 2);
  let w = view.w;
  if (zoomIn) w = Math.min(view.w, Math.max(home.w / 3, (r.width / svg.getScreenCTM().a) * 10));
  const h = w * (view.h / view.w);
  view = { x: c.x - w / 2, y: c.y - h / 2, w, h };
  show();
};

// ---- Highlights: a node, its neighbours and their ties; the rest dimmed.
let marked = [];
let selected = -1, hovered = -1, matched = -1;
const mark = (g, ...names) => { if (g) { g.classList.add(...names); marked.push(g); } };
const focus = (i) => {
  for (const g of marked) g.classList.remove("near", "center");
  marked = [];
  svg.classList.toggle("focus", i >= 0);
  if (i < 0) return;
  mark(nodeEl[i], "near", "center");
  for (const k of ties[i]) {
    if (edgeEl[k] && edgeEl[k].classList.contains("filtered")) continue;
    mark(edgeEl[k], "near");
    mark(nodeEl[other(k, i)], "near");
  }
};
const refocus = () => focus(hovered >= 0 ? hovered : selected);

// ---- Hover card.
const main = canvas.parentElement;
const moveCard = (ev) => {
  const r = main.getBoundingClientRect();
  let x = ev.clientX - r.left + 14, y = ev.clientY - r.top + 16;
  if (x + card.offsetWidth > r.width - 4) x = Math.max(4, ev.clientX - r.left - card.offsetWidth - 12);
  if (y + card.offsetHeight > r.height - 4) y = Math.max(4, ev.clientY - r.top - card.offsetHeight - 12);
  card.style.left = `${x}px`;
  card.style.top = `${y}px`;
};
const showCard = (ev, heading, lines) => {
  card.replaceChildren(el("strong", "", heading), ...lines.map((line) => el("span", "", line)));
  card.hidden = false;
  moveCard(ev);
};
const hideCard = () => { card.hidden = true; };
const nodeFacts = (n) => [
  `${n.type}, ${number(n.mentions)} mentions in ${number(n.documents)} documents`,
  `${number(n.degree)} ties, strength ${number(n.strength)} by ${data.measure}`,
];
const edgeWeight = (e) => `${data.measure} ${e.label}` + (data.measure === "count" ? "" : `, count ${number(e.count)}`)
  + `, ${number(e.documents)} document${e.documents === 1 ? "" : "s"}`;

svg.addEventListener("pointerover", (ev) => {
  if (drag && drag.moved) return;
  const g = ev.target.closest("g.node, g.edge");
  if (!g) return;
  if (indexOfElement.has(g)) {
    hovered = indexOfElement.get(g);
    focus(hovered);
    showCard(ev, nodes[hovered].name, nodeFacts(nodes[hovered]));
  } else if (edgeOfElement.has(g)) {
    const e = edges[edgeOfElement.get(g)];
    const lines = [edgeWeight(e)];
    if (e.evidence.length) {
      const text = e.evidence[0].text;
      lines.push(`“${text.length > 220 ? text.slice(0, 220) + "…" : text}”`);
    }
    showCard(ev, `${nodes[e.s].name} – ${nodes[e.t].name}`, lines);
  }
});
svg.addEventListener("pointerout", (ev) => {
  const g = ev.target.closest("g.node, g.edge");
  if (!g || (ev.relatedTarget && g.contains(ev.relatedTarget))) return;
  if (indexOfElement.has(g)) { hovered = -1; refocus(); }
  hideCard();
});
svg.addEventListener("pointermove", (ev) => { if (!card.hidden) moveCard(ev); });

// ---- The side panel.
const sentence = (evidence) => {
  const chars = Array.from(evidence.text);
  const li = el("li");
  let at = 0;
  const spans = evidence.spans.slice().sort((a, b) => a[0] - b[0]);
  for (const [from, to] of spans) {
    if (from < at || to > chars.length || from >= to) continue;
    li.append(chars.slice(at, from).join(""), el("mark", "", chars.slice(from, to).join("")));
    at = to;
  }
  li.append(chars.slice(at).join(""));
  li.append(el("span", "source", evidence.date ? `${evidence.doc}, ${evidence.date}` : evidence.doc));
  return li;
};
const fillPanel = (i) => {
  const n = nodes[i];
  document.getElementById("panel-name").textContent = n.name;
  const community = n.community >= 0 ? `; community ${n.community + 1}` : "";
  document.getElementById("panel-facts").textContent = nodeFacts(n).join("; ") + community + ".";
  document.getElementById("panel-heading").textContent =
    ties[i].length ? `${ties[i].length} neighbours by ${data.measure}` : "No ties";
  const rows = ties[i].slice().sort((a, b) =>
    edges[b].w - edges[a].w || nodes[other(a, i)].name.localeCompare(nodes[other(b, i)].name));
  list.replaceChildren(...rows.map((k) => {
    const e = edges[k], j = other(k, i);
    const li = el("li");
    li.dataset.id = nodes[j].id;
    li.dataset.tie = String(k);
    li.classList.toggle("filtered", !!(edgeEl[k] && edgeEl[k].classList.contains("filtered")));
    const name = el("button", "neighbour");
    name.type = "button";
    const swatch = el("span", "swatch");
    swatch.style.background = nodes[j].color;
    name.append(swatch, nodes[j].name);
    name.addEventListener("click", () => select(j, true));
    const head = el("div", "tie");
    head.append(name, el("span", "weight", edgeWeight(e)));
    const evidence = el("ol", "evidence");
    evidence.append(...e.evidence.map(sentence));
    li.append(head, evidence);
    return li;
  }));
  list.scrollTop = 0;
  panel.scrollTop = 0;
};
const select = (i, centre) => {
  if (selected >= 0 && nodeEl[selected]) nodeEl[selected].classList.remove("selected");
  selected = i;
  if (i < 0) {
    panel.hidden = true;
    refocus();
    return;
  }
  if (nodeEl[i]) nodeEl[i].classList.add("selected");
  fillPanel(i);
  panel.hidden = false;
  refocus();
  if (centre) centreOn(i, false);
};
svg.addEventListener("click", (ev) => {
  if (suppressClick) { suppressClick = false; return; }
  const g = ev.target.closest("g.node");
  if (g && indexOfElement.has(g)) select(indexOfElement.get(g), false);
  else select(-1);
});
document.getElementById("close").addEventListener("click", () => select(-1));

// ---- Search: accents and case ignored; whole names first, then name starts, word starts, anywhere.
const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
const folded = nodes.map((n) => fold(n.name));
let results = [], active = 0;
const find = (query) => {
  const q = fold(query.trim());
  if (!q) return [];
  const found = [];
  nodes.forEach((n, i) => {
    const f = folded[i];
    let rank;
    if (f === q || fold(n.id) === q) rank = 0;
    else if (f.startsWith(q)) rank = 1;
    else if (f.split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(q))) rank = 2;
    else if (f.includes(q)) rank = 3;
    else return;
    found.push({ i, rank });
  });
  found.sort((a, b) => a.rank - b.rank || nodes[b.i].degree - nodes[a.i].degree
    || nodes[a.i].name.localeCompare(nodes[b.i].name));
  return found.slice(0, 8).map((r) => r.i);
};
const highlightMatch = (i) => {
  if (matched >= 0 && nodeEl[matched]) nodeEl[matched].classList.remove("match");
  matched = i;
  if (i >= 0 && nodeEl[i]) {
    nodeEl[i].classList.add("match");
    centreOn(i, true);
  }
};
const showMatches = () => {
  matchList.replaceChildren(...results.map((i, k) => {
    const li = el("li");
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", String(k === active));
    li.append(el("span", "", nodes[i].name), el("span", "kind", nodes[i].type));
    li.addEventListener("pointerdown", (ev) => { ev.preventDefault(); choose(i); });
    return li;
  }));
  matchList.hidden = results.length === 0;
};
const choose = (i) => {
  matchList.hidden = true;
  highlightMatch(i);
  select(i, false);
};
search.addEventListener("input", () => {
  results = find(search.value);
  active = 0;
  showMatches();
  highlightMatch(results.length ? results[0] : -1);
});
search.addEventListener("keydown", (ev) => {
  if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
    if (!results.length) return;
    ev.preventDefault();
    active = (active + (ev.key === "ArrowDown" ? 1 : results.length - 1)) % results.length;
    showMatches();
    highlightMatch(results[active]);
  } else if (ev.key === "Enter") {
    if (results.length) choose(results[active]);
  } else if (ev.key === "Escape") {
    matchList.hidden = true;
  }
});
search.addEventListener("blur", () => { matchList.hidden = true; });

// ---- The filter on the edge measure: ties below the threshold are hidden.
const levels = [...new Set(edges.map((e) => e.w))].sort((a, b) => a - b);
slider.max = String(Math.max(0, levels.length - 1));
slider.disabled = levels.length < 2;
const applyThreshold = () => {
  const t = levels.length ? levels[Number(slider.value)] : 0;
  let shown = 0;
  edges.forEach((e, k) => {
    const hide = e.w < t;
    if (edgeEl[k]) edgeEl[k].classList.toggle("filtered", hide);
    if (!hide) shown += 1;
  });
  sliderLabel.textContent = `Ties with ${data.measure} ≥ ${number(t)}: ${number(shown)} of ${number(edges.length)}`;
  for (const li of list.children) {
    const k = Number(li.dataset.tie);
    li.classList.toggle("filtered", !!edgeEl[k] && edgeEl[k].classList.contains("filtered"));
  }
  refocus();
};
slider.addEventListener("input", applyThreshold);
applyThreshold();

// ---- Keys and the reset button.
const reset = () => {
  view = { ...home };
  show();
  search.value = "";
  results = [];
  matchList.hidden = true;
  highlightMatch(-1);
  select(-1);
};
document.getElementById("reset").addEventListener("click", reset);
document.addEventListener("keydown", (ev) => {
  if (ev.target === search) return;
  if (ev.key === "Escape") select(-1);
  else if (ev.key === "+" || ev.key === "=") zoomAt({ x: view.x + view.w / 2, y: view.y + view.h / 2 }, 0.8);
  else if (ev.key === "-") zoomAt({ x: view.x + view.w / 2, y: view.y + view.h / 2 }, 1.25);
  else if (ev.key === "0") reset();
  else if (ev.key === "/") { ev.preventDefault(); search.focus(); }
});
document.body.dataset.ready = "true";
})();
"""#
}
