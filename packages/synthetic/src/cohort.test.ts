import { forms } from '@cmr-mass/core';
import { describe, expect, it } from 'vitest';
import { CohortOptionError, generateCohort } from './cohort.js';
import { validateCohort } from './validate.js';

const today = '2026-06-01';

describe('generateCohort', () => {
  const a = generateCohort({ participants: 2000, seed: 42, today });

  it('gives a deeply equal cohort for the same seed, and a different one for another seed', () => {
    expect(generateCohort({ participants: 2000, seed: 42, today })).toEqual(a);
    const b = generateCohort({ participants: 2000, seed: 43, today });
    expect(b.participants.map((p) => p.id)).not.toEqual(a.participants.map((p) => p.id));
    expect(b.participants.map((p) => p.truth.massType)).not.toEqual(
      a.participants.map((p) => p.truth.massType)
    );
  });

  it('keeps each participant when the cohort grows (streams are per participant)', () => {
    const small = generateCohort({ participants: 50, seed: 42, today });
    const ids = new Set(a.participants.map((p) => p.id));
    // Participant i is drawn from (seed, i) whatever N is: the first 50 of 2,000 are the 50.
    expect(small.participants.every((p) => ids.has(p.id))).toBe(true);
  });

  it('generates records that parse with core and pass its plausibility rules with no error', () => {
    const issues = validateCohort(a);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Warnings (values outside the typical range) are allowed but stay a small share of the records.
    const records = a.participants.reduce((n, p) => n + p.records.length, 0);
    expect(issues.length / records).toBeLessThan(0.1);
  });

  it('fills every form of the casebook and only known forms', () => {
    const seen = new Set(a.participants.flatMap((p) => p.records.map((r) => r.form)));
    expect([...seen].sort()).toEqual(Object.keys(forms).sort());
  });

  it('uses unique ids', () => {
    const ids = a.participants.flatMap((p) => p.records.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks everything as synthetic', () => {
    expect(a.meta.synthetic).toBe(true);
    expect(a.meta.label).toMatch(/synthetic/);
    expect(a.sites.every((s) => s.create.name.startsWith('DEMO '))).toBe(true);
    expect(a.users.every((u) => u.displayName.startsWith('DEMO '))).toBe(true);
    for (const p of a.participants) {
      const id = p.records.find((r) => r.form === 'identifiers');
      if (id?.form === 'identifiers') expect(id.data.fullName).toMatch(/^DEMO /);
    }
  });

  it('dates nothing after today and starts no earlier than 2008', () => {
    const dates = a.participants.flatMap((p) =>
      p.records.flatMap((r) =>
        Object.values(r.data).filter(
          (v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
        )
      )
    );
    expect(dates.every((d) => d <= today)).toBe(true);
    expect(a.participants.every((p) => p.truth.baselineDate >= '2008-01-01')).toBe(true);
  });

  it('refuses bad options, naming them', () => {
    const bad = (o: Parameters<typeof generateCohort>[0], option: string): void => {
      expect(() => generateCohort(o)).toThrow(CohortOptionError);
      expect(() => generateCohort(o)).toThrow(new RegExp(`^${option}:`));
    };
    bad({ participants: 0, seed: 1, today }, 'participants');
    bad({ participants: 1.5, seed: 1, today }, 'participants');
    bad({ participants: 10, seed: -1, today }, 'seed');
    bad({ participants: 10, seed: 1, today: '2026-02-30' }, 'today');
    bad({ participants: 10, seed: 1, today: '2001-01-01' }, 'today');
    bad({ participants: 10, seed: 1, today, sites: [] }, 'sites');
  });
});
