import { categoryOfType, daysBetween, type MassCategory } from '@cmr-mass/core';
import { describe, expect, it } from 'vitest';
import { generateCohort } from './cohort.js';
import { CATEGORY_MIX } from './profiles/index.js';
import { expectedStatus, summarizeCohort } from './summary.js';
import type { SyntheticParticipant } from './types.js';

/**
 * The cohort on N = 2,000 falls in the intended ranges. Tolerances: a share p on n draws has a
 * standard error sqrt(p(1-p)/n); we allow about 4 standard errors, so that a correct generator fails
 * less than once in 10,000 seeds, and a wrong constant (say a category at half its share) fails.
 */
const today = '2026-06-01';
const cohort = generateCohort({ participants: 2000, seed: 2026, today });
const summary = summarizeCohort(cohort);
const n = cohort.participants.length;
const tol = (p: number, of: number): number => 4 * Math.sqrt((p * (1 - p)) / of);

const recordsOf = <F extends SyntheticParticipant['records'][number]['form']>(
  p: SyntheticParticipant,
  form: F
): Extract<SyntheticParticipant['records'][number], { form: F }>[] =>
  p.records.filter(
    (r): r is Extract<SyntheticParticipant['records'][number], { form: F }> => r.form === form
  );

describe('case mix and participants', () => {
  it('follows the category mix (clinical.md §5a plus no-mass and pseudomass)', () => {
    for (const [category, p] of CATEGORY_MIX) {
      const share = (summary.byCategory[category] ?? 0) / n;
      expect(Math.abs(share - p), category).toBeLessThan(tol(p, n));
    }
  });

  it('spreads participants over every site, with excluded, withdrawn and lost participants', () => {
    expect(Object.keys(summary.bySite)).toHaveLength(8);
    for (const s of ['excluded', 'withdrawn', 'lost_to_follow_up', 'completed', 'enrolled']) {
      expect(summary.byStatus[s] ?? 0, s).toBeGreaterThan(0);
    }
    const reasons = new Set(cohort.participants.map((p) => p.truth.exclusion).filter((x) => x !== null));
    expect([...reasons].sort()).toEqual(['consent_declined', 'follow_up_impossible', 'mass_undetermined']);
    // About 4 % excluded by design (0.04 x prospective share + 1 % + 1.5 % of masses).
    expect((summary.byStatus.excluded ?? 0) / n).toBeLessThan(0.06);
  });

  it('gives each type its ages and sexes (clinical.md §5b)', () => {
    const of = (type: string): SyntheticParticipant[] =>
      cohort.participants.filter((p) => p.truth.massType === type);
    const meanAge = (ps: SyntheticParticipant[]): number =>
      ps.reduce((s, p) => s + p.truth.age, 0) / ps.length;
    // Rhabdomyoma: infants; thrombus older than myxoma; angiosarcoma ~44 y.
    expect(meanAge(of('rhabdomyoma'))).toBeLessThan(6);
    expect(meanAge(of('thrombus'))).toBeGreaterThan(meanAge(of('myxoma')) + 5);
    expect(Math.abs(meanAge(of('angiosarcoma')) - 44.4)).toBeLessThan(10);
    // Myxoma: female predominance; breast metastasis: women.
    const male = (ps: SyntheticParticipant[]): number =>
      ps.filter((p) => recordsOf(p, 'participant')[0]!.data.sex === 'male').length / ps.length;
    expect(male(of('myxoma'))).toBeLessThan(0.5);
    expect(male(of('metastasis_breast'))).toBeLessThan(0.1);
  });

  it('scans mostly at 3 T, with baseline dates from 2008 to today', () => {
    const exams = cohort.participants.flatMap((p) =>
      recordsOf(p, 'cmr_exam').filter((e) => e.data.kind === 'baseline')
    );
    const share3 = exams.filter((e) => e.data.fieldStrengthT === 3).length / exams.length;
    expect(share3).toBeGreaterThan(0.75);
    expect(share3).toBeLessThan(0.95);
    const years = new Set(exams.map((e) => e.data.examDate.slice(0, 4)));
    expect(years.has('2008') && years.has('2026')).toBe(true);
  });
});

describe('CMR features and quantities', () => {
  const baselineFindings = (
    type: string
  ): Extract<SyntheticParticipant['records'][number], { form: 'lesion_finding' }>[] =>
    cohort.participants
      .filter((p) => p.truth.massType === type)
      .flatMap((p) => {
        const base = recordsOf(p, 'cmr_exam').find((e) => e.data.kind === 'baseline');
        return recordsOf(p, 'lesion_finding').filter((f) => f.data.examId === base?.id);
      });
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

  it('draws features from each type profile, with atypical cases (not deterministic by type)', () => {
    const thrombi = baselineFindings('thrombus');
    const nulled = thrombi.filter((f) => f.data.nullingLongTi === 'yes').length;
    const assessed = thrombi.filter((f) => f.data.nullingLongTi !== 'not_assessed').length;
    // Pazos-López: typical TI pattern in 94 % of thrombi; atypical cases lower it a little.
    expect(nulled / assessed).toBeGreaterThan(0.8);
    expect(nulled / assessed).toBeLessThan(0.99);
    const lipomas = baselineFindings('lipoma');
    expect(
      lipomas.filter((f) => f.data.fatSuppressionSignalLoss === 'yes').length / lipomas.length
    ).toBeGreaterThan(0.8);
    const malignant = cohort.participants.filter((p) => p.truth.category === 'malignant_tumour');
    const infiltrating = malignant
      .flatMap((p) => recordsOf(p, 'lesion_finding').slice(0, 1))
      .filter((f) => f.data.infiltration);
    expect(infiltrating.length / malignant.length).toBeGreaterThan(0.4);
    const atypical = cohort.participants.filter((p) => p.truth.atypical).length / n;
    expect(atypical).toBeGreaterThan(0.02);
    expect(atypical).toBeLessThan(0.1);
  });

  it('gives T1/T2 consistent with the type and the field strength (clinical.md §4)', () => {
    const t1 = (type: string, field: 1.5 | 3): number[] =>
      cohort.participants
        .filter((p) => p.truth.massType === type)
        .flatMap((p) => {
          const base = recordsOf(p, 'cmr_exam').find((e) => e.data.kind === 'baseline');
          if (base?.data.fieldStrengthT !== field) return [];
          return recordsOf(p, 'lesion_finding')
            .filter((f) => f.data.examId === base.id && f.data.t1NativeMs != null)
            .map((f) => f.data.t1NativeMs!);
        });
    // Lipoma (fat) well below, pericardial cyst (fluid) far above, myxoma above myocardium.
    expect(mean(t1('lipoma', 3))).toBeLessThan(600);
    expect(mean(t1('pericardial_cyst', 3))).toBeGreaterThan(2800);
    expect(mean(t1('myxoma', 3))).toBeGreaterThan(1500);
    // The same tissue reads longer at 3 T than at 1.5 T (Granitz 2019: x 1.19).
    expect(mean(t1('myxoma', 3))).toBeGreaterThan(mean(t1('myxoma', 1.5)));
  });
});

describe('readers', () => {
  it('are right about as often as the literature reports, and worse for benign vs malignant', () => {
    // Shenoy 98.4 %, Mousavi 89-94 %; we aim at ~93-95 % overall.
    expect(summary.firstReaderAccuracy.value).toBeGreaterThan(0.9);
    expect(summary.firstReaderAccuracy.value).toBeLessThan(0.98);
    expect(summary.benignVsMalignantAmongTumours.value).toBeGreaterThan(0.85);
    expect(summary.benignVsMalignantAmongTumours.value).toBeLessThan(summary.firstReaderAccuracy.value);
    // A second reader on about a quarter; agreement around Mousavi's 95 %.
    expect(summary.readerAgreement.of).toBeGreaterThan(0.15 * n);
    expect(summary.readerAgreement.value).toBeGreaterThan(0.88);
    expect(summary.readerAgreement.value).toBeLessThan(0.99);
  });
});

describe('outcomes', () => {
  it('kills malignant tumours much faster than benign ones (clinical.md §1, §5b)', () => {
    const m = summary.mortality;
    // Angiosarcoma ~55-65 % and metastases ~50 % at 1 year; Shenoy benign ~17 % at 5 years.
    expect(m.malignant_tumour!.oneYear).toBeGreaterThan(0.35);
    expect(m.malignant_tumour!.oneYear).toBeLessThan(0.7);
    expect(m.benign_tumour!.oneYear).toBeLessThan(0.1);
    expect(m.malignant_tumour!.threeYears).toBeGreaterThan(0.7);
    // Shenoy: thrombus worse than no mass (HR 1.46), benign and pseudomass about as no mass.
    expect(m.thrombus!.threeYears).toBeGreaterThan(m.no_mass!.threeYears);
    expect(m.malignant_tumour!.threeYears).toBeGreaterThan(3 * m.benign_tumour!.threeYears);
  });

  it('clusters thrombus embolism early (Karger: most within 3 months)', () => {
    const days = cohort.participants
      .filter((p) => p.truth.category === 'thrombus')
      .map((p) => p.truth.eventDays.thromboembolism)
      .filter((d): d is number => d !== undefined && d <= 365);
    const early = days.filter((d) => d <= 90).length;
    // A constant hazard would put 90/365 = 25 % of the first-year events in the first 90 days.
    expect(days.length).toBeGreaterThan(10);
    expect(early / days.length).toBeGreaterThan(0.5);
  });

  it('dates events consistently: nothing after death but the contact that reports it', () => {
    for (const p of cohort.participants) {
      const death = recordsOf(p, 'outcome_event').find((e) => e.data.type === 'death');
      if (!death) continue;
      const d = death.data.eventDate;
      expect(recordsOf(p, 'outcome_event').every((e) => e.data.eventDate <= d)).toBe(true);
      const after = recordsOf(p, 'follow_up_visit').filter((v) => v.data.contactDate > d);
      expect(after.every((v) => v.data.vitalStatus === 'dead')).toBe(true);
      expect(after.length).toBeLessThanOrEqual(1);
      expect(
        recordsOf(p, 'treatment').every((t) => t.data.startDate <= d && (t.data.endDate ?? d) <= d)
      ).toBe(true);
    }
  });

  it('follows thrombi on anticoagulation to resolution and re-images some lesions with the same identity', () => {
    const thrombi = cohort.participants.filter((p) => p.truth.category === 'thrombus');
    const resolved = thrombi.filter((p) =>
      recordsOf(p, 'reference_diagnosis').some((r) => r.data.method === 'anticoagulation_resolution')
    ).length;
    expect(resolved / thrombi.length).toBeGreaterThan(0.4);
    const reimaged = cohort.participants.flatMap((p) =>
      recordsOf(p, 'lesion_finding').filter((f) => f.data.lesionId !== undefined)
    );
    expect(reimaged.length).toBeGreaterThan(50);
    for (const p of cohort.participants) {
      const keys = new Set(
        recordsOf(p, 'lesion_finding')
          .filter((f) => f.data.lesionId === undefined)
          .map((f) => f.lesionKey)
      );
      for (const f of recordsOf(p, 'lesion_finding')) {
        if (f.data.lesionId !== undefined) expect(keys.has(f.data.lesionId)).toBe(true);
      }
    }
  });

  it('treats by type following clinical.md §7', () => {
    const main = (cat: MassCategory, type: string): number => {
      const ps = cohort.participants.filter(
        (p) => categoryOfType(p.truth.massType) === cat && p.truth.exclusion === null
      );
      return ps.filter((p) => recordsOf(p, 'treatment').some((t) => t.data.type === type)).length / ps.length;
    };
    expect(main('thrombus', 'anticoagulation')).toBeGreaterThan(0.85);
    expect(main('malignant_tumour', 'chemotherapy')).toBeGreaterThan(0.5);
    const myxomas = cohort.participants.filter(
      (p) => p.truth.massType === 'myxoma' && p.truth.exclusion === null
    );
    const resected = myxomas.filter((p) =>
      recordsOf(p, 'treatment').some((t) => t.data.type === 'surgical_resection')
    );
    expect(resected.length / myxomas.length).toBeGreaterThan(0.8);
    expect(
      cohort.participants
        .filter((p) => p.truth.category === 'no_mass')
        .every((p) => recordsOf(p, 'treatment').length === 0)
    ).toBe(true);
  });
});

describe('follow-up around today', () => {
  it('leaves visits due, overdue and missed for the worklist, and most done in window', () => {
    const v = summary.visits;
    expect(v.due).toBeGreaterThan(0);
    expect(v.overdue).toBeGreaterThan(0);
    expect(v.missed).toBeGreaterThan(0);
    expect(v.upcoming).toBeGreaterThan(0);
    expect(v.done_out_of_window).toBeGreaterThan(0);
    expect(v.done / (v.done + v.done_out_of_window + v.missed)).toBeGreaterThan(0.75);
  });

  it('has recent participants still in follow-up, and contacts of every mode', () => {
    const recent = cohort.participants.filter((p) => daysBetween(p.truth.baselineDate, today) < 365);
    expect(recent.filter((p) => expectedStatus(p) === 'enrolled').length).toBeGreaterThan(50);
    const modes = new Set(
      cohort.participants.flatMap((p) => recordsOf(p, 'follow_up_visit').map((v) => v.data.mode))
    );
    expect([...modes].sort()).toEqual(['electronic_record', 'outpatient', 'telephone']);
  });
});
