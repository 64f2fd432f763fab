import type { MapResult, MapSlice } from '../map/map-result.js';
import { assertAligned, checkEcvParameters, ecvFromT1, labelMean } from './ecv-map.js';
import type { LoadedMap } from './load-map.js';

/** Where the blood-pool T1s come from. */
export type BloodT1Source =
  | {
      readonly kind: 'roi';
      readonly labels: Uint8Array;
      readonly label: number;
      readonly description?: string;
    }
  | { readonly kind: 'values'; readonly t1Pre: number; readonly t1Post: number };

/** One native/post-contrast pair. */
export interface EcvPair {
  readonly pre: LoadedMap;
  readonly post: LoadedMap;
}

/**
 * ECV maps from pairs of aligned T1 maps, haematocrit and the blood-pool T1 (from a label of a
 * label image, averaged over the finite pixels of each map, or given), as mapping-cli.md specifies.
 * Each output slice keeps the native map's geometry and index.
 *
 * @throws AlignmentError when a pair is not on the same grid
 * @throws RangeError for a bad haematocrit, blood T1 or label image
 */
export function ecvMapFromPairs(pairs: readonly EcvPair[], hct: number, blood: BloodT1Source): MapResult {
  if (pairs.length === 0) throw new RangeError('no pre/post map pairs');
  const slices: MapSlice[] = [];
  for (const { pre, post } of pairs) {
    if (pre.kind !== 't1' || post.kind !== 't1') {
      throw new RangeError(`${pre.kind !== 't1' ? pre.path : post.path}: not a T1 map`);
    }
    assertAligned(pre.geometry, post.geometry);
    let bPre: number;
    let bPost: number;
    if (blood.kind === 'roi') {
      const n = pre.geometry.rows * pre.geometry.columns;
      if (blood.labels.length !== n) {
        throw new RangeError(`blood ROI: ${blood.labels.length} bytes, expected rows x columns = ${n}`);
      }
      bPre = labelMean(pre.values, blood.labels, blood.label);
      bPost = labelMean(post.values, blood.labels, blood.label);
    } else {
      bPre = blood.t1Pre;
      bPost = blood.t1Post;
    }
    checkEcvParameters({ hct, bloodT1Pre: bPre, bloodT1Post: bPost });
    const values = ecvFromT1(pre.values, post.values, { hct, bloodT1Pre: bPre, bloodT1Post: bPost });
    let valid = 0;
    for (const v of values) if (Number.isFinite(v)) valid++;
    slices.push({
      index: pre.sliceIndex,
      geometry: pre.geometry,
      values,
      r2: undefined,
      status: undefined,
      parameters: {},
      times: [],
      timeSource: undefined,
      fittedPixels: valid,
      validPixels: valid,
      mask: { kind: 'all', description: 'pixels where both T1 maps have a value' },
      model: 'ecv-pixelwise',
      warnings: [],
      template: pre.template,
    });
  }
  return {
    kind: 'ecv',
    units: 'fraction',
    model: 'ecv-pixelwise',
    algorithm:
      'ECV = (1 - Hct)(1/T1post - 1/T1pre)/(1/T1blood,post - 1/T1blood,pre), pixel by pixel (Messroghli 2017)',
    seriesInstanceUid: pairs[0]!.pre.geometry.seriesInstanceUid,
    seriesDescription: 'ECV',
    slices,
  };
}

/** The blood T1 used for each pair (for the sidecars), computed as in {@link ecvMapFromPairs}. */
export function bloodT1sUsed(
  pairs: readonly EcvPair[],
  blood: BloodT1Source
): { pre: number; post: number }[] {
  return pairs.map(({ pre, post }) =>
    blood.kind === 'roi'
      ? {
          pre: labelMean(pre.values, blood.labels, blood.label),
          post: labelMean(post.values, blood.labels, blood.label),
        }
      : { pre: blood.t1Pre, post: blood.t1Post }
  );
}
