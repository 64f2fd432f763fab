/**
 * Helpers that turn typed results into the reference fixtures' JSON (stats README "Conventions"):
 * finite numbers stay numbers (`JSON.stringify` writes the shortest text that parses back to the
 * same double), and R's missing and non-finite values become the strings "NA", "NaN", "Inf", "-Inf".
 */

/** A JSON number or one of R's special-value strings. */
export type RNumber = number | 'NA' | 'NaN' | 'Inf' | '-Inf';

/** `null` (R's NA) → "NA"; NaN → "NaN"; ±Infinity → "Inf"/"-Inf"; other numbers unchanged. */
export function rnum(x: number | null): RNumber {
  if (x === null) return 'NA';
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Inf';
  if (x === -Infinity) return '-Inf';
  return x;
}

/** Element-wise {@link rnum}. */
export function rnums(xs: ArrayLike<number | null>): RNumber[] {
  const out = new Array<RNumber>(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = rnum(xs[i]!);
  return out;
}

/** A row-major p × p matrix as an array of rows. */
export function rmatrix(m: ArrayLike<number>, nrow: number, ncol = nrow): RNumber[][] {
  const out: RNumber[][] = [];
  for (let i = 0; i < nrow; i++) {
    const row: RNumber[] = [];
    for (let j = 0; j < ncol; j++) row.push(rnum(m[i * ncol + j]!));
    out.push(row);
  }
  return out;
}
