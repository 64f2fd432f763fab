import { describe, expect, it } from 'vitest';
import { fieldsOf } from './field-model.js';
import { changedPayload, createPayload, toFormValues } from './payload.js';
import { validateCreate, validateUpdate } from './validate.js';

const EXAM = '8b0a5c6e-1c1d-4b5e-9a3f-1d2e3f4a5b6c';
const ctx = { today: '2026-03-15', fieldStrengthT: 3 as const };

describe('form values and payloads', () => {
  const fields = fieldsOf('lesion_finding');

  it('turns inputs into what the API expects', () => {
    const v = toFormValues(fields);
    v.sizeLongMm = '23,5';
    v.infiltration = 'no';
    v.location = 'left_atrium';
    const p = createPayload(fields, v);
    expect(p).toMatchObject({ sizeLongMm: 23.5, infiltration: false, location: 'left_atrium' });
    expect('t2Ms' in p).toBe(false);
  });

  it('keeps a non-number as typed so that the schema names the error', () => {
    const v = toFormValues(fields);
    v.sizeLongMm = 'abc';
    const r = validateCreate({
      form: 'lesion_finding',
      parent: { examId: EXAM },
      payload: createPayload(fields, v),
      complete: false,
      ctx,
    });
    expect(r.errors).toEqual([{ field: 'sizeLongMm', message: 'must be a number', kind: 'schema' }]);
  });

  it("gives the server's messages", () => {
    const v = toFormValues(fields);
    v.sizeLongMm = '900';
    const r = validateCreate({
      form: 'lesion_finding',
      parent: { examId: EXAM },
      payload: createPayload(fields, v),
      complete: false,
      ctx,
    });
    expect(r.errors[0]?.message).toBe('must be at most 250 mm');
  });

  it('lists what is missing to save as complete', () => {
    const v = toFormValues(fields);
    v.location = 'left_atrium';
    const r = validateCreate({
      form: 'lesion_finding',
      parent: { examId: EXAM },
      payload: createPayload(fields, v),
      complete: true,
      ctx,
    });
    expect(r.errors.map((e) => e.field)).toContain('sizeLongMm');
    expect(r.errors.every((e) => e.kind === 'missing')).toBe(true);
  });

  it('runs the plausibility rules (errors block, warnings pass)', () => {
    const ef = fieldsOf('cmr_exam');
    const v = toFormValues(ef, { kind: 'baseline', examDate: '2026-03-01', lvEdvMl: 150, lvEsvMl: 200 });
    const r = validateCreate({
      form: 'cmr_exam',
      parent: { participantId: EXAM },
      payload: createPayload(ef, v),
      complete: false,
      ctx,
    });
    expect(r.errors).toEqual([
      { field: 'lvEsvMl', message: 'lvEsvMl (200 ml) must be less than lvEdvMl (150 ml)', kind: 'rule' },
    ]);
    const future = toFormValues(ef, { kind: 'baseline', examDate: '2031-01-01' });
    const f = validateCreate({
      form: 'cmr_exam',
      parent: { participantId: EXAM },
      payload: createPayload(ef, future),
      complete: false,
      ctx,
    });
    expect(f.errors[0]?.message).toBe('examDate 2031-01-01 is after today (2026-03-15)');
  });

  it('sends only what changed in an update', () => {
    const record = {
      id: 'x',
      version: 4,
      formStatus: 'complete',
      examId: EXAM,
      sizeLongMm: 20,
      location: 'left_atrium',
      symptoms: [],
    };
    const v = toFormValues(fields, record);
    v.sizeLongMm = '21';
    const changes = changedPayload(fields, v, record);
    expect(changes).toEqual({ sizeLongMm: 21 });
    expect(
      validateUpdate({ form: 'lesion_finding', record, changes, complete: true, ctx }).errors.map(
        (e) => e.field
      )
    ).not.toContain('sizeLongMm');
  });
});
