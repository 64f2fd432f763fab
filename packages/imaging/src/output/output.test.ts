import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import dcmjs from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../dicom/decode/decode-image.js';
import { parseDicomBytes } from '../dicom/parse-dicom.js';
import { readDicomSeries } from '../io/read-inputs.js';
import { fitT1Map } from '../map/fit-t1-map.js';
import { testdataPath } from '../testing/testdata.js';
import { colourAt } from './colour-maps.js';
import { storedScale } from './dicom-map.js';
import { crc32, encodePngRgb } from './png.js';
import { readFloat32Le } from './raw-f32.js';
import { displayRange, niceCeil, renderPreviewPng } from './render-preview.js';
import { derivedUid } from './uid.js';
import { writeMapOutputs } from './write-map-outputs.js';

/** Minimal PNG reader for the test: IHDR size and the inflated scanlines. */
function readPng(bytes: Uint8Array): { width: number; height: number; rgb: Uint8Array } {
  expect(Array.from(bytes.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  while (o < bytes.length) {
    const len = view.getUint32(o);
    const type = String.fromCharCode(...bytes.subarray(o + 4, o + 8));
    const data = bytes.subarray(o + 8, o + 8 + len);
    expect(view.getUint32(o + 8 + len)).toBe(crc32(bytes, o + 4, o + 8 + len));
    if (type === 'IHDR') {
      width = view.getUint32(o + 8);
      height = view.getUint32(o + 12);
    } else if (type === 'IDAT') idat.push(data);
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    rgb.set(raw.subarray(y * (1 + 3 * width) + 1, (y + 1) * (1 + 3 * width)), y * width * 3);
  }
  return { width, height, rgb };
}

describe('PNG encoding and preview', () => {
  it('crc32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips an RGB image', () => {
    const rgb = Uint8Array.from({ length: 2 * 3 * 3 }, (_, i) => i * 10);
    const png = readPng(encodePngRgb(3, 2, rgb));
    expect(png).toEqual({ width: 3, height: 2, rgb });
  });

  it('renders a colour bar with the map colours and leaves NaN black', () => {
    const values = Float32Array.from({ length: 64 * 64 }, (_, i) =>
      i % 64 < 4 ? Number.NaN : (i % 64) * 10
    );
    const png = readPng(
      renderPreviewPng(values, 64, 64, { colourMap: 'viridis', range: [0, 640], title: 'T1', units: 'ms' })
    );
    expect(png.width).toBeGreaterThan(64 * 4);
    // Map enlarged 4x (the largest zoom), so the labels use the 2x font and the title band is
    // 2·7 + 2·8 high:
    // a NaN pixel is black...
    const titleH = 2 * 7 + 16;
    const at = (x: number, y: number): number[] =>
      Array.from(png.rgb.subarray((y * png.width + x) * 3, (y * png.width + x) * 3 + 3));
    expect(at(8 + 2, titleH + 2)).toEqual([0, 0, 0]);
    // ...and a value of 630 (column 63) is the viridis colour at 630/640.
    expect(at(8 + 63 * 4 + 1, titleH + 2)).toEqual(colourAt('viridis', 630 / 640));
  });

  it('chooses a robust display window', () => {
    expect(niceCeil(1234)).toBe(2000);
    expect(niceCeil(0.41)).toBe(0.5);
    // 10 % of badly fitted pixels at 1e6 ms set the 95th percentile...
    const v = Float32Array.from({ length: 1000 }, (_, i) => (i < 900 ? 1000 + (i % 50) : 1e6));
    expect(displayRange(v)).toEqual([0, 1e6]);
    // ...unless the window only looks at well-fitted pixels (95th percentile 1047 -> 2000).
    const quality = Float32Array.from({ length: 1000 }, (_, i) => (i < 900 ? 0.999 : 0.2));
    expect(displayRange(v, quality)).toEqual([0, 2000]);
  });
});

describe('derived DICOM map and writeMapOutputs', async () => {
  const { series } = await readDicomSeries([testdataPath('heart_siemens_snr50/dicom/molli_pre')]);
  const map = await fitT1Map(series[0]!, { threads: 1 });
  const dir = join(mkdtempSync(join(tmpdir(), 'cmr-mass-out-')), 'maps');
  const sidecars = await writeMapOutputs(dir, map);

  it('writes exactly the contracted files', () => {
    expect(readdirSync(dir).sort()).toEqual(['t1_0.dcm', 't1_0.f32', 't1_0.json', 't1_0.png', 't1_0_r2.f32']);
    expect(sidecars[0]!.files).toEqual({
      map: 't1_0.f32',
      r2: 't1_0_r2.f32',
      dicom: 't1_0.dcm',
      preview: 't1_0.png',
    });
  });

  it('writes the map as little-endian float32, NaN outside the fit', () => {
    const f = readFloat32Le(new Uint8Array(readFileSync(join(dir, 't1_0.f32'))), 160 * 160);
    expect(Array.from(f)).toEqual(Array.from(map.slices[0]!.values));
    expect(f[0]).toBeNaN();
  });

  it('writes a sidecar with the contract fields', () => {
    const s = JSON.parse(readFileSync(join(dir, 't1_0.json'), 'utf8')) as Record<string, unknown>;
    for (const k of [
      'kind',
      'rows',
      'columns',
      'pixel_spacing_mm',
      'image_position_patient',
      'image_orientation_patient',
      'series_instance_uid',
      'study_instance_uid',
      'frame_of_reference_uid',
      'units',
      'model',
      'times_ms',
      'fitted_pixels',
      'files',
      'warnings',
    ]) {
      expect(s).toHaveProperty(k);
    }
    expect(s.kind).toBe('t1');
    expect(s.units).toBe('ms');
    expect(s.series_instance_uid).toBe(series[0]!.seriesInstanceUid);
  });

  it('writes a DICOM map that dcmjs and our reader open, in the source geometry, rescaled to ms', async () => {
    const bytes = new Uint8Array(readFileSync(join(dir, 't1_0.dcm')));
    const parsed = dcmjs.data.DicomMessage.readFile(bytes.buffer);
    const nat = dcmjs.data.DicomMetaDictionary.naturalizeDataset(parsed.dict);
    expect(nat.Modality).toBe('MR');
    expect(nat.RescaleType).toBe('ms');
    const img = parseDicomBytes(bytes, 'map')[0]!;
    const src = series[0]!.images[0]!;
    expect(img.frameOfReferenceUid).toBe(src.frameOfReferenceUid);
    expect(img.studyInstanceUid).toBe(src.studyInstanceUid);
    expect(img.imagePositionPatient).toEqual(src.imagePositionPatient);
    expect(img.imageOrientationPatient).toEqual(src.imageOrientationPatient);
    expect(img.pixelSpacing).toEqual(src.pixelSpacing);
    expect(img.seriesInstanceUid).not.toBe(src.seriesInstanceUid);
    const values = await decodeImage(img);
    const t1 = map.slices[0]!.values;
    const { slope } = storedScale(t1);
    for (let p = 0; p < t1.length; p++) {
      // Half a quantisation step, plus float32 rounding of ~2000 ms values (ulp 1.2e-4).
      if (Number.isFinite(t1[p]!)) {
        expect(Math.abs(values[p]! - t1[p]!)).toBeLessThanOrEqual(slope / 2 + 1e-3);
      }
    }
  });

  it('is atomic: a failure leaves nothing in the target folder', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cmr-mass-atomic-'));
    const blocked = join(parent, 'file-not-folder');
    writeFileSync(blocked, 'x');
    await expect(writeMapOutputs(blocked, map)).rejects.toThrow();
    expect(readdirSync(parent)).toEqual(['file-not-folder']);
  });

  it('derives stable UIDs under 2.25', () => {
    expect(derivedUid('a', 1)).toBe(derivedUid('a', 1));
    expect(derivedUid('a', 1)).not.toBe(derivedUid('a', 2));
    expect(derivedUid('a')).toMatch(/^2\.25\.\d{1,39}$/);
  });
});
