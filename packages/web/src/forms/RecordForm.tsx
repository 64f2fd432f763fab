import { Alert, Button, Checkbox, Group, List, Stack, Text } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  forms,
  missingForComplete,
  type FormName,
  type RecordContext,
  type RuleViolation,
} from '@cmr-mass/core';
import { useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AnyRecord, WriteResult } from '../api/types.js';
import { useLabels } from '../i18n/labels.js';
import { ConflictDialog } from './ConflictDialog.js';
import { fieldsOf } from './field-model.js';
import { inputId } from './FieldInput.js';
import { FormSections } from './FormSections.js';
import { enterMovesFocus } from './keyboard.js';
import { createPayload, toApiValue, toFormValues, type FormValues } from './payload.js';
import { ReasonDialog } from './ReasonDialog.js';
import { useRecordSave, type SaveOutcome } from './use-record-save.js';
import type { FieldProblem } from './validate.js';

/** Props of a case-report form. */
export interface RecordFormProps {
  readonly form: FormName;
  /** The record to edit; absent for a new record. */
  readonly record?: AnyRecord | null;
  /** Parent keys of a new record (participantId, examId, lesionId...). */
  readonly parent?: Readonly<Record<string, unknown>>;
  /** Values to start a new record with (e.g. the visit month from the worklist). */
  readonly initial?: Readonly<Record<string, unknown>>;
  /** Only these fields (a quick form); all fields otherwise. */
  readonly only?: readonly string[];
  readonly ctx: RecordContext;
  readonly readOnly?: boolean;
  /** Start with "complete" ticked (quick forms). */
  readonly defaultComplete?: boolean;
  /** For a new record: whether "complete" is ticked, from the values, until the user ticks it themselves. */
  readonly autoComplete?: (values: FormValues) => boolean;
  readonly autoFocus?: boolean;
  readonly onSaved?: (result: WriteResult<AnyRecord>) => void;
  readonly onCancel?: () => void;
  /** Extra buttons beside Save. */
  readonly extra?: ReactNode;
}

/**
 * A case-report form generated from core's schema and laid out by its hints: validated on the client
 * with the server's schemas and rules (same messages), saved as incomplete or complete, asking for a
 * reason once complete, and showing both versions when someone else saved first.
 */
export function RecordForm(p: RecordFormProps): ReactElement {
  const { t } = useTranslation();
  const l = useLabels();
  const { form, record } = p;
  const fields = useMemo(
    () => fieldsOf(form).filter((f) => !p.only || p.only.includes(f.name)),
    [form, p.only]
  );
  const defaults = useMemo(
    () =>
      toFormValues(
        fields,
        record ?? { ...Object.fromEntries(fields.map((f) => [f.name, f.defaultValue])), ...p.initial }
      ),
    [fields, record, p.initial]
  );
  const rhf = useForm<FormValues>({ defaultValues: defaults });
  const values = rhf.watch();
  const [completeChoice, setComplete] = useState<boolean | null>(null);
  const complete =
    completeChoice ??
    (record ? record.formStatus !== 'incomplete' : (p.autoComplete?.(values) ?? p.defaultComplete === true));
  const [warnings, setWarnings] = useState<readonly RuleViolation[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [askReason, setAskReason] = useState<null | 'save' | 'conflict'>(null);
  // In a quick form, starting values of fields that have no input are sent with the parent keys.
  const parent = useMemo(() => {
    const fixed = Object.entries(p.initial ?? {}).filter(([k]) => !fields.some((f) => f.name === k));
    return { ...Object.fromEntries(fixed), ...p.parent };
  }, [p.initial, p.parent, fields]);
  const saver = useRecordSave({ form, fields, record: record ?? null, parent, ctx: p.ctx });

  const merged = useMemo(() => {
    const out: Record<string, unknown> = { ...(record ?? {}), ...p.initial };
    for (const f of fields) out[f.name] = toApiValue(f, values[f.name]);
    return out;
  }, [record, p.initial, fields, values]);
  const missing = missingForComplete(form, merged).filter((f) => fields.some((x) => x.name === f));
  const requiredNow = new Set(complete ? forms[form].requiredWhenComplete : []);

  const showProblems = (problems: readonly FieldProblem[]): void => {
    let focused = false;
    const general: string[] = [];
    for (const pr of problems) {
      const msg = pr.kind === 'missing' ? t('common.required') : l.message(form, pr.message);
      if (fields.some((f) => f.name === pr.field)) {
        rhf.setError(pr.field, { type: pr.kind, message: msg });
        if (!focused) {
          document.getElementById(inputId(form, pr.field))?.focus();
          focused = true;
        }
      } else {
        general.push(pr.field === '_form' ? msg : `${l.field(form, pr.field)}: ${msg}`);
      }
    }
    setFormError(general.length > 0 ? general.join(' · ') : null);
  };

  const handle = (o: SaveOutcome | null): void => {
    if (!o) return;
    switch (o.kind) {
      case 'saved': {
        setWarnings(o.result.warnings);
        setFormError(null);
        const n = o.result.warnings.length;
        notifications.show({
          message: n > 0 ? t('common.savedWithWarnings', { count: n }) : t('common.saved'),
          color: n > 0 ? 'yellow' : 'green',
        });
        p.onSaved?.(o.result);
        return;
      }
      case 'invalid':
        setWarnings(o.validation.warnings);
        showProblems(o.validation.errors);
        return;
      case 'unchanged':
        notifications.show({ message: t('forms.unchanged'), color: 'gray' });
        return;
      case 'needs_reason':
        setAskReason(saver.conflict ? 'conflict' : 'save');
        return;
      case 'conflict':
        return;
      case 'failed':
        if (o.problems.length > 0) showProblems(o.problems);
        else setFormError(l.message(form, o.error.message));
    }
  };

  const submit = async (reason?: string): Promise<void> => {
    rhf.clearErrors();
    setFormError(null);
    try {
      handle(await saver.save(rhf.getValues(), complete, reason));
    } catch (e) {
      setFormError(l.message(form, e instanceof Error ? e.message : String(e)));
    }
  };
  const onKey = getHotkeyHandler([['mod+S', () => void submit()]]);
  const problems = Object.keys(rhf.formState.errors).length;

  return (
    <>
      <form
        noValidate
        aria-label={l.form(form)}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onKeyDown={(e) => {
          onKey(e);
          enterMovesFocus(e);
        }}
      >
        <Stack gap="xs">
          {formError && (
            <Alert color="red" p="xs" role="alert">
              {formError}
            </Alert>
          )}
          {problems > 0 && (
            <Text size="xs" c="red" role="status">
              {t('forms.fixErrors', { count: problems })}
            </Text>
          )}
          <FormSections
            form={form}
            fields={fields}
            control={rhf.control}
            values={values}
            errors={rhf.formState.errors}
            warnings={Object.fromEntries(warnings.map((w) => [w.field, l.message(form, w.message)]))}
            missing={requiredNow}
            readOnly={p.readOnly === true}
            autoFocus={p.autoFocus === true}
          />
          {warnings.length > 0 && (
            <Alert color="yellow" p="xs" title={t('forms.warnings')}>
              <List size="xs">
                {warnings.map((w) => (
                  <List.Item key={w.rule + w.field}>{l.message(form, w.message)}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {!p.readOnly && (
            <Group justify="space-between" align="center" wrap="wrap" gap="xs">
              <Group gap="md">
                <Checkbox
                  id={`f-${form}-complete`}
                  label={t('forms.complete')}
                  size="xs"
                  checked={complete}
                  onChange={(e) => {
                    setComplete(e.currentTarget.checked);
                  }}
                />
                {complete && missing.length > 0 && (
                  <Text size="xs" c="orange">
                    {t('forms.missing', {
                      fields: missing.map((f) => l.field(form, f)).join(l.lang === 'zh' ? '、' : ', '),
                    })}
                  </Text>
                )}
              </Group>
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {t('forms.saveHint')}
                </Text>
                {p.extra}
                {p.onCancel && (
                  <Button variant="default" size="xs" onClick={p.onCancel}>
                    {t('common.cancel')}
                  </Button>
                )}
                <Button type="submit" size="xs" loading={saver.saving} data-testid="save">
                  {t('common.save')}
                </Button>
              </Group>
            </Group>
          )}
          {p.readOnly && (
            <Text size="xs" c="dimmed">
              {t('forms.readOnly')}
            </Text>
          )}
        </Stack>
      </form>
      {askReason !== null && (
        <ReasonDialog
          opened
          onCancel={() => {
            setAskReason(null);
          }}
          onConfirm={(reason) => {
            const mode = askReason;
            setAskReason(null);
            if (mode === 'conflict') void saver.resolveConflict(true, reason).then(handle);
            else void submit(reason);
          }}
        />
      )}
      {saver.conflict && (
        <ConflictDialog
          opened={askReason === null}
          form={form}
          rows={saver.conflict.rows}
          myVersion={saver.conflict.myVersion}
          theirVersion={saver.conflict.current.version}
          onClose={saver.clearConflict}
          onKeepMine={() => void saver.resolveConflict(true).then(handle)}
          onTakeTheirs={() => {
            const current = saver.conflict?.current;
            void saver.resolveConflict(false);
            if (current) p.onSaved?.({ record: current, warnings: [] });
          }}
        />
      )}
    </>
  );
}

/** The create payload of a form's values (exported for tests and quick forms). */
export { createPayload };
