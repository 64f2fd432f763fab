import { describe, expect, it } from 'vitest';
import { compareWithR } from './compare-with-r.js';

/** The comparison must be able to fail, or the fixture tests prove nothing. */
describe('compareWithR', () => {
  const r = { a: 1.5, p: 1e-50, s: 'x', v: [1, 'NA'], iter: 4, o: { q: 0 } };
  it('accepts an equal result and numbers within tolerance', () => {
    expect(compareWithR(r, { ...r, a: 1.5 * (1 + 5e-10) }, 1e-9).mismatches).toEqual([]);
    expect(compareWithR(r, { ...r, iter: 99 }, 1e-9).mismatches).toEqual([]); // iter is not compared
  });
  it('rejects numbers outside tolerance, NA replaced by a number or null, missing and extra keys', () => {
    const paths = (a: unknown): string[] => compareWithR(r, a, 1e-9).mismatches.map((m) => m.path);
    expect(paths({ ...r, a: 1.5 * (1 + 1e-8) })).toEqual(['a']);
    expect(paths({ ...r, v: [1, 2] })).toEqual(['v[1]']);
    expect(paths({ ...r, v: [1, null] })).toEqual(['v[1]']);
    expect(paths({ ...r, v: [1] })).toEqual(['v']);
    const { s: _s, ...noS } = r;
    expect(paths(noS)).toEqual(['s']);
    expect(paths({ ...r, extra: 1 })).toEqual(['extra']);
    expect(paths({ ...r, iter: 'four' })).toEqual(['iter']);
  });
  it('compares p-values on the log scale', () => {
    expect(compareWithR(r, { ...r, p: 1e-50 * (1 + 1e-7) }, 1e-9).mismatches).toEqual([]); // |Δ ln p| = 1e-7 < 4e-9 · 115
    expect(compareWithR(r, { ...r, p: 1e-50 * (1 + 1e-6) }, 1e-9).mismatches.length).toBe(1);
    expect(compareWithR({ p: 0 }, { p: 1e-301 }, 1e-9).mismatches).toEqual([]);
    expect(compareWithR({ p: 0 }, { p: 1e-200 }, 1e-9).mismatches.length).toBe(1);
  });
});
