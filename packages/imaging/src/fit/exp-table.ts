import { logGrid } from './log-grid.js';

/**
 * A precomputed table of (optionally centred) exponentials `exp(-t_i/τ_g)` on a log grid of time
 * constants τ: the search space of reduced-dimension NLS (Barral et al., MRM 2010;64:1057).
 *
 * For data y and table row g, the least-squares fit of `y ≈ a + b·e` (centred) or `y ≈ b·e`
 * (plain) leaves `SS - crit(g)` with `crit(g) = (row_g·y)² / ‖row_g‖²`, where y is centred in the
 * first case (rows are centred, so row·y equals row·(y - mean)). Searching τ is maximising crit.
 */
export interface ExpTable {
  /** Samples per row. */
  readonly n: number;
  /** The τ grid (ms), ascending. */
  readonly grid: Float64Array;
  /** log(grid[g+1]/grid[g]). */
  readonly logStep: number;
  /** Row g: n exponentials at τ = grid[g], centred when `centred`. */
  readonly rows: Float64Array;
  /** 1/‖row‖² (0 where the row carries no information). */
  readonly invNorm: Float64Array;
  /** Mean of the uncentred exponentials of each row (the intercept needs it). */
  readonly eMean: Float64Array;
  /** Indices of the coarse scan (every `stride`-th point, both ends included). */
  readonly coarse: Int32Array;
  /** Step of the intermediate zoom stage (about sqrt(stride)). */
  readonly midStep: number;
  readonly centred: boolean;
}

/**
 * Builds an {@link ExpTable}.
 *
 * @param times - sample times (ms)
 * @param tauMin - smallest time constant (ms)
 * @param tauMax - largest time constant (ms)
 * @param ratio - ratio between neighbouring grid points
 * @param coarseRatio - ratio between coarse-scan points
 * @param centred - centre each row (model with an intercept)
 */
export function buildExpTable(
  times: Float64Array,
  tauMin: number,
  tauMax: number,
  ratio: number,
  coarseRatio: number,
  centred: boolean
): ExpTable {
  const n = times.length;
  const grid = logGrid(tauMin, tauMax, ratio);
  const G = grid.length;
  const rows = new Float64Array(G * n);
  const invNorm = new Float64Array(G);
  const eMean = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    const r = 1 / grid[g]!;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const e = Math.exp(-r * times[i]!);
      rows[g * n + i] = e;
      s += e;
    }
    const mean = s / n;
    eMean[g] = mean;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const v = centred ? rows[g * n + i]! - mean : rows[g * n + i]!;
      rows[g * n + i] = v;
      ss += v * v;
    }
    // A very short τ makes every e ~ 0 and a very long one makes them all equal: no information.
    invNorm[g] = ss > 1e-300 ? 1 / ss : 0;
  }
  const stride = Math.max(1, Math.round(Math.log(coarseRatio) / Math.log(ratio)));
  const coarse: number[] = [];
  for (let g = 0; g < G; g += stride) coarse.push(g);
  if (coarse[coarse.length - 1] !== G - 1) coarse.push(G - 1);
  return {
    n,
    grid,
    logStep: Math.log(ratio),
    rows,
    invNorm,
    eMean,
    coarse: Int32Array.from(coarse),
    midStep: Math.max(1, Math.round(Math.sqrt(stride))),
    centred,
  };
}

/** Mutable result of {@link findTablePeak}. */
export interface TablePeak {
  /** Index of the best table point. */
  index: number;
  /** crit at that point. */
  crit: number;
  /** row·y at that point (the amplitude is `projection·invNorm`). */
  projection: number;
  /** Parabolic offset of the continuous peak from `index`, in grid steps (|offset| <= 0.5). */
  offset: number;
  /** Parabolic estimate of the peak crit. */
  peak: number;
  /** True when the best point is the first or last of the table. */
  atEdge: boolean;
}

/** A fresh {@link TablePeak}. */
export function newTablePeak(): TablePeak {
  return { index: 0, crit: 0, projection: 0, offset: 0, peak: 0, atEdge: false };
}

function critAt(rows: Float64Array, invNorm: Float64Array, y: Float64Array, n: number, g: number): number {
  const base = g * n;
  let v = 0;
  for (let i = 0; i < n; i++) v += rows[base + i]! * y[i]!;
  return v * v * invNorm[g]!;
}

/**
 * Finds the table point maximising `crit` for data `y` (centred data for a centred table): a coarse
 * scan, a parabola through the coarse peak, two zoom stages that walk uphill (steps of `midStep`
 * points, then 1) and a final parabola in log τ through the peak and its neighbours. About 20 row
 * products instead of a full scan of thousands of points; the answer equals the full scan's whenever
 * crit is unimodal between the coarse neighbours of its coarse peak.
 *
 * @param table - from {@link buildExpTable}
 * @param y - data, length table.n (centred if the table is)
 * @param out - receives the peak
 */
export function findTablePeak(table: ExpTable, y: Float64Array, out: TablePeak): void {
  const { n, rows, invNorm, coarse, midStep } = table;
  const G = table.grid.length;
  let best = -1;
  let bestCi = 0;
  let cPrev = -1;
  let cNext = -1;
  let last = -1;
  const nc = coarse.length;
  for (let ci = 0; ci < nc; ci++) {
    const c = critAt(rows, invNorm, y, n, coarse[ci]!);
    if (ci === bestCi + 1) cNext = c;
    if (c > best) {
      best = c;
      bestCi = ci;
      cPrev = last;
      cNext = -1;
    }
    last = c;
  }
  let g = coarse[bestCi]!;
  if (bestCi > 0 && bestCi < nc - 1) {
    const den = cPrev - 2 * best + cNext;
    if (den < 0) g += Math.round(((0.5 * (cPrev - cNext)) / den) * (coarse[bestCi + 1]! - coarse[bestCi]!));
  }
  let fg = critAt(rows, invNorm, y, n, g);
  let fPrev = -1;
  let fNext = -1;
  for (let stage = 0; stage < 2; stage++) {
    const h = stage === 0 ? midStep : 1;
    fPrev = g - h >= 0 ? critAt(rows, invNorm, y, n, g - h) : -1;
    fNext = g + h <= G - 1 ? critAt(rows, invNorm, y, n, g + h) : -1;
    // Walk uphill until g is a local peak at this step size.
    while (fPrev > fg) {
      fNext = fg;
      fg = fPrev;
      g -= h;
      fPrev = g - h >= 0 ? critAt(rows, invNorm, y, n, g - h) : -1;
    }
    while (fNext > fg) {
      fPrev = fg;
      fg = fNext;
      g += h;
      fNext = g + h <= G - 1 ? critAt(rows, invNorm, y, n, g + h) : -1;
    }
    if (h > 1 && fPrev >= 0 && fNext >= 0) {
      const den = fPrev - 2 * fg + fNext;
      if (den < 0) {
        const step = Math.round(((0.5 * (fPrev - fNext)) / den) * h);
        if (step !== 0) {
          g += step;
          fg = critAt(rows, invNorm, y, n, g);
        }
      }
    }
  }
  const base = g * n;
  let v = 0;
  for (let i = 0; i < n; i++) v += rows[base + i]! * y[i]!;
  out.index = g;
  out.crit = fg;
  out.projection = v;
  out.atEdge = g <= 0 || g >= G - 1;
  out.offset = 0;
  out.peak = fg;
  if (!out.atEdge) {
    const den = fPrev - 2 * fg + fNext;
    if (den < 0) {
      let off = (0.5 * (fPrev - fNext)) / den;
      if (off > 0.5) off = 0.5;
      else if (off < -0.5) off = -0.5;
      out.offset = off;
      out.peak = fg - 0.25 * (fPrev - fNext) * off;
    }
  }
}
