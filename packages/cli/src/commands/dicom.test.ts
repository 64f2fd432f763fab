import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../test-io.js';

const testdata = (p: string): string =>
  fileURLToPath(new URL(`../../../imaging/testdata/${p}`, import.meta.url));

describe('cmr-mass dicom ls', () => {
  it('lists series as a tab-separated table with a header', async () => {
    const io = captureIo();
    expect(await main(['dicom', 'ls', testdata('heart_siemens_snr50/dicom')], io)).toBe(0);
    const lines = io.out().trim().split('\n');
    expect(lines[0]).toBe('SERIES_INSTANCE_UID\tDESCRIPTION\tVENDOR\tIMAGES\tSLICES\tKIND\tTIMES_MS');
    expect(lines.slice(1).map((l) => l.split('\t').slice(1, 6))).toEqual([
      ['MOLLI 5(3)3', 'SIEMENS', '8', '1', 'molli'],
      ['MOLLI 4(1)3(1)2 post', 'SIEMENS', '9', '1', 'molli'],
      ['T2map T2prep TrueFISP', 'SIEMENS', '3', '1', 't2prep'],
    ]);
  });

  it('gives JSON with --json, including scanner maps inside a source series', async () => {
    const io = captureIo();
    expect(await main(['dicom', 'ls', '--json', testdata('vendor/philips-molli-3slice')], io)).toBe(0);
    const rows = JSON.parse(io.out()) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'molli',
      map_quantity: 't1',
      slices: 3,
      images: 33,
      vendor: 'Philips',
      map_images: 3,
    });
    expect(io.err()).toMatch(/skipped/);
  });

  it('exits 2 on bad input', async () => {
    for (const args of [['dicom'], ['dicom', 'ls'], ['dicom', 'ls', '/no/such'], ['dicom', 'cat', 'x']]) {
      const io = captureIo();
      expect(await main(args, io)).toBe(2);
      expect(io.err().trim().split('\n')).toHaveLength(1);
    }
  });
});
