import { z } from 'zod';
import { code, id, isoDateTime, num, opt } from './common.js';
import { defineForm } from './define-form.js';
import {
  Attachment,
  EffusionGrade,
  Homogeneity,
  LesionLocation,
  LgePattern,
  MappingSequence,
  Margins,
  Mobility,
  PerfusionGrade,
  QuantSource,
  RelativeSignal,
  Shape,
  TissueLayer,
  TriState,
} from '../vocab/index.js';

/**
 * Where a computed T1, T2 or ECV value came from: the map (and the model that made it), the ROI and
 * the quality of the fit, so that a value can be traced back to pixels.
 */
export const quantProvenance = z.strictObject({
  mapId: z.string().min(1).max(128),
  seriesInstanceUid: z.string().max(64).optional(),
  /** The model and algorithm, as the map's sidecar names it (e.g. `molli-3p-look-locker`). */
  model: z.string().min(1).max(64),
  roi: z.strictObject({
    kind: z.enum(['polygon', 'ellipse', 'labels']),
    label: z.number().int().min(0).max(255).optional(),
    nPixels: z.number().int().min(1),
    areaMm2: z.number().min(0),
    sd: z.number().min(0),
    median: z.number(),
  }),
  meanR2: z.number().min(0).max(1).optional(),
  computedAt: isoDateTime,
  software: z.string().max(64),
});
export type QuantProvenance = z.infer<typeof quantProvenance>;

/**
 * A lesion as seen on one CMR exam. The lesion itself (`lesionId`) keeps its identity across exams, so
 * that growth, resolution under treatment and recurrence can be followed. Every feature of the mass
 * scores and signal tables (clinical.md §2-3) is a coded field, so any score can be recomputed.
 */
export const lesionFindingForm = defineForm({
  name: 'lesion_finding',
  label: { en: 'Lesion findings', zh: '病灶表现' },
  parent: {
    examId: id,
    /** The lesion this finding belongs to; omitted on creation for a newly seen lesion. */
    lesionId: id.optional(),
  },
  fields: {
    location: opt(code(LesionLocation)),
    tissueLayer: opt(code(TissueLayer)),
    attachment: opt(code(Attachment)),
    /** The three orthogonal diameters, largest first. */
    sizeLongMm: opt(num(1, 250, 'mm')),
    sizeShortMm: opt(num(1, 250, 'mm')),
    sizeThirdMm: opt(num(1, 250, 'mm')),
    shape: opt(code(Shape)),
    margins: opt(code(Margins)),
    mobility: opt(code(Mobility)),
    /** Invasion of the myocardium, pericardium or beyond. */
    infiltration: opt(z.boolean()),
    pericardialEffusion: opt(code(EffusionGrade)),
    t1wSignal: opt(code(RelativeSignal)),
    t2wSignal: opt(code(RelativeSignal)),
    /** Signal loss on fat-suppressed images (fat: lipoma, lipomatous hypertrophy). */
    fatSuppressionSignalLoss: opt(code(TriState)),
    homogeneity: opt(code(Homogeneity)),
    firstPassPerfusion: opt(code(PerfusionGrade)),
    lgePattern: opt(code(LgePattern)),
    /** Dark (nulled) at a long inversion time: avascular tissue such as thrombus (Pazos-López 2014). */
    nullingLongTi: opt(code(TriState)),
    calcification: opt(z.boolean()),
    /** Encases a coronary artery without occluding it (lymphoma). */
    coronaryEncasement: opt(z.boolean()),
    t1NativeMs: opt(num(100, 5000, 'ms')),
    t1NativeSequence: opt(code(MappingSequence)),
    t1NativeSource: opt(code(QuantSource)),
    t1NativeProvenance: opt(quantProvenance),
    t2Ms: opt(num(5, 1500, 'ms')),
    t2Sequence: opt(code(MappingSequence)),
    t2Source: opt(code(QuantSource)),
    t2Provenance: opt(quantProvenance),
    /** Extracellular volume fraction (0-1). */
    ecv: opt(num(0, 1)),
    ecvSource: opt(code(QuantSource)),
    ecvProvenance: opt(quantProvenance),
  },
  requiredWhenComplete: [
    'location',
    'attachment',
    'sizeLongMm',
    'shape',
    'mobility',
    'infiltration',
    'pericardialEffusion',
    'homogeneity',
    'firstPassPerfusion',
    'lgePattern',
  ],
});

/** Fields the server sets on a lesion finding. */
export const lesionFindingServerFields = {
  lesionId: id,
  /** The lesion's label within the participant: L1, L2... */
  lesionLabel: z.string(),
  participantId: id,
};
export const lesionFindingRecord = lesionFindingForm.record.extend(lesionFindingServerFields);
export type LesionFinding = z.infer<typeof lesionFindingRecord>;
