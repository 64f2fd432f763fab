import type {
  ContrastAgent,
  FieldStrength,
  ImageQuality,
  IsoDate,
  LesionLocation,
  MassCategory,
  Sequence,
  TissueLayer,
  VisitMonth,
} from '@cmr-mass/core';
import type { Person } from './generate-participant.js';
import type { Appearance, TypeProfile } from './profiles/index.js';
import { drawLesionQuant, drawReference, type LesionQuant, type ReferenceValues } from './quant.js';
import type { Rng, Weighted } from './rng.js';
import type { Scanner, SiteSpec } from './sites.js';
import type { CreateBody } from './types.js';

/** How an exam was acquired: scanner, contrast, mapping, quality. */
export interface ExamSetup {
  readonly scanner: Scanner;
  readonly contrast: ContrastAgent;
  readonly mapping: boolean;
  readonly quality: ImageQuality;
}

const year = (d: IsoDate): number => Number(d.slice(0, 4));

/**
 * Draws how an exam was done at a site on a date [U, README "Exams"]: 1.5 T in 35 % before 2014,
 * 15 % in 2014-2019 and 8 % after (the index test is 3 T); T1/T2 mapping in 10 % before 2012, 50 %
 * in 2012-2015 and 90 % after; contrast in 95 % (agents by region and era); image quality good 70 %,
 * adequate 23 %, poor 6 %, non-diagnostic 1 %.
 */
export function drawExamSetup(
  rng: Rng,
  site: SiteSpec,
  date: IsoDate,
  fieldStrength?: FieldStrength
): ExamSetup {
  const y = year(date);
  const field: FieldStrength =
    fieldStrength ?? (rng.chance(y < 2014 ? 0.35 : y < 2020 ? 0.15 : 0.08) ? 1.5 : 3);
  const mapping = rng.chance(y < 2012 ? 0.1 : y < 2016 ? 0.5 : 0.9);
  let contrast: ContrastAgent = 'none';
  if (rng.chance(0.95)) {
    const agents: Weighted<ContrastAgent> =
      site.region === 'china'
        ? y < 2015
          ? [
              ['gadopentetate', 0.5],
              ['gadobenate', 0.3],
              ['gadoterate', 0.2],
            ]
          : [
              ['gadobutrol', 0.4],
              ['gadoterate', 0.35],
              ['gadobenate', 0.2],
              ['gadopentetate', 0.05],
            ]
        : [
            ['gadobutrol', 0.6],
            ['gadoterate', 0.35],
            ['gadoteridol', 0.05],
          ];
    contrast = rng.pick(agents);
  }
  const quality = rng.pick<ImageQuality>([
    ['good', 0.7],
    ['adequate', 0.23],
    ['poor', 0.06],
    ['non_diagnostic', 0.01],
  ]);
  return { scanner: site.scanners[field], contrast, mapping, quality };
}

/** The sequences of an exam (the SCMR mass protocol, clinical.md §3; Kramer et al. JCMR 2020). */
export function sequencesOf(setup: ExamSetup): Sequence[] {
  const seq: Sequence[] = ['cine', 't1w', 't2w', 'fat_suppression'];
  const contrast = setup.contrast !== 'none';
  if (contrast) seq.push('fpp', 'lge', 'ti_scout');
  if (setup.mapping) seq.push('native_t1_map', 't2_map');
  if (setup.mapping && contrast) seq.push('post_contrast_t1_map', 'ecv');
  return seq;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * A CMR exam's create body with ventricular volumes [U: LV EDV index 80 ± 12 ml/m² in men, 72 ± 10
 * in women (larger with low LVEF), RV 85 / 75 ml/m², LV mass 60 / 50 g/m²; BSA by Mosteller] and the
 * remote-myocardium and blood-pool reference values of {@link drawReference}. ESV is computed from
 * EDV and LVEF so that the volumes and the EF agree.
 */
export function examBody(
  rng: Rng,
  setup: ExamSetup,
  participantId: string,
  kind: 'baseline' | 'follow_up',
  visitMonth: VisitMonth | null,
  examDate: IsoDate,
  person: Person,
  lvef: number,
  category: MassCategory
): { body: CreateBody<'cmr_exam'>; reference: ReferenceValues } {
  const contrast = setup.contrast !== 'none';
  const reference = drawReference(
    rng,
    setup.scanner.fieldStrengthT,
    setup.scanner.vendor,
    setup.scanner.t1Sequence,
    category,
    contrast && setup.mapping
  );
  const bsa = Math.sqrt((person.heightCm * person.weightKg) / 3600);
  const male = person.sex === 'male';
  const dilated = lvef < 45 ? 1 + (45 - lvef) / 40 : 1;
  const lvEdv = Math.max(8, round1(bsa * rng.truncNormal(male ? 80 : 72, 11, 50, 120) * dilated));
  const lvEsv = Math.max(2, round1((lvEdv * (100 - lvef)) / 100));
  const rvef = Math.round(rng.truncNormal(lvef < 45 ? 50 : 58, 6, 25, 75));
  const rvEdv = Math.max(8, round1(bsa * rng.truncNormal(male ? 85 : 75, 12, 50, 130)));
  const rvEsv = Math.max(2, round1((rvEdv * (100 - rvef)) / 100));
  const body: CreateBody<'cmr_exam'> = {
    participantId,
    kind,
    visitMonth: kind === 'baseline' ? null : visitMonth,
    examDate,
    fieldStrengthT: setup.scanner.fieldStrengthT,
    vendor: setup.scanner.vendor,
    scannerModel: setup.scanner.model,
    sequences: sequencesOf(setup),
    contrastAgent: setup.contrast,
    contrastDoseMmolPerKg: contrast
      ? rng.pick([
          [0.1, 0.4],
          [0.15, 0.4],
          [0.2, 0.2],
        ] as const)
      : null,
    lvEdvMl: lvEdv,
    lvEsvMl: lvEsv,
    lvEfPercent: round1((100 * (lvEdv - lvEsv)) / lvEdv),
    lvMassG: Math.max(12, round1(bsa * rng.truncNormal(male ? 60 : 50, 9, 30, 110))),
    rvEdvMl: rvEdv,
    rvEsvMl: rvEsv,
    rvEfPercent: round1((100 * (rvEdv - rvEsv)) / rvEdv),
    imageQuality: setup.quality,
    haematocrit: person.haematocrit,
    myocardiumT1NativeMs: setup.mapping ? reference.myocardiumT1NativeMs : null,
    myocardiumT2Ms: setup.mapping ? reference.myocardiumT2Ms : null,
    myocardiumEcv: reference.myocardiumEcv,
    bloodT1NativeMs: setup.mapping ? reference.bloodT1NativeMs : null,
    bloodT1PostMs: setup.mapping ? reference.bloodT1PostMs : null,
    formStatus: 'complete',
  };
  return { body, reference };
}

/** The lesion's coded features and sizes (a lesion finding without parent keys and quantities). */
export type LesionFeatures = Omit<
  CreateBody<'lesion_finding'>,
  | 'examId'
  | 'lesionId'
  | 't1NativeMs'
  | 't1NativeSequence'
  | 't1NativeSource'
  | 't1NativeProvenance'
  | 't2Ms'
  | 't2Sequence'
  | 't2Source'
  | 't2Provenance'
  | 'ecv'
  | 'ecvSource'
  | 'ecvProvenance'
  | 'formStatus'
>;

const VALVES: readonly LesionLocation[] = [
  'mitral_valve',
  'aortic_valve',
  'tricuspid_valve',
  'pulmonary_valve',
];
const VESSELS: readonly LesionLocation[] = ['aorta', 'pulmonary_artery', 'vena_cava', 'pulmonary_vein'];

function layerOf(rng: Rng, location: LesionLocation, a: Appearance): TissueLayer {
  if (VALVES.includes(location)) return 'valvular';
  if (VESSELS.includes(location)) return 'intravascular';
  if (location === 'pericardium') return 'pericardial';
  if (location === 'av_groove') return 'epicardial';
  return rng.pick(a.layer);
}

const yesNo = (rng: Rng, p: number): 'yes' | 'no' => (rng.chance(p) ? 'yes' : 'no');

/**
 * Draws a lesion's features from an appearance (clinical.md §3), keeping them coherent: intramural
 * lesions are not pedunculated and do not move; infiltrative margins mean infiltration and vice
 * versa; without contrast, FPP, LGE and long-TI nulling are "not assessed"; small lesions (< 8 mm)
 * often cannot be assessed for FPP.
 */
export function drawLesionFeatures(rng: Rng, a: Appearance, setup: ExamSetup): LesionFeatures {
  const location = rng.pick(a.location);
  const tissueLayer = layerOf(rng, location, a);
  const intramural = tissueLayer === 'intramural';
  const long = Math.round(Math.min(180, Math.max(3, rng.logNormal(a.sizeMm[0], a.sizeMm[1]))));
  const short = Math.max(1, Math.round(long * rng.uniform(0.45, 0.95)));
  const third = Math.max(1, Math.round(short * rng.uniform(0.5, 1)));
  let margins = rng.pick(a.margins);
  let infiltration = rng.chance(a.infiltration);
  if (margins === 'infiltrative') infiltration = true;
  if (infiltration && margins === 'well_defined') margins = 'ill_defined';
  const contrast = setup.contrast !== 'none';
  const smallForFpp = long < 8 && rng.chance(0.5);
  return {
    location,
    tissueLayer,
    attachment: intramural ? 'not_applicable' : rng.pick(a.attachment),
    sizeLongMm: long,
    sizeShortMm: short,
    sizeThirdMm: third,
    shape: rng.pick(a.shape),
    margins,
    mobility: intramural ? 'immobile' : rng.pick(a.mobility),
    infiltration,
    pericardialEffusion: rng.pick(a.effusion),
    t1wSignal: rng.pick(a.t1w),
    t2wSignal: rng.pick(a.t2w),
    fatSuppressionSignalLoss: yesNo(rng, a.fatLoss),
    homogeneity: rng.chance(a.heterogeneous) ? 'heterogeneous' : 'homogeneous',
    firstPassPerfusion: contrast && !smallForFpp ? rng.pick(a.fpp) : 'not_assessed',
    lgePattern: contrast ? rng.pick(a.lge) : 'not_assessed',
    nullingLongTi: contrast ? yesNo(rng, a.nulling) : 'not_assessed',
    calcification: rng.chance(a.calcification),
    coronaryEncasement: rng.chance(a.coronaryEncasement),
  };
}

/**
 * A lesion finding's create body: features plus typed-in T1/T2/ECV with their sequence and source,
 * measured when the exam had maps and the lesion is at least 8 mm (an ROI fits) [U]; ECV needs
 * contrast, post-contrast maps and a haematocrit, and is not measured in fat or fluid.
 */
export function lesionBody(
  examId: string,
  lesionId: string | undefined,
  features: LesionFeatures,
  quant: LesionQuant,
  setup: ExamSetup
): CreateBody<'lesion_finding'> {
  return {
    examId,
    ...(lesionId !== undefined ? { lesionId } : {}),
    ...features,
    t1NativeMs: quant.t1,
    t1NativeSequence: quant.t1 === null ? null : setup.scanner.t1Sequence,
    t1NativeSource: quant.t1 === null ? null : 'typed',
    t2Ms: quant.t2,
    t2Sequence: quant.t2 === null ? null : setup.scanner.t2Sequence,
    t2Source: quant.t2 === null ? null : 'typed',
    ecv: quant.ecv,
    ecvSource: quant.ecv === null ? null : 'typed',
    formStatus: 'complete',
  };
}

/** Draws the lesion's quantities for an exam (see {@link lesionBody} for when they are measured). */
export function drawQuantFor(
  rng: Rng,
  profile: TypeProfile,
  reference: ReferenceValues,
  setup: ExamSetup,
  sizeLongMm: number
): LesionQuant {
  const contrast = setup.contrast !== 'none';
  return drawLesionQuant(
    rng,
    profile.quantitative,
    reference,
    setup.scanner.fieldStrengthT,
    setup.scanner.vendor,
    setup.scanner.t1Sequence,
    { t1t2: setup.mapping && sizeLongMm >= 8, ecv: setup.mapping && contrast }
  );
}
