/** The report's inline style sheet: system fonts only, no external resources, readable contrast, print rules. */
export const REPORT_CSS = `
:root {
  color-scheme: light;
  --ink: #1b1b1b;
  --muted: #4d4d4d;
  --line: #d4d4d4;
  --soft: #f4f5f7;
  --accent: #1d4f91;
  --focus: #c25400;
  --cut: #b85a1d;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 16px;
  line-height: 1.5;
  color: var(--ink);
  background: #fff;
}
* { box-sizing: border-box; }
body { margin: 0; }
.page { max-width: 1280px; margin: 0 auto; padding: 0 24px 48px; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -9999px; top: 8px; background: #fff; padding: 6px 10px; z-index: 10; }
.skip:focus { left: 8px; }
header.report-head { border-bottom: 1px solid var(--line); padding: 20px 0 12px; margin-bottom: 4px; }
header.report-head h1 { margin: 0 0 4px; font-size: 1.75rem; line-height: 1.2; }
.subtitle { margin: 0 0 12px; color: var(--muted); }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 10px; margin: 0 0 12px; }
.stat { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 6px 12px; margin: 0; }
.stat dt { font-size: 0.8rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.stat dd { margin: 0; font-size: 1.3rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.params { margin: 0; color: var(--muted); font-size: 0.92rem; }
.params span + span::before { content: " · "; color: #999; }
nav.toc { margin: 12px 0 0; font-size: 0.95rem; }
nav.toc ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; padding: 0; }
section { margin-top: 32px; }
section > h2 { font-size: 1.35rem; margin: 0 0 6px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
.lede { margin: 0 0 14px; color: var(--muted); max-width: 80ch; }
.note { color: var(--muted); font-size: 0.92rem; }
/* Network map */
.map-layout { display: grid; grid-template-columns: minmax(0, 1fr) 270px; gap: 16px; align-items: start; }
@media (max-width: 900px) { .map-layout { grid-template-columns: minmax(0, 1fr); } }
.map-controls { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin-bottom: 8px; }
.map-controls .group { display: flex; gap: 6px; align-items: center; }
button, select, input { font: inherit; font-size: 0.92rem; }
button { border: 1px solid #8a8a8a; background: #fff; color: var(--ink); border-radius: 6px; padding: 3px 10px; cursor: pointer; min-height: 30px; }
button:hover { background: var(--soft); }
select, input[type="search"], input[type="text"] { border: 1px solid #8a8a8a; border-radius: 6px; padding: 3px 8px; min-height: 30px; background: #fff; color: var(--ink); }
input[type="search"] { width: 15em; }
.map-frame { position: relative; border: 1px solid var(--line); border-radius: 8px; background: #fcfcfd; overflow: hidden; }
.map-frame canvas { display: block; width: 100%; height: min(72vh, 760px); min-height: 420px; cursor: grab; touch-action: none; }
.map-frame canvas.dragging { cursor: grabbing; }
.map-frame canvas.over-node { cursor: pointer; }
.map-frame canvas:focus-visible { outline: 3px solid var(--focus); outline-offset: -3px; }
.map-message { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; padding: 24px; text-align: center; color: var(--muted); }
[hidden] { display: none !important; }
.tooltip { position: absolute; pointer-events: none; background: rgba(255, 255, 255, 0.97); border: 1px solid #999; border-radius: 6px;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.18); padding: 6px 10px; font-size: 0.85rem; max-width: 300px; z-index: 5; }
.tooltip .tt-name { font-weight: 650; overflow-wrap: anywhere; }
.tooltip .tt-meta { color: var(--muted); }
.tooltip dl, .selection dl { display: grid; grid-template-columns: auto auto; gap: 0 12px; margin: 4px 0 0; }
.tooltip dt, .selection dt { color: var(--muted); }
.tooltip dd, .selection dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.map-help { margin: 6px 0 0; font-size: 0.88rem; color: var(--muted); }
kbd { font-family: inherit; font-size: 0.85em; border: 1px solid #aaa; border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; background: #fff; }
aside.map-side h3 { font-size: 1rem; margin: 0 0 6px; }
aside.map-side > div + div { margin-top: 16px; }
.legend { list-style: none; margin: 0; padding: 0; font-size: 0.9rem; }
.legend li { display: flex; align-items: center; gap: 8px; padding: 1px 0; }
.legend .n { margin-left: auto; color: var(--muted); font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: 13px; height: 13px; border-radius: 50%; border: 1px solid rgba(0, 0, 0, 0.45); flex: none; vertical-align: -1px; }
.size-legend { display: flex; align-items: flex-end; gap: 10px; font-size: 0.85rem; color: var(--muted); }
.size-legend span.dot { display: inline-block; border-radius: 50%; background: #c9c9c9; border: 1px solid #666; }
.selection { font-size: 0.9rem; background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; min-height: 3em; }
.selection .sel-name { font-weight: 650; overflow-wrap: anywhere; }
.selection ul { margin: 4px 0 0; padding-left: 18px; max-height: 180px; overflow: auto; }
/* Charts */
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 24px; }
figure { margin: 0; }
figcaption { font-size: 0.92rem; color: var(--muted); margin-top: 4px; }
figure h3 { font-size: 1.05rem; margin: 0 0 4px; }
svg.histogram { width: 100%; height: auto; display: block; font-family: inherit; }
svg.histogram .bar { fill: #3b6fb6; }
svg.histogram .bar:hover { fill: #1d3f73; }
svg.histogram .grid { stroke: #e3e3e3; }
svg.histogram .axis { stroke: #333; }
svg.histogram .tick { font-size: 11px; fill: #444; }
svg.histogram .count { font-size: 10px; fill: #333; }
svg.histogram .axis-label { font-size: 12px; fill: #222; }
/* Heatmap */
.table-wrap { overflow: auto; border: 1px solid var(--line); border-radius: 8px; width: fit-content; max-width: 100%; }
table { border-collapse: collapse; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 8px 10px; caption-side: top; }
th, td { padding: 5px 9px; border-bottom: 1px solid #e6e6e6; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; }
table.heatmap thead th { vertical-align: bottom; }
table.heatmap th.sector { text-align: center; padding: 4px 2px; font-weight: 600; white-space: nowrap; }
table.heatmap th.sector .name { display: block; margin: 0 auto 4px; writing-mode: vertical-rl; transform: rotate(180deg);
  font-weight: 400; font-size: 0.76rem; line-height: 1.15; color: var(--muted); text-align: left; }
table.heatmap th.sector .letter { display: block; font-size: 1.05rem; }
table.heatmap td.reach-cell { text-align: center; border: 2px solid #fff; min-width: 3.4em; padding: 4px 3px; line-height: 1.25; }
table.heatmap td.reach-cell .share { display: block; font-size: 0.78rem; }
table.heatmap td.cut { background: repeating-linear-gradient(135deg, #fff 0 5px, #f6d3bd 5px 9px); color: #7a2f00; font-weight: 700; }
table.heatmap th.community { white-space: nowrap; position: sticky; left: 0; background: #fff; z-index: 1; }
.heat-legend { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; margin: 10px 0 0; font-size: 0.88rem; color: var(--muted); }
.heat-legend .ramp { display: inline-block; width: 180px; height: 14px; border: 1px solid #999; vertical-align: middle; margin: 0 6px; }
.heat-legend .cut-key { display: inline-block; width: 28px; height: 16px; border: 1px solid #999; vertical-align: middle; margin-right: 6px;
  background: repeating-linear-gradient(135deg, #fff 0 5px, #f6d3bd 5px 9px); }
.sector-key { columns: 2 22em; font-size: 0.85rem; color: var(--muted); margin: 8px 0 0; padding-left: 0; list-style: none; }
/* Sortable tables */
.scroll { max-height: 560px; }
.scroll thead th { position: sticky; top: 0; background: #fff; box-shadow: inset 0 -2px 0 #333; z-index: 1; }
thead th { border-bottom: 2px solid #333; vertical-align: bottom; }
table.sortable { font-size: 0.86rem; }
table.sortable th, table.sortable td { padding: 4px 7px; }
tbody tr:nth-child(even) { background: #fafafa; }
tbody tr:hover { background: #eef3fb; }
th .sort { border: 0; background: none; padding: 0; min-height: 0; font: inherit; font-weight: 650; color: inherit; cursor: pointer; text-align: inherit; }
th .sort::after { content: " ↕"; color: #767676; font-size: 0.8em; white-space: nowrap; }
th[aria-sort="ascending"] .sort::after { content: " ▲"; color: var(--ink); }
th[aria-sort="descending"] .sort::after { content: " ▼"; color: var(--ink); }
td .node-link { border: 0; background: none; padding: 0; min-height: 0; color: var(--accent); text-decoration: underline; text-align: left; font: inherit; cursor: pointer; }
td.label { min-width: 10em; max-width: 22em; overflow-wrap: break-word; }
td.id { color: var(--muted); font-size: 0.85rem; white-space: nowrap; }
details.glossary { margin-top: 12px; font-size: 0.92rem; }
details.glossary summary { cursor: pointer; font-weight: 600; }
details.glossary dl { display: grid; grid-template-columns: 11em 1fr; gap: 4px 16px; max-width: 80ch; }
details.glossary dd { margin: 0; }
footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85rem; }
@media print {
  .map-controls, .map-help, .skip, nav.toc, .tooltip { display: none !important; }
  .scroll { max-height: none; overflow: visible; }
  .table-wrap { overflow: visible; border: 0; }
  section { break-inside: avoid-page; }
  .map-frame canvas { height: 600px; }
}
`;
