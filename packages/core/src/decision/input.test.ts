import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import type { Casebook } from '../derived/casebook.js';
import type { CmrExam } from '../schemas/cmr-exam.js';
import type { LesionFinding } from '../schemas/lesion-finding.js';
import type { Participant } from '../schemas/participant.js';
import { decisionInputFromCasebook } from './from-casebook.js';
import { acquisitionOf, ageAtExam, decisionInputFromRecords } from './from-records.js';
import { LESION_FEATURE_KEYS, makeDecisionInput } from './input.js';
import { parseDecisionInput } from './input-schema.js';
import { MYXOMA } from './typical-cases.js';

describe('building the decision input', () => {
  it('fills everything not given with null, and never writes undefined', () => {
    const i = makeDecisionInput({
      lesion: { location: 'left_atrium', shape: undefined },
      context: { ageYears: 40 },
    });
    expect(Object.keys(i.lesion!).sort()).toEqual([...LESION_FEATURE_KEYS].sort());
    expect(i.lesion!.shape).toBeNull();
    expect(i.context).toMatchObject({ ageYears: 40, sex: null, acquired: { fpp: null, lge: null } });
    expect(makeDecisionInput({ lesion: null }).lesion).toBeNull();
  });

  it('computes age from the birth year and the exam year', () => {
    expect(ageAtExam(1970, '2025-03-01')).toBe(55);
    expect(ageAtExam(null, '2025-03-01')).toBeNull();
  });

  it('tells "not acquired" from "not recorded" by the exam sequences and contrast', () => {
    expect(acquisitionOf({ sequences: [] })).toEqual({
      fpp: null,
      lge: null,
      longTi: null,
      fatSuppression: null,
    });
    expect(acquisitionOf({ sequences: ['cine', 'lge'] })).toEqual({
      fpp: false,
      lge: true,
      longTi: true,
      fatSuppression: false,
    });
    expect(acquisitionOf({ sequences: ['cine', 'ti_scout'] }).longTi).toBe(true);
    expect(acquisitionOf({ sequences: [], contrastAgent: 'none' })).toEqual({
      fpp: false,
      lge: false,
      longTi: false,
      fatSuppression: null,
    });
  });

  it('builds from records: participant context, exam, empty symptom list as unknown', () => {
    const i = decisionInputFromRecords({
      finding: { location: 'left_atrium', infiltration: false },
      exam: { examDate: '2024-05-02', fieldStrengthT: 3, sequences: ['fpp', 'lge'], lvEfPercent: 58 },
      participant: { birthYear: 1960, sex: 'female', symptoms: [], knownExtracardiacCancer: false },
      lesionsOnExam: 2,
    });
    expect(i.lesion).toMatchObject({ location: 'left_atrium', infiltration: false, shape: null });
    expect(i.context).toMatchObject({
      fieldStrengthT: 3,
      ageYears: 64,
      sex: 'female',
      symptoms: null,
      knownExtracardiacCancer: false,
      lvEfPercent: 58,
      lesionsOnExam: 2,
      acquired: { fpp: true, lge: true, fatSuppression: false },
    });
    const none = decisionInputFromRecords({
      finding: null,
      exam: { examDate: '2024-05-02' },
      participant: {},
    });
    expect(none.lesion).toBeNull();
    expect(none.context.lesionsOnExam).toBe(0);
  });

  it('builds from a casebook, using the finding’s own exam and counting its lesions', () => {
    const exam = {
      id: 'e1',
      kind: 'baseline',
      examDate: '2025-01-10',
      sequences: ['lge'],
      lvEfPercent: 40,
    } as unknown as CmrExam;
    const f1 = { id: 'f1', examId: 'e1', location: 'left_ventricle' } as unknown as LesionFinding;
    const f2 = { id: 'f2', examId: 'e1', location: 'right_atrium' } as unknown as LesionFinding;
    const cb = {
      participant: { birthYear: 1950, symptoms: ['incidental'] } as unknown as Participant,
      exams: [exam],
      findings: [f1, f2],
    } as unknown as Casebook;
    const i = decisionInputFromCasebook(cb, f2);
    expect(i.lesion!.location).toBe('right_atrium');
    expect(i.context).toMatchObject({
      ageYears: 75,
      lesionsOnExam: 2,
      lvEfPercent: 40,
      symptoms: ['incidental'],
    });
    expect(decisionInputFromCasebook(cb, null).lesion).toBeNull();
    const orphan: LesionFinding = { ...f1, examId: 'nope' };
    expect(() => decisionInputFromCasebook(cb, orphan)).toThrow('exam nope is not in the casebook');
  });
});

describe('parsing a decision input given as JSON', () => {
  it('accepts a partial input and completes it with nulls', () => {
    const i = parseDecisionInput({
      lesion: { location: 'left_atrium', sizeLongMm: 40 },
      context: { ageYears: 50 },
    });
    expect(i.lesion!.shape).toBeNull();
    expect(i.context.acquired).toEqual({ fpp: null, lge: null, longTi: null, fatSuppression: null });
    expect(parseDecisionInput({ lesion: null }).context.ageYears).toBeNull();
  });

  it('round-trips a complete input', () => {
    expect(parseDecisionInput(JSON.parse(JSON.stringify(MYXOMA.input)))).toEqual(MYXOMA.input);
  });

  it('refuses bad codes, out-of-range numbers and unknown keys, naming the field', () => {
    const bad = (v: unknown): string | undefined => {
      try {
        parseDecisionInput(v);
      } catch (e) {
        if (isDomainError(e, 'bad_request')) return e.field;
        throw e;
      }
      return undefined;
    };
    expect(bad({ lesion: { t2wSignal: 'bright' } })).toBe('lesion.t2wSignal');
    expect(bad({ lesion: { sizeLongMm: 900 } })).toBe('lesion.sizeLongMm');
    expect(bad({ lesion: { colour: 'red' } })).toBe('lesion');
    expect(bad({ lesion: {}, context: { symptoms: [] } })).toBe('context.symptoms');
    expect(bad({ lesion: {}, context: { acquired: { fpp: 'yes' } } })).toBe('context.acquired.fpp');
  });
});
