/// The interactive page's stylesheet.
enum PageStylesheet {
    static let source = #"""
:root { --ink: #1f1f1f; --muted: #5f6368; --line: #dadce0; --accent: #c2185b; --paper: #ffffff; --wash: #f6f7f9; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; font: 14px/1.45 "DejaVu Sans", system-ui, sans-serif; color: var(--ink); background: var(--paper); }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; padding: 8px 16px; border-bottom: 1px solid var(--line); background: var(--wash); }
h1 { flex: 1 1 320px; margin: 0; font-size: 16px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 18px; }
.search { position: relative; }
#search { width: 240px; padding: 6px 10px; border: 1px solid #bdc1c6; border-radius: 6px; font: inherit; background: var(--paper); }
#search:focus { outline: 2px solid var(--accent); outline-offset: 0; }
#matches { position: absolute; z-index: 5; top: 100%; left: 0; width: 300px; margin: 4px 0 0; padding: 4px 0; list-style: none; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.12); }
#matches li { padding: 4px 10px; cursor: pointer; display: flex; justify-content: space-between; gap: 12px; }
#matches li[aria-selected="true"], #matches li:hover { background: #fce4ec; }
#matches .kind { color: var(--muted); font-size: 12px; }
.filter { display: flex; align-items: center; gap: 8px; color: var(--muted); white-space: nowrap; }
.filter input { width: 160px; accent-color: var(--accent); }
button { font: inherit; cursor: pointer; }
#reset { padding: 5px 12px; border: 1px solid #bdc1c6; border-radius: 6px; background: var(--paper); }
main { position: relative; flex: 1; display: flex; min-height: 0; }
#canvas { flex: 1; min-width: 0; position: relative; overflow: hidden; cursor: grab; touch-action: none; background: var(--paper); }
#canvas.dragging { cursor: grabbing; }
#canvas:focus { outline: none; }
#canvas > svg { display: block; width: 100%; height: 100%; user-select: none; }
svg g.node { cursor: pointer; transition: opacity .15s; }
svg g.edge { transition: opacity .15s; }
svg g.edge.filtered { display: none; }
svg.focus g.node:not(.near) { opacity: .14; }
svg.focus g.edge:not(.near) { opacity: .05; }
svg g.node.near.center :is(ellipse, polygon, path) { stroke: var(--ink); stroke-width: 2.5px; }
svg g.edge.near path { stroke-opacity: 1; }
svg g.node.node.match :is(ellipse, polygon, path) { stroke: var(--accent); stroke-width: 4px; }
svg g.node.node.selected :is(ellipse, polygon, path) { stroke: var(--accent); stroke-width: 3.5px; }
#panel { width: 380px; max-width: 45vw; overflow-y: auto; padding: 14px 18px 24px; border-left: 1px solid var(--line); background: var(--paper); position: relative; }
#panel h2 { margin: 0 28px 2px 0; font-size: 19px; line-height: 1.3; overflow-wrap: anywhere; }
#panel h3 { margin: 14px 0 6px; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
#panel-facts { margin: 0; color: var(--muted); }
#close { position: absolute; top: 8px; right: 10px; border: 0; background: none; font-size: 22px; line-height: 1; color: var(--muted); }
#neighbours { margin: 0; padding: 0; list-style: none; }
#neighbours > li { padding: 8px 0; border-top: 1px solid var(--line); }
#neighbours > li.filtered { opacity: .5; }
.tie { display: flex; align-items: baseline; justify-content: space-between; gap: 10px; }
.tie button { padding: 0; border: 0; background: none; color: var(--ink); font-weight: 600; text-align: left; overflow-wrap: anywhere; }
.tie button:hover { color: var(--accent); text-decoration: underline; }
.swatch { display: inline-block; width: 9px; height: 9px; margin-right: 6px; border-radius: 2px; }
.weight { color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
.evidence { margin: 4px 0 0; padding: 0; list-style: none; }
.evidence li { margin: 4px 0 0; padding: 4px 8px; border-left: 3px solid var(--line); color: #3c4043; font-size: 13px; }
.evidence mark { background: #fff3b0; color: inherit; padding: 0 1px; }
.evidence .source { display: block; color: var(--muted); font-size: 11.5px; }
#hovercard { position: absolute; z-index: 6; max-width: 360px; padding: 6px 9px; pointer-events: none; background: rgba(32,33,36,.94); color: #fff; border-radius: 6px; font-size: 12.5px; box-shadow: 0 2px 8px rgba(0,0,0,.2); }
#hovercard strong { display: block; font-size: 13.5px; }
#hovercard span { display: block; color: #dadce0; }
"""#
}
