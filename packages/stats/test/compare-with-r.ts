/**
 * The acceptance check's comparison rule (stats-cli.md §4), for tests: every key of R's result must be
 * present (and, stricter than the checker, no other key), arrays have R's length, strings and booleans
 * are equal, numbers satisfy |got − R| ≤ tol·|R| + 1e-12, and p-values (fields `p`, `p_value`) are
 * compared on the log scale: |ln got − ln R| ≤ 4·tol·max(1, |ln R|). `iter` must be a number.
 */

/** One disagreement: the path of the field, what R has, what we have. */
export interface Mismatch {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly why: string;
}

/** Largest relative difference seen among compared numbers (for reports). */
export interface Comparison {
  readonly mismatches: Mismatch[];
  maxRelError: number;
  maxRelErrorPath: string;
}

const P_FIELDS = new Set(['p', 'p_value']);

/** The tolerance of the acceptance check for an analysis. */
export function toleranceFor(analysis: string): number {
  return analysis === 'coxph' || analysis === 'logistic_glm' ? 1e-6 : 1e-9;
}

/** Compares `actual` with R's `expected` result. */
export function compareWithR(expected: unknown, actual: unknown, tol: number): Comparison {
  const out: Comparison = { mismatches: [], maxRelError: 0, maxRelErrorPath: '' };
  walk(expected, actual, '', tol, out, '');
  return out;
}

function walk(e: unknown, a: unknown, path: string, tol: number, out: Comparison, key: string): void {
  const bad = (why: string): void => {
    out.mismatches.push({ path, expected: e, actual: a, why });
  };
  if (key === 'iter') {
    if (typeof a !== 'number') bad('iter must be a number');
    return;
  }
  if (Array.isArray(e)) {
    if (!Array.isArray(a)) {
      bad('expected an array');
      return;
    }
    if (a.length !== e.length) {
      bad(`length ${a.length} instead of ${e.length}`);
      return;
    }
    e.forEach((x, i) => {
      walk(x, a[i], `${path}[${i}]`, tol, out, key);
    });
    return;
  }
  if (typeof e === 'object' && e !== null) {
    if (typeof a !== 'object' || a === null || Array.isArray(a)) {
      bad('expected an object');
      return;
    }
    const ao = a as Record<string, unknown>;
    const eo = e as Record<string, unknown>;
    for (const k of Object.keys(eo)) {
      const p = path === '' ? k : `${path}.${k}`;
      if (!Object.hasOwn(ao, k)) {
        out.mismatches.push({ path: p, expected: eo[k], actual: undefined, why: 'missing key' });
        continue;
      }
      walk(eo[k], ao[k], p, tol, out, k);
    }
    for (const k of Object.keys(ao)) {
      if (!Object.hasOwn(eo, k)) {
        out.mismatches.push({
          path: path === '' ? k : `${path}.${k}`,
          expected: undefined,
          actual: ao[k],
          why: 'extra key',
        });
      }
    }
    return;
  }
  if (typeof e === 'number') {
    if (typeof a !== 'number') {
      bad('expected a number');
      return;
    }
    if (P_FIELDS.has(key)) {
      if (e === 0) {
        if (!(a < 1e-300)) bad('R has p = 0');
        return;
      }
      const le = Math.log(e);
      const d = Math.abs(Math.log(a) - le);
      if (!(d <= 4 * tol * Math.max(1, Math.abs(le)))) bad(`log-scale difference ${d.toExponential(2)}`);
      note(out, path, Math.abs(a - e) / Math.abs(e));
      return;
    }
    const diff = Math.abs(a - e);
    if (!(diff <= tol * Math.abs(e) + 1e-12)) bad(`difference ${diff.toExponential(2)}`);
    if (e !== 0) note(out, path, diff / Math.abs(e));
    return;
  }
  if (e !== a) bad('not equal');
}

function note(out: Comparison, path: string, rel: number): void {
  if (rel > out.maxRelError) {
    out.maxRelError = rel;
    out.maxRelErrorPath = path;
  }
}
