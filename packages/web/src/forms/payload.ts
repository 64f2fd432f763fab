import type { FieldModel } from './field-model.js';
import { text } from '../app/text.js';

/** The value of one input as the form holds it (strings for typed text, as entered). */
export type FormValue = string | boolean | readonly string[] | Readonly<Record<string, unknown>> | null;
/** The values of a whole form, by field name. */
export type FormValues = Record<string, FormValue>;

/** A stored value as the input shows it. */
export function toFormValue(field: FieldModel, value: unknown): FormValue {
  const t = field.type;
  switch (t.kind) {
    case 'codes':
      return Array.isArray(value) ? value.map(String) : [];
    case 'boolean':
      if (!t.nullable) return value === true;
      return value === true ? 'yes' : value === false ? 'no' : '';
    case 'provenance':
      return value !== null && typeof value === 'object'
        ? (value as Readonly<Record<string, unknown>>)
        : null;
    case 'code':
    case 'literal':
    case 'number':
    case 'date':
    case 'text':
      return value === null || value === undefined ? '' : text(value);
  }
}

/** Form values for a new record (schema defaults) or an existing one. */
export function toFormValues(
  fields: readonly FieldModel[],
  record?: Readonly<Record<string, unknown>> | null
): FormValues {
  const out: FormValues = {};
  for (const f of fields) out[f.name] = toFormValue(f, record ? record[f.name] : f.defaultValue);
  return out;
}

/**
 * What the API receives for an input: `undefined` for "not given", `null` for "cleared", a number for
 * a numeric text, and the text itself when it is not a number (so the schema names the error, as the
 * server would).
 */
export function toApiValue(field: FieldModel, value: FormValue | undefined): unknown {
  const t = field.type;
  const empty = value === '' || value === null || value === undefined;
  switch (t.kind) {
    case 'codes':
      return Array.isArray(value) ? [...(value as readonly string[])] : [];
    case 'boolean':
      if (!t.nullable) return value === true;
      return value === 'yes' ? true : value === 'no' ? false : null;
    case 'provenance':
      return empty ? null : value;
    case 'number':
    case 'literal': {
      if (empty) return null;
      const s = text(value).trim().replace(/,/g, '.');
      const n = Number(s);
      return s !== '' && Number.isFinite(n) ? n : text(value);
    }
    case 'code':
    case 'date':
    case 'text':
      return empty ? null : text(value);
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The body of a create: every field that has a value (empty optional fields are left out, so the
 * schema's defaults apply; an empty required field is sent as null so the schema names it).
 */
export function createPayload(fields: readonly FieldModel[], values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = toApiValue(f, values[f.name]);
    if (v === null) {
      if (f.required) out[f.name] = f.nullable ? null : undefined;
      continue;
    }
    if (f.type.kind === 'codes' && Array.isArray(v) && v.length === 0 && f.defaultValue !== undefined) {
      continue;
    }
    out[f.name] = v;
  }
  return out;
}

/** The changes of an update: only the fields whose value differs from the record read. */
export function changedPayload(
  fields: readonly FieldModel[],
  values: FormValues,
  record: Readonly<Record<string, unknown>>
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.type.kind === 'provenance' && values[f.name] === undefined) continue;
    const v = toApiValue(f, values[f.name]);
    if (!same(v, record[f.name])) out[f.name] = v;
  }
  return out;
}
