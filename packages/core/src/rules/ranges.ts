import type { FieldStrength } from '../vocab/cmr.js';

/**
 * Plausibility bounds for quantitative CMR values, by field strength: a hard range (outside it the
 * value is refused) and a typical range (outside it the value is kept with a warning).
 *
 * Source: clinical.md §4c, an engineering proposal derived from the published values in §4a-4b
 * (Dabir et al. JCMR 2014; Granitz et al. 2019; Piechnik et al. JCMR 2013; Nasser et al. 2020;
 * JCMR 2023;25:37) and the SCMR/EACVI consensus on local reference ranges (Messroghli et al.,
 * JCMR 2017;19:75). These are not guideline thresholds.
 */
export interface Bounds {
  readonly hard: readonly [number, number];
  readonly typical?: readonly [number, number];
  readonly unit: string;
}

/** What a quantitative value measures. */
export type QuantityKind =
  | 't1_native_myocardium'
  | 't1_native_mass'
  | 't1_native_blood'
  | 't1_post'
  | 't2_myocardium'
  | 't2_mass'
  | 'ecv_myocardium'
  | 'ecv_mass';

type ByField = Readonly<Record<FieldStrength, Bounds>>;
const same = (b: Bounds): ByField => ({ 1.5: b, 3: b });

const BOUNDS: Readonly<Record<QuantityKind, ByField>> = {
  t1_native_myocardium: {
    1.5: { hard: [700, 1600], typical: [900, 1150], unit: 'ms' },
    3: { hard: [800, 1800], typical: [1000, 1350], unit: 'ms' },
  },
  t1_native_mass: same({ hard: [150, 4500], typical: [450, 2500], unit: 'ms' }),
  t1_native_blood: same({ hard: [1000, 2600], unit: 'ms' }),
  t1_post: same({ hard: [100, 1200], unit: 'ms' }),
  t2_myocardium: same({ hard: [30, 100], typical: [45, 60], unit: 'ms' }),
  t2_mass: same({ hard: [20, 1000], typical: [20, 400], unit: 'ms' }),
  ecv_myocardium: same({ hard: [0.1, 0.8], typical: [0.2, 0.32], unit: '' }),
  ecv_mass: same({ hard: [0.05, 0.95], unit: '' }),
};

/**
 * The bounds of a quantity at a field strength. When the field strength is not known, the union of the
 * hard ranges of both strengths is used and no typical range is applied.
 */
export function boundsFor(kind: QuantityKind, fieldStrengthT: FieldStrength | null): Bounds {
  const byField = BOUNDS[kind];
  if (fieldStrengthT !== null) return byField[fieldStrengthT];
  const a = byField[1.5];
  const b = byField[3];
  return { hard: [Math.min(a.hard[0], b.hard[0]), Math.max(a.hard[1], b.hard[1])], unit: a.unit };
}

/** Haematocrit as a fraction: hard and typical ranges (clinical.md §4c). */
export const HAEMATOCRIT: Bounds = { hard: [0.15, 0.65], typical: [0.3, 0.52], unit: '' };

/** Largest diameter of a mass in mm (clinical.md §4c: > 20 cm implausible, > 10 cm unusual). */
export const MASS_DIAMETER_MM: Bounds = { hard: [1, 200], typical: [1, 100], unit: 'mm' };

/** Oldest plausible age at the baseline CMR. */
export const MAX_AGE_YEARS = 110;
