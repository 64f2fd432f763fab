import {
  forms,
  lesionFindingRecord,
  participantRecord,
  readingRecord,
  type CmrExam,
  type Eligibility,
  type FollowUpVisit,
  type FormName,
  type Identifiers,
  type LesionFinding,
  type OutcomeEvent,
  type Participant,
  type Reading,
  type ReferenceDiagnosis,
  type Treatment,
} from '@cmr-mass/core';
import { toSnake } from '../schema/case.js';
import type { CellValue, LooseRow } from '../schema/tables.js';

/** The stored record of each form, as `core` defines it (with the fields the server sets). */
export interface FormRecords {
  participant: Participant;
  identifiers: Identifiers;
  eligibility: Eligibility;
  cmr_exam: CmrExam;
  lesion_finding: LesionFinding;
  reading: Reading;
  reference_diagnosis: ReferenceDiagnosis;
  treatment: Treatment;
  follow_up_visit: FollowUpVisit;
  outcome_event: OutcomeEvent;
}

/** The table of each form. */
export const FORM_TABLE = {
  participant: 'participants',
  identifiers: 'participant_identifiers',
  eligibility: 'eligibility',
  cmr_exam: 'cmr_exams',
  lesion_finding: 'lesion_findings',
  reading: 'readings',
  reference_diagnosis: 'reference_diagnoses',
  treatment: 'treatments',
  follow_up_visit: 'follow_up_visits',
  outcome_event: 'outcome_events',
} as const satisfies Record<FormName, string>;

/** How a field is stored: as is, as 0/1, or as JSON text. */
type FieldKind = 'plain' | 'bool' | 'json';

/** One field of a form: camelCase name, column, storage kind. */
export interface FieldCodec {
  readonly field: string;
  readonly column: string;
  readonly kind: FieldKind;
}

/** Converts a form's records to rows and back. */
export interface FormCodec {
  readonly form: FormName;
  readonly table: string;
  readonly fields: readonly FieldCodec[];
  /** The data fields of the form (what an update may change). */
  readonly dataFields: readonly string[];
  toRow(record: Readonly<Record<string, unknown>>): LooseRow;
  fromRow(row: Readonly<LooseRow>): Record<string, unknown>;
}

interface ZodLike {
  readonly def: { readonly type: string; readonly innerType?: ZodLike };
}

/** What a zod field schema stores, seen through optional/nullable/default wrappers. */
function kindOf(schema: ZodLike): FieldKind {
  let s = schema;
  while (
    (s.def.type === 'optional' || s.def.type === 'nullable' || s.def.type === 'default') &&
    s.def.innerType
  ) {
    s = s.def.innerType;
  }
  if (s.def.type === 'boolean') return 'bool';
  if (s.def.type === 'array' || s.def.type === 'object') return 'json';
  return 'plain';
}

function recordShape(form: FormName): Record<string, unknown> {
  switch (form) {
    case 'participant':
      return participantRecord.shape;
    case 'lesion_finding':
      return lesionFindingRecord.shape;
    case 'reading':
      return readingRecord.shape;
    default:
      return forms[form].record.shape;
  }
}

function encode(kind: FieldKind, v: unknown): CellValue {
  if (v === undefined || v === null) return null;
  switch (kind) {
    case 'bool':
      return v === true ? 1 : 0;
    case 'json':
      return JSON.stringify(v);
    case 'plain':
      return v as CellValue;
  }
}

function decode(kind: FieldKind, v: CellValue | undefined): unknown {
  if (v === undefined || v === null) return null;
  switch (kind) {
    case 'bool':
      return v === 1 || v === '1';
    case 'json':
      return typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
    case 'plain':
      return v;
  }
}

function buildCodec(form: FormName): FormCodec {
  const shape = recordShape(form);
  const fields: FieldCodec[] = Object.entries(shape).map(([field, schema]) => ({
    field,
    column: toSnake(field),
    kind: kindOf(schema as ZodLike),
  }));
  const dataFields = Object.keys(forms[form].fields);
  return {
    form,
    table: FORM_TABLE[form],
    fields,
    dataFields,
    toRow(record) {
      const row: LooseRow = {};
      for (const f of fields) row[f.column] = encode(f.kind, record[f.field]);
      return row;
    },
    fromRow(row) {
      const rec: Record<string, unknown> = {};
      for (const f of fields) rec[f.field] = decode(f.kind, row[f.column]);
      return rec;
    },
  };
}

const codecs = new Map<FormName, FormCodec>();

/** The codec of a form (built once from `core`'s schemas). */
export function codecOf(form: FormName): FormCodec {
  let c = codecs.get(form);
  if (!c) {
    c = buildCodec(form);
    codecs.set(form, c);
  }
  return c;
}
