import { z } from 'zod';
import { code, id, int, isoDate, opt } from './common.js';
import { defineForm } from './define-form.js';
import { MassCategory, MassType } from '../vocab/index.js';

/**
 * A reader's CMR diagnosis of one lesion (or of the exam, when the reader sees no mass). Several
 * readers may read the same lesion; the first blinded reading is the study's index test. Whether the
 * diagnosis is neoplastic, malignant, primary or secondary is derived from the category and type, never
 * typed in (see `derived/cohorts.ts`).
 */
export const readingForm = defineForm({
  name: 'reading',
  label: { en: "Reader's CMR diagnosis", zh: '阅片者CMR诊断' },
  parent: {
    examId: id,
    /** The lesion read; null when the reader's diagnosis is "no mass". */
    lesionId: id.nullable().optional(),
  },
  fields: {
    readDate: isoDate,
    category: code(MassCategory),
    specificType: opt(code(MassType)),
    /** 1 = guess, 5 = certain. */
    confidence: opt(int(1, 5)),
    /** True when the reader did not know the reference diagnosis, treatment or outcome. */
    blinded: z.boolean().default(true),
  },
  requiredWhenComplete: ['specificType', 'confidence'],
});

/** Fields the server sets on a reading. */
export const readingServerFields = {
  participantId: id,
  /** The user who read (the actor who created the reading). */
  readerId: z.string(),
};
export const readingRecord = readingForm.record.extend(readingServerFields);
export type Reading = z.infer<typeof readingRecord>;
