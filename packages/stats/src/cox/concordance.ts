import { StatsInputError } from '../errors.js';
import { accurateSum } from '../math/accurate-sum.js';
import { stableOrder } from '../math/order.js';
import { freeze, type MethodInfo } from '../result.js';

/** Result of {@link concordance}. */
export interface ConcordanceResult extends MethodInfo {
  /** Harrell's C. */
  readonly c: number;
  /** Infinitesimal-jackknife standard error of C. */
  readonly se: number;
  readonly concordant: number;
  readonly discordant: number;
  /** Comparable pairs tied on the score only. */
  readonly tiedX: number;
  /** Pairs of events at the same time with different scores. */
  readonly tiedY: number;
  /** Pairs of events at the same time with the same score. */
  readonly tiedXY: number;
}

/** Fenwick (binary indexed) tree of weights over score ranks 0..k−1. */
class Fenwick {
  private readonly tree: Float64Array;
  private readonly point: Float64Array;
  total = 0;
  constructor(private readonly k: number) {
    this.tree = new Float64Array(k + 1);
    this.point = new Float64Array(k);
  }
  add(rank: number, w: number): void {
    this.point[rank] = this.point[rank]! + w;
    this.total += w;
    for (let i = rank + 1; i <= this.k; i += i & -i) this.tree[i] = this.tree[i]! + w;
  }
  /** Weight of ranks strictly below `rank`. */
  below(rank: number): number {
    let s = 0;
    for (let i = rank; i > 0; i -= i & -i) s += this.tree[i]!;
    return s;
  }
  at(rank: number): number {
    return this.point[rank]!;
  }
}

/**
 * Harrell's concordance of a risk score with right-censored survival, and its standard error by the
 * infinitesimal jackknife, as survival's `concordancefit` (time weight "n"). A comparable pair is an
 * event and a subject still at risk after it (censored at the same time included); with
 * `reverse = true` (what `coxph` reports) a higher score should mean an earlier event. Two Fenwick
 * trees over the score ranks (everyone at risk, and the events so far) give O(n log n).
 *
 * R equivalent: `concordance(Surv(time, status) ~ score, reverse = TRUE)`, i.e. `coxph(...)$concordance`.
 * See: F. E. Harrell et al. (1982), "Evaluating the yield of medical tests", JAMA 247:2543-2546;
 * T. Therneau & E. Atkinson, "The concordance statistic", vignette of the R survival package.
 * @throws StatsInputError for unequal lengths or a non-finite score.
 */
export function concordance(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  score: ArrayLike<number>,
  options: { readonly reverse?: boolean } = {}
): ConcordanceResult {
  const n = time.length;
  if (status.length !== n || score.length !== n) {
    throw new StatsInputError('score', 'time, status and score must have the same length');
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(score[i])) throw new StatsInputError(`score[${i}]`, 'scores must be finite');
  }
  // ranks of the distinct scores
  const byScore = stableOrder(score);
  const rank = new Int32Array(n);
  let k = -1;
  let prev = NaN;
  for (const i of byScore) {
    if (score[i] !== prev) {
      k++;
      prev = score[i]!;
    }
    rank[i] = k;
  }
  const nRank = k + 1;
  // processing order: time descending, censored before events at the same time, then by score
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = rank[i]!;
  const o1 = stableOrder(key);
  const st = Float64Array.from(o1, (i) => status[i]!);
  const o2 = stableOrder(st);
  const tt = Float64Array.from(o2, (j) => -time[o1[j]!]!);
  const o3 = stableOrder(tt);
  const order = Uint32Array.from(o3, (j) => o1[o2[j]!]!);

  const atRisk = new Fenwick(nRank);
  const events = new Fenwick(nRank);
  const infConc = new Float64Array(n);
  const infDisc = new Float64Array(n);
  const infTied = new Float64Array(n);
  let conc = 0;
  let disc = 0;
  let tiedX = 0;
  let tiedY = 0;
  let tiedXY = 0;
  const enter = (i: number): void => {
    // influence counts events before entry with negative sign; the final pass adds them all
    const r = rank[i]!;
    const below = events.below(r);
    const tied = events.at(r);
    infConc[i] = infConc[i]! - below;
    infDisc[i] = infDisc[i]! - (events.total - below - tied);
    infTied[i] = infTied[i]! - tied;
    atRisk.add(r, 1);
  };
  for (let a = 0; a < n;) {
    const i = order[a]!;
    if (status[i] !== 1) {
      enter(i);
      a++;
      continue;
    }
    let b = a;
    const t = time[i]!;
    while (b < n && time[order[b]!] === t) b++;
    // events tied in time: pairs, and pairs also tied in score (contiguous, as sorted by score)
    let groupStart = a;
    for (let c = a; c < b; c++) {
      const j = order[c]!;
      tiedY += c - a;
      if (rank[j] !== rank[order[groupStart]!]) groupStart = c;
      tiedXY += c - groupStart;
      const r = rank[j]!;
      const below = atRisk.below(r);
      const tied = atRisk.at(r);
      const above = atRisk.total - below - tied;
      conc += above;
      disc += below;
      tiedX += tied;
      infConc[j] = infConc[j]! + above;
      infDisc[j] = infDisc[j]! + below;
      infTied[j] = infTied[j]! + tied;
      events.add(r, 1);
    }
    for (let c = a; c < b; c++) enter(order[c]!);
    a = b;
  }
  for (let i = 0; i < n; i++) {
    const r = rank[i]!;
    const below = events.below(r);
    const tied = events.at(r);
    infConc[i] = infConc[i]! + below;
    infDisc[i] = infDisc[i]! + (events.total - below - tied);
    infTied[i] = infTied[i]! + tied;
  }
  tiedY -= tiedXY;
  const npair = conc + disc + tiedX;
  const somers = (conc - disc) / npair;
  const dfbeta2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d =
      (infConc[i]! - infDisc[i]!) / npair - (somers / npair) * (infConc[i]! + infDisc[i]! + infTied[i]!);
    dfbeta2[i] = d * d;
  }
  const se = Math.sqrt(accurateSum(dfbeta2) / 4);
  const reverse = options.reverse ?? false;
  const c = (somers + 1) / 2;
  return freeze({
    method: "Harrell's concordance, infinitesimal-jackknife standard error",
    rEquivalent: `concordance(Surv(time, status) ~ score${reverse ? ', reverse = TRUE' : ''})`,
    converged: true,
    warnings: [],
    c: reverse ? 1 - c : c,
    se,
    concordant: reverse ? disc : conc,
    discordant: reverse ? conc : disc,
    tiedX,
    tiedY,
    tiedXY,
  });
}
