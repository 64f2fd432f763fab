import { describe, expect, it } from 'vitest';
import { lookUpTable } from './colormap.js';
import { ellipseFromCorners, insidePolygon, roiMask, roiStats } from './roi.js';
import { fitView, toImage, toScreen, zoomAt } from './view.js';
import { autoWindow, paint } from './window-level.js';

describe('ROI geometry and statistics', () => {
  it('includes a pixel when its centre is inside', () => {
    // A 2x2-pixel square from (1,1) to (3,3) holds the centres (1.5,1.5) (2.5,1.5) (1.5,2.5) (2.5,2.5).
    const m = roiMask(
      {
        kind: 'polygon',
        vertices: [
          [1, 1],
          [3, 1],
          [3, 3],
          [1, 3],
        ],
      },
      4,
      4
    );
    expect([...m]).toEqual([0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    expect(
      insidePolygon(2, 2, [
        [1, 1],
        [3, 1],
        [3, 3],
        [1, 3],
      ])
    ).toBe(true);
  });

  it('computes mean, sample SD (n - 1), median and area as `cmr-mass roi` does, ignoring NaN', () => {
    const data = new Float32Array([1, 2, 3, Number.NaN, 5, 100]);
    const mask = new Uint8Array([1, 1, 1, 1, 1, 0]);
    const s = roiStats(data, mask, [1.5, 2]);
    // values 1, 2, 3, 5: mean 2.75; squared deviations 3.0625 + 0.5625 + 0.0625 + 5.0625 = 8.75; /3.
    expect(s?.n).toBe(4);
    expect(s?.mean).toBeCloseTo(2.75, 12);
    expect(s?.sd).toBeCloseTo(Math.sqrt(8.75 / 3), 12);
    expect(s?.median).toBe(2.5);
    expect(s?.areaMm2).toBe(12);
    expect(roiStats(data, new Uint8Array(6), [1, 1])).toBeNull();
  });

  it('draws ellipses from two corners', () => {
    const e = ellipseFromCorners([2, 2], [6, 4]);
    expect(e).toEqual({ kind: 'ellipse', cx: 4, cy: 3, rx: 2, ry: 1 });
    // Rows with centres y = 2.5 and 3.5 (|dy| = 0.5): |x - 4| <= 2 sqrt(0.75) = 1.73, so the centres
    // x = 2.5, 3.5, 4.5, 5.5 of each row: 8 pixels.
    const m = roiMask(e, 8, 6);
    expect(m.reduce((a, b) => a + b, 0)).toBe(8);
  });
});

describe('window, level and colour', () => {
  it('starts from the 1st-99th percentile', () => {
    const data = new Float32Array(Array.from({ length: 101 }, (_, i) => i * 10));
    expect(autoWindow(data)).toEqual({ width: 980, level: 500 });
  });

  it('paints through the look-up table and leaves NaN transparent', () => {
    const out = new Uint8ClampedArray(12);
    paint(new Float32Array([0, 100, Number.NaN]), { width: 100, level: 50 }, lookUpTable('gray'), out);
    expect([...out]).toEqual([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0]);
  });
});

describe('view transform', () => {
  it('maps screen to image and back, and zooms around the cursor', () => {
    const v = fitView(100, 50, 400, 400);
    expect(v.zoom).toBe(4);
    const p = toImage(v, 200, 200);
    expect(toScreen(v, p)).toEqual([200, 200]);
    const z = zoomAt(v, 2, 200, 200);
    expect(toImage(z, 200, 200)).toEqual(p);
  });
});
