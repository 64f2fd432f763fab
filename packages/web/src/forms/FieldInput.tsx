import { Checkbox, Group, NativeSelect, Text, TextInput, Textarea } from '@mantine/core';
import type { FormName } from '@cmr-mass/core';
import { type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels, type Labels } from '../i18n/labels.js';
import type { FieldModel } from './field-model.js';
import type { FormValue } from './payload.js';
import { text } from '../app/text.js';

/** Props of one generated input. */
export interface FieldInputProps {
  readonly form: FormName;
  readonly field: FieldModel;
  readonly value: FormValue | undefined;
  readonly onChange: (value: FormValue) => void;
  readonly onBlur?: () => void;
  /** The message to show under the input, already in the UI language. */
  readonly error?: string | undefined;
  /** A soft-check message (stored, but to be checked). */
  readonly warning?: string | undefined;
  /** Codes to offer instead of the whole list (dependent drop-downs). */
  readonly options?: readonly string[] | null;
  readonly readOnly?: boolean;
  /** Marks the field as needed before saving as complete. */
  readonly markRequired?: boolean;
  readonly autoFocus?: boolean;
}

/** The DOM id of a field's input, so that labels, errors and tests can find it. */
export const inputId = (form: FormName, name: string): string => `f-${form}-${name}`;

function choiceLabel(l: Labels, f: FieldModel, code: string): string {
  if ((f.type.kind === 'code' || f.type.kind === 'codes') && f.type.list) return l.code(f.type.list, code);
  const key = `fields.choices.${code}`;
  const v = l.tk(key);
  return v === key ? code : v;
}

function literalLabel(l: Labels, f: FieldModel, v: number): string {
  if (f.name === 'visitMonth') return l.tk('fields.choices.month', { count: v });
  if (f.name === 'fieldStrengthT') return l.tk('fields.choices.tesla', { value: v });
  return text(v);
}

/** A provenance object (where a computed value came from), shown read-only. */
function provenanceText(l: Labels, v: FormValue | undefined): string {
  if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v)) return l.tk('common.none');
  const p = v as { mapId?: unknown; model?: unknown; roi?: { nPixels?: unknown; sd?: unknown } };
  return l.tk('forms.computedProvenance', {
    mapId: text(p.mapId ?? ''),
    model: text(p.model ?? ''),
    n: text(p.roi?.nPixels ?? ''),
    sd: typeof p.roi?.sd === 'number' ? p.roi.sd.toFixed(1) : '',
  });
}

/**
 * One input generated from a field's schema: a native select for a code list (type-ahead, fast with
 * the keyboard), check boxes for several codes, a text box for numbers and text, a date box, a check
 * box or yes/no select for booleans. Labels and messages are in the UI language and tied to the input
 * for screen readers.
 */
export function FieldInput(p: FieldInputProps): ReactElement {
  const l = useLabels();
  const { t } = useTranslation();
  const { field: f, form } = p;
  const id = inputId(form, f.name);
  const label = l.field(form, f.name);
  const required = f.required || p.markRequired === true;
  const common = {
    id,
    label,
    size: 'xs' as const,
    error: p.error,
    description: p.warning,
    withAsterisk: required,
    disabled: p.readOnly === true,
    onBlur: p.onBlur,
    autoFocus: p.autoFocus,
    'data-field': f.name,
  };
  const str = typeof p.value === 'string' ? p.value : '';
  const type = f.type;
  switch (type.kind) {
    case 'code': {
      const codes = p.options ?? type.codes;
      const shown = str !== '' && !codes.includes(str) ? [str, ...codes] : codes;
      return (
        <NativeSelect
          {...common}
          value={str}
          onChange={(e) => {
            p.onChange(e.currentTarget.value);
          }}
          data={[
            { value: '', label: t('forms.select') },
            ...shown.map((c) => ({ value: c, label: choiceLabel(l, f, c) })),
          ]}
        />
      );
    }
    case 'literal':
      return (
        <NativeSelect
          {...common}
          value={str}
          onChange={(e) => {
            p.onChange(e.currentTarget.value);
          }}
          data={[
            { value: '', label: t('forms.select') },
            ...type.values.map((v) => ({ value: text(v), label: literalLabel(l, f, v) })),
          ]}
        />
      );
    case 'codes': {
      const selected = Array.isArray(p.value) ? (p.value as readonly string[]) : [];
      return (
        <Checkbox.Group
          id={id}
          label={label}
          size="xs"
          error={p.error}
          value={[...selected]}
          onChange={(v) => {
            p.onChange(v);
          }}
          data-field={f.name}
        >
          <Group gap="xs" mt={4}>
            {type.codes.map((c) => (
              <Checkbox
                key={c}
                value={c}
                label={choiceLabel(l, f, c)}
                size="xs"
                disabled={p.readOnly === true}
              />
            ))}
          </Group>
        </Checkbox.Group>
      );
    }
    case 'boolean':
      if (!type.nullable) {
        return (
          <Checkbox
            id={id}
            label={label}
            size="xs"
            mt="lg"
            checked={p.value === true}
            error={p.error}
            disabled={p.readOnly === true}
            onChange={(e) => {
              p.onChange(e.currentTarget.checked);
            }}
            data-field={f.name}
          />
        );
      }
      return (
        <NativeSelect
          {...common}
          value={str}
          onChange={(e) => {
            p.onChange(e.currentTarget.value);
          }}
          data={[
            { value: '', label: t('forms.select') },
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={str}
          max="9999-12-31"
          onChange={(e) => {
            p.onChange(e.currentTarget.value);
          }}
        />
      );
    case 'number':
      return (
        <TextInput
          {...common}
          inputMode="decimal"
          autoComplete="off"
          value={str}
          onChange={(e) => {
            p.onChange(e.currentTarget.value);
          }}
        />
      );
    case 'text':
      if (type.multiline) {
        return (
          <Textarea
            {...common}
            autosize
            minRows={1}
            maxRows={4}
            value={str}
            onChange={(e) => {
              p.onChange(e.currentTarget.value);
            }}
          />
        );
      }
      return (
        <TextInput
          {...common}
          autoComplete="off"
          value={str}
          onChange={(e) => {
            p.onChange(e.currentTarget.value);
          }}
        />
      );
    case 'provenance':
      return (
        <div data-field={f.name}>
          <Text size="xs" fw={500} component="label" htmlFor={id}>
            {label}
          </Text>
          <Text size="xs" c="dimmed" id={id}>
            {provenanceText(l, p.value)}
          </Text>
        </div>
      );
  }
}
