import { StatsInputError } from '../errors.js';

/**
 * Checks an r × c table of counts (finite, ≥ 0, rectangular, at least 2 × 2) and returns its row
 * sums, column sums and total.
 *
 * @param field - the name of the argument, for error paths (`table[1][2]`)
 * @throws StatsInputError naming the offending cell or row
 */
export function tableMargins(
  table: readonly (readonly number[])[],
  field = 'table'
): { readonly rows: number[]; readonly cols: number[]; readonly n: number } {
  if (table.length < 2) throw new StatsInputError(field, `'${field}' needs at least 2 rows`);
  const c = table[0]!.length;
  if (c < 2) throw new StatsInputError(`${field}[0]`, `'${field}' needs at least 2 columns`);
  const rows: number[] = [];
  const cols = new Array<number>(c).fill(0);
  let n = 0;
  table.forEach((row, i) => {
    if (row.length !== c) {
      throw new StatsInputError(`${field}[${i}]`, `row ${i} has ${row.length} cells, row 0 has ${c}`);
    }
    let s = 0;
    row.forEach((x, j) => {
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) {
        throw new StatsInputError(
          `${field}[${i}][${j}]`,
          `a count must be a finite number ≥ 0, not ${String(x)}`
        );
      }
      s += x;
      cols[j] = cols[j]! + x;
    });
    rows.push(s);
    n += s;
  });
  return { rows, cols, n };
}

/**
 * The table without its empty rows and columns (a category nobody is in tells nothing and would make
 * an expected count 0), with the indices kept.
 */
export function dropEmptyMargins(table: readonly (readonly number[])[]): {
  readonly table: number[][];
  readonly rowsKept: number[];
  readonly colsKept: number[];
} {
  const { rows, cols } = tableMargins(table);
  const rowsKept = rows.flatMap((s, i) => (s > 0 ? [i] : []));
  const colsKept = cols.flatMap((s, j) => (s > 0 ? [j] : []));
  return { table: rowsKept.map((i) => colsKept.map((j) => table[i]![j]!)), rowsKept, colsKept };
}
