import { describe, expect, it } from 'vitest';
import { maskStats, roiStats } from './roi-stats.js';
import { ellipseMask, polygonMask } from './shape-masks.js';

describe('roiStats', () => {
  it('computes hand-checked statistics per label, ignoring label 0 and non-finite pixels', () => {
    // Label 1: 1, 2, 3, 4 -> mean 2.5, sample SD sqrt(((1.5)²+(0.5)²+(0.5)²+(1.5)²)/3) = sqrt(5/3),
    // median (2+3)/2 = 2.5. Label 2: 10 and a NaN -> n 1. Pixels 1.5 x 2 mm: area 3 mm² each.
    const map = Float32Array.of(1, 2, 3, 4, 10, Number.NaN, 99);
    const labels = Uint8Array.of(1, 1, 1, 1, 2, 2, 0);
    const [a, b] = roiStats(map, labels, [1.5, 2]);
    expect(a).toEqual({
      label: 1,
      n: 4,
      mean: 2.5,
      sd: Math.sqrt(5 / 3),
      median: 2.5,
      min: 1,
      max: 4,
      area_mm2: 12,
    });
    expect(b).toMatchObject({ label: 2, n: 1, mean: 10, median: 10, area_mm2: 3 });
    expect(b!.sd).toBeNaN();
  });

  it('reports a label without finite pixels with n = 0', () => {
    const [a] = roiStats(Float32Array.of(Number.NaN), Uint8Array.of(3), [1, 1]);
    expect(a).toMatchObject({ label: 3, n: 0, area_mm2: 0 });
    expect(a!.mean).toBeNaN();
  });

  it('refuses a label image of another size', () => {
    expect(() => roiStats(Float32Array.of(1, 2), Uint8Array.of(1), [1, 1])).toThrow(/labels/);
  });
});

describe('polygon and ellipse masks (pixel coordinates, x = column, y = row)', () => {
  it('fills the pixel centres inside a square', () => {
    const m = polygonMask(4, 4, [
      [0.5, 0.5],
      [2.5, 0.5],
      [2.5, 2.5],
      [0.5, 2.5],
    ]);
    expect(Array.from(m)).toEqual([0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('fills a triangle by the even-odd rule and clips to the image', () => {
    const m = polygonMask(3, 3, [
      [-1, -1],
      [5, -1],
      [-1, 5],
    ]);
    // x + y < 4 for every centre inside: all but (2, 2).
    expect(Array.from(m)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0]);
  });

  it('gives maskStats over a polygon', () => {
    const map = Float32Array.from({ length: 16 }, (_, i) => i);
    const s = maskStats(
      map,
      polygonMask(4, 4, [
        [0.5, 0.5],
        [2.5, 0.5],
        [2.5, 2.5],
        [0.5, 2.5],
      ]),
      [1, 1]
    );
    expect(s).toMatchObject({ n: 4, mean: (5 + 6 + 9 + 10) / 4 });
  });

  it('rasterises a rotated ellipse', () => {
    const m = ellipseMask(5, 5, { cx: 2, cy: 2, rx: 2, ry: 0.5, angleDeg: 90 });
    // Rotated by 90 degrees the long axis is vertical: the centre column only.
    expect(Array.from(m)).toEqual([
      0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0,
    ]);
    expect(() => ellipseMask(5, 5, { cx: 2, cy: 2, rx: 0, ry: 1 })).toThrow(/positive/);
  });

  it('rejects degenerate polygons', () => {
    expect(() =>
      polygonMask(3, 3, [
        [0, 0],
        [1, 1],
      ])
    ).toThrow(/3/);
  });
});
