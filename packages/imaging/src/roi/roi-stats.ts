/** Statistics of a map over one region (mapping-cli.md, `roi`). */
export interface RoiStats {
  /** The label (1-255), or 1 for a single mask. */
  readonly label: number;
  /** Finite pixels in the region. */
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n - 1); NaN for n < 2. */
  readonly sd: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** n · row spacing · column spacing. */
  readonly area_mm2: number;
}

function statsOf(label: number, values: number[], pixelArea: number): RoiStats {
  const n = values.length;
  if (n === 0) {
    return {
      label,
      n: 0,
      mean: Number.NaN,
      sd: Number.NaN,
      median: Number.NaN,
      min: Number.NaN,
      max: Number.NaN,
      area_mm2: 0,
    };
  }
  values.sort((a, b) => a - b);
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const mid = n >> 1;
  const median = n % 2 === 1 ? values[mid]! : 0.5 * (values[mid - 1]! + values[mid]!);
  return {
    label,
    n,
    mean,
    sd: n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN,
    median,
    min: values[0]!,
    max: values[n - 1]!,
    area_mm2: n * pixelArea,
  };
}

/**
 * Per-label statistics of a map: for each label present other than 0, the finite pixels' count,
 * mean, sample SD, median, min, max and area. Non-finite pixels (not fitted, invalid fits) are
 * ignored, so `n` can be below the label's pixel count (SCMR reporting: Messroghli et al.,
 * JCMR 2017;19:75 ask for the ROI size; report also how many pixels were invalid).
 *
 * @param map - row-major values
 * @param labels - row-major labels, same length
 * @param spacing - [row spacing, column spacing] (mm)
 * @returns one entry per label present, ascending
 * @example
 * roiStats(Float32Array.of(1, 2, 3, NaN), Uint8Array.of(1, 1, 2, 2), [1, 1])
 * // returns [{ label: 1, n: 2, mean: 1.5, ... }, { label: 2, n: 1, mean: 3, ... }]
 */
export function roiStats(
  map: ArrayLike<number>,
  labels: ArrayLike<number>,
  spacing: readonly [number, number]
): RoiStats[] {
  if (map.length !== labels.length) {
    throw new RangeError(`labels: ${labels.length} pixels for a map of ${map.length}`);
  }
  const present = new Map<number, number[]>();
  for (let p = 0; p < labels.length; p++) {
    const l = labels[p]!;
    if (l === 0) continue;
    let list = present.get(l);
    if (!list) {
      list = [];
      present.set(l, list);
    }
    const v = map[p]!;
    if (Number.isFinite(v)) list.push(v);
  }
  const area = spacing[0] * spacing[1];
  return [...present.keys()].sort((a, b) => a - b).map((l) => statsOf(l, present.get(l)!, area));
}

/**
 * Statistics of a map inside one 0/1 mask (e.g. from {@link polygonMask} or {@link ellipseMask}),
 * reported as label 1.
 */
export function maskStats(
  map: ArrayLike<number>,
  mask: ArrayLike<number>,
  spacing: readonly [number, number]
): RoiStats {
  if (map.length !== mask.length) {
    throw new RangeError(`mask: ${mask.length} pixels for a map of ${map.length}`);
  }
  const values: number[] = [];
  for (let p = 0; p < mask.length; p++) if (mask[p] && Number.isFinite(map[p]!)) values.push(map[p]!);
  return statsOf(1, values, spacing[0] * spacing[1]);
}
