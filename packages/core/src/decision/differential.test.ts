import { describe, expect, it } from 'vitest';
import { differential } from './differential.js';
import { makeDecisionInput, type DecisionInput, type LesionFeatures } from './input.js';
import { TYPICAL_CASES, THROMBUS, MYXOMA, LIPOMA } from './typical-cases.js';

/** The input with some lesion fields replaced. */
function withLesion(input: DecisionInput, change: Partial<LesionFeatures>): DecisionInput {
  return { ...input, lesion: { ...input.lesion!, ...change } };
}

describe('differential: the typical cases of clinical.md §3', () => {
  for (const c of TYPICAL_CASES) {
    it(`a typical ${c.name} leads with ${c.expected}, for the expected reasons`, () => {
      const d = differential(c.input);
      expect(d.leading.type).toBe(c.expected);
      expect(d.leading.rank).toBe(1);
      expect(d.categories[0]!.category).toBe(d.leading.category);
      const codes = d.leading.for.map((r) => r.code);
      for (const k of c.keyReasons) expect(codes).toContain(k);
      // A clear lead, not a coin toss: the typical picture should win by a margin.
      expect(d.leadMargin).toBeGreaterThanOrEqual(3);
      // Points are the sum of the reasons' points.
      const sum = (rs: readonly { points: number }[]): number => rs.reduce((s, r) => s + r.points, 0);
      expect(d.leading.points).toBe(sum(d.leading.for) - sum(d.leading.against));
    });
  }

  it('ranks every entry by points, one entry per type, ranks 1..n', () => {
    for (const c of TYPICAL_CASES) {
      const d = differential(c.input);
      const pts = d.entries.map((e) => e.points);
      expect(pts).toEqual([...pts].sort((a, b) => b - a));
      expect(new Set(d.entries.map((e) => e.type)).size).toBe(d.entries.length);
      expect(d.entries.map((e) => e.rank)).toEqual(d.entries.map((_, i) => i + 1));
    }
  });

  it('is deterministic: the same input gives the same (JSON-identical) differential', () => {
    for (const c of TYPICAL_CASES) {
      expect(JSON.stringify(differential(c.input))).toBe(
        JSON.stringify(differential(structuredClone(c.input)))
      );
    }
  });

  it('gives every reason bilingual text, its finding, fields, source and evidence', () => {
    const d = differential(MYXOMA.input);
    const loc = d.leading.for.find((r) => r.code === 'myxoma.location')!;
    expect(loc).toMatchObject({
      finding: 'location',
      fields: ['location'],
      value: 'left_atrium',
      source: 'gatti2021',
    });
    expect(loc.en).toContain('Left atrium');
    expect(loc.zh).toContain('左心房');
    expect(loc.evidence).toBe('C');
    expect(loc.citation).toContain('World J Cardiol 2021');
  });

  it('names the cancer site in the metastasis type, and secondary lymphoma with a known lymphoma', () => {
    const meta = TYPICAL_CASES.find((c) => c.expected === 'metastasis_lung')!;
    const breast = { ...meta.input, context: { ...meta.input.context, cancerSite: 'breast' as const } };
    expect(differential(breast).leading.type).toBe('metastasis_breast');
    const lymph = { ...meta.input, context: { ...meta.input.context, cancerSite: 'lymphoma_haem' as const } };
    const d = differential(lymph);
    expect(d.leading.type).toBe('metastasis_lymphoma');
    expect(d.entries.filter((e) => e.type === 'metastasis_lymphoma')).toHaveLength(1);
    expect(d.entries.some((e) => e.type === 'lymphoma_primary')).toBe(false);
  });

  it('reads melanin (T1 hyper, T2 hypo) with a known melanoma as melanoma metastasis', () => {
    const meta = TYPICAL_CASES.find((c) => c.expected === 'metastasis_lung')!;
    const mel = withLesion(
      { ...meta.input, context: { ...meta.input.context, cancerSite: 'melanoma' } },
      { t1wSignal: 'hyper', t2wSignal: 'hypo' }
    );
    const d = differential(mel);
    expect(d.leading.type).toBe('metastasis_melanoma');
    expect(d.leading.for.map((r) => r.code)).toContain('metastasis.melanin');
  });

  it('puts lipomatous septal hypertrophy before lipoma for fat in the interatrial septum', () => {
    const d = differential(
      withLesion(LIPOMA.input, { location: 'interatrial_septum', tissueLayer: 'intramural' })
    );
    expect(d.leading.type).toBe('lipomatous_septal_hypertrophy');
    expect(d.leading.category).toBe('pseudomass');
    expect(d.entries[1]!.type).toBe('lipoma');
  });

  it('recognises a papillary fibroelastoma and a crista terminalis', () => {
    const pfe = makeDecisionInput({
      lesion: {
        location: 'aortic_valve',
        tissueLayer: 'valvular',
        attachment: 'pedunculated',
        sizeLongMm: 9,
        shape: 'round',
        mobility: 'mobile',
        infiltration: false,
        pericardialEffusion: 'none',
        t1wSignal: 'iso',
        t2wSignal: 'iso',
        homogeneity: 'homogeneous',
        firstPassPerfusion: 'not_assessed',
        lgePattern: 'none',
      },
    });
    expect(differential(pfe).leading.type).toBe('papillary_fibroelastoma');
    const crista = makeDecisionInput({
      lesion: {
        location: 'right_atrium',
        tissueLayer: 'intramural',
        attachment: 'sessile',
        sizeLongMm: 12,
        shape: 'oval',
        mobility: 'immobile',
        infiltration: false,
        pericardialEffusion: 'none',
        t1wSignal: 'iso',
        t2wSignal: 'iso',
        fatSuppressionSignalLoss: 'no',
        homogeneity: 'homogeneous',
        firstPassPerfusion: 'mild',
        lgePattern: 'none',
      },
    });
    expect(differential(crista).leading.type).toBe('crista_terminalis');
    // The same right-atrial structure, thin and mobile at the caval inflow and not nulled at long TI,
    // is a Eustachian valve; without the TI finding, thrombus cannot be set aside and leads.
    const membrane = {
      ...crista.lesion!,
      location: 'vena_cava' as const,
      tissueLayer: 'intracavitary' as const,
      mobility: 'mobile' as const,
      firstPassPerfusion: 'none' as const,
    };
    const eustachian = { ...crista, lesion: { ...membrane, nullingLongTi: 'no' as const } };
    expect(differential({ ...crista, lesion: membrane }).leading.type).toBe('thrombus');
    expect(differential(eustachian).leading.type).toBe('eustachian_valve');
    // A small immobile fold of the left atrial appendage, not nulled, enhancing like myocardium: coumadin ridge.
    const ridge = {
      ...crista,
      lesion: {
        ...crista.lesion!,
        location: 'left_atrial_appendage' as const,
        sizeLongMm: 8,
        nullingLongTi: 'no' as const,
      },
    };
    const d = differential({ ...ridge, context: { ...ridge.context, atrialFibrillation: true } });
    expect(d.leading.type).toBe('coumadin_ridge');
    expect(d.leading.category).toBe('pseudomass');
  });

  it('says "no mass" for an exam without a lesion, and nothing else', () => {
    const d = differential(makeDecisionInput({ lesion: null }));
    expect(d.entries).toHaveLength(1);
    expect(d.leading).toMatchObject({ type: 'no_mass', category: 'no_mass', missing: [] });
    expect(d.leading.for[0]!.code).toBe('no_mass.no_lesion');
    expect(d.leadMargin).toBeNull();
  });
});

describe('differential: missing findings', () => {
  it('names the missing key findings of the thrombus rules and does not use them', () => {
    const input = withLesion(THROMBUS.input, {
      nullingLongTi: null,
      firstPassPerfusion: null,
      lgePattern: null,
    });
    const t = differential(input).entries.find((e) => e.type === 'thrombus')!;
    expect(t.missing).toEqual(expect.arrayContaining(['nullingLongTi', 'firstPassPerfusion', 'lgePattern']));
    const used = [...t.for, ...t.against].map((r) => r.finding);
    expect(used).not.toContain('nullingLongTi');
    expect(used).not.toContain('firstPassPerfusion');
    expect(t.criteriaRead).toBeLessThan(t.criteriaTotal);
  });

  it('tells "not acquired" and "not assessed" from "not recorded"', () => {
    const input = withLesion(
      {
        ...THROMBUS.input,
        context: {
          ...THROMBUS.input.context,
          acquired: { fpp: false, lge: true, longTi: true, fatSuppression: null },
        },
      },
      { firstPassPerfusion: null, lgePattern: 'not_assessed', nullingLongTi: null }
    );
    const gaps = differential(input).entries.find((e) => e.type === 'thrombus')!.gaps;
    expect(gaps).toEqual(
      expect.arrayContaining([
        { finding: 'firstPassPerfusion', why: 'not_acquired' },
        { finding: 'lgePattern', why: 'not_assessed' },
        { finding: 'nullingLongTi', why: 'not_recorded' },
      ])
    );
  });

  it('asks for the context a rule needs (AF for a left atrial lesion) instead of guessing', () => {
    const la = withLesion(
      { ...THROMBUS.input, context: { ...THROMBUS.input.context, atrialFibrillation: null } },
      { location: 'left_atrial_appendage' }
    );
    const t = differential(la).entries.find((e) => e.type === 'thrombus')!;
    expect(t.missing).toContain('atrialFibrillation');
    expect(t.for.map((r) => r.code)).not.toContain('thrombus.setting');
    const af = { ...la, context: { ...la.context, atrialFibrillation: true } };
    expect(differential(af).leading.for.map((r) => r.code)).toContain('thrombus.setting');
  });

  it('with nothing recorded, weighs nothing and lists what to record, leading findings first', () => {
    const d = differential(makeDecisionInput({}));
    for (const e of d.entries) {
      expect(e.points).toBe(0);
      expect(e.for).toEqual([]);
    }
    expect(d.missing).toEqual(
      expect.arrayContaining(['location', 'firstPassPerfusion', 'lgePattern', 'nullingLongTi'])
    );
    expect(d.missing.slice(0, d.leading.missing.length)).toEqual(d.leading.missing);
  });
});
