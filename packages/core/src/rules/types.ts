import type { FormName } from '../schemas/define-form.js';

/** A place in the casebook: one field of one record. */
export interface FieldRef {
  readonly form: FormName;
  /** The record's id; absent for a record not yet created. */
  readonly id?: string;
  readonly field: string;
}

/**
 * A broken plausibility rule. `error` refuses the write (HTTP 422, naming `field`); `warning` is
 * stored and shown, as REDCap's soft checks (data quality rule E).
 */
export interface RuleViolation {
  /** A stable name for the rule, e.g. `visit_after_baseline`. */
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  /** The field at fault in the record being checked (for record rules), or the first of `involves`. */
  readonly field: string;
  /** A message for people that names the field and the bound, e.g. "must be at most 3000 ms at 3 T". */
  readonly message: string;
  /** For casebook rules: every field involved (a visit date and the baseline CMR date, say). */
  readonly involves?: readonly FieldRef[];
}
