import type { FieldStrength, MassCategory, MappingSequence, Vendor } from '@cmr-mass/core';
import type { Quantitative } from './profiles/index.js';
import type { Rng } from './rng.js';

/**
 * Quantitative CMR values: remote myocardium, blood pool and lesion T1/T2/ECV for a field strength,
 * vendor and sequence (clinical.md §4). Lesion profiles are given at 1.5 T on a Siemens-type MOLLI
 * and scaled here.
 */

/**
 * Native T1 of normal myocardium at 1.5 T, Siemens-type MOLLI: 996 ± 31 ms (Granitz et al. 2019,
 * clinical.md §4a); we use 1000 ± 35.
 */
const MYO_T1_15 = [1000, 35] as const;
/** 3 T over 1.5 T for native T1: Granitz 1183.8 / 995.8 = 1.19 (clinical.md §4a). */
export const T1_3T_FACTOR = 1.19;
/** Myocardial T2: 55.8 ± 2.8 ms at 1.5 T and 51.6 ± 3.0 ms at 3 T (Granitz 2019); ratio 0.925. */
const MYO_T2 = { 1.5: [55.8, 2.8], 3: [51.6, 3.0] } as const;
export const T2_3T_FACTOR = 51.6 / 55.8;

/**
 * Vendor and sequence scaling of native T1 against Siemens MOLLI: Philips MOLLI reads lower (Dabir
 * et al. JCMR 2014: 950 ms at 1.5 T and 1052 ms at 3 T, against ~996 and ~1184-1206 ms), ShMOLLI a
 * little lower (Piechnik 2013: 962 ms at 1.5 T). GE and United Imaging [U].
 */
export function t1Scale(field: FieldStrength, vendor: Vendor, seq: MappingSequence): number {
  let f = field === 3 ? T1_3T_FACTOR : 1;
  if (vendor === 'philips') f *= field === 3 ? 0.89 : 0.95;
  else if (vendor === 'ge') f *= 0.97;
  if (seq === 'shmolli') f *= 0.97;
  return f;
}

/**
 * Remote myocardium by the participant's category (JCMR 2023;25:37, 3 T, clinical.md §4b): native T1
 * 1206 ms in controls, 1259.7 in benign-tumour and 1360 in malignant-tumour patients (+4.5 %,
 * +12.8 %); ECV 27.3 ± 3.0 %, 30.0 ± 2.5 %, 34.6 ± 5.2 %. Post-infarct thrombus patients: +3 % T1
 * and ECV 29 ± 3.5 % [U].
 */
const REMOTE: Readonly<Record<MassCategory, { t1: number; ecv: readonly [number, number] }>> = {
  no_mass: { t1: 1, ecv: [0.273, 0.03] },
  pseudomass: { t1: 1, ecv: [0.273, 0.03] },
  other_non_neoplastic: { t1: 1, ecv: [0.273, 0.03] },
  thrombus: { t1: 1.03, ecv: [0.29, 0.035] },
  benign_tumour: { t1: 1.045, ecv: [0.3, 0.025] },
  malignant_tumour: { t1: 1.128, ecv: [0.346, 0.052] },
};

/** The exam's remote-myocardium and blood-pool values. */
export interface ReferenceValues {
  readonly myocardiumT1NativeMs: number;
  readonly myocardiumT2Ms: number;
  readonly myocardiumEcv: number | null;
  readonly bloodT1NativeMs: number;
  readonly bloodT1PostMs: number | null;
}

/**
 * Draws the remote myocardium and blood pool. Blood native T1 about 1600 ms at 1.5 T and 1950 ms at
 * 3 T, post-contrast 320 / 380 ms (clinical.md §4b "approx. 1500-1700 / 1800-2100" [U]).
 */
export function drawReference(
  rng: Rng,
  field: FieldStrength,
  vendor: Vendor,
  t1Seq: MappingSequence,
  category: MassCategory,
  contrast: boolean
): ReferenceValues {
  const scale = t1Scale(field, vendor, t1Seq);
  const remote = REMOTE[category];
  const t2 = MYO_T2[field];
  const bloodScale = field === 3 ? 1950 / 1600 : 1;
  return {
    myocardiumT1NativeMs: Math.round(rng.normal(MYO_T1_15[0] * remote.t1, MYO_T1_15[1]) * scale),
    myocardiumT2Ms: Math.round(rng.truncNormal(t2[0], t2[1], 40, 70) * 10) / 10,
    myocardiumEcv: contrast
      ? Math.round(rng.truncNormal(remote.ecv[0], remote.ecv[1], 0.18, 0.5) * 1000) / 1000
      : null,
    bloodT1NativeMs: Math.round(rng.truncNormal(1600, 80, 1350, 1850) * bloodScale),
    bloodT1PostMs: contrast ? Math.round(rng.truncNormal(field === 3 ? 380 : 320, 55, 180, 600)) : null,
  };
}

/** A log-normal draw with the given mean and SD (moment-matched), so that values stay positive. */
function positive(rng: Rng, mean: number, sd: number): number {
  const sdLog = Math.sqrt(Math.log(1 + (sd / mean) ** 2));
  return rng.logNormal(mean / Math.sqrt(1 + (sd / mean) ** 2), sdLog);
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** The lesion's T1, T2 and ECV (nulls where not measured). */
export interface LesionQuant {
  readonly t1: number | null;
  readonly t2: number | null;
  readonly ecv: number | null;
}

/**
 * Draws a lesion's T1, T2 and ECV from its type's values (clinical.md §4b), scaled to the field
 * strength, vendor and sequence; "like myocardium" values follow the exam's remote myocardium.
 * Values are kept inside core's hard plausibility bounds (§4c) so that none is refused.
 */
export function drawLesionQuant(
  rng: Rng,
  q: Quantitative,
  ref: ReferenceValues,
  field: FieldStrength,
  vendor: Vendor,
  t1Seq: MappingSequence,
  measure: { readonly t1t2: boolean; readonly ecv: boolean }
): LesionQuant {
  if (!measure.t1t2) return { t1: null, t2: null, ecv: null };
  const scale = t1Scale(field, vendor, t1Seq);
  const t1 =
    q.t1 === 'myocardium'
      ? ref.myocardiumT1NativeMs * rng.normal(1, 0.03)
      : positive(rng, q.t1[0], q.t1[1]) * scale;
  const t2 =
    q.t2 === 'myocardium'
      ? ref.myocardiumT2Ms * rng.normal(1, 0.05)
      : positive(rng, q.t2[0], q.t2[1]) * (field === 3 ? T2_3T_FACTOR : 1);
  let ecv: number | null = null;
  if (measure.ecv && q.ecv !== null) {
    ecv =
      q.ecv === 'myocardium'
        ? (ref.myocardiumEcv ?? 0.27) * rng.normal(1, 0.05)
        : positive(rng, q.ecv[0], q.ecv[1]);
  }
  return {
    t1: Math.round(clamp(t1, 160, 4400)),
    t2: Math.round(clamp(t2, 22, 950)),
    ecv: ecv === null ? null : Math.round(clamp(ecv, 0.06, 0.9) * 1000) / 1000,
  };
}
