import { describe, expect, it } from 'vitest';
import { ecvFromT1, labelMean } from '../ecv/ecv-map.js';
import { readDicomSeries } from '../io/read-inputs.js';
import { roiStats } from '../roi/roi-stats.js';
import type { DicomSeries } from '../series/dicom-series.js';
import { readF32, readJson, readU8, testdataPath } from '../testing/testdata.js';
import { fitT1Map } from './fit-t1-map.js';
import { fitT2Map } from './fit-t2-map.js';

// The digital phantom of shared/reference/mapping (copied to testdata/heart_siemens_snr50, see the
// README there): Siemens-style MOLLI 5(3)3 native, 4(1)3(1)2 post-contrast and T2-prep, SNR 50.
const PHANTOM = 'heart_siemens_snr50';
const labels = readU8(PHANTOM, 'labels.u8');
interface Truth {
  readonly regions: Readonly<
    Record<string, { label: number; t1_pre_ms: number; t1_post_ms: number; t2_ms: number; ecv: number }>
  >;
  readonly hematocrit: number;
}
const truth = readJson(PHANTOM, 'truth.json') as Truth;
const byLabel = new Map(Object.values(truth.regions).map((r) => [r.label, r]));

async function seriesIn(folder: string): Promise<DicomSeries> {
  const { series } = await readDicomSeries([testdataPath(PHANTOM, folder)]);
  expect(series).toHaveLength(1);
  return series[0]!;
}

/** Fraction of foreground pixels where |a - b| <= tol. */
function agreement(a: Float32Array, b: Float32Array, tol: number): number {
  let n = 0;
  let ok = 0;
  for (let p = 0; p < labels.length; p++) {
    if (labels[p] === 0) continue;
    n++;
    if (Math.abs(a[p]! - b[p]!) <= tol) ok++;
  }
  return ok / n;
}

describe('heart phantom (SNR 50) against truth and the scipy reference fits', async () => {
  const pre = await fitT1Map(await seriesIn('dicom/molli_pre'), { mask: labels, threads: 1 });
  const post = await fitT1Map(await seriesIn('dicom/molli_post'), { mask: labels, threads: 1 });
  const t2 = await fitT2Map(await seriesIn('dicom/t2prep'), { mask: labels, threads: 1 });
  const spacing = [1.4, 1.4] as const;

  it('T1 region means are within 1 % of truth (native and post-contrast)', () => {
    for (const [map, key] of [
      [pre, 't1_pre_ms'],
      [post, 't1_post_ms'],
    ] as const) {
      for (const r of roiStats(map.slices[0]!.values, labels, spacing)) {
        const t = byLabel.get(r.label)![key];
        expect(Math.abs(r.mean / t - 1)).toBeLessThan(0.01);
        expect(r.n).toBe(labels.filter((l) => l === r.label).length);
      }
    }
  });

  it('T2 region means are within 2 % of truth', () => {
    for (const r of roiStats(t2.slices[0]!.values, labels, spacing)) {
      expect(Math.abs(r.mean / byLabel.get(r.label)!.t2_ms - 1)).toBeLessThan(0.02);
    }
  });

  it('|ΔT1| <= 1 ms against the curve_fit reference in >= 99.5 % of foreground pixels', () => {
    expect(
      agreement(pre.slices[0]!.values, readF32(PHANTOM, 'reference/t1_pre_curvefit.f32'), 1)
    ).toBeGreaterThanOrEqual(0.995);
    expect(
      agreement(post.slices[0]!.values, readF32(PHANTOM, 'reference/t1_post_curvefit.f32'), 1)
    ).toBeGreaterThanOrEqual(0.995);
    // T2: the reference README's bound is 0.1 ms.
    expect(
      agreement(t2.slices[0]!.values, readF32(PHANTOM, 'reference/t2_curvefit.f32'), 0.1)
    ).toBeGreaterThanOrEqual(0.995);
  });

  it('is not fooled where the two-candidate polarity shortcut fails (interleaved pairs)', () => {
    const exhaustive = readF32(PHANTOM, 'reference/t1_pre_curvefit.f32');
    const shortcut = readF32(PHANTOM, 'reference/t1_pre_rdnls_pr2.f32');
    const ours = pre.slices[0]!.values;
    let differing = 0;
    for (let p = 0; p < labels.length; p++) {
      if (labels[p] === 0 || Math.abs(shortcut[p]! - exhaustive[p]!) <= 0.01) continue;
      differing++;
      expect(Math.abs(ours[p]! - exhaustive[p]!)).toBeLessThan(0.01);
    }
    // The reference README counts 51 such pixels on this slice.
    expect(differing).toBeGreaterThan(40);
  });

  it('ECV region means are within 0.005 of truth (blood = LV blood pool, label 2)', () => {
    const a = pre.slices[0]!.values;
    const b = post.slices[0]!.values;
    const ecv = ecvFromT1(a, b, {
      hct: truth.hematocrit,
      bloodT1Pre: labelMean(a, labels, 2),
      bloodT1Post: labelMean(b, labels, 2),
    });
    for (const r of roiStats(ecv, labels, spacing)) {
      expect(Math.abs(r.mean - byLabel.get(r.label)!.ecv)).toBeLessThan(0.005);
    }
    // And against the reference ECV map pixel by pixel (README bound 0.002).
    const ref = readF32(PHANTOM, 'reference/ecv_curvefit.f32');
    expect(agreement(ecv, ref, 0.002)).toBeGreaterThanOrEqual(0.995);
  });

  it('region SDs stay within 20 % of the reference SDs (noise propagation unchanged)', () => {
    const summary = readJson(PHANTOM, 'reference/summary.json') as {
      stats: Record<string, Record<string, { sd: number }>>;
    };
    const names = Object.fromEntries(Object.entries(truth.regions).map(([name, r]) => [r.label, name]));
    for (const r of roiStats(pre.slices[0]!.values, labels, spacing)) {
      const refSd = summary.stats.t1_pre_curvefit![names[r.label]!]!.sd;
      expect(Math.abs(r.sd / refSd - 1)).toBeLessThan(0.2);
    }
  });

  it('fits the JPEG Lossless copy to the identical map', async () => {
    const jl = await fitT1Map(await seriesIn('dicom-jpeg-lossless/molli_pre'), { mask: labels, threads: 1 });
    expect(Array.from(jl.slices[0]!.values)).toEqual(Array.from(pre.slices[0]!.values));
  });

  it('chooses the same foreground by itself (auto mask) and gives the same region means', async () => {
    const auto = await fitT1Map(await seriesIn('dicom/molli_pre'), { threads: 1 });
    const s = auto.slices[0]!;
    expect(s.mask.kind).toBe('auto');
    const a = roiStats(s.values, labels, spacing);
    const b = roiStats(pre.slices[0]!.values, labels, spacing);
    a.forEach((r, i) => {
      expect(r.mean).toBeCloseTo(b[i]!.mean, 6);
    });
  });

  it('records model, times and provenance', () => {
    const s = pre.slices[0]!;
    expect(pre.model).toBe('molli-3p-look-locker');
    expect(s.times).toEqual([100, 180, 1000, 1080, 1900, 1980, 2800, 3700]);
    expect(s.timeSource).toBe('InversionTime (0018,0082)');
    expect(s.fittedPixels).toBe(4971);
    expect(s.geometry.pixelSpacing).toEqual([1.4, 1.4]);
    expect(t2.slices[0]!.times).toEqual([0, 25, 55]);
  });
});
