import { describe, expect, it } from 'vitest';
import { imagingJobRequest, roiMask } from './job-request.js';

describe('imaging job requests', () => {
  it('reads a polygon as the viewer draws it: a pixel is inside when its centre (c + 0.5, r + 0.5) is', () => {
    const mask = roiMask(4, 4, [
      [1, 1],
      [3, 1],
      [3, 3],
      [1, 3],
    ]);
    const inside = [...mask.entries()].filter(([, v]) => v === 1).map(([p]) => [Math.floor(p / 4), p % 4]);
    expect(inside).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
    ]);
  });

  it('names the field at fault', () => {
    const field = (body: unknown): string | undefined => {
      const r = imagingJobRequest.safeParse(body);
      return r.success ? undefined : r.error.issues[0]!.path.join('.');
    };
    const ecv = { kind: 'ecv', preMapIds: [crypto.randomUUID()], postMapIds: [crypto.randomUUID()] };
    expect(field({ kind: 't1', method: 'auto' })).toBeUndefined();
    expect(field({ kind: 'pd' })).toBe('kind');
    expect(field(ecv)).toBe('bloodRoi');
    expect(field({ ...ecv, bloodT1: { preMs: 1900, postMs: 420 }, postMapIds: [] })).toBe('postMapIds');
    expect(field({ ...ecv, bloodT1: { preMs: 1900, postMs: 2000 } })).toBe('bloodT1.postMs');
    expect(
      field({
        ...ecv,
        bloodRoi: {
          polygon: [
            [0, 0],
            [1, 0],
            [1, 1],
          ],
        },
        haematocrit: 0.05,
      })
    ).toBe('haematocrit');
  });
});
