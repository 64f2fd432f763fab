import { describe, expect, it } from 'vitest';
import { decodeImage } from '../dicom/decode/decode-image.js';
import { readDicomSeries } from '../io/read-inputs.js';
import { classifySeries, SeriesKind } from '../series/classify.js';
import { testdataPath } from '../testing/testdata.js';
import { fitT1Map } from './fit-t1-map.js';

// Real Siemens Prisma 3 T ShMOLLI of the HCMR gel phantom (Tomato test data, MIT; see
// testdata/README.md), with the scanner's own inline T1 map.
describe('real Siemens 3 T ShMOLLI phantom against the scanner map', async () => {
  const { series } = await readDicomSeries([testdataPath('real/siemens-3t-shmolli-phantom')]);
  const source = series.find((s) => classifySeries(s).kind === SeriesKind.shmolli)!;
  const scannerSeries = series.find((s) => classifySeries(s).kind === SeriesKind.map)!;
  const scanner = await decodeImage(scannerSeries.images[0]!);
  const map = await fitT1Map(source, { threads: 1 });
  const slice = map.slices[0]!;

  function relativeDifferences(minR2: number, lo = 0, hi = Infinity): number[] {
    const d: number[] = [];
    for (let p = 0; p < scanner.length; p++) {
      const s = scanner[p]!;
      if (!(s > lo && s < hi) || !Number.isFinite(slice.values[p]!) || !(slice.r2![p]! > minR2)) continue;
      d.push(slice.values[p]! / s - 1);
    }
    return d.sort((a, b) => a - b);
  }
  const median = (d: number[]): number => d[d.length >> 1]!;

  it('applies the ShMOLLI rule automatically', () => {
    expect(map.model).toBe('shmolli-3p-look-locker-conditional');
    expect(slice.times).toEqual([100, 180, 260, 1100, 2100, 3100, 4100]);
  });

  it('matches the scanner to a median within 0.5 % where the fit is good (R² > 0.99)', () => {
    const d = relativeDifferences(0.99);
    expect(d.length).toBeGreaterThan(25000);
    expect(Math.abs(median(d))).toBeLessThan(0.005);
  });

  it('matches within 0.2 % in every T1 band above 300 ms (where a plain MOLLI fit is 7-63 % low)', () => {
    for (const [lo, hi] of [
      [300, 600],
      [600, 900],
      [900, 1300],
      [1300, 2000],
      [2000, 4000],
    ] as const) {
      const d = relativeDifferences(0.99, lo, hi);
      expect(d.length).toBeGreaterThan(100);
      expect(Math.abs(median(d))).toBeLessThan(0.002);
    }
  });
});
