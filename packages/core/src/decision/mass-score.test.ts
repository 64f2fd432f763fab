import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differential } from './differential.js';
import { makeDecisionInput, type LesionFeatures } from './input.js';
import {
  defineMassScoreConfig,
  MASS_SCORE_CONFIGS,
  MASS_SCORE_EQUAL_WEIGHTS,
  MASS_SCORE_TISSUE_X2,
  massScoreConfigById,
  type MassScoreConfigSpec,
} from './mass-score-config.js';
import { cmrMassScore } from './mass-score.js';
import { ANGIOSARCOMA, MYXOMA } from './typical-cases.js';

const lesion = (l: Partial<LesionFeatures>): ReturnType<typeof makeDecisionInput> =>
  makeDecisionInput({ lesion: l });

// Hand-derived totals. Default weights: sessile 1, polylobate 1, infiltration 2, effusion 1, FPP 2,
// heterogeneous enhancement 1. Tissue variant: FPP 2 and heterogeneous enhancement 2, the rest 1.
// Equal weights: all 1, cut-off 4.
describe('CMR mass score arithmetic, by hand', () => {
  it('all six items present: 8 / 8 / 6', () => {
    // sessile ✓ polylobate ✓ infiltration ✓ moderate effusion ✓ marked FPP ✓ heterogeneous LGE ✓
    expect(cmrMassScore(ANGIOSARCOMA.input).score).toBe(1 + 1 + 2 + 1 + 2 + 1);
    expect(cmrMassScore(ANGIOSARCOMA.input, MASS_SCORE_TISSUE_X2).score).toBe(1 + 1 + 1 + 1 + 2 + 2);
    expect(cmrMassScore(ANGIOSARCOMA.input, MASS_SCORE_EQUAL_WEIGHTS).score).toBe(6);
    expect(cmrMassScore(ANGIOSARCOMA.input).malignant).toBe(true);
  });

  it('the typical myxoma: polylobate, FPP, heterogeneous LGE — 4 (benign), 5 (malignant!), 3 (benign)', () => {
    // pedunculated ✗ polylobate ✓ no infiltration ✗ no effusion ✗ mild FPP ✓ heterogeneous LGE ✓
    const d = cmrMassScore(MYXOMA.input);
    expect(d.score).toBe(1 + 2 + 1);
    expect(d.malignant).toBe(false);
    expect(d.items.map((i) => i.present)).toEqual([false, true, false, false, true, true]);
    expect(d.items.map((i) => i.points)).toEqual([0, 1, 0, 0, 2, 1]);
    // The unconfirmed weights matter: the tissue weighting calls the same myxoma malignant.
    const t = cmrMassScore(MYXOMA.input, MASS_SCORE_TISSUE_X2);
    expect(t.score).toBe(1 + 2 + 2);
    expect(t.malignant).toBe(true);
    const e = cmrMassScore(MYXOMA.input, MASS_SCORE_EQUAL_WEIGHTS);
    expect(e.score).toBe(3);
    expect(e.malignant).toBe(false);
  });

  it('sessile, infiltrating, small effusion, no FPP, homogeneous LGE: 4 / 3 / 3; 5 is the default cut-off', () => {
    const input = lesion({
      attachment: 'sessile',
      shape: 'round',
      infiltration: true,
      pericardialEffusion: 'small',
      firstPassPerfusion: 'none',
      lgePattern: 'homogeneous',
    });
    expect(cmrMassScore(input).score).toBe(1 + 2 + 1);
    expect(cmrMassScore(input, MASS_SCORE_TISSUE_X2).score).toBe(1 + 1 + 1);
    expect(cmrMassScore(input, MASS_SCORE_EQUAL_WEIGHTS).score).toBe(3);
    const withFpp = lesion({ ...input.lesion!, firstPassPerfusion: 'mild' });
    expect(cmrMassScore(withFpp)).toMatchObject({ score: 6, malignant: true, threshold: 5, max: 8 });
  });

  it('records the configuration that made each score, unconfirmed', () => {
    for (const config of Object.values(MASS_SCORE_CONFIGS)) {
      const r = cmrMassScore(MYXOMA.input, config);
      expect(r).toMatchObject({ configId: config.id, configVersion: config.version, confirmed: false });
      expect(massScoreConfigById(config.id)).toBe(config);
    }
    expect(MASS_SCORE_CONFIGS.default).toBe(MASS_SCORE_CONFIGS.fppInfiltrationX2);
    expect(MASS_SCORE_CONFIGS.default.max).toBe(8);
    expect(MASS_SCORE_EQUAL_WEIGHTS.max).toBe(6);
  });

  it('reads an intramural mass as sessile, and effusion from the configured grade', () => {
    const intramural = lesion({ attachment: 'not_applicable' });
    expect(cmrMassScore(intramural).items[0]!.present).toBe(true);
    const strict = defineMassScoreConfig({
      ...MASS_SCORE_CONFIGS.default,
      id: 'test-strict',
      interpretation: {
        effusionMinGrade: 'moderate',
        heterogeneousLge: ['heterogeneous', 'peripheral'],
        intramuralIsSessile: false,
      },
    });
    expect(cmrMassScore(intramural, strict).items[0]!.present).toBe(false);
    expect(cmrMassScore(lesion({ pericardialEffusion: 'small' }), strict).items[3]!.present).toBe(false);
    expect(cmrMassScore(lesion({ pericardialEffusion: 'large' }), strict).items[3]!.present).toBe(true);
    expect(cmrMassScore(lesion({ lgePattern: 'peripheral' }), strict).items[5]!.present).toBe(true);
    expect(cmrMassScore(lesion({ lgePattern: 'peripheral' })).items[5]!.present).toBe(false);
  });
});

describe('CMR mass score with missing findings', () => {
  it('returns no score, names what is missing and gives the range still possible', () => {
    const input = {
      ...ANGIOSARCOMA.input,
      lesion: { ...ANGIOSARCOMA.input.lesion!, firstPassPerfusion: null },
    };
    const r = cmrMassScore(input);
    expect(r.score).toBeNull();
    expect(r.malignant).toBeNull();
    expect(r.missing).toEqual(['firstPassPerfusion']);
    expect(r.partialScore).toBe(6);
    expect(r.range).toEqual({ min: 6, max: 8 });
    // Even without FPP, 6 already reaches the cut-off of 5.
    expect(r.malignantByRange).toBe(true);
    expect(r.items[4]).toMatchObject({
      item: 'first_pass_perfusion',
      present: null,
      points: null,
      value: null,
    });
  });

  it('says when the range already rules malignancy out, and when it cannot tell', () => {
    const m = { ...MYXOMA.input, lesion: { ...MYXOMA.input.lesion!, lgePattern: 'not_assessed' as const } };
    const r = cmrMassScore(m);
    expect(r.gaps).toEqual([{ finding: 'lgePattern', why: 'not_assessed' }]);
    expect(r.range).toEqual({ min: 3, max: 4 });
    expect(r.malignantByRange).toBe(false);
    const open = cmrMassScore(lesion({ attachment: 'sessile', infiltration: true }));
    expect(open.range).toEqual({ min: 3, max: 8 });
    expect(open.malignantByRange).toBeNull();
    expect(open.missing).toEqual(['shape', 'pericardialEffusion', 'firstPassPerfusion', 'lgePattern']);
  });

  it('marks a sequence that was not acquired', () => {
    const input = makeDecisionInput({ lesion: {}, context: { acquired: { fpp: false } } });
    expect(cmrMassScore(input).gaps).toContainEqual({ finding: 'firstPassPerfusion', why: 'not_acquired' });
  });

  it('is not applicable without a lesion', () => {
    const r = cmrMassScore(makeDecisionInput({ lesion: null }));
    expect(r).toMatchObject({
      applicable: false,
      score: null,
      malignant: null,
      malignantByRange: null,
      missing: [],
    });
  });
});

describe('mass-score configurations are checked', () => {
  const spec: MassScoreConfigSpec = { ...MASS_SCORE_CONFIGS.default, id: 'x' };
  it('refuses bad weights, thresholds and ids, naming the field', () => {
    expect(() => defineMassScoreConfig({ ...spec, weights: { ...spec.weights, polylobate: 0 } })).toThrow(
      'weights.polylobate must be a positive whole number'
    );
    expect(() => defineMassScoreConfig({ ...spec, weights: { ...spec.weights, sessile: 1.5 } })).toThrow(
      'weights.sessile'
    );
    expect(() => defineMassScoreConfig({ ...spec, threshold: 9 })).toThrow(
      'threshold must be a whole number from 1 to 8'
    );
    expect(() => defineMassScoreConfig({ ...spec, id: 'Bad Id' })).toThrow('id must be');
    expect(() =>
      defineMassScoreConfig({ ...spec, interpretation: { ...spec.interpretation, heterogeneousLge: [] } })
    ).toThrow('heterogeneousLge');
  });
});

// A lesion's six score findings, each possibly missing or not assessed.
const scoreFindings = fc.record({
  attachment: fc.constantFrom(null, 'sessile', 'pedunculated', 'not_applicable'),
  shape: fc.constantFrom(null, 'round', 'oval', 'polylobate', 'irregular'),
  infiltration: fc.constantFrom(null, true, false),
  pericardialEffusion: fc.constantFrom(null, 'none', 'small', 'moderate', 'large'),
  firstPassPerfusion: fc.constantFrom(null, 'none', 'mild', 'marked', 'not_assessed'),
  lgePattern: fc.constantFrom(
    null,
    'none',
    'homogeneous',
    'heterogeneous',
    'peripheral',
    'surface',
    'not_assessed'
  ),
}) as fc.Arbitrary<Partial<LesionFeatures>>;

// Setting each item's finding to a value that makes the item present (a malignant feature).
const MALIGNANT_VALUE: readonly Partial<LesionFeatures>[] = [
  { attachment: 'sessile' },
  { shape: 'polylobate' },
  { infiltration: true },
  { pericardialEffusion: 'large' },
  { firstPassPerfusion: 'marked' },
  { lgePattern: 'heterogeneous' },
];

describe('monotonicity: adding a malignant feature never lowers the score', () => {
  it('holds for the score, the partial score and both ends of the range, in every configuration', () => {
    fc.assert(
      fc.property(scoreFindings, fc.integer({ min: 0, max: 5 }), (found, k) => {
        for (const config of Object.values(MASS_SCORE_CONFIGS)) {
          const before = cmrMassScore(lesion(found), config);
          if (before.items[k]!.present === true) continue;
          const after = cmrMassScore(lesion({ ...found, ...MALIGNANT_VALUE[k] }), config);
          expect(after.partialScore).toBeGreaterThan(before.partialScore);
          expect(after.range.min).toBeGreaterThan(before.range.min);
          expect(after.range.max).toBeGreaterThanOrEqual(before.range.max);
          if (before.score !== null && after.score !== null) {
            expect(after.score).toBeGreaterThan(before.score);
          }
          if (before.malignant === true) expect(after.malignant).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20260101 }
    );
  });

  it('also never lowers the points of a malignant tumour without a row of its own (general features)', () => {
    fc.assert(
      fc.property(scoreFindings, fc.integer({ min: 0, max: 5 }), (found, k) => {
        const before = cmrMassScore(lesion(found));
        if (before.items[k]!.present === true) return;
        const pts = (l: Partial<LesionFeatures>): number =>
          differential(lesion(l)).entries.find((e) => e.type === 'sarcoma_other')!.points;
        expect(pts({ ...found, ...MALIGNANT_VALUE[k] })).toBeGreaterThanOrEqual(pts(found));
      }),
      { numRuns: 200, seed: 20260102 }
    );
  });
});
