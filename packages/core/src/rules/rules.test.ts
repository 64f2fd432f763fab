import { describe, expect, it } from 'vitest';
import { checkCasebook, newErrors, type CasebookDates } from './casebook-rules.js';
import { checkRecord } from './record-rules.js';

const today = '2026-06-01';
const errors = (xs: ReturnType<typeof checkRecord>): string[] =>
  xs.filter((x) => x.severity === 'error').map((x) => x.field);

describe('record rules', () => {
  it('applies T1 bounds that depend on field strength, naming field, bound and strength', () => {
    const ok = checkRecord('cmr_exam', { myocardiumT1NativeMs: 1700 }, { today, fieldStrengthT: 3 });
    expect(errors(ok)).toEqual([]);
    const bad = checkRecord('cmr_exam', { myocardiumT1NativeMs: 1700 }, { today, fieldStrengthT: 1.5 });
    expect(bad[0]).toMatchObject({ field: 'myocardiumT1NativeMs', severity: 'error' });
    expect(bad[0]!.message).toContain('1600 ms at 1.5 T');
  });

  it('warns, but keeps, a value outside the typical range', () => {
    const r = checkRecord('cmr_exam', { myocardiumT1NativeMs: 1450 }, { today, fieldStrengthT: 3 });
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ severity: 'warning', field: 'myocardiumT1NativeMs' });
  });

  it('refuses a haematocrit written as a percent', () => {
    const r = checkRecord('participant', { haematocrit: 0.8 }, { today });
    expect(r[0]!.message).toContain('a fraction');
  });

  it('wants the largest diameter first and the provenance of computed values', () => {
    expect(errors(checkRecord('lesion_finding', { sizeLongMm: 20, sizeShortMm: 30 }, { today }))).toEqual([
      'sizeShortMm',
    ]);
    expect(
      errors(
        checkRecord(
          'lesion_finding',
          { t1NativeMs: 1500, t1NativeSequence: 'molli', t1NativeSource: 'computed' },
          { today, fieldStrengthT: 3 }
        )
      )
    ).toEqual(['t1NativeProvenance']);
    expect(errors(checkRecord('lesion_finding', { t2Ms: 70 }, { today, fieldStrengthT: 3 }))).toEqual([
      't2Sequence',
      't2Source',
    ]);
  });

  it('refuses a type outside its category and dates in the future', () => {
    expect(
      errors(
        checkRecord(
          'reference_diagnosis',
          {
            method: 'histopathology',
            diagnosisDate: '2026-01-01',
            category: 'benign_tumour',
            specificType: 'angiosarcoma',
          },
          { today }
        )
      )
    ).toEqual(['specificType']);
    expect(
      errors(checkRecord('treatment', { type: 'conservative', startDate: '2026-07-01' }, { today }))
    ).toEqual(['startDate']);
  });

  it('refuses fields that apply to another kind of record', () => {
    expect(
      errors(
        checkRecord(
          'outcome_event',
          { type: 'recurrence', eventDate: '2026-01-01', deathCause: 'cancer' },
          { today }
        )
      )
    ).toEqual(['deathCause']);
  });
});

const book = (over: Partial<CasebookDates> = {}): CasebookDates => ({
  birthYear: 1960,
  withdrawnDate: null,
  exams: [{ id: 'e1', kind: 'baseline', examDate: '2024-01-10' }],
  readings: [],
  references: [],
  treatments: [],
  visits: [],
  events: [],
  ...over,
});

describe('casebook rules', () => {
  it('accepts a consistent casebook', () => {
    expect(
      checkCasebook(book({ visits: [{ id: 'v1', contactDate: '2024-02-10', vitalStatus: 'alive' }] }))
    ).toEqual([]);
  });

  it('refuses a contact before the baseline CMR, naming both dates', () => {
    const r = checkCasebook(
      book({ visits: [{ id: 'v1', contactDate: '2024-01-01', vitalStatus: 'alive' }] })
    );
    expect(r[0]).toMatchObject({ rule: 'visit_after_baseline', field: 'contactDate' });
    expect(r[0]!.message).toContain('2024-01-10');
  });

  it('refuses anything after death but the death and contacts that report it', () => {
    const r = checkCasebook(
      book({
        events: [
          { id: 'd', type: 'death', eventDate: '2024-06-01' },
          { id: 'r', type: 'recurrence', eventDate: '2024-07-01' },
        ],
        visits: [
          { id: 'v1', contactDate: '2024-07-01', vitalStatus: 'dead' },
          { id: 'v2', contactDate: '2024-08-01', vitalStatus: 'alive' },
        ],
      })
    );
    expect(r.map((x) => x.rule).sort()).toEqual(['alive_after_death', 'nothing_after_death']);
  });

  it('tells the errors a change introduces from those already there', () => {
    const before = checkCasebook(
      book({ visits: [{ id: 'v1', contactDate: '2024-01-01', vitalStatus: 'alive' }] })
    );
    const after = checkCasebook(
      book({
        visits: [
          { id: 'v1', contactDate: '2024-01-01', vitalStatus: 'alive' },
          { id: 'v2', contactDate: '2024-01-02', vitalStatus: 'alive' },
        ],
      })
    );
    expect(newErrors(before, after).map((x) => x.involves?.[0]?.id)).toEqual(['v2']);
  });

  it('allows one baseline exam only', () => {
    const r = checkCasebook(
      book({
        exams: [
          { id: 'e1', kind: 'baseline', examDate: '2024-01-10' },
          { id: 'e2', kind: 'baseline', examDate: '2024-02-10' },
        ],
      })
    );
    expect(r[0]).toMatchObject({ rule: 'one_baseline', involves: [{ id: 'e2' }] });
  });
});
