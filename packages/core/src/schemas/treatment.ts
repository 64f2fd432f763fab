import type { z } from 'zod';
import { code, id, isoDate, opt } from './common.js';
import { defineForm } from './define-form.js';
import { Anticoagulant, ResectionCompleteness, TreatmentIntent, TreatmentType } from '../vocab/index.js';

/** A treatment given for the mass (clinical.md §7). A participant may have several. */
export const treatmentForm = defineForm({
  name: 'treatment',
  label: { en: 'Treatment', zh: '治疗' },
  parent: { participantId: id, lesionId: id.nullable().optional() },
  fields: {
    type: code(TreatmentType),
    intent: opt(code(TreatmentIntent)),
    startDate: isoDate,
    /** Null while ongoing. */
    endDate: opt(isoDate),
    /** Surgical resection only. */
    resectionCompleteness: opt(code(ResectionCompleteness)),
    /** Anticoagulation only. */
    anticoagulant: opt(code(Anticoagulant)),
  },
  requiredWhenComplete: ['intent'],
});
export type Treatment = z.infer<typeof treatmentForm.record>;
