/** The report's stylesheet: readable on screen, A4 in print, figures and tables never split. */
export const REPORT_CSS = `
@page { size: A4; margin: 16mm 14mm; }
:root { --ink: #111; --muted: #555; --rule: #bbb; --band: #f4f6f8; }
* { box-sizing: border-box; }
body { font-family: Georgia, 'Times New Roman', 'Noto Serif CJK SC', serif; color: var(--ink); max-width: 1000px;
  margin: 0 auto; padding: 24px; line-height: 1.45; font-size: 15px; }
h1, h2, h3, caption, th, figcaption, .banner, nav { font-family: Helvetica, Arial, 'Noto Sans CJK SC', sans-serif; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 21px; margin-top: 36px; border-bottom: 2px solid var(--ink); padding-bottom: 3px; page-break-after: avoid; break-after: avoid; }
h3 { font-size: 16.5px; margin-top: 24px; page-break-after: avoid; break-after: avoid; }
.meta { color: var(--muted); font-size: 13px; }
.banner { background: #fff3cd; border: 2px solid #b58900; padding: 8px 12px; font-weight: bold; margin: 12px 0; }
nav ol { columns: 2; font-size: 14px; }
figure { margin: 18px 0; page-break-inside: avoid; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 13px; color: var(--muted); }
.table-wrap { margin: 16px 0; page-break-inside: avoid; break-inside: avoid; overflow-x: auto; }
table { border-collapse: collapse; font-size: 13px; width: 100%; font-family: Helvetica, Arial, 'Noto Sans CJK SC', sans-serif; }
caption { text-align: left; font-weight: bold; padding-bottom: 6px; font-size: 14px; }
th, td { padding: 3px 7px; vertical-align: top; }
thead th { border-top: 1.5px solid var(--ink); border-bottom: 1px solid var(--ink); text-align: left; }
tbody tr:last-child td { border-bottom: 1.5px solid var(--ink); }
tbody tr:nth-child(even) { background: var(--band); }
td.num, th.num { text-align: right; }
td:first-child { min-width: 9em; }
.table-note { font-size: 12px; color: var(--muted); margin: 4px 0 0; }
.status { color: #8a4b00; font-style: italic; font-size: 13.5px; }
.r { color: var(--muted); font-size: 12.5px; }
pre { background: var(--band); padding: 8px 10px; font-size: 11.5px; white-space: pre-wrap; word-break: break-word; }
.rcode { page-break-inside: avoid; break-inside: avoid; }
.rcode p { margin: 10px 0 2px; font-size: 13px; }
ul.pending { font-size: 13px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  h2 { page-break-before: always; break-before: page; }
  h2:first-of-type { page-break-before: avoid; break-before: avoid; }
  tbody tr:nth-child(even) { background: none; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  caption { font-size: 10pt; }
  pre { font-size: 8pt; }
  .banner { border-width: 1.5px; }
}
`;
