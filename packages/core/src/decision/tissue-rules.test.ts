import { describe, expect, it } from 'vitest';
import { makeDecisionInput, type LesionFeatures } from './input.js';
import { fatContent, fluidCyst, melaninSignal } from './tissue-rules.js';
import { CYST, LIPOMA, MYXOMA } from './typical-cases.js';

const lesion = (l: Partial<LesionFeatures>): ReturnType<typeof makeDecisionInput> =>
  makeDecisionInput({ lesion: l });

describe('fat content (signal loss on fat suppression)', () => {
  it('finds fat in the lipoma and none in the myxoma', () => {
    const r = fatContent(LIPOMA.input);
    expect(r.verdict).toBe('supported');
    expect(r.for.map((x) => x.code)).toEqual(['fat_content.fat_signal_loss', 'fat_content.t1']);
    expect(r.summary.en).toContain('lipoma');
    expect(fatContent(MYXOMA.input).verdict).toBe('against');
  });

  it('is undetermined without the fat-suppression finding, and says so (not acquired)', () => {
    const r = fatContent(
      makeDecisionInput({ lesion: { t1wSignal: 'hyper' }, context: { acquired: { fatSuppression: false } } })
    );
    expect(r.verdict).toBe('indeterminate');
    expect(r.gaps).toEqual([{ finding: 'fatSuppressionSignalLoss', why: 'not_acquired' }]);
    expect(r.for.map((x) => x.code)).toEqual(['fat_content.t1']);
  });

  it('adds a short native T1 as a supporting, optional reason', () => {
    const r = fatContent(lesion({ fatSuppressionSignalLoss: 'yes', t1NativeMs: 300 }));
    expect(r.for.map((x) => x.code)).toContain('fat_content.t1_map');
    expect(r.for.find((x) => x.code === 'fat_content.t1_map')!.evidence).toBe('U');
  });
});

describe('fluid without enhancement (cyst)', () => {
  it('finds fluid in the cyst', () => {
    const r = fluidCyst(CYST.input);
    expect(r.verdict).toBe('supported');
    expect(r.for.map((x) => x.code)).toEqual(
      expect.arrayContaining(['fluid_cyst.t2', 'fluid_cyst.no_enhancement'])
    );
  });

  it('rules fluid out when the mass enhances, even if T2-bright', () => {
    const r = fluidCyst(MYXOMA.input);
    expect(r.verdict).toBe('against');
    expect(r.against.map((x) => x.code)).toContain('fluid_cyst.no_enhancement');
  });

  it('needs T2 and enhancement, and names them when missing', () => {
    const r = fluidCyst(lesion({ t1wSignal: 'hypo' }));
    expect(r.verdict).toBe('indeterminate');
    expect(r.missing).toEqual(['t2wSignal', 'firstPassPerfusion', 'lgePattern']);
    expect(fluidCyst(lesion({ t2wSignal: 'hyper', lgePattern: 'none' })).verdict).toBe('supported');
  });
});

describe('melanin signal', () => {
  it('is T1 hyper with T2 hypo, with a known melanoma as a further reason', () => {
    const mel = makeDecisionInput({
      lesion: { t1wSignal: 'hyper', t2wSignal: 'hypo' },
      context: { cancerSite: 'melanoma' },
    });
    const r = melaninSignal(mel);
    expect(r.verdict).toBe('supported');
    expect(r.for.map((x) => x.code)).toContain('melanin_signal.melanoma');
    expect(melaninSignal(MYXOMA.input).verdict).toBe('against');
    expect(melaninSignal(lesion({ t1wSignal: 'hyper' })).missing).toEqual(['t2wSignal']);
  });
});
