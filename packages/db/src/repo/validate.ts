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
  /** True for a monitor's verification (the one way a form becomes `verified`). */
  readonly verifying?: boolean;
}

/** The result of the checks: warnings to return, and the casebook after the write (when checked). */
export interface CheckResult {
  readonly warnings: readonly RuleViolation[];
  readonly casebook: CasebookFacts | null;
  /** `checkCasebook` of {@link casebook} as it was checked (null when the form is not dated). */
  readonly violations: readonly RuleViolation[] | null;
}

/** The participant's casebook before a dated write, and (when already known) its violations. */
export interface CasebookBefore {
  readonly facts: CasebookFacts;
  /** `checkCasebook(facts)`, when the caller has it already (a bulk write keeps it between records). */
  readonly violations?: readonly RuleViolation[];
}

/**
 * The checks every write runs, in order, on a casebook the caller has already read: the form status
 * (a form saved as complete must have its required fields; only a monitor verifies), the single-record
 * plausibility rules of `core`, and for dated forms the cross-record date order over the participant's
 * casebook, where only errors the write introduces refuse it. Throws a DomainError on the first
 * failing step. Pure: {@link checkWrite} reads the casebook from the database, the bulk writer keeps
 * it in memory between writes.
 *
 * @param now - the time of the write ("today" at the participant's site is derived from it)
 * @param before - the casebook before the write; required for the forms in {@link DATED_FORMS}
 */
export function checkWriteWith(input: CheckInput, now: Date, before: CasebookBefore | null): CheckResult {
  const { form, after, participant } = input;
  const status = after.formStatus;
  if (status === 'verified' && input.before?.formStatus !== 'verified' && !input.verifying) {
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
    today: dateIn(now, participant.timeZone),
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
  if (!DATED_FORMS.has(form)) return { warnings, casebook: null, violations: null };
  if (!before) throw new Error(`checkWriteWith(${form}): a dated form needs the casebook before the write`);

  const next = withRecord(before.facts, form, input.id, after);
  const beforeViolations = before.violations ?? checkCasebook(before.facts);
  const afterViolations = checkCasebook(next);
  const introduced = newErrors(beforeViolations, afterViolations);
  if (introduced.length > 0) refuse(introduced);
  const known = new Set(beforeViolations.map(violationKey));
  const newWarnings = afterViolations.filter((v) => v.severity === 'warning' && !known.has(violationKey(v)));
  return { warnings: [...warnings, ...newWarnings], casebook: next, violations: afterViolations };
}

/**
 * {@link checkWriteWith} inside a write: for dated forms it reads the participant's casebook first
 * (one query).
 */
export async function checkWrite(tx: Tx, input: CheckInput): Promise<CheckResult> {
  const facts = DATED_FORMS.has(input.form) ? await loadCasebookFacts(tx, input.participant) : null;
  return checkWriteWith(input, tx.ctx.now(), facts && { facts });
}
