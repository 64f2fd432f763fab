import { describe, expect, it } from 'vitest';
import { makeDecisionInput, type LesionFeatures } from './input.js';
import { criterionPoints, PAZOS_LOPEZ_2014, pointsForLikelihoodRatio } from './likelihood-points.js';
import { thrombusVersusTumour } from './thrombus-vs-tumour.js';
import { ANGIOSARCOMA, MYXOMA, THROMBUS } from './typical-cases.js';

const lesion = (l: Partial<LesionFeatures>): ReturnType<typeof makeDecisionInput> =>
  makeDecisionInput({ lesion: l });

describe('points from Pazos-López 2014 Table 3, by hand', () => {
  it('maps likelihood ratios to points at 1.5, 3, 10 and 25', () => {
    expect([1, 1.49, 1.5, 2.99, 3, 9.99, 10, 24.9, 25, Infinity].map(pointsForLikelihoodRatio)).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 4, 4,
    ]);
    expect(() => pointsForLikelihoodRatio(0.5)).toThrow('lr must be >= 1');
  });

  it('derives each criterion from its sensitivity and specificity', () => {
    // TI pattern: LR+ = 94/2 = 47 -> 4; 1/LR- = 98/6 = 16.3 -> 3.
    expect(criterionPoints(PAZOS_LOPEZ_2014.typicalTiPattern)).toEqual({ present: 4, absent: -3 });
    // No FPP: LR+ = 96/30 = 3.2 -> 2; 1/LR- = 70/4 = 17.5 -> 3.
    expect(criterionPoints(PAZOS_LOPEZ_2014.noFirstPassPerfusion)).toEqual({ present: 2, absent: -3 });
    // Homogeneous: LR+ = 99/46 = 2.15 -> 1; 1/LR- = 54/1 = 54 -> 4.
    expect(criterionPoints(PAZOS_LOPEZ_2014.homogeneous)).toEqual({ present: 1, absent: -4 });
    // No motility: LR+ = 87/67 = 1.3 -> 0; 1/LR- = 33/13 = 2.5 -> 1.
    expect(criterionPoints(PAZOS_LOPEZ_2014.noMotility)).toEqual({ present: 0, absent: -1 });
    // Diameter < 24 mm: LR+ = 84/22 = 3.8 -> 2; 1/LR- = 78/16 = 4.9 -> 2.
    expect(criterionPoints(PAZOS_LOPEZ_2014.diameterBelow24mm)).toEqual({ present: 2, absent: -2 });
    expect(() => criterionPoints({ sensitivity: 120, specificity: 50 })).toThrow('percentages');
  });
});

describe('thrombus versus tumour', () => {
  it('calls the typical thrombus a thrombus, with the TI-scout pattern first', () => {
    const r = thrombusVersusTumour(THROMBUS.input);
    expect(r.verdict).toBe('thrombus');
    expect(r.leaning).toBe('thrombus');
    expect(r.for[0]!.code).toBe('thrombus_vs_tumour.nulling_long_ti');
    expect(r.for[0]!.points).toBe(4);
    expect(r.missing).toEqual([]);
    expect(r.citation).toContain('JACC Cardiovasc Imaging 2014');
  });

  it('calls enhancing, non-nulled masses tumours', () => {
    for (const c of [MYXOMA, ANGIOSARCOMA]) {
      const r = thrombusVersusTumour(c.input);
      expect(r.verdict).toBe('tumour');
      expect(r.against.map((x) => x.code)).toEqual(
        expect.arrayContaining(['thrombus_vs_tumour.nulling_long_ti', 'thrombus_vs_tumour.no_perfusion'])
      );
    }
  });

  it('does not decide without the TI pattern, but says which way the rest leans and what is missing', () => {
    const r = thrombusVersusTumour({
      ...THROMBUS.input,
      lesion: { ...THROMBUS.input.lesion!, nullingLongTi: null },
    });
    expect(r.verdict).toBe('indeterminate');
    expect(r.leaning).toBe('thrombus');
    expect(r.missing).toEqual(['nullingLongTi']);
  });

  it('does not decide when the findings disagree (nulled but enhancing)', () => {
    const r = thrombusVersusTumour(
      lesion({ nullingLongTi: 'yes', lgePattern: 'heterogeneous', firstPassPerfusion: 'none' })
    );
    expect(r.verdict).toBe('indeterminate');
    expect(r.for.length).toBeGreaterThan(0);
    expect(r.against.length).toBeGreaterThan(0);
  });

  it('counts enhancement from either FPP or LGE, and needs at least one', () => {
    expect(thrombusVersusTumour(lesion({ nullingLongTi: 'yes', lgePattern: 'none' })).verdict).toBe(
      'thrombus'
    );
    expect(thrombusVersusTumour(lesion({ nullingLongTi: 'no', firstPassPerfusion: 'mild' })).verdict).toBe(
      'tumour'
    );
    const none = thrombusVersusTumour(lesion({ nullingLongTi: 'yes' }));
    expect(none.verdict).toBe('indeterminate');
    expect(none.missing).toEqual(expect.arrayContaining(['firstPassPerfusion', 'lgePattern']));
  });
});
