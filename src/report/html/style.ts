/** The page's only stylesheet, inline: readable on a phone, prints on paper, no web fonts. */
export const STYLE = `
:root{--ink:#10233f;--muted:#5e6b7f;--line:#e3e8ef;--bg:#f6f8fb;--good:#1f9d63;--warn:#d98a00;--bad:#d64545;--info:#4f7fe0}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:980px;margin:0 auto;padding:16px}
header.top{background:linear-gradient(135deg,#10233f,#27497a);color:#fff;padding:22px 16px 18px}
header.top .in{max-width:980px;margin:0 auto}
header.top h1{margin:0 0 4px;font-size:22px}
header.top p{margin:0;opacity:.8;font-size:13px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:10px;margin:16px 0}
.kpi{background:#fff;border:1px solid var(--line);border-radius:10px;padding:10px 12px}
.kpi b{display:block;font-size:26px;line-height:1.1}
.kpi span{color:var(--muted);font-size:12.5px}
.kpi.bad b{color:var(--bad)}.kpi.warn b{color:var(--warn)}.kpi.good b{color:var(--good)}
section.card{background:#fff;border:1px solid var(--line);border-radius:12px;padding:14px 16px;margin:14px 0}
h2{font-size:18px;margin:0 0 10px}
h3{font-size:14px;margin:14px 0 6px;color:var(--muted);font-weight:600}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:13.5px}
th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap;vertical-align:middle}
th{font-weight:600;color:var(--muted);font-size:12.5px}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.name{white-space:normal;min-width:8em;max-width:18em;word-break:break-word}
a{color:inherit}
.badge{display:inline-block;padding:1px 8px;border-radius:99px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
.b-good{background:var(--good)}.b-warn{background:var(--warn)}.b-bad{background:var(--bad)}.b-info{background:var(--info)}.b-muted{background:#aab3c2}
.phase-inception{background:#4f7fe0}.phase-growth{background:#1f9d63}.phase-maturity{background:#7a5bd0}.phase-decline{background:#e07b2c}
ul.changes,ul.reasons{margin:0;padding-left:20px}
ul.changes li,ul.reasons li{margin:3px 0}
.attn{border-left:4px solid var(--warn);padding:4px 0 4px 12px;margin:10px 0}
.attn.bad{border-color:var(--bad)}.attn.good{border-color:var(--good)}
.attn h4{margin:0 0 4px;font-size:15px}
.muted{color:var(--muted)}
.stats{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:13.5px;color:var(--muted);margin:4px 0 6px}
.stats b{color:var(--ink)}
.charts{display:grid;grid-template-columns:1fr;gap:6px}
@media(min-width:760px){.charts{grid-template-columns:1fr 1fr}.charts .wide{grid-column:1/3}}
svg.chart{width:100%;height:auto;display:block}
svg .grid{stroke:#e3e8ef;stroke-width:1}
svg .tick{font-size:10.5px;fill:#5e6b7f}
svg.heatmap .tick{font-size:11px}
svg .rank{font-size:10px;font-weight:700;fill:#fff}
svg.spark rect{fill:#4f7fe0}
.legend{display:flex;flex-wrap:wrap;gap:10px;font-size:12px;color:var(--muted);margin:2px 0 0}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
.two{display:grid;grid-template-columns:1fr;gap:10px}
@media(min-width:760px){.two{grid-template-columns:1fr 1fr}}
footer{color:var(--muted);font-size:12px;padding:10px 16px 30px;max-width:980px;margin:0 auto;word-break:break-all}
@media(max-width:600px){.hide-s{display:none}main{padding:10px}section.card{padding:12px}svg.weekly .tick,svg.roster .tick{font-size:17px}svg.heatmap .tick{font-size:13px}}
@media print{body{background:#fff}section.card{break-inside:avoid}}
`;
