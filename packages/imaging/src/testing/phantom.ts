/**
 * Test helper: a seeded tube phantom and signal models, so that tests generate their own data with
 * known truth (style.md §12: "generate the signal from known T1/T2, add noise with a fixed seed").
 */

/** Mulberry32: a tiny seeded PRNG giving uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws (Box-Muller) from a uniform source. */
export function gaussian(uniform: () => number): () => number {
  return () => {
    const u = Math.max(uniform(), 1e-300);
    const v = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/** Rician magnitude |s + n1 + i·n2| with n ~ N(0, sigma²); sigma 0 gives |s|. */
export function rician(s: number, sigma: number, normal: () => number): number {
  if (sigma <= 0) return Math.abs(s);
  return Math.hypot(s + sigma * normal(), sigma * normal());
}

/** MOLLI model with the oracle's parametrisation: S = A - B·exp(-TI/T1*), T1* = T1/(B/A - 1). */
export function molliSignal(ti: number, a: number, bOverA: number, t1: number): number {
  const t1Star = t1 / (bOverA - 1);
  return a - a * bOverA * Math.exp(-ti / t1Star);
}

/** One tube of a phantom. */
export interface Tube {
  readonly label: number;
  /** Centre (column, row) and radius, pixels. */
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly t1: number;
  readonly t2: number;
  readonly a: number;
  readonly bOverA: number;
}

/** A label image of circular tubes (0 outside every tube). */
export function tubeLabels(rows: number, columns: number, tubes: readonly Tube[]): Uint8Array {
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      for (const t of tubes) {
        if ((c - t.cx) ** 2 + (r - t.cy) ** 2 <= t.r * t.r) out[r * columns + c] = t.label;
      }
    }
  }
  return out;
}

/**
 * Stored uint16 images of a MOLLI acquisition at the given times: Rician noise of `sigma`, divided
 * by `slope` (as a scanner with RescaleSlope would store them) and rounded.
 */
export function molliImages(
  rows: number,
  columns: number,
  tubes: readonly Tube[],
  times: readonly number[],
  sigma: number,
  seed: number,
  slope = 1
): Uint16Array[] {
  const labels = tubeLabels(rows, columns, tubes);
  const normal = gaussian(mulberry32(seed));
  const byLabel = new Map(tubes.map((t) => [t.label, t]));
  return times.map((ti) => {
    const img = new Uint16Array(rows * columns);
    for (let p = 0; p < img.length; p++) {
      const t = byLabel.get(labels[p]!);
      const s = t ? molliSignal(ti, t.a, t.bOverA, t.t1) : 0;
      img[p] = Math.min(65535, Math.round(rician(s, sigma, normal) / slope));
    }
    return img;
  });
}

/** Stored uint16 images of a T2-prepared acquisition: S = M0·exp(-TE/T2), M0 = A. */
export function t2Images(
  rows: number,
  columns: number,
  tubes: readonly Tube[],
  times: readonly number[],
  sigma: number,
  seed: number
): Uint16Array[] {
  const labels = tubeLabels(rows, columns, tubes);
  const normal = gaussian(mulberry32(seed));
  const byLabel = new Map(tubes.map((t) => [t.label, t]));
  return times.map((te) => {
    const img = new Uint16Array(rows * columns);
    for (let p = 0; p < img.length; p++) {
      const t = byLabel.get(labels[p]!);
      const s = t ? t.a * Math.exp(-te / t.t2) : 0;
      img[p] = Math.min(65535, Math.round(rician(s, sigma, normal)));
    }
    return img;
  });
}

/** Fisher-Yates shuffle with a seeded PRNG (to scramble file and instance order). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const rnd = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Four tubes on a 48 x 48 grid spanning native and post-contrast T1 and typical T2. */
export const STANDARD_TUBES: readonly Tube[] = [
  { label: 1, cx: 13, cy: 13, r: 8, t1: 1200, t2: 45, a: 800, bOverA: 1.95 },
  { label: 2, cx: 34, cy: 13, r: 8, t1: 1800, t2: 250, a: 1000, bOverA: 1.98 },
  { label: 3, cx: 13, cy: 34, r: 8, t1: 450, t2: 70, a: 850, bOverA: 1.93 },
  { label: 4, cx: 34, cy: 34, r: 8, t1: 300, t2: 80, a: 950, bOverA: 1.9 },
];
