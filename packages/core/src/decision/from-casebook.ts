import type { Casebook } from '../derived/casebook.js';
import { baselineExam } from '../derived/casebook.js';
import { badRequest } from '../errors.js';
import type { LesionFinding } from '../schemas/lesion-finding.js';
import { decisionInputFromRecords } from './from-records.js';
import type { DecisionInput } from './input.js';

/**
 * Builds the decision input of one lesion from a participant's casebook: the finding, the exam it was
 * seen on (for an exam without a lesion, `finding: null`, the baseline exam), the participant, and the
 * number of lesions on that exam.
 *
 * @param cb - the participant's casebook
 * @param finding - one of its lesion findings, or null for "no mass" on the baseline exam
 * @throws DomainError `bad_request` on `examId` when the exam is not in the casebook
 */
export function decisionInputFromCasebook(cb: Casebook, finding: LesionFinding | null): DecisionInput {
  const exam = finding === null ? baselineExam(cb) : (cb.exams.find((e) => e.id === finding.examId) ?? null);
  if (exam === null) {
    throw badRequest(
      finding === null
        ? 'the casebook has no baseline CMR exam'
        : `exam ${finding.examId} is not in the casebook`,
      'examId'
    );
  }
  return decisionInputFromRecords({
    finding,
    exam,
    participant: cb.participant,
    lesionsOnExam: cb.findings.filter((f) => f.examId === exam.id).length,
  });
}
