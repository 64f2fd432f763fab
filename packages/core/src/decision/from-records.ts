import type { CmrExam } from '../schemas/cmr-exam.js';
import type { LesionFinding } from '../schemas/lesion-finding.js';
import type { Participant } from '../schemas/participant.js';
import type { Sequence } from '../vocab/cmr.js';
import {
  emptyLesion,
  LESION_FEATURE_KEYS,
  type Acquisition,
  type DecisionInput,
  type LesionFeatures,
} from './input.js';

/** The fields of a lesion finding the builder reads (a stored record, or a create body, will do). */
export type LesionFindingLike = { readonly [K in keyof LesionFeatures]?: LesionFinding[K] };

/** The fields of a CMR exam the builder reads. */
export type CmrExamLike = Pick<CmrExam, 'examDate'> &
  Partial<Pick<CmrExam, 'fieldStrengthT' | 'sequences' | 'contrastAgent' | 'lvEfPercent'>>;

/** The fields of a participant the builder reads. */
export type ParticipantLike = Partial<
  Pick<
    Participant,
    | 'sex'
    | 'birthYear'
    | 'symptoms'
    | 'knownExtracardiacCancer'
    | 'cancerSite'
    | 'atrialFibrillation'
    | 'priorMyocardialInfarction'
  >
>;

/**
 * Age in whole years at an exam, from the year of birth (the study keeps only the year): the exam's
 * calendar year minus the birth year, so it may be one year more than the exact age.
 *
 * @param birthYear - the participant's year of birth, or null
 * @param examDate - the exam date, `YYYY-MM-DD`
 * @returns the age, or null when the birth year is not recorded
 * @example
 * ageAtExam(1970, '2025-03-01') // returns 55
 */
export function ageAtExam(birthYear: number | null | undefined, examDate: string): number | null {
  if (birthYear == null) return null;
  const year = Number(examDate.slice(0, 4));
  if (!Number.isInteger(year)) {
    throw new RangeError(`ageAtExam: examDate must be YYYY-MM-DD (got ${examDate})`);
  }
  return year - birthYear;
}

/**
 * Which of the sequences the rules need an exam acquired. An empty sequence list means "not
 * recorded" (the form defaults to `[]`), so every entry is `null` then; a contrast agent of `none`
 * means no perfusion, enhancement or long-TI images were possible.
 *
 * @param exam - the exam's sequence list and contrast agent
 */
export function acquisitionOf(exam: Pick<CmrExamLike, 'sequences' | 'contrastAgent'>): Acquisition {
  const seqs: readonly Sequence[] = exam.sequences ?? [];
  const noContrast = exam.contrastAgent === 'none';
  const listed = seqs.length > 0;
  const has = (...s: Sequence[]): boolean | null => (listed ? s.some((x) => seqs.includes(x)) : null);
  return {
    fpp: noContrast ? false : has('fpp'),
    lge: noContrast ? false : has('lge'),
    longTi: noContrast ? false : has('lge', 'ti_scout'),
    fatSuppression: has('fat_suppression'),
  };
}

/**
 * Builds the input of the decision rules from the study's records: one lesion finding (or `null`
 * when the exam showed no mass), the exam it was seen on, and the participant.
 *
 * @param records - `finding`: the lesion finding or null; `exam`: its CMR exam; `participant`; and
 *   optionally `lesionsOnExam`, the number of lesion findings of the exam
 * @returns a complete {@link DecisionInput}; anything not recorded is `null`
 */
export function decisionInputFromRecords(records: {
  readonly finding: LesionFindingLike | null;
  readonly exam: CmrExamLike;
  readonly participant: ParticipantLike;
  readonly lesionsOnExam?: number | null;
}): DecisionInput {
  const { finding, exam, participant: p } = records;
  let lesion: LesionFeatures | null = null;
  if (finding !== null) {
    const l: Record<string, unknown> = { ...emptyLesion() };
    for (const k of LESION_FEATURE_KEYS) l[k] = finding[k] ?? null;
    lesion = l as LesionFeatures;
  }
  const symptoms = p.symptoms ?? [];
  return {
    lesion,
    context: {
      fieldStrengthT: exam.fieldStrengthT ?? null,
      ageYears: ageAtExam(p.birthYear, exam.examDate),
      sex: p.sex ?? null,
      knownExtracardiacCancer: p.knownExtracardiacCancer ?? null,
      cancerSite: p.cancerSite ?? null,
      atrialFibrillation: p.atrialFibrillation ?? null,
      priorMyocardialInfarction: p.priorMyocardialInfarction ?? null,
      lvEfPercent: exam.lvEfPercent ?? null,
      symptoms: symptoms.length > 0 ? symptoms : null,
      lesionsOnExam: records.lesionsOnExam ?? (finding === null ? 0 : null),
      acquired: acquisitionOf(exam),
    },
  };
}
