import {
  categoryOfType,
  isSecondaryType,
  type Anticoagulant,
  type IsoDate,
  type MassType,
  type ResectionCompleteness,
  type Specimen,
  type TreatmentIntent,
  type TreatmentType,
} from '@cmr-mass/core';
import type { LesionFeatures } from './generate-exam.js';
import type { Person } from './generate-participant.js';
import type { Rng, Weighted } from './rng.js';

/** One planned treatment, in days from the baseline CMR (`endDay` null while ongoing). */
export interface TreatmentPlan {
  readonly type: TreatmentType;
  readonly intent: TreatmentIntent;
  readonly startDay: number;
  readonly endDay: number | null;
  readonly resection?: ResectionCompleteness;
  readonly anticoagulant?: Anticoagulant;
}

/** The care a participant receives, and what it implies for the course and the reference standard. */
export interface CarePlan {
  readonly treatments: readonly TreatmentPlan[];
  /** Day of the surgical resection, if any, and how complete it was. */
  readonly resectionDay: number | null;
  readonly resection: ResectionCompleteness | null;
  /**
   * Day the mass was gone: R0/R1 resection, cyst aspiration, or a thrombus's resolution; null while
   * it stays in place.
   */
  readonly removalDay: number | null;
  /** A diagnostic biopsy or cytology without resection. */
  readonly biopsy: { readonly day: number; readonly specimen: Specimen } | null;
  readonly anticoagulation: { readonly start: number; readonly end: number | null } | null;
  readonly chemo: { readonly start: number; readonly end: number | null } | null;
  /** Neither resection nor chemotherapy nor radiotherapy for a malignant tumour. */
  readonly palliativeOnly: boolean;
}

const LEFT = new Set([
  'left_atrium',
  'left_atrial_appendage',
  'left_ventricle',
  'mitral_valve',
  'aortic_valve',
]);

function anticoagulantFor(rng: Rng, baselineDate: IsoDate): Anticoagulant {
  const y = Number(baselineDate.slice(0, 4));
  // DOACs replaced warfarin over the 2010s; LMWH for cancer and pregnancy [U].
  const mix: Weighted<Anticoagulant> =
    y < 2014
      ? [
          ['vka', 0.8],
          ['lmwh', 0.15],
          ['doac', 0.05],
        ]
      : y < 2020
        ? [
            ['vka', 0.45],
            ['doac', 0.45],
            ['lmwh', 0.1],
          ]
        : [
            ['doac', 0.7],
            ['vka', 0.2],
            ['lmwh', 0.1],
          ];
  return rng.pick(mix);
}

const completeness = (rng: Rng, malignant: boolean): ResectionCompleteness =>
  malignant
    ? rng.pick<ResectionCompleteness>([
        ['r0', 0.35],
        ['r1', 0.4],
        ['r2', 0.25],
      ])
    : rng.pick<ResectionCompleteness>([
        ['r0', 0.95],
        ['r1', 0.05],
      ]);

/**
 * Plans treatment by type, following clinical.md §7 (shares [U], README "Treatments"): anticoagulation
 * for thrombus (3 months, longer with AF or low LVEF); prompt resection of myxoma; resection of left-
 * sided, mobile or > 10 mm fibroelastomas; conservative follow-up of lipoma, rhabdomyoma (some
 * everolimus), cysts (some aspiration); resection of inflammatory pseudotumour (some steroids);
 * resection when feasible plus chemotherapy and radiotherapy for sarcomas; R-CHOP for lymphoma;
 * systemic therapy, radiotherapy and pericardiocentesis for metastases. Pseudomasses and "no mass"
 * get no treatment.
 */
export function planCare(
  rng: Rng,
  type: MassType,
  lesion: LesionFeatures | null,
  person: Person,
  baselineDate: IsoDate
): CarePlan {
  const category = categoryOfType(type);
  const t: TreatmentPlan[] = [];
  let resectionDay: number | null = null;
  let resection: ResectionCompleteness | null = null;
  let removalDay: number | null = null;
  let biopsy: CarePlan['biopsy'] = null;
  let anticoagulation: CarePlan['anticoagulation'] = null;
  let chemo: CarePlan['chemo'] = null;
  const malignant = category === 'malignant_tumour';
  const resect = (from: number, to: number, intent: TreatmentIntent = 'curative'): void => {
    resectionDay = rng.int(from, to);
    resection = completeness(rng, malignant);
    if (resection !== 'r2') removalDay = resectionDay;
    t.push({ type: 'surgical_resection', intent, startDay: resectionDay, endDay: resectionDay, resection });
  };
  const conservative = (intent: TreatmentIntent = 'curative'): void => {
    t.push({ type: 'conservative', intent, startDay: rng.int(0, 14), endDay: null });
  };
  const chemotherapy = (start: number, intent: TreatmentIntent, ongoing = 0.2): void => {
    const end = rng.chance(ongoing) ? null : start + rng.int(100, 200);
    chemo = { start, end };
    t.push({ type: 'chemotherapy', intent, startDay: start, endDay: end });
  };
  const radiotherapy = (start: number, intent: TreatmentIntent): void => {
    t.push({ type: 'radiotherapy', intent, startDay: start, endDay: start + rng.int(21, 45) });
  };
  const size = lesion?.sizeLongMm ?? 0;
  const symptomatic = !person.symptoms.includes('incidental');
  switch (category) {
    case 'no_mass':
    case 'pseudomass':
      break;
    case 'thrombus': {
      const treated = rng.chance(0.95);
      // Resolution: 90 % of thrombi resolve, 75 % of those within 3 months under anticoagulation
      // (AHA 2022, clinical.md §7: repeat imaging at 3 months), 40 % without [U].
      if (rng.chance(0.9)) {
        const rate = -Math.log(1 - (treated ? 0.75 : 0.4)) / 90;
        removalDay = Math.max(14, Math.round(rng.exponential(rate)));
      }
      if (treated) {
        const start = person.atrialFibrillation && rng.chance(0.5) ? -rng.int(1, 30) : rng.int(0, 3);
        const lifelong = person.atrialFibrillation || person.lvef < 35 || rng.chance(0.15);
        // At least 3 months, and until a few weeks after resolution; lifelong with AF or low LVEF.
        const end =
          lifelong || removalDay === null ? null : Math.max(rng.int(90, 180), removalDay + rng.int(14, 45));
        anticoagulation = { start, end };
        t.push({
          type: 'anticoagulation',
          intent: 'curative',
          startDay: start,
          endDay: end,
          anticoagulant: anticoagulantFor(rng, baselineDate),
        });
      } else {
        conservative();
      }
      break;
    }
    case 'benign_tumour': {
      const left = lesion !== null && LEFT.has(lesion.location ?? '');
      const mobile = lesion !== null && lesion.mobility !== 'immobile';
      let pResect: number;
      switch (type) {
        case 'myxoma':
          pResect = 0.95;
          break;
        case 'papillary_fibroelastoma':
          pResect =
            (left && (mobile || size > 10)) || person.symptoms.includes('embolic_event') ? 0.85 : 0.15;
          break;
        case 'lipoma':
          pResect = size > 40 || symptomatic ? 0.35 : 0.1;
          break;
        case 'rhabdomyoma':
          pResect = 0.05;
          break;
        case 'benign_other':
          pResect = 0.6;
          break;
        default:
          pResect = symptomatic ? 0.65 : 0.35;
      }
      if (rng.chance(pResect)) {
        resect(type === 'myxoma' ? 5 : 10, type === 'myxoma' ? 45 : 90, 'curative');
      } else if (type === 'rhabdomyoma' && rng.chance(0.6)) {
        t.push({ type: 'other_medical', intent: 'curative', startDay: rng.int(7, 60), endDay: null });
      } else {
        conservative();
        if (type === 'papillary_fibroelastoma' && rng.chance(0.4)) {
          t.push({ type: 'other_medical', intent: 'prophylactic', startDay: rng.int(0, 14), endDay: null });
        }
      }
      break;
    }
    case 'malignant_tumour': {
      const effusion = lesion?.pericardialEffusion === 'moderate' || lesion?.pericardialEffusion === 'large';
      if (effusion && rng.chance(0.7)) {
        const day = rng.int(0, 7);
        t.push({ type: 'interventional', intent: 'palliative', startDay: day, endDay: day });
      }
      if (isSecondaryType(type)) {
        if (rng.chance(0.03)) resect(14, 60, 'palliative');
        else {
          const cytology = effusion && rng.chance(0.5);
          if (rng.chance(0.45)) biopsy = { day: rng.int(2, 21), specimen: cytology ? 'cytology' : 'biopsy' };
        }
        if (rng.chance(0.7)) chemotherapy(rng.int(7, 30), 'palliative', 0.35);
        if (rng.chance(0.25)) radiotherapy(rng.int(10, 60), 'palliative');
      } else if (type === 'lymphoma_primary') {
        biopsy = { day: rng.int(2, 14), specimen: rng.chance(0.85) ? 'biopsy' : 'cytology' };
        if (rng.chance(0.95)) chemotherapy(biopsy.day + rng.int(5, 20), 'curative', 0);
        if (rng.chance(0.2)) radiotherapy(biopsy.day + rng.int(150, 200), 'curative');
      } else if (rng.chance(0.45)) {
        resect(14, 40, 'curative');
        if (rng.chance(0.8)) chemotherapy((resectionDay ?? 0) + rng.int(25, 45), 'curative', 0);
        if (rng.chance(0.4)) radiotherapy((resectionDay ?? 0) + rng.int(40, 200), 'curative');
      } else {
        biopsy = { day: rng.int(2, 21), specimen: 'biopsy' };
        if (rng.chance(0.8)) chemotherapy(biopsy.day + rng.int(7, 21), 'palliative', 0.3);
        if (rng.chance(0.35)) radiotherapy(biopsy.day + rng.int(14, 90), 'palliative');
      }
      if (!t.some((x) => ['surgical_resection', 'chemotherapy', 'radiotherapy'].includes(x.type))) {
        conservative('palliative');
      }
      break;
    }
    case 'other_non_neoplastic': {
      if (type === 'pericardial_cyst') {
        const u = rng.next();
        const big = size > 50 || symptomatic;
        if (u < (big ? 0.12 : 0.05)) resect(14, 120);
        else if (u < (big ? 0.25 : 0.08)) {
          const day = rng.int(7, 60);
          removalDay = day;
          t.push({ type: 'interventional', intent: 'curative', startDay: day, endDay: day });
        } else conservative();
      } else if (type === 'inflammatory_pseudotumour') {
        if (rng.chance(0.75)) resect(7, 60);
        else {
          t.push({
            type: 'anti_inflammatory',
            intent: 'curative',
            startDay: rng.int(3, 21),
            endDay: rng.int(90, 200),
          });
        }
      } else if (type === 'abscess') {
        t.push({ type: 'other_medical', intent: 'curative', startDay: 0, endDay: rng.int(28, 56) });
        if (rng.chance(0.5)) resect(1, 21);
      } else if (rng.chance(0.15)) {
        resect(7, 90);
      } else if (type === 'non_neoplastic_other' && rng.chance(0.3)) {
        t.push({
          type: 'other_medical',
          intent: 'curative',
          startDay: rng.int(0, 14),
          endDay: rng.int(30, 120),
        });
      } else conservative();
      break;
    }
  }
  const palliativeOnly =
    malignant && !t.some((x) => ['surgical_resection', 'chemotherapy', 'radiotherapy'].includes(x.type));
  return {
    treatments: t.sort((a, b) => a.startDay - b.startDay),
    resectionDay,
    resection,
    removalDay,
    biopsy,
    anticoagulation,
    chemo,
    palliativeOnly,
  };
}
