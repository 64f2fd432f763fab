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
  /** Weights strictly below each rank, for a tree that no longer changes (O(k)). */
  belowAll(): Float64Array {
    const out = new Float64Array(this.k);
    let acc = 0;
    for (let r = 0; r < this.k; r++) {
      out[r] = acc;
      acc += this.point[r]!;
    }
    return out;
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
  options: { readonly reverse?: boolean; readonly timeOrder?: Uint32Array } = {}
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
  // walk the distinct times from the last: censored subjects join the risk set first (R sorts
  // censored before events at equal times), then each event is compared with the risk set, then the
  // events join it. Within a time the order does not change any count.
  const asc = options.timeOrder ?? stableOrder(time);
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
  for (let end = n; end > 0;) {
    let start = end - 1;
    const t = time[asc[start]!]!;
    while (start > 0 && time[asc[start - 1]!] === t) start--;
    let nDeaths = 0;
    for (let q = start; q < end; q++) {
      const i = asc[q]!;
      if (status[i] === 1) nDeaths++;
      else enter(i);
    }
    if (nDeaths > 0) {
      const deathRanks = new Int32Array(nDeaths);
      let d = 0;
      for (let q = start; q < end; q++) {
        const j = asc[q]!;
        if (status[j] !== 1) continue;
        const r = rank[j]!;
        deathRanks[d++] = r;
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
      // pairs of events at this time, and those of them also tied in score
      tiedY += (nDeaths * (nDeaths - 1)) / 2;
      if (nDeaths > 1) {
        deathRanks.sort();
        let run = 1;
        for (let q = 1; q <= nDeaths; q++) {
          if (q < nDeaths && deathRanks[q] === deathRanks[q - 1]) run++;
          else {
            tiedXY += (run * (run - 1)) / 2;
            run = 1;
          }
        }
      }
      for (let q = start; q < end; q++) if (status[asc[q]!] === 1) enter(asc[q]!);
    }
    end = start;
  }
  const eventsBelow = events.belowAll();
  for (let i = 0; i < n; i++) {
    const r = rank[i]!;
    const below = eventsBelow[r]!;
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
