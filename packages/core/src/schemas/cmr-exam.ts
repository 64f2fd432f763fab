import { z } from 'zod';
import { code, dicomUid, id, isoDate, num, opt } from './common.js';
import { defineForm } from './define-form.js';
import {
  ContrastAgent,
  ExamKind,
  FIELD_STRENGTHS,
  ImageQuality,
  Sequence,
  VISIT_MONTHS,
  Vendor,
} from '../vocab/index.js';

/** Field strength in tesla: 1.5 or 3. */
export const fieldStrength = z.union(
  FIELD_STRENGTHS.map((t) => z.literal(t)) as [z.ZodLiteral<1.5>, z.ZodLiteral<3>],
  {
    error: 'must be 1.5 or 3 (tesla)',
  }
);

/** A scheduled visit month: 1, 3, 6, 12, 24 or 36. */
export const visitMonth = z.union(
  VISIT_MONTHS.map((m) => z.literal(m)) as unknown as [
    z.ZodLiteral<1>,
    z.ZodLiteral<3>,
    ...z.ZodLiteral<6 | 12 | 24 | 36>[],
  ],
  { error: 'must be one of 1, 3, 6, 12, 24, 36 (months)' }
);

/**
 * A CMR exam: the baseline exam or a re-evaluation at a follow-up visit, with the SCMR reporting
 * elements (Hundley et al., JCMR 2022, doi:10.1186/s12968-021-00827-z): scanner, sequences, contrast,
 * ventricular volumes and function, image quality, and the DICOM study it came from.
 */
export const cmrExamForm = defineForm({
  name: 'cmr_exam',
  label: { en: 'CMR exam', zh: '心脏磁共振检查' },
  parent: { participantId: id },
  fields: {
    kind: code(ExamKind),
    /** For a follow-up re-evaluation: the scheduled visit it belongs to. */
    visitMonth: opt(visitMonth),
    examDate: isoDate,
    fieldStrengthT: opt(fieldStrength),
    vendor: opt(code(Vendor)),
    scannerModel: opt(z.string().trim().max(64)),
    sequences: z.array(code(Sequence)).max(20).default([]),
    contrastAgent: opt(code(ContrastAgent)),
    contrastDoseMmolPerKg: opt(num(0, 0.5, 'mmol/kg')),
    lvEdvMl: opt(num(1, 1000, 'ml')),
    lvEsvMl: opt(num(1, 1000, 'ml')),
    lvEfPercent: opt(num(1, 95, '%')),
    lvMassG: opt(num(10, 800, 'g')),
    rvEdvMl: opt(num(1, 1000, 'ml')),
    rvEsvMl: opt(num(1, 1000, 'ml')),
    rvEfPercent: opt(num(1, 95, '%')),
    imageQuality: opt(code(ImageQuality)),
    studyInstanceUid: opt(dicomUid),
    /** Haematocrit on the day of the exam (fraction), for ECV. */
    haematocrit: opt(num(0.05, 0.8)),
    /** Remote myocardium and blood-pool reference values, for relative lesion values and ECV. */
    myocardiumT1NativeMs: opt(num(100, 5000, 'ms')),
    myocardiumT2Ms: opt(num(5, 500, 'ms')),
    myocardiumEcv: opt(num(0, 1)),
    bloodT1NativeMs: opt(num(100, 5000, 'ms')),
    bloodT1PostMs: opt(num(20, 3000, 'ms')),
  },
  requiredWhenComplete: ['fieldStrengthT', 'vendor', 'imageQuality', 'contrastAgent'],
});
export type CmrExam = z.infer<typeof cmrExamForm.record>;
