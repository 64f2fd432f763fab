import { forms, isoDate, note, type CodeList, type FormName } from '@cmr-mass/core';
import { z } from 'zod';
import { codeListFor } from './code-lists.js';

/** What kind of input a field needs. */
export type FieldKind =
  | { readonly kind: 'code'; readonly codes: readonly string[]; readonly list: CodeList | null }
  | {
      readonly kind: 'codes';
      readonly codes: readonly string[];
      readonly list: CodeList | null;
      readonly max: number;
    }
  | { readonly kind: 'literal'; readonly values: readonly number[] }
  | {
      readonly kind: 'number';
      readonly min: number | null;
      readonly max: number | null;
      readonly int: boolean;
    }
  | { readonly kind: 'boolean'; readonly nullable: boolean }
  | { readonly kind: 'date' }
  | { readonly kind: 'text'; readonly maxLength: number | null; readonly multiline: boolean }
  | { readonly kind: 'provenance' };

/** One field of a form, described from core's zod shape. */
export interface FieldModel {
  readonly name: string;
  readonly form: FormName;
  readonly type: FieldKind;
  /** Must be present in every create (no `.optional()` and no default). */
  readonly required: boolean;
  /** Accepts null ("not recorded"). */
  readonly nullable: boolean;
  /** Must be filled before the form can be saved as complete. */
  readonly requiredWhenComplete: boolean;
  /** The default value the schema fills in (e.g. `false`, `[]`), if any. */
  readonly defaultValue: unknown;
}

interface Unwrapped {
  readonly inner: z.ZodType;
  readonly optional: boolean;
  readonly nullable: boolean;
  readonly defaultValue: unknown;
}

function unwrap(schema: z.ZodType): Unwrapped {
  let s: z.ZodType = schema;
  let optional = false;
  let nullable = false;
  let defaultValue: unknown = undefined;
  for (;;) {
    if (s instanceof z.ZodOptional) {
      optional = true;
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodNullable) {
      nullable = true;
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodDefault) {
      optional = true;
      defaultValue = (s._zod.def as { defaultValue: unknown }).defaultValue;
      s = s.unwrap() as z.ZodType;
    } else {
      return { inner: s, optional, nullable, defaultValue };
    }
  }
}

function kindOf(s: z.ZodType, nullable: boolean): FieldKind {
  if (s === isoDate) return { kind: 'date' };
  if (s instanceof z.ZodEnum) {
    const codes = s.options.map(String);
    return { kind: 'code', codes, list: codeListFor(codes) };
  }
  if (s instanceof z.ZodArray) {
    const el = s.element as z.ZodType;
    const codes = el instanceof z.ZodEnum ? el.options.map(String) : [];
    const max = (s._zod.bag as { maximum?: number }).maximum ?? codes.length;
    return { kind: 'codes', codes, list: codeListFor(codes), max };
  }
  if (s instanceof z.ZodUnion) {
    const values = (s.options as readonly z.ZodType[]).flatMap((o) =>
      o instanceof z.ZodLiteral ? [...o.values].filter((v): v is number => typeof v === 'number') : []
    );
    return { kind: 'literal', values };
  }
  if (s instanceof z.ZodNumber) {
    const min = s.minValue;
    const max = s.maxValue;
    return {
      kind: 'number',
      min: min !== null && Number.isFinite(min) && min > -Number.MAX_SAFE_INTEGER ? min : null,
      max: max !== null && Number.isFinite(max) && max < Number.MAX_SAFE_INTEGER ? max : null,
      int: s.format === 'safeint' || s.format === 'int32' || s.format === 'uint32',
    };
  }
  if (s instanceof z.ZodBoolean) return { kind: 'boolean', nullable };
  if (s instanceof z.ZodObject) return { kind: 'provenance' };
  if (s instanceof z.ZodString) {
    return { kind: 'text', maxLength: s.maxLength, multiline: s === note || (s.maxLength ?? 0) > 200 };
  }
  return { kind: 'text', maxLength: null, multiline: false };
}

const cache = new Map<FormName, readonly FieldModel[]>();

/** The data fields of a form, in the order core declares them (parent keys excluded). */
export function fieldsOf(form: FormName): readonly FieldModel[] {
  const hit = cache.get(form);
  if (hit) return hit;
  const def = forms[form];
  const required = new Set<string>(def.requiredWhenComplete);
  const out = Object.entries(def.fields as Record<string, z.ZodType>).map(([name, schema]): FieldModel => {
    const u = unwrap(schema);
    return {
      name,
      form,
      type: kindOf(u.inner, u.nullable),
      required: !u.optional,
      nullable: u.nullable,
      requiredWhenComplete: required.has(name),
      defaultValue: u.defaultValue,
    };
  });
  cache.set(form, out);
  return out;
}

/** One field of a form by name. */
export function fieldOf(form: FormName, name: string): FieldModel | undefined {
  return fieldsOf(form).find((f) => f.name === name);
}
