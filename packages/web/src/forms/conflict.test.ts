import { describe, expect, it } from 'vitest';
import { compareVersions, rebase } from './conflict.js';

describe('version conflicts', () => {
  const base = { id: 'r', version: 2, sizeLongMm: 20, location: 'left_atrium', shape: 'round' };
  const theirs = { ...base, version: 3, sizeLongMm: 25, shape: 'oval' };

  it('shows both sides of every field either changed, clashes first', () => {
    const rows = compareVersions(base, { sizeLongMm: 22, location: 'right_atrium' }, theirs);
    expect(rows.map((r) => [r.field, r.clash])).toEqual([
      ['sizeLongMm', true],
      ['location', false],
      ['shape', false],
    ]);
    expect(rows[0]).toMatchObject({ mine: 22, theirs: 25, base: 20 });
  });

  it('re-bases my changes on the current version', () => {
    expect(rebase({ sizeLongMm: 22, shape: 'oval' }, theirs)).toEqual({ sizeLongMm: 22 });
  });
});
