import { describe, expect, it } from 'vitest';
import { forms, missingForComplete } from './forms.js';
import { participantForm } from './participant.js';
import { lesionFindingForm } from './lesion-finding.js';

const SITE = '6f1c2a70-1b5e-4a39-9a3c-2f0b4f7b8e11';

describe('case-report forms', () => {
  it('parses a minimal participant and fills defaults', () => {
    const p = participantForm.create.parse({ siteId: SITE, sex: 'female', birthYear: 1961 });
    expect(p.symptoms).toEqual([]);
    expect(p.sex).toBe('female');
  });

  it('names an unknown key as the field at fault', () => {
    const r = participantForm.create.safeParse({ siteId: SITE, sexx: 'female' });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('sexx');
  });

  it('names the field and the bound of an out-of-range value', () => {
    const r = lesionFindingForm.create.safeParse({ examId: SITE, sizeLongMm: 900 });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.path).toEqual(['sizeLongMm']);
    expect(issue.message).toBe('must be at most 250 mm');
  });

  it('rejects a code that is not in the list, listing the allowed codes', () => {
    const r = lesionFindingForm.create.safeParse({ examId: SITE, lgePattern: 'speckled' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toContain('heterogeneous');
  });

  it('requires the version on update, and accepts a partial change', () => {
    expect(participantForm.update.safeParse({ sex: 'male' }).success).toBe(false);
    expect(participantForm.update.parse({ version: 3, sex: 'male' })).toEqual({ version: 3, sex: 'male' });
  });

  it('lists what is missing before a form can be complete', () => {
    expect(missingForComplete('treatment', { type: 'anticoagulation', intent: null })).toEqual(['intent']);
    expect(missingForComplete('treatment', { type: 'anticoagulation', intent: 'curative' })).toEqual([]);
  });

  it('has a label in both languages for every form', () => {
    for (const f of Object.values(forms)) {
      expect(f.label.en.length).toBeGreaterThan(2);
      expect(f.label.zh.length).toBeGreaterThan(1);
    }
  });
});
