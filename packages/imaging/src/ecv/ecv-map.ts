/** Two maps are not on the same pixel grid: bad input. */
export class AlignmentError extends Error {
  override readonly name = 'AlignmentError';
}

/** Geometry needed to check that a pre- and a post-contrast map are aligned. */
export interface MapGrid {
  readonly rows: number;
  readonly columns: number;
  readonly imagePositionPatient?: readonly number[] | undefined;
  readonly imageOrientationPatient?: readonly number[] | undefined;
}

/** Position tolerance (mm) and orientation tolerance (direction cosines), mapping-cli.md. */
export const ALIGN_POSITION_MM = 0.5;
export const ALIGN_ORIENTATION = 1e-3;

/**
 * Checks that two maps share rows, columns, orientation (within 1e-3) and position (within
 * 0.5 mm): the condition for a pixel-wise ECV without registration.
 *
 * @throws AlignmentError naming what differs
 */
export function assertAligned(pre: MapGrid, post: MapGrid): void {
  if (pre.rows !== post.rows || pre.columns !== post.columns) {
    throw new AlignmentError(
      `maps are not aligned: ${pre.rows}x${pre.columns} pre, ${post.rows}x${post.columns} post`
    );
  }
  const o1 = pre.imageOrientationPatient;
  const o2 = post.imageOrientationPatient;
  if (o1 && o2) {
    for (let i = 0; i < 6; i++) {
      if (Math.abs((o1[i] ?? 0) - (o2[i] ?? 0)) > ALIGN_ORIENTATION) {
        throw new AlignmentError('maps are not aligned: image orientations differ');
      }
    }
  } else if (o1 !== o2) {
    throw new AlignmentError('maps are not aligned: one map has no image orientation');
  }
  const p1 = pre.imagePositionPatient;
  const p2 = post.imagePositionPatient;
  if (p1 && p2) {
    const d = Math.hypot(
      (p1[0] ?? 0) - (p2[0] ?? 0),
      (p1[1] ?? 0) - (p2[1] ?? 0),
      (p1[2] ?? 0) - (p2[2] ?? 0)
    );
    if (d > ALIGN_POSITION_MM) {
      throw new AlignmentError(`maps are not aligned: positions differ by ${d.toFixed(2)} mm`);
    }
  } else if (p1 !== p2) {
    throw new AlignmentError('maps are not aligned: one map has no image position');
  }
}

/**
 * Mean of the finite pixels of one label: the blood-pool T1 for ECV.
 *
 * @throws RangeError when the label has no finite pixel in the map
 */
export function labelMean(map: ArrayLike<number>, labels: ArrayLike<number>, label: number): number {
  if (map.length !== labels.length) {
    throw new RangeError(`labels: ${labels.length} pixels for a map of ${map.length}`);
  }
  let sum = 0;
  let n = 0;
  for (let p = 0; p < map.length; p++) {
    if (labels[p] !== label) continue;
    const v = map[p]!;
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  if (n === 0) throw new RangeError(`label ${label}: no finite pixel of the map inside it`);
  return sum / n;
}

/** Inputs of {@link ecvFromT1}. */
export interface EcvParameters {
  /** Haematocrit, a fraction (0.1-0.7). */
  readonly hct: number;
  /** Blood T1 before contrast (ms). */
  readonly bloodT1Pre: number;
  /** Blood T1 after contrast (ms). */
  readonly bloodT1Post: number;
}

/**
 * Validates ECV parameters once.
 *
 * @throws RangeError naming the parameter
 */
export function checkEcvParameters(p: EcvParameters): void {
  if (!(p.hct >= 0.1 && p.hct <= 0.7)) throw new RangeError(`hct: ${p.hct} is outside 0.1-0.7`);
  if (!(p.bloodT1Pre > 0) || !(p.bloodT1Post > 0)) {
    throw new RangeError('blood T1: both values must be positive ms');
  }
  if (!(p.bloodT1Post < p.bloodT1Pre)) {
    throw new RangeError(
      `blood T1: post-contrast (${p.bloodT1Post} ms) must be shorter than native (${p.bloodT1Pre} ms)`
    );
  }
}

/**
 * Pixel-wise extracellular volume fraction from aligned native and post-contrast T1 maps:
 * `ECV = (1 - Hct)·(1/T1post - 1/T1pre) / (1/T1blood,post - 1/T1blood,pre)`, NaN where either T1
 * is missing or not positive. See: Messroghli et al., JCMR 2017;19:75 (SCMR/EACVI consensus);
 * mapping.md §1.7.
 *
 * @param pre - native T1 map (ms)
 * @param post - post-contrast T1 map (ms), same grid
 * @param p - haematocrit and blood-pool T1s
 * @returns the ECV map (fraction)
 * @example
 * // Myocardium 1200 -> 600 ms, blood 1900 -> 420 ms, Hct 0.42: ECV ~ 0.2606
 * ecvFromT1(Float32Array.of(1200), Float32Array.of(600), { hct: 0.42, bloodT1Pre: 1900, bloodT1Post: 420 })
 */
export function ecvFromT1(pre: ArrayLike<number>, post: ArrayLike<number>, p: EcvParameters): Float32Array {
  checkEcvParameters(p);
  if (pre.length !== post.length) {
    throw new RangeError(`post: ${post.length} pixels for a pre map of ${pre.length}`);
  }
  const scale = (1 - p.hct) / (1 / p.bloodT1Post - 1 / p.bloodT1Pre);
  const out = new Float32Array(pre.length);
  for (let i = 0; i < pre.length; i++) {
    const a = pre[i]!;
    const b = post[i]!;
    out[i] =
      a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b) ? scale * (1 / b - 1 / a) : Number.NaN;
  }
  return out;
}
