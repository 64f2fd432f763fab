import { isoDate, note, type FormName } from '@cmr-mass/core';
import { FREE_TEXT_FIELDS, toSnake } from '@cmr-mass/db';
import { recordSchema } from '../routes/form-paths.js';

/**
 * The columns of the per-form CSV tables, read from `core`'s record schemas: name, type, unit and
 * allowed values, so that the codebook can never disagree with the data model.
 */

/** The codebook's column types. */
export type ColumnType = 'id' | 'string' | 'code' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'list' | 'json';

/** One column of an exported file, with what the codebook says about it. */
export interface ColumnSpec {
  /** The column name in the CSV (snake_case). */
  readonly column: string;
  /** The record field it comes from (camelCase); null for columns the export adds. */
  readonly field: string | null;
  readonly label: string;
  readonly type: ColumnType;
  readonly unit: string;
  /** Codes separated by `|`, a range `min..max`, or empty. */
  readonly allowedValues: string;
  /** Free text typed by people (dropped from a de-identified export). */
  readonly freeText: boolean;
}

interface ZodNode {
  readonly def: {
    readonly type: string;
    readonly format?: string;
    readonly innerType?: ZodNode;
    readonly element?: ZodNode;
    readonly options?: readonly ZodNode[];
    readonly values?: readonly unknown[];
    readonly entries?: Readonly<Record<string, unknown>>;
  };
  readonly minValue?: number | null;
  readonly maxValue?: number | null;
  readonly isInt?: boolean;
}

/** Unit suffixes of field names (`sizeLongMm`): the suffix, its unit, and what stays in the label. */
const UNIT_SUFFIXES: readonly (readonly [string, string, string])[] = [
  ['MmolPerKg', 'mmol/kg', ''],
  ['Percent', '%', ''],
  ['Ms', 'ms', ''],
  ['Mm', 'mm', ''],
  ['Ml', 'ml', ''],
  ['Kg', 'kg', ''],
  ['Cm', 'cm', ''],
  ['MassG', 'g', 'Mass'],
  ['StrengthT', 'T', 'Strength'],
];

const suffixOf = (field: string): (readonly [string, string, string]) | undefined =>
  UNIT_SUFFIXES.find(([s]) => field.endsWith(s) && field.length > s.length);

/** Fields without a unit suffix that have one. */
const UNIT_OVERRIDES: Readonly<Record<string, string>> = {
  haematocrit: 'fraction',
  ecv: 'fraction',
  myocardiumEcv: 'fraction',
  birthYear: 'year',
  visitMonth: 'months',
  confidence: '1-5',
};

/** A label for people from a camelCase name: `sizeLongMm` → `Size long (mm)`. */
export function labelOf(field: string, unit: string): string {
  const sfx = suffixOf(field);
  const base = sfx ? field.slice(0, field.length - sfx[0].length) + sfx[2] : field;
  const words = base
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\bid\b/g, 'ID')
    .replace(/\blv\b/g, 'LV')
    .replace(/\brv\b/g, 'RV')
    .replace(/\bt1\b/g, 'T1')
    .replace(/\bt2\b/g, 'T2')
    .replace(/\bt2w\b/g, 'T2w')
    .replace(/\bt1w\b/g, 'T1w')
    .replace(/\becv\b/g, 'ECV')
    .replace(/\blge\b/g, 'LGE')
    .replace(/\bedv\b/g, 'EDV')
    .replace(/\besv\b/g, 'ESV')
    .replace(/\bef\b/g, 'EF')
    .replace(/\bnyha\b/g, 'NYHA')
    .replace(/\buid\b/g, 'UID');
  const text = words.charAt(0).toUpperCase() + words.slice(1);
  return unit !== '' && !['fraction', 'year', 'months', '1-5'].includes(unit) ? `${text} (${unit})` : text;
}

function unitOf(field: string): string {
  return UNIT_OVERRIDES[field] ?? suffixOf(field)?.[1] ?? '';
}

const range = (n: ZodNode): string =>
  n.minValue != null && n.maxValue != null && Number.isFinite(n.minValue) && Math.abs(n.maxValue) < 1e15
    ? `${n.minValue}..${n.maxValue}`
    : '';

/** The type and allowed values of a field schema. */
function describe(schema: ZodNode): { type: ColumnType; allowedValues: string; free: boolean } {
  let n = schema;
  while ((n.def.type === 'optional' || n.def.type === 'nullable' || n.def.type === 'default') && n.def.innerType) {
    n = n.def.innerType;
  }
  if ((n as unknown) === isoDate) return { type: 'date', allowedValues: 'YYYY-MM-DD', free: false };
  if ((n as unknown) === note) return { type: 'string', allowedValues: '', free: true };
  switch (n.def.type) {
    case 'string':
      if (n.def.format === 'uuid') return { type: 'id', allowedValues: '', free: false };
      if (n.def.format === 'datetime') return { type: 'datetime', allowedValues: 'ISO 8601 UTC', free: false };
      return { type: 'string', allowedValues: '', free: false };
    case 'number':
      return { type: n.isInt ? 'integer' : 'number', allowedValues: range(n), free: false };
    case 'boolean':
      return { type: 'boolean', allowedValues: '0|1', free: false };
    case 'enum':
      return { type: 'code', allowedValues: Object.keys(n.def.entries ?? {}).join('|'), free: false };
    case 'union': {
      const values = (n.def.options ?? []).flatMap((o) => o.def.values ?? []);
      return { type: values.every((v) => typeof v === 'number') ? 'number' : 'code', allowedValues: values.join('|'), free: false };
    }
    case 'array': {
      const inner = n.def.element ? describe(n.def.element) : { allowedValues: '' };
      return { type: 'list', allowedValues: inner.allowedValues, free: false };
    }
    case 'object':
      return { type: 'json', allowedValues: '', free: false };
    default:
      return { type: 'string', allowedValues: '', free: false };
  }
}

/** The columns of a form's stored record, in the record schema's order. */
export function recordColumns(form: FormName): ColumnSpec[] {
  const shape = (recordSchema(form) as unknown as { shape: Record<string, ZodNode> }).shape;
  const freeText = new Set(FREE_TEXT_FIELDS[form] ?? []);
  return Object.entries(shape).map(([field, schema]) => {
    const d = describe(schema);
    const unit = unitOf(field);
    return {
      column: toSnake(field),
      field,
      label: labelOf(field, unit),
      type: d.type,
      unit,
      allowedValues: d.allowedValues,
      freeText: d.free || freeText.has(field),
    };
  });
}
