import { describe, expect, it } from 'vitest';
import { MassType } from '../vocab/diagnosis.js';
import { makeDecisionInput, type DecisionInput, type LesionFeatures } from './input.js';
import { suggestedMainTreatment, suggestManagement, VERY_LOW_LVEF_PERCENT } from './management.js';
import { CYST, FIBROMA, METASTASIS, MYXOMA, THROMBUS } from './typical-cases.js';

const pfe = (
  l: Partial<LesionFeatures>,
  symptoms: DecisionInput['context']['symptoms'] = null
): DecisionInput =>
  makeDecisionInput({
    lesion: { location: 'aortic_valve', mobility: 'mobile', sizeLongMm: 9, ...l },
    context: { symptoms },
  });

describe('suggested management (clinical.md §7)', () => {
  it('thrombus: anticoagulation for at least 3 months, then repeat imaging; low LVEF argues for continuing', () => {
    const m = suggestManagement('thrombus', THROMBUS.input);
    expect(m).toMatchObject({
      treatment: ['anticoagulation'],
      determined: true,
      source: 'levine2022',
      evidence: 'P',
    });
    expect(m.summary.en).toContain('at least 3 months');
    expect(m.summary.en).toContain('repeat imaging');
    // LVEF 32 % is not below 30 %; the embolism question has its answer (heart failure only).
    expect(THROMBUS.input.context.lvEfPercent).toBeGreaterThan(VERY_LOW_LVEF_PERCENT);
    expect(m.modifiers.find((x) => x.code === 'lvef_very_low')!.applies).toBe(false);
    expect(m.modifiers.find((x) => x.code === 'prior_embolism')!.applies).toBe(false);
    expect(m.modifiers.find((x) => x.code === 'persists')).toMatchObject({ applies: null, fields: [] });
    expect(m.missing).toEqual([]);
    const low = {
      ...THROMBUS.input,
      context: { ...THROMBUS.input.context, lvEfPercent: 20, symptoms: null },
    };
    const m2 = suggestManagement('thrombus', low);
    expect(m2.modifiers.find((x) => x.code === 'lvef_very_low')!.applies).toBe(true);
    expect(m2.missing).toEqual(['symptoms']);
  });

  it('myxoma: prompt resection; several lesions call for lifelong surveillance', () => {
    const m = suggestManagement('myxoma', MYXOMA.input);
    expect(m.treatment).toEqual(['surgical_resection']);
    expect(m.summary.en).toContain('Prompt surgical resection');
    expect(m.modifiers[0]).toMatchObject({ code: 'multicentric', applies: false });
    expect(suggestedMainTreatment(m)).toBe('surgical_resection');
  });

  it('papillary fibroelastoma: excision if left-sided, mobile, > 1 cm or embolic; otherwise surveillance', () => {
    expect(suggestManagement('papillary_fibroelastoma', pfe({})).treatment).toEqual(['surgical_resection']);
    const quiet = pfe({ location: 'tricuspid_valve', mobility: 'immobile', sizeLongMm: 8 }, ['incidental']);
    expect(suggestManagement('papillary_fibroelastoma', quiet)).toMatchObject({
      treatment: ['conservative'],
      determined: true,
    });
    const embolic = pfe({ location: 'tricuspid_valve', mobility: 'immobile', sizeLongMm: 8 }, [
      'embolic_event',
    ]);
    expect(suggestManagement('papillary_fibroelastoma', embolic).treatment).toEqual(['surgical_resection']);
    // Right-sided, immobile, small, symptoms unknown: the choice stays open and says why.
    const open = suggestManagement(
      'papillary_fibroelastoma',
      pfe({ location: 'tricuspid_valve', mobility: 'immobile', sizeLongMm: 8 })
    );
    expect(open).toMatchObject({
      determined: false,
      treatment: ['surgical_resection', 'conservative'],
      missing: ['symptoms'],
    });
    expect(suggestedMainTreatment(open)).toBeNull();
    // Left-sided already decides: the unknown symptoms do not matter then.
    expect(suggestManagement('papillary_fibroelastoma', pfe({})).missing).toEqual([]);
  });

  it('pericardial cyst: conservative when asymptomatic; aspiration or resection when symptomatic', () => {
    const m = suggestManagement('pericardial_cyst', CYST.input);
    expect(m.treatment).toEqual(['conservative']);
    expect(m.modifiers.find((x) => x.code === 'five_cm')!.applies).toBe(true);
    const sym = { ...CYST.input, context: { ...CYST.input.context, symptoms: ['chest_pain' as const] } };
    expect(suggestManagement('pericardial_cyst', sym).treatment).toEqual([
      'interventional',
      'surgical_resection',
    ]);
  });

  it('metastasis: treat the primary; a large effusion adds a tamponade check', () => {
    const m = suggestManagement('metastasis_lung', METASTASIS.input);
    expect(m.treatment).toEqual(['chemotherapy', 'radiotherapy']);
    expect(m.modifiers[0]).toMatchObject({ code: 'large_effusion', applies: false });
    const big = {
      ...METASTASIS.input,
      lesion: { ...METASTASIS.input.lesion!, pericardialEffusion: 'large' as const },
    };
    expect(suggestManagement('metastasis_lung', big).modifiers[0]!.applies).toBe(true);
  });

  it('fibroma resected when symptomatic (consensus, unconfirmed); lymphoma by chemotherapy, not surgery', () => {
    expect(suggestManagement('fibroma', FIBROMA.input)).toMatchObject({
      treatment: ['surgical_resection'],
      evidence: 'U',
    });
    expect(suggestManagement('lymphoma_primary', METASTASIS.input).treatment).toEqual(['chemotherapy']);
    expect(suggestManagement('angiosarcoma', METASTASIS.input).treatment).toEqual([
      'surgical_resection',
      'chemotherapy',
      'radiotherapy',
    ]);
    expect(suggestManagement('crista_terminalis', METASTASIS.input).treatment).toEqual(['conservative']);
  });

  it('answers for every mass type, and says when clinical.md §7 has no pathway', () => {
    for (const t of MassType.codes) {
      const m = suggestManagement(t, makeDecisionInput({}));
      expect(m.type).toBe(t);
      expect(m.summary.en.length).toBeGreaterThan(0);
      expect(m.summary.zh.length).toBeGreaterThan(0);
      if (!m.hasPathway) expect(m.treatment).toEqual([]);
    }
    expect(suggestManagement('caseous_mac', makeDecisionInput({})).hasPathway).toBe(false);
  });
});
