import type { FormName, RecordContext } from '@cmr-mass/core';
import { useState } from 'react';
import { ConflictError, ReasonRequiredError, ValidationError, type ApiError } from '../api/errors.js';
import type { AnyRecord, WriteResult } from '../api/types.js';
import { useApp } from '../app/context.js';
import { compareVersions, rebase, type ConflictRow } from './conflict.js';
import type { FieldModel } from './field-model.js';
import { changedPayload, createPayload, type FormValues } from './payload.js';
import { validateCreate, validateUpdate, type ClientValidation, type FieldProblem } from './validate.js';

/** What a save attempt needs. */
export interface SaveTarget {
  readonly form: FormName;
  readonly fields: readonly FieldModel[];
  /** The record being edited; absent for a new one. */
  readonly record?: AnyRecord | null;
  /** Parent keys of a new record. */
  readonly parent?: Readonly<Record<string, unknown>>;
  readonly ctx: RecordContext;
}

/** A conflict waiting for the user's choice. */
export interface PendingConflict {
  readonly rows: readonly ConflictRow[];
  readonly current: AnyRecord;
  readonly mine: Readonly<Record<string, unknown>>;
  readonly complete: boolean;
  readonly myVersion: number;
}

/** The outcome of one attempt. */
export type SaveOutcome =
  | { readonly kind: 'saved'; readonly result: WriteResult<AnyRecord> }
  | { readonly kind: 'invalid'; readonly validation: ClientValidation }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'needs_reason' }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'failed'; readonly error: ApiError | Error; readonly problems: readonly FieldProblem[] };

/**
 * Saving a form as the server expects: client-side validation with core first; a reason when the
 * record was complete; on 409 the current version kept for comparison; server field errors returned
 * for the inputs.
 */
export function useRecordSave(target: SaveTarget): {
  readonly save: (values: FormValues, complete: boolean, reason?: string) => Promise<SaveOutcome>;
  readonly conflict: PendingConflict | null;
  readonly resolveConflict: (keepMine: boolean, reason?: string) => Promise<SaveOutcome | null>;
  readonly clearConflict: () => void;
  readonly saving: boolean;
} {
  const { api } = useApp();
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  const [saving, setSaving] = useState(false);
  const { form, fields, record, parent, ctx } = target;

  const send = async (
    base: AnyRecord | null,
    changes: Readonly<Record<string, unknown>>,
    complete: boolean,
    reason?: string
  ): Promise<SaveOutcome> => {
    setSaving(true);
    try {
      const status = complete ? 'complete' : 'incomplete';
      const result = base
        ? await api.update(form, base.id, {
            ...changes,
            version: base.version,
            ...(base.formStatus === 'verified' && complete ? {} : { formStatus: status }),
            ...(reason ? { reason } : {}),
          })
        : await api.create(form, { ...parent, ...changes, formStatus: status });
      return { kind: 'saved', result: result };
    } catch (e) {
      if (e instanceof ReasonRequiredError) return { kind: 'needs_reason' };
      if (e instanceof ConflictError && base) {
        const current = (e.current ?? base) as AnyRecord;
        setConflict({
          rows: compareVersions(base, changes, current),
          current,
          mine: changes,
          complete,
          myVersion: base.version,
        });
        return { kind: 'conflict' };
      }
      const problems: FieldProblem[] = [];
      if (e instanceof ValidationError) {
        if (e.field) problems.push({ field: e.field, message: e.message, kind: 'rule' });
        for (const i of e.issues) problems.push({ field: i.field, message: i.message, kind: 'rule' });
      }
      return { kind: 'failed', error: e as Error, problems };
    } finally {
      setSaving(false);
    }
  };

  const save = async (values: FormValues, complete: boolean, reason?: string): Promise<SaveOutcome> => {
    if (record) {
      const changes = changedPayload(fields, values, record);
      const statusChanges = (record.formStatus === 'incomplete') === complete;
      if (Object.keys(changes).length === 0 && !statusChanges) return { kind: 'unchanged' };
      const validation = validateUpdate({ form, record, changes, complete, ctx });
      if (validation.errors.length > 0) return { kind: 'invalid', validation };
      if (record.formStatus !== 'incomplete' && !reason) return { kind: 'needs_reason' };
      return send(record, changes, complete, reason);
    }
    const payload = createPayload(fields, values);
    const validation = validateCreate({ form, parent: parent ?? {}, payload, complete, ctx });
    if (validation.errors.length > 0) return { kind: 'invalid', validation };
    return send(null, payload, complete);
  };

  const resolveConflict = async (keepMine: boolean, reason?: string): Promise<SaveOutcome | null> => {
    const c = conflict;
    if (!c) return null;
    setConflict(null);
    if (!keepMine) return null;
    const changes = rebase(c.mine, c.current);
    if (c.current.formStatus !== 'incomplete' && !reason) {
      setConflict(c);
      return { kind: 'needs_reason' };
    }
    return send(c.current, changes, c.complete, reason);
  };

  return {
    save,
    conflict,
    resolveConflict,
    clearConflict: () => {
      setConflict(null);
    },
    saving,
  };
}
