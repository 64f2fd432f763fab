import type {
  Attachment,
  CancerSite,
  EffusionGrade,
  LesionLocation,
  LgePattern,
  MassType,
  Margins,
  Mobility,
  PerfusionGrade,
  RelativeSignal,
  Shape,
  Symptom,
} from '@cmr-mass/core';
import type { Weighted } from '../rng.js';

/** Age at the baseline CMR: a truncated normal, or a mixture of them (children and adults). */
export type AgeModel =
  | { readonly mean: number; readonly sd: number; readonly min: number; readonly max: number }
  | { readonly mixture: Weighted<AgeModel> };

/** Who has a mass of this type (clinical.md §5b). */
export interface Demographics {
  readonly age: AgeModel;
  /** Probability of male sex. */
  readonly male: number;
  /** Probability of a known extracardiac cancer at baseline (and its site, when fixed by the type). */
  readonly knownCancer: number;
  readonly cancerSite?: CancerSite;
  readonly atrialFibrillation: number;
  readonly priorMi: number;
  /** LVEF at baseline, percent (mean, SD). */
  readonly lvef: readonly [number, number];
  /** Each presenting symptom with its probability (independent; none drawn means "incidental"). */
  readonly symptoms: readonly (readonly [Symptom, number])[];
}

/**
 * How a mass of this type looks on CMR (clinical.md §3 signal table, §2 criteria): each coded feature
 * as a distribution, so that most lesions look typical and some do not.
 */
export interface Appearance {
  readonly location: Weighted<LesionLocation>;
  /** For a chamber location: intracavitary vs intramural vs epicardial (valves, pericardium and vessels are fixed). */
  readonly layer: Weighted<'intracavitary' | 'intramural' | 'epicardial'>;
  readonly attachment: Weighted<Exclude<Attachment, 'not_applicable'>>;
  /** Largest diameter, mm: median and SD of its logarithm. */
  readonly sizeMm: readonly [number, number];
  readonly shape: Weighted<Shape>;
  readonly margins: Weighted<Margins>;
  readonly mobility: Weighted<Mobility>;
  readonly infiltration: number;
  readonly effusion: Weighted<EffusionGrade>;
  readonly t1w: Weighted<RelativeSignal>;
  readonly t2w: Weighted<RelativeSignal>;
  /** Probability of signal loss on fat suppression. */
  readonly fatLoss: number;
  readonly heterogeneous: number;
  readonly fpp: Weighted<Exclude<PerfusionGrade, 'not_assessed'>>;
  readonly lge: Weighted<Exclude<LgePattern, 'not_assessed'>>;
  /** Probability of nulling at a long inversion time (avascular tissue). */
  readonly nulling: number;
  readonly calcification: number;
  readonly coronaryEncasement: number;
  /** Probability of a second lesion of the same type. */
  readonly secondLesion: number;
}

/**
 * Quantitative values of the lesion at 1.5 T with a Siemens-type MOLLI (mean, SD); other field
 * strengths and vendors are scaled in `quant.ts`. `myocardium` means "like the remote myocardium".
 */
export interface Quantitative {
  readonly t1: readonly [number, number] | 'myocardium';
  readonly t2: readonly [number, number] | 'myocardium';
  /** ECV as a fraction, or null when not measured in such tissue (fat, fluid). */
  readonly ecv: readonly [number, number] | 'myocardium' | null;
}

/** Everything the generator needs about one mass type. */
export interface TypeProfile {
  readonly type: MassType;
  readonly demographics: Demographics;
  readonly appearance: Appearance;
  readonly quantitative: Quantitative;
}

/** Shorthand for an age model. */
export function age(mean: number, sd: number, min = 18, max = 95): AgeModel {
  return { mean, sd, min, max };
}
