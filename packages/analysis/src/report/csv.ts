/** CSV as analysis-dataset.md specifies: UTF-8, a header row, `NA` for missing, a decimal point. */

/** A CSV cell. */
export type CsvCell = string | number | boolean | null | undefined;

/** A machine-readable table: `tables/<id>.csv`. */
export interface CsvTable {
  readonly id: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

/** One cell: numbers at full precision (shortest round-trip form), `NA` for missing or non-finite. */
export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return 'NA';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (v === Number.POSITIVE_INFINITY) return 'Inf';
    if (v === Number.NEGATIVE_INFINITY) return '-Inf';
    return String(v);
  }
  if (typeof v === 'boolean') return v ? '1' : '0';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The text of a CSV file. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) lines.push(r.map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

/** Rows of objects as CSV with the given column order. */
export function objectsToCsv<T extends object>(
  columns: readonly (keyof T & string)[],
  rows: readonly T[]
): string {
  return toCsv(
    columns.map(String),
    rows.map((r) => columns.map((c) => r[c] as CsvCell))
  );
}
