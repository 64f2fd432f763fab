import type { z } from 'zod';
import { code, id, isoDate, opt } from './common.js';
import { defineForm } from './define-form.js';
import { MassCategory, MassType, ReferenceMethod, Specimen } from '../vocab/index.js';

/**
 * The reference standard (clinical.md; STARD items 10b-11): histopathology, or where none is possible
 * the diagnosis after long-term follow-up; for a thrombus, resolution under anticoagulation. A
 * participant whose mass stays undetermined is excluded rather than given a reference diagnosis.
 */
export const referenceDiagnosisForm = defineForm({
  name: 'reference_diagnosis',
  label: { en: 'Reference diagnosis', zh: '参考诊断' },
  parent: {
    participantId: id,
    /** The lesion diagnosed (the index lesion when omitted). */
    lesionId: id.nullable().optional(),
  },
  fields: {
    method: code(ReferenceMethod),
    diagnosisDate: isoDate,
    category: code(MassCategory),
    specificType: opt(code(MassType)),
    /** For histopathology: what the pathologist examined. */
    specimen: opt(code(Specimen)),
  },
  requiredWhenComplete: ['specificType'],
});
export type ReferenceDiagnosis = z.infer<typeof referenceDiagnosisForm.record>;
