/**
 * The analyses on the small hand-made cohort (src/testing/small-cohort.ts), with answers derived by
 * hand in the comments. Participants 1-6 are malignant by the reference, 7-12 benign, 13-18
 * non-neoplastic, 19 "no mass", 20 has a CMR but no reading, 21 no CMR; 22-24 are not enrolled.
 */
import { clopperPearson, runStatsSpec } from '@cmr-mass/stats';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeAnalysis, type ComputedAnalysis } from '../results/compute.js';
import { smallSnapshot, TOY_DECISION } from '../testing/small-cohort.js';
import { readerPairs } from './diagnosis/readers.js';

let a: ComputedAnalysis;
beforeAll(() => {
  a = computeAnalysis(smallSnapshot(), { decision: TOY_DECISION, now: () => 'T' });
});

describe('participants and data', () => {
  it('counts the flow: 24 registered, 1 pending, 2 excluded (3 reasons), 21 enrolled', () => {
    const f = a.results.participants.flow;
    expect([f.registered, f.screening, f.excluded, f.enrolled]).toEqual([24, 1, 2, 21]);
    expect(f.exclusion_reasons.filter((r) => r.n > 0)).toEqual([
      { key: 'consent_declined', n: 1 },
      { key: 'mass_undetermined', n: 1 },
      { key: 'follow_up_impossible', n: 1 },
    ]);
    // 21 enrolled: #21 has no CMR, #20 no reading; 19 read, all with a reference.
    expect([f.no_baseline_cmr, f.cmr_done, f.index_test_missing, f.in_diagnostic_analysis]).toEqual([
      1, 20, 1, 19,
    ]);
    expect(f.reference_by_method).toEqual([
      { key: 'histopathology', n: 11 },
      { key: 'follow_up', n: 5 },
      { key: 'anticoagulation_resolution', n: 3 },
    ]);
    // Deaths: #1, #2, #4, #5, #17. Lost: #6.
    expect([f.died, f.lost_to_follow_up]).toEqual([5, 1]);
  });

  it('builds Table 1 by cohort: 6 participants in each', () => {
    const t = a.results.participants.table1;
    expect(t.columns).toEqual([
      { key: 'all', n: 21 },
      { key: 'non_neoplastic', n: 6 },
      { key: 'benign', n: 6 },
      { key: 'malignant', n: 6 },
    ]);
    const inf = t.rows.find((r) => r.variable === 'infiltration');
    // Infiltration: #1-6 (all malignant) and #11; #19 and #21 have no lesion, so 'all' knows 19.
    expect(inf?.kind === 'binary' && inf.cells.map((c) => [c.n, c.of])).toEqual([
      [7, 19],
      [0, 6],
      [1, 6],
      [6, 6],
    ]);
  });

  it('tests infiltration across the cohorts with a chi-squared test, derived by hand', () => {
    const inf = a.results.participants.table1.rows.find((r) => r.variable === 'infiltration')!;
    // Yes [0, 1, 6], no [6, 5, 0] of 6 each: E = 7/3 (yes) and 11/3 (no) per cohort;
    // X² = Σ (O − E)²/E = 1116/77 = 14.4935...; df 2; the χ²(2) upper tail is exp(−X²/2).
    expect(inf.test.status).toBe('ok');
    expect(inf.test.result).toMatchObject({ test: 'chisq', df: 2 });
    expect(inf.test.result!.statistic).toBeCloseTo(1116 / 77, 12);
    expect(inf.test.result!.p).toBeCloseTo(Math.exp(-1116 / 77 / 2), 14);
    expect([inf.test.n, inf.test.n_missing]).toEqual([18, 0]);
    expect(inf.test.warnings).toEqual(['Chi-squared approximation may be incorrect']);
    // Every participant of the small cohort has the same age: R gives NaN, we say why.
    const age = a.results.participants.table1.rows.find((r) => r.variable === 'age')!;
    expect(age.test.status).toBe('not_computed');
    expect(age.test.message).toContain('same');
    const size = a.results.participants.table1.rows.find((r) => r.variable === 'size_max_mm')!;
    expect(size.test.result).toMatchObject({ test: 'kruskal', df: 2 });
  });

  it('gives follow-up completeness per visit: every 1-month visit of the 20 with a CMR was done', () => {
    const v1 = a.results.participants.follow_up.visits[0]!;
    expect(v1.month).toBe(1);
    expect(v1.done).toMatchObject({ x: 20, n: 20, estimate: 1 });
  });
});

describe('question 1: diagnosis', () => {
  it('tabulates CMR against the reference (hand counts)', () => {
    const tables = a.results.diagnosis.accuracy.map((r) => r.result?.table);
    // Neoplastic: TP #1-5, #7-11; FN #6 (thrombus), #12 (thrombus); FP #15 (myxoma), #17 (metastasis).
    expect(tables[0]).toEqual({ tp: 10, fp: 2, fn: 2, tn: 4, n: 18 });
    // Malignant vs all masses: TP #1, #2, #3, #5; FN #4 (myxoma), #6; FP #11, #17.
    expect(tables[1]).toEqual({ tp: 4, fp: 2, fn: 2, tn: 10, n: 18 });
    // Among reference tumours (#1-12): FP #11 only.
    expect(tables[2]).toEqual({ tp: 4, fp: 1, fn: 2, tn: 5, n: 12 });
  });

  it('gives sensitivity 10/12 with the exact interval of @cmr-mass/stats (R: binom.test(10, 12))', () => {
    const sens = a.results.diagnosis.accuracy[0]!.result!.sensitivity;
    expect(sens.estimate).toBeCloseTo(10 / 12, 15);
    expect(sens.clopper_pearson).toEqual([...clopperPearson(10, 12)]);
    // R 4.2.2: binom.test(10, 12)$conf.int = 0.5158623 0.9791375
    expect(sens.clopper_pearson[0]).toBeCloseTo(0.5158623, 7);
    expect(sens.clopper_pearson[1]).toBeCloseTo(0.9791375, 7);
  });

  it('agrees on 13 of 19 categories (the k x k diagonal)', () => {
    expect(a.results.diagnosis.categories.accuracy).toMatchObject({ x: 13, n: 19 });
  });

  it('pairs two blinded readers on 5 lesions (#1, #4, #7, #13, #15), ignoring the unblinded reading of #2', () => {
    expect(readerPairs(a.dataset.readings)).toHaveLength(5);
    const k = a.results.diagnosis.readers.malignant.result!;
    // Malignant vs not: agree on #1 (yes/yes), #7, #13, #15 (no/no); disagree on #4.
    expect(k.table).toEqual([
      [3, 1],
      [0, 1],
    ]);
  });

  it('finds the AUC of native T1 by hand: 58 of 66 case-control pairs ordered', () => {
    // Cases (malignant) T1: 1250..1500; controls: 11 values; 1250 and 1300 beat 9, the others 10.
    const roc = a.results.diagnosis.roc.curves.find((r) => r.id === 'q1.roc.t1_native_ms')!;
    expect(roc.n).toBe(17);
    expect(roc.result!.auc).toBeCloseTo(58 / 66, 14);
  });
});

describe('question 3: prognosis', () => {
  it('gives the numbers at risk of the malignant cohort (deaths at 200, 400, 500, 800 days)', () => {
    const km = a.results.prognosis.km.find((k) => k.endpoint === 'death')!;
    const mal = km.risk_table.find((r) => r.strata === 'cohort=malignant')!;
    // Times 0, 183, 365, 548, 731, 913, 1096 days; #6 censored at 366 (its 12-month visit).
    expect(mal.n_risk).toEqual([6, 6, 5, 2, 2, 1, 1]);
    const s36 = km.landmarks.find((l) => l.strata === 'cohort=malignant' && l.time === 1096)!;
    // S = 5/6 x 3/4 x 2/3 x 1/2.
    expect(s36.surv).toBeCloseTo((5 / 6) * (3 / 4) * (2 / 3) * (1 / 2), 14);
  });

  it('gives a cumulative incidence of recurrence of 1/6 at 36 months in the benign cohort', () => {
    const ci = a.results.prognosis.cuminc.find((c) => c.id === 'q3.cuminc.recurrence')!;
    const at = ci.result!.at_times.find((x) => x.group === 'benign' && x.cause === '1' && x.time === 1096);
    expect(at?.est).toBeCloseTo(1 / 6, 14);
  });

  it('matches a direct call to @cmr-mass/stats on the dataset rows (Cox, size per 10 mm)', () => {
    const rec = a.results.prognosis.cox[0]!.univariable[0]!;
    const rows = a.dataset.participants
      .filter((r) => r.size_max_mm !== null && r.time_death_days !== null)
      .map((r) => ({
        t: r.time_death_days,
        e: r.event_death,
        'I(size_max_mm/10)': Number(r.size_max_mm) / 10,
      }));
    const direct = runStatsSpec({
      analysis: 'coxph',
      data: rows,
      time: 't',
      event: 'e',
      terms: ['I(size_max_mm/10)'],
    });
    expect(rec.n).toBe(rows.length);
    expect(rec.result).toEqual(direct.result);
  });

  it('tallies prognosis at 36 months by cohort', () => {
    const mal = a.results.prognosis.prognosis36.by_cohort.find((g) => g.cohort === 'malignant')!;
    // Unfavourable: #1, #2, #4, #5 died, #3 recurred; #6 lost at 12 months (unknown).
    expect([mal.favourable, mal.unfavourable, mal.unknown]).toEqual([0, 5, 1]);
  });
});

describe('decision support and treatment', () => {
  it('compares the suggested treatment with the one received', () => {
    const m = a.results.treatment.management;
    expect(m.status).toBe('ok');
    // #1-18 have a lesion (so a suggestion) and a treatment; #19 has no lesion, #20 no treatment.
    expect(m.matched.n).toBe(18);
  });

  it('records the cross-validation settings and never puts the folds in the results', () => {
    const cv = a.results.decision_support.cross_validation;
    expect(cv.folds).toBe(10);
    expect('assignment' in cv).toBe(false);
  });
});
