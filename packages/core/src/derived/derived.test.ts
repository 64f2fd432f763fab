import { describe, expect, it } from 'vitest';
import { agreement, cohortFlags } from './cohorts.js';
import { followUpSchedule, urgencyRank } from './schedule.js';
import { deriveParticipantStatus } from './status.js';
import { endpoints, prognosisAt36Months } from './time-to-event.js';

describe('cohort flags', () => {
  it('derives neoplastic, malignant and secondary from the reference diagnosis', () => {
    expect(cohortFlags({ category: 'malignant_tumour', specificType: 'metastasis_lung' })).toEqual({
      neoplastic: 1,
      malignant: 1,
      secondary: 1,
    });
    expect(cohortFlags({ category: 'malignant_tumour', specificType: 'angiosarcoma' })).toEqual({
      neoplastic: 1,
      malignant: 1,
      secondary: 0,
    });
    expect(cohortFlags({ category: 'malignant_tumour' })).toEqual({
      neoplastic: 1,
      malignant: 1,
      secondary: null,
    });
    expect(cohortFlags({ category: 'thrombus', specificType: 'thrombus' })).toEqual({
      neoplastic: 0,
      malignant: 0,
      secondary: null,
    });
    expect(cohortFlags({ category: 'no_mass' })).toEqual({
      neoplastic: null,
      malignant: null,
      secondary: null,
    });
    expect(cohortFlags(null)).toEqual({ neoplastic: null, malignant: null, secondary: null });
  });

  it('compares a reader with the reference', () => {
    const a = agreement(
      { category: 'benign_tumour', specificType: 'myxoma' },
      { category: 'malignant_tumour', specificType: 'angiosarcoma' }
    );
    expect(a).toEqual({ category: false, type: false, neoplastic: true, malignant: false });
  });
});

describe('endpoints', () => {
  const baselineDate = '2020-01-01';
  it('follows a death to its date and gives competing-risk codes', () => {
    const e = endpoints({
      baselineDate,
      events: [{ type: 'death', eventDate: '2020-04-10' }],
      lastContactDate: '2020-03-01',
    });
    // 2020 is a leap year: Jan 31 + Feb 29 + Mar 31 + 9 = 100 days.
    expect(e.death).toEqual({ time: 100, event: 1 });
    expect(e.recurrenceCr).toEqual({ time: 100, status: 2 });
    expect(e.recurrence).toEqual({ time: 100, event: 0 });
    expect(e.composite).toEqual({ time: 100, event: 1 });
    expect(prognosisAt36Months(e)).toBe('unfavourable');
  });

  it('censors at last contact, and at 36 months (1,096 days) at the latest', () => {
    const short = endpoints({ baselineDate, events: [], lastContactDate: '2020-07-01' });
    expect(short.death).toEqual({ time: 182, event: 0 });
    expect(prognosisAt36Months(short)).toBe('unknown');
    const long = endpoints({
      baselineDate,
      events: [{ type: 'death', eventDate: '2024-01-01' }],
      lastContactDate: '2023-06-01',
    });
    expect(long.death).toEqual({ time: 1096, event: 0 });
    expect(prognosisAt36Months(long)).toBe('favourable');
  });

  it('takes the first event of the composite, and counts an event on the day of the CMR as time 0', () => {
    const e = endpoints({
      baselineDate,
      events: [
        { type: 'hf_hospitalisation', eventDate: '2020-03-01' },
        { type: 'thromboembolism', eventDate: '2020-01-01' },
        { type: 'adverse_event', eventDate: '2019-12-01' },
      ],
      lastContactDate: '2021-01-01',
    });
    expect(e.composite).toEqual({ time: 0, event: 1 });
    expect(e.thromboembolismCr).toEqual({ time: 0, status: 1 });
    expect(e.death).toEqual({ time: 366, event: 0 });
  });
});

describe('follow-up schedule', () => {
  const base = { baselineDate: '2025-01-15', contacts: [] as const };
  it('lays out six visits with windows and statuses as of today', () => {
    const s = followUpSchedule({ ...base, today: '2025-04-20' });
    expect(s.map((v) => v.month)).toEqual([1, 3, 6, 12, 24, 36]);
    expect(s[0]).toMatchObject({
      targetDate: '2025-02-15',
      windowStart: '2025-02-08',
      windowEnd: '2025-03-01',
      status: 'missed',
    });
    expect(s[1]).toMatchObject({ targetDate: '2025-04-15', status: 'overdue' });
    expect(s[2]!.status).toBe('upcoming');
    expect(followUpSchedule({ ...base, today: '2025-04-10' })[1]!.status).toBe('due');
  });

  it('marks a visit done, or done out of window, and counts failed attempts', () => {
    const s = followUpSchedule({
      ...base,
      today: '2025-06-01',
      contacts: [
        { id: 'a', visitMonth: 1, contactDate: '2025-02-14', contactOutcome: 'not_reached' },
        { id: 'b', visitMonth: 1, contactDate: '2025-02-16', contactOutcome: 'reached' },
        { id: 'c', visitMonth: 3, contactDate: '2025-05-20', contactOutcome: 'reached' },
      ],
    });
    expect(s[0]).toMatchObject({ status: 'done', visitId: 'b', failedAttempts: 1 });
    expect(s[1]).toMatchObject({ status: 'done_out_of_window', visitId: 'c' });
  });

  it('needs no visit after death, withdrawal or loss', () => {
    const s = followUpSchedule({ ...base, today: '2026-06-01', deathDate: '2025-05-01' });
    expect(s.map((v) => v.status)).toEqual([
      'missed',
      'missed',
      'not_required',
      'not_required',
      'not_required',
      'not_required',
    ]);
  });

  it('ranks overdue before due before missed', () => {
    const s = followUpSchedule({ ...base, today: '2025-04-20' });
    const sorted = [...s].sort((a, b) => urgencyRank(a) - urgencyRank(b)).map((v) => v.status);
    expect(sorted.slice(0, 2)).toEqual(['overdue', 'missed']);
  });
});

describe('participant status', () => {
  const none = { withdrawnDate: null, lostToFollowUpDate: null, deathDate: null, finalVisitDone: false };
  it('is derived from eligibility, withdrawal, loss, death and the final visit', () => {
    expect(deriveParticipantStatus({ ...none, eligibility: null })).toBe('screening');
    expect(deriveParticipantStatus({ ...none, eligibility: 'excluded' })).toBe('excluded');
    expect(deriveParticipantStatus({ ...none, eligibility: 'eligible' })).toBe('enrolled');
    expect(
      deriveParticipantStatus({ ...none, eligibility: 'eligible', lostToFollowUpDate: '2025-01-01' })
    ).toBe('lost_to_follow_up');
    expect(deriveParticipantStatus({ ...none, eligibility: 'eligible', deathDate: '2025-01-01' })).toBe(
      'completed'
    );
    expect(
      deriveParticipantStatus({
        ...none,
        eligibility: 'eligible',
        withdrawnDate: '2025-01-01',
        deathDate: '2025-02-01',
      })
    ).toBe('withdrawn');
  });
});
