import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Attachment,
  EffusionGrade,
  Homogeneity,
  LesionLocation,
  LgePattern,
  Mobility,
  PerfusionGrade,
  RelativeSignal,
  Shape,
  TissueLayer,
  TriState,
} from '../vocab/cmr.js';
import { CancerSite } from '../vocab/diagnosis.js';
import type { CodeList } from '../vocab/define.js';
import { makeDecisionInput } from './input.js';
import { MASS_SCORE_EQUAL_WEIGHTS } from './mass-score-config.js';
import { rulesFingerprint } from './rules-table.js';
import { suggest } from './suggest.js';
import { TYPICAL_CASES, THROMBUS } from './typical-cases.js';
import { RULES_VERSION } from './version.js';

describe('suggest', () => {
  it('bundles score, rules, differential and management, stamped with what made them', () => {
    const s = suggest(THROMBUS.input);
    expect(s.rulesVersion).toBe(RULES_VERSION);
    expect(s.rulesFingerprint).toBe(rulesFingerprint());
    expect(s.massScoreConfig).toEqual({
      id: 'paolisso2024-fpp-infiltration-x2',
      version: '1.0.0',
      confirmed: false,
    });
    expect(s.massScore.configId).toBe(s.massScoreConfig.id);
    expect(s.thrombusVersusTumour.verdict).toBe('thrombus');
    expect(s.differential.leading.type).toBe('thrombus');
    expect(s.management!.type).toBe('thrombus');
    expect(s.management!.treatment).toEqual(['anticoagulation']);
    expect(s.managementWithheld).toBeNull();
    expect(s.notice.en).toContain('not a diagnosis');
  });

  it('leads with the management of each typical case’s leading diagnosis', () => {
    const expected: Record<string, string> = {
      myxoma: 'surgical_resection',
      lipoma: 'conservative',
      thrombus: 'anticoagulation',
      pericardial_cyst: 'conservative',
      angiosarcoma: 'surgical_resection',
      metastasis_lung: 'chemotherapy',
      fibroma: 'surgical_resection',
    };
    for (const c of TYPICAL_CASES) {
      expect(suggest(c.input).management!.treatment[0]).toBe(expected[c.expected]);
    }
  });

  it('uses the mass-score configuration it is given and records it', () => {
    const s = suggest(THROMBUS.input, { massScoreConfig: MASS_SCORE_EQUAL_WEIGHTS });
    expect(s.massScoreConfig.id).toBe(MASS_SCORE_EQUAL_WEIGHTS.id);
    expect(s.massScore.max).toBe(6);
  });

  it('is deterministic and survives a JSON round trip unchanged', () => {
    for (const c of TYPICAL_CASES) {
      const a = JSON.stringify(suggest(c.input));
      expect(JSON.stringify(suggest(structuredClone(c.input)))).toBe(a);
      expect(JSON.stringify(JSON.parse(a))).toBe(a);
    }
  });

  it('withholds management when nothing leads, instead of guessing', () => {
    const blank = suggest(makeDecisionInput({}));
    expect(blank.differential.leadMargin).toBe(0);
    expect(blank.management).toBeNull();
    expect(blank.managementWithheld!.en).toContain('No management suggested');
  });

  it('collects what is missing, and for no mass asks for nothing', () => {
    const partial = suggest(makeDecisionInput({ lesion: { location: 'left_ventricle' } }));
    // A location alone ties fibroma and rhabdomyoma (ventricle): no management on a tie.
    expect(partial.differential.leadMargin).toBe(0);
    expect(partial.management).toBeNull();
    expect(partial.missing).toEqual(
      expect.arrayContaining(['nullingLongTi', 'firstPassPerfusion', 'priorMyocardialInfarction'])
    );
    const none = suggest(makeDecisionInput({ lesion: null }));
    expect(none.differential.leading.type).toBe('no_mass');
    expect(none.management!.treatment).toEqual(['conservative']);
    expect(none.massScore.applicable).toBe(false);
    expect(none.missing).toEqual([]);
  });
});

const orNull = <C extends string>(l: CodeList<C>): fc.Arbitrary<C | null> =>
  fc.option(fc.constantFrom(...l.codes));
const arbitraryInput = fc
  .record({
    lesion: fc.option(
      fc.record({
        location: orNull(LesionLocation),
        tissueLayer: orNull(TissueLayer),
        attachment: orNull(Attachment),
        sizeLongMm: fc.option(fc.integer({ min: 1, max: 150 })),
        shape: orNull(Shape),
        mobility: orNull(Mobility),
        infiltration: fc.option(fc.boolean()),
        pericardialEffusion: orNull(EffusionGrade),
        t1wSignal: orNull(RelativeSignal),
        t2wSignal: orNull(RelativeSignal),
        fatSuppressionSignalLoss: orNull(TriState),
        homogeneity: orNull(Homogeneity),
        firstPassPerfusion: orNull(PerfusionGrade),
        lgePattern: orNull(LgePattern),
        nullingLongTi: orNull(TriState),
        calcification: fc.option(fc.boolean()),
        coronaryEncasement: fc.option(fc.boolean()),
        t1NativeMs: fc.option(fc.integer({ min: 150, max: 4500 })),
      })
    ),
    ageYears: fc.option(fc.integer({ min: 0, max: 100 })),
    knownExtracardiacCancer: fc.option(fc.boolean()),
    cancerSite: orNull(CancerSite),
    atrialFibrillation: fc.option(fc.boolean()),
    priorMyocardialInfarction: fc.option(fc.boolean()),
    lvEfPercent: fc.option(fc.integer({ min: 10, max: 80 })),
    lesionsOnExam: fc.option(fc.integer({ min: 1, max: 5 })),
  })
  .map(({ lesion, ...context }) => makeDecisionInput({ lesion, context }));

describe('suggest on arbitrary inputs', () => {
  it('never throws, ranks by points, and gives management only with a clear leader', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const s = suggest(input);
        const pts = s.differential.entries.map((e) => e.points);
        expect(pts).toEqual([...pts].sort((a, b) => b - a));
        for (const e of s.differential.entries) {
          const sum = (rs: readonly { points: number }[]): number => rs.reduce((t, r) => t + r.points, 0);
          expect(e.points).toBe(sum(e.for) - sum(e.against));
        }
        if (s.management === null) expect(s.managementWithheld).not.toBeNull();
        else expect(s.management.type).toBe(s.differential.leading.type);
        if (s.massScore.score !== null) expect(s.massScore.missing).toEqual([]);
      }),
      { numRuns: 300, seed: 20260103 }
    );
  });
});
