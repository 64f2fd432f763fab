import {
  checkRecord,
  forms,
  missingForComplete,
  type FormName,
  type RecordContext,
  type RuleViolation,
} from '@cmr-mass/core';
import type { z } from 'zod';

/** A problem with one field, in the server's words. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
  /** `missing` marks a field empty but required for a complete form (the UI words it itself). */
  readonly kind: 'schema' | 'rule' | 'missing';
}

/** The outcome of validating a form on the client, as the server would. */
export interface ClientValidation {
  /** Problems that stop the save (by field, first one per field). */
  readonly errors: readonly FieldProblem[];
  /** Soft checks: stored, but shown for the user to check. */
  readonly warnings: readonly RuleViolation[];
}

function schemaProblems(result: z.ZodSafeParseResult<unknown>): FieldProblem[] {
  if (result.success) return [];
  return result.error.issues.map((i) => ({
    field: i.path.length > 0 ? String(i.path[0]) : '_form',
    message: i.message,
    kind: 'schema' as const,
  }));
}

const firstPerField = (ps: readonly FieldProblem[]): FieldProblem[] => {
  const seen = new Set<string>();
  return ps.filter((p) => (seen.has(p.field) ? false : (seen.add(p.field), true)));
};

/** What validating a create needs. */
export interface CreateCheck {
  readonly form: FormName;
  /** Parent keys (participantId, examId...). */
  readonly parent: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly complete: boolean;
  readonly ctx: RecordContext;
}

/**
 * Validates a new record with core's `create` schema, `missingForComplete` and `checkRecord`: the
 * same checks, and so the same messages, as the server.
 */
export function validateCreate(c: CreateCheck): ClientValidation {
  const body = { ...c.parent, ...c.payload, formStatus: c.complete ? 'complete' : 'incomplete' };
  const parsed = forms[c.form].create.safeParse(body);
  return finish(c.form, schemaProblems(parsed), { ...c.payload }, c.complete, c.ctx);
}

/** What validating an update needs. */
export interface UpdateCheck {
  readonly form: FormName;
  readonly record: Readonly<Record<string, unknown>>;
  readonly changes: Readonly<Record<string, unknown>>;
  readonly complete: boolean;
  readonly ctx: RecordContext;
}

/** Validates the changes of an update with core's `update` schema and the record rules. */
export function validateUpdate(c: UpdateCheck): ClientValidation {
  const version = typeof c.record.version === 'number' ? c.record.version : 1;
  const body = { ...c.changes, version, formStatus: c.complete ? 'complete' : 'incomplete' };
  const parsed = forms[c.form].update.safeParse(body);
  return finish(c.form, schemaProblems(parsed), { ...c.record, ...c.changes }, c.complete, c.ctx);
}

function finish(
  form: FormName,
  schema: FieldProblem[],
  merged: Record<string, unknown>,
  complete: boolean,
  ctx: RecordContext
): ClientValidation {
  const problems = [...schema];
  if (complete) {
    for (const f of missingForComplete(form, merged)) {
      problems.push({ field: f, message: 'required to save as complete', kind: 'missing' });
    }
  }
  const violations = schema.length === 0 ? checkRecord(form, merged, ctx) : [];
  for (const v of violations) {
    if (v.severity === 'error') problems.push({ field: v.field, message: v.message, kind: 'rule' });
  }
  return {
    errors: firstPerField(problems),
    warnings: violations.filter((v) => v.severity === 'warning'),
  };
}
