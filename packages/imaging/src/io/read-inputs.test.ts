import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { testdataPath } from '../testing/testdata.js';
import { InputError, readDicomInputs, readDicomSeries } from './read-inputs.js';

const molliPre = testdataPath('heart_siemens_snr50/dicom/molli_pre');

describe('readDicomInputs', () => {
  it('reads a zip archive recognised by content, not name, and skips non-DICOM entries', async () => {
    const entries: Record<string, Uint8Array> = { 'notes.txt': new TextEncoder().encode('not dicom') };
    for (let i = 1; i <= 8; i++) {
      entries[`deep/x/${i}`] = new Uint8Array(readFileSync(join(molliPre, `IM_000${i}.dcm`)));
    }
    const dir = mkdtempSync(join(tmpdir(), 'cmr-mass-zip-'));
    const path = join(dir, 'upload.bin');
    writeFileSync(path, zipSync(entries));
    const r = await readDicomSeries([path]);
    expect(r.series).toHaveLength(1);
    expect(r.series[0]!.images).toHaveLength(8);
    expect(r.skipped.map((s) => s.reason)).toEqual(['not DICOM']);
  });

  it('accepts in-memory uploads and counts a file given twice once', async () => {
    const bytes = new Uint8Array(readFileSync(join(molliPre, 'IM_0001.dcm')));
    const r = await readDicomInputs([
      { name: 'a', bytes },
      { name: 'b', bytes },
    ]);
    expect(r.images).toHaveLength(1);
  });

  it('fails with the path for a missing input, and for a named file that is not DICOM', async () => {
    await expect(readDicomInputs(['/no/such/path'])).rejects.toThrow(InputError);
    await expect(readDicomInputs(['/no/such/path'])).rejects.toThrow(/\/no\/such\/path/);
    await expect(readDicomInputs([testdataPath('heart_siemens_snr50/truth.json')])).rejects.toThrow(
      /not a DICOM file/
    );
  });

  it('skips and counts non-DICOM files inside folders', async () => {
    const r = await readDicomInputs([testdataPath('heart_siemens_snr50')]);
    expect(r.images.length).toBe(20);
    expect(r.skipped.length).toBeGreaterThan(0);
  });
});
