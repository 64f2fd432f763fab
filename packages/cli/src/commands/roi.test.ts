import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../test-io.js';

const testdata = (p: string): string =>
  fileURLToPath(new URL(`../../../imaging/testdata/${p}`, import.meta.url));

describe('cmr-mass roi', () => {
  it('prints per-label statistics of a map as one JSON array', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmr-mass-roi-'));
    // A 2x2 map with its sidecar: label 1 on 1 and 3 ms, label 2 on a NaN pixel.
    const values = Float32Array.of(1, 3, Number.NaN, 7);
    writeFileSync(join(dir, 'm.f32'), Buffer.from(values.buffer));
    writeFileSync(
      join(dir, 'm.json'),
      JSON.stringify({ kind: 't1', rows: 2, columns: 2, pixel_spacing_mm: [2, 0.5], files: { map: 'm.f32' } })
    );
    writeFileSync(join(dir, 'l.u8'), Uint8Array.of(1, 1, 2, 0));
    const io = captureIo();
    expect(await main(['roi', join(dir, 'm.json'), '--labels', join(dir, 'l.u8')], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual([
      { label: 1, n: 2, mean: 2, sd: Math.SQRT2, median: 2, min: 1, max: 3, area_mm2: 2 },
      { label: 2, n: 0, mean: null, sd: null, median: null, min: null, max: null, area_mm2: 0 },
    ]);
  });

  it('exits 2 for a label image of the wrong size or a missing sidecar', async () => {
    const sidecarDir = mkdtempSync(join(tmpdir(), 'cmr-mass-roi-'));
    writeFileSync(join(sidecarDir, 'm.f32'), Buffer.alloc(16));
    writeFileSync(
      join(sidecarDir, 'm.json'),
      JSON.stringify({ kind: 't1', rows: 2, columns: 2, pixel_spacing_mm: [1, 1], files: { map: 'm.f32' } })
    );
    const cases = [
      ['roi', join(sidecarDir, 'm.json'), '--labels', testdata('heart_siemens_snr50/labels.u8')],
      ['roi', join(sidecarDir, 'nope.json'), '--labels', testdata('heart_siemens_snr50/labels.u8')],
      ['roi', join(sidecarDir, 'm.json')],
    ];
    for (const args of cases) {
      const io = captureIo();
      expect(await main(args, io)).toBe(2);
      expect(io.err().trim().split('\n')).toHaveLength(1);
    }
  });
});
