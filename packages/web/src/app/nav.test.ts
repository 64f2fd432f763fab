import { describe, expect, it } from 'vitest';
import { testUser } from '../test/render.js';
import { can, homeOf, navFor } from './nav.js';

describe('role-aware navigation', () => {
  it('gives each role its daily pages, home first', () => {
    expect(navFor('coordinator').map((i) => i.key)).toEqual(['worklist', 'participants', 'analysis']);
    expect(navFor('monitor').map((i) => i.key)).toContain('audit');
    expect(homeOf('statistician')).toBe('/analysis');
  });

  it('keeps readers blind: no casebooks, no results', () => {
    expect(navFor('reader').map((i) => i.key)).toEqual(['readingQueue']);
    const reader = testUser('reader');
    for (const f of [
      'reference_diagnosis',
      'treatment',
      'follow_up_visit',
      'outcome_event',
      'identifiers',
    ] as const) {
      expect(can(reader, 'read', f, null)).toBe(false);
    }
    expect(can(reader, 'create', 'reading', null)).toBe(true);
  });

  it('mirrors the server: monitors read but do not write', () => {
    const m = testUser('monitor');
    expect(can(m, 'read', 'cmr_exam', 'any-site')).toBe(true);
    expect(can(m, 'update', 'cmr_exam', 'any-site')).toBe(false);
  });
});
