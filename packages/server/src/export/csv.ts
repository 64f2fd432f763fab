/**
 * CSV as analysis-dataset.md asks: UTF-8, a header row, `NA` for missing, dates ISO 8601, a decimal
 * point and no thousands separators; fields with commas, quotes or line breaks quoted (RFC 4180),
 * lines ended with CRLF as RFC 4180 says.
 *
 * See: https://www.rfc-editor.org/rfc/rfc4180
 */

/** The text of a missing value. */
export const NA = 'NA';

/** One cell: numbers as JavaScript writes them, booleans 1/0, lists joined with `;`, objects as JSON. */
export function cell(v: unknown): string {
  if (v === null || v === undefined) return NA;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : NA;
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (Array.isArray(v)) return quote(v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(';'));
  if (typeof v === 'object') return quote(JSON.stringify(v));
  return quote(typeof v === 'string' ? v : JSON.stringify(v));
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One line of cells, ended with CRLF. */
export function line(cells: readonly unknown[]): string {
  return `${cells.map(cell).join(',')}\r\n`;
}
