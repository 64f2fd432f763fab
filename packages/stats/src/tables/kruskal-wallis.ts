import { StatsComputationError, StatsInputError } from '../errors.js';
import { pchisq } from '../math/chisq.js';
import { freeze, type MethodInfo } from '../result.js';

/** Result of {@link kruskalWallis}. */
export interface KruskalWallisResult extends MethodInfo {
  /** H, corrected for ties. */
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  /** The groups in the order first seen, with their sizes and mean ranks. */
  readonly groups: readonly { readonly group: string; readonly n: number; readonly meanRank: number }[];
}

/** Mid-ranks (1-based; ties get the average of the ranks they span), as R's `rank(x)`. */
export function midRanks(values: readonly number[]): Float64Array {
  const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
  const ranks = new Float64Array(values.length);
  for (let s = 0; s < order.length;) {
    let e = s + 1;
    while (e < order.length && values[order[e]!] === values[order[s]!]) e++;
    const r = (s + 1 + e) / 2;
    for (let t = s; t < e; t++) ranks[order[t]!] = r;
    s = e;
  }
  return ranks;
}

/**
 * The Kruskal-Wallis rank-sum test that k groups come from the same distribution, as R's
 * `kruskal.test(x, g)`: mid-ranks over all values, H = 12/(n(n+1)) Σ R_g²/n_g − 3(n+1), divided by
 * the tie correction 1 − Σ(t³ − t)/(n³ − n); p from the upper tail of χ²(k − 1). Pairs with a missing
 * value or group (null) are left out, as R's `complete.cases`.
 *
 * R equivalent: `kruskal.test(x, g)`.
 * See: W. H. Kruskal & W. A. Wallis (1952), J Am Stat Assoc 47:583-621; M. Hollander & D. A. Wolfe
 * (1973), Nonparametric Statistical Methods, pp. 115-120.
 * @throws StatsInputError when the two arrays differ in length or a value is not finite
 * @throws StatsComputationError with fewer than two groups, or when every value is the same
 */
export function kruskalWallis(
  values: readonly (number | null)[],
  groups: readonly (string | null)[]
): KruskalWallisResult {
  if (values.length !== groups.length) {
    throw new StatsInputError('groups', `'groups' has ${groups.length} entries, 'values' ${values.length}`);
  }
  const x: number[] = [];
  const g: string[] = [];
  values.forEach((v, i) => {
    const gi = groups[i];
    if (v === null || gi === null || gi === undefined) return;
    if (!Number.isFinite(v)) throw new StatsInputError(`values[${i}]`, `a value must be finite, not ${v}`);
    x.push(v);
    g.push(gi);
  });
  const names = [...new Set(g)];
  if (names.length < 2) throw new StatsComputationError('all observations are in the same group');
  const n = x.length;
  const ranks = midRanks(x);
  const sum = new Map<string, { n: number; r: number }>(names.map((k) => [k, { n: 0, r: 0 }]));
  ranks.forEach((r, i) => {
    const s = sum.get(g[i]!)!;
    s.n += 1;
    s.r += r;
  });
  let ss = 0;
  for (const s of sum.values()) ss += (s.r * s.r) / s.n;
  const sorted = [...x].sort((p, q) => p - q);
  let ties = 0;
  for (let s = 0; s < n;) {
    let e = s + 1;
    while (e < n && sorted[e] === sorted[s]) e++;
    const t = e - s;
    ties += t * t * t - t;
    s = e;
  }
  const correction = 1 - ties / (n * n * n - n);
  if (!(correction > 0)) throw new StatsComputationError('every value is the same: ranks cannot differ');
  const statistic = ((12 * ss) / (n * (n + 1)) - 3 * (n + 1)) / correction;
  const df = names.length - 1;
  return freeze({
    method: 'Kruskal-Wallis rank sum test (tie-corrected)',
    rEquivalent: 'kruskal.test(x, g)',
    converged: true,
    warnings: [],
    statistic,
    df,
    p: pchisq(statistic, df, false),
    groups: names.map((k) => {
      const s = sum.get(k)!;
      return { group: k, n: s.n, meanRank: s.r / s.n };
    }),
  });
}
