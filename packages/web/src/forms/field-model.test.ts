import { formNames, forms } from '@cmr-mass/core';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { zh } from '../i18n/zh.js';
import { ALL_CODE_LISTS, codeListFor } from './code-lists.js';
import { fieldOf, fieldsOf } from './field-model.js';
import { LAYOUTS } from './layouts.js';

describe('field model from core schemas', () => {
  it('covers every field of every form', () => {
    for (const form of formNames) {
      expect(fieldsOf(form).map((f) => f.name)).toEqual(Object.keys(forms[form].fields));
    }
  });

  it('reads kinds, bounds and requirements from the schemas', () => {
    expect(fieldOf('lesion_finding', 'sizeLongMm')?.type).toEqual({
      kind: 'number',
      min: 1,
      max: 250,
      int: false,
    });
    expect(fieldOf('participant', 'birthYear')?.type).toMatchObject({ kind: 'number', int: true });
    expect(fieldOf('cmr_exam', 'examDate')?.type.kind).toBe('date');
    expect(fieldOf('cmr_exam', 'examDate')?.required).toBe(true);
    expect(fieldOf('cmr_exam', 'fieldStrengthT')?.type).toEqual({ kind: 'literal', values: [1.5, 3] });
    expect(fieldOf('cmr_exam', 'sequences')?.type.kind).toBe('codes');
    expect(fieldOf('participant', 'knownExtracardiacCancer')?.type).toEqual({
      kind: 'boolean',
      nullable: true,
    });
    expect(fieldOf('eligibility', 'exclusionOther')?.type).toEqual({ kind: 'boolean', nullable: false });
    expect(fieldOf('lesion_finding', 't1NativeProvenance')?.type.kind).toBe('provenance');
    expect(fieldOf('lesion_finding', 'location')?.requiredWhenComplete).toBe(true);
  });

  it('finds the code list of every coded field, or has labels for its choices in both languages', () => {
    for (const form of formNames) {
      for (const f of fieldsOf(form)) {
        const t = f.type;
        if (t.kind !== 'code' && t.kind !== 'codes') continue;
        if (t.list) continue;
        for (const c of t.codes) {
          expect([form, f.name, c, c in en.fields.choices]).toEqual([form, f.name, c, true]);
          expect(c in zh.fields.choices).toBe(true);
        }
      }
    }
  });

  it('matches code lists unambiguously', () => {
    for (const l of ALL_CODE_LISTS) {
      const same = ALL_CODE_LISTS.filter((o) => o.codes.join() === l.codes.join());
      expect(
        same.length === 1 || same.every((o) => o.entries.every((e, i) => e.en === l.entries[i]?.en))
      ).toBe(true);
    }
    expect(codeListFor(['female', 'male'])?.name).toBe('sex');
  });

  it('has a label for every field in both languages', () => {
    for (const form of formNames) {
      for (const f of fieldsOf(form)) {
        const e = (en.fields as unknown as Record<string, Record<string, string>>)[form]?.[f.name];
        const z = (zh.fields as unknown as Record<string, Record<string, string>>)[form]?.[f.name];
        expect([form, f.name, typeof e, typeof z]).toEqual([form, f.name, 'string', 'string']);
      }
    }
  });

  it('lays out only fields that exist', () => {
    for (const [form, layout] of Object.entries(LAYOUTS)) {
      const names = new Set(Object.keys(forms[form as keyof typeof forms].fields));
      for (const s of layout.sections) {
        for (const f of s.fields) expect([form, f, names.has(f)]).toEqual([form, f, true]);
      }
    }
  });
});
