import {
  checkCasebook,
  checkRecord,
  DomainError,
  invalidState,
  missingForComplete,
  newErrors,
  violationKey,
  type FieldStrength,
  type FormName,
  type RuleViolation,
} from '@cmr-mass/core';
import { DATED_FORMS, loadCasebookFacts, withRecord, type CasebookFacts } from './casebook-dates.js';
import type { ParticipantState } from './participant-state.js';
import { dateIn } from './scope.js';
import type { Tx } from './unit-of-work.js';

type Rec = Readonly<Record<string, unknown>>;

/** Refuses the write with every error, naming the first field (HTTP 422). */
export function refuse(errors: readonly RuleViolation[]): never {
  const first = errors[0]!;
  throw new DomainError({
    code: 'implausible',
    message: first.message,
    field: first.field,
    issues: errors.map((e) => ({ field: e.field, message: e.message })),
  });
}

/** What a write's checks need besides the record. */
export interface CheckInput {
  readonly form: FormName;
  readonly id: string;
  /** The record as stored before the write (null for a create). */
  readonly before: Rec | null;
  /** The record as it will be stored. */
  readonly after: Rec;
  readonly participant: ParticipantState;
  /** The field strength of the exam the record belongs to (lesion findings). */
  readonly fieldStrengthT?: FieldStrength | null;
}

/** The result of the checks: warnings to return, and the casebook after the write (when loaded). */
export interface CheckResult {
  readonly warnings: readonly RuleViolation[];
  readonly casebook: CasebookFacts | null;
}

/**
 * The checks every write runs, in order: the form status (a form saved as complete must have its
 * required fields; only a monitor verifies), the single-record plausibility rules of `core`, and for
 * dated forms the cross-record date order over the participant's casebook, where only errors the write
 * introduces refuse it. Throws a DomainError on the first failing step.
 */
export async function checkWrite(tx: Tx, input: CheckInput): Promise<CheckResult> {
  const { form, after, participant } = input;
  const status = after.formStatus;
  if (status === 'verified' && input.before?.formStatus !== 'verified') {
    throw invalidState('only a monitor verifies a form; save it as complete', 'formStatus');
  }
  if (status === 'complete' || status === 'verified') {
    const missing = missingForComplete(form, after);
    if (missing.length > 0) {
      refuse(
        missing.map((f) => ({
          rule: 'required_when_complete',
          severity: 'error',
          field: f,
          message: `${f} is required to save the form as ${status}`,
        }))
      );
    }
  }
  const ctx = {
    today: dateIn(tx.ctx.now(), participant.timeZone),
    fieldStrengthT:
      form === 'cmr_exam'
        ? ((after.fieldStrengthT as FieldStrength | null) ?? null)
        : (input.fieldStrengthT ?? null),
    birthYear: participant.birthYear,
  };
  const own = checkRecord(form, after, ctx);
  const ownErrors = own.filter((v) => v.severity === 'error');
  if (ownErrors.length > 0) refuse(ownErrors);
  const warnings = own.filter((v) => v.severity === 'warning');
  if (!DATED_FORMS.has(form)) return { warnings, casebook: null };

  const before = await loadCasebookFacts(tx, participant);
  const next = withRecord(before, form, input.id, after);
  const beforeViolations = checkCasebook(before);
  const afterViolations = checkCasebook(next);
  const introduced = newErrors(beforeViolations, afterViolations);
  if (introduced.length > 0) refuse(introduced);
  const known = new Set(beforeViolations.map(violationKey));
  const newWarnings = afterViolations.filter((v) => v.severity === 'warning' && !known.has(violationKey(v)));
  return { warnings: [...warnings, ...newWarnings], casebook: next };
}
