import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mrImage, part10, WRITE_SYNTAX } from '../testing/make-dicom.js';
import { testdataPath } from '../testing/testdata.js';
import { decodeImage, decodeStoredValues, PixelDecodeError } from './decode/decode-image.js';
import { DicomFormatError, NotDicomError, parseDicomBytes } from './parse-dicom.js';

const REFERENCE = testdataPath('heart_siemens_snr50/dicom/molli_pre/IM_0001.dcm');

function load(path: string) {
  const images = parseDicomBytes(new Uint8Array(readFileSync(path)), path);
  expect(images).toHaveLength(1);
  return images[0]!;
}

describe('parseDicomBytes + decodeImage', () => {
  const ref = load(REFERENCE);

  it('reads the header of the Siemens-style phantom', () => {
    expect(ref.rows).toBe(160);
    expect(ref.columns).toBe(160);
    expect(ref.pixelSpacing).toEqual([1.4, 1.4]);
    expect(ref.timing.inversionTime).toBe(100);
    expect(ref.timing.comments).toBe('TI 100');
    expect(ref.timing.triggerTime).toBe(550);
    expect(ref.manufacturer).toBe('SIEMENS');
    expect(ref.imageOrientationPatient).toHaveLength(6);
    expect(ref.patientStudy.PatientName).toBe('PHANTOM^T1');
  });

  // Every re-encoding of the same image (testdata/scripts/make-codec-fixtures.sh) decodes to the
  // identical pixels: all these syntaxes are lossless.
  it.each([
    'implicit-little',
    'explicit-big',
    'deflated',
    'jpeg-lossless-sv1',
    'jpeg-lossless',
    'jpeg-ls',
    'rle',
    'jpeg2000',
  ])('decodes %s bit-exact', async (name) => {
    const expected = await decodeImage(ref);
    const img = load(testdataPath(`codecs/${name}.dcm`));
    expect(img.timing.inversionTime).toBe(100);
    expect(img.rows).toBe(160);
    const px = await decodeImage(img);
    expect(Array.from(px)).toEqual(Array.from(expected));
  });

  it('applies RescaleSlope/RescaleIntercept', async () => {
    const bytes = mrImage({
      rows: 1,
      columns: 3,
      pixels: Uint16Array.of(0, 10, 100),
      seriesUid: '2.25.9',
      sopUid: '2.25.9.1',
      rescale: { slope: 2.5, intercept: -7, type: 'ms' },
    });
    const img = parseDicomBytes(bytes, 'x')[0]!;
    expect(img.rescale.type).toBe('ms');
    expect(Array.from(await decodeImage(img))).toEqual([-7, 18, 243]);
  });

  it('sign-extends signed pixels and reads implicit VR (binary Rows must not be taken for text)', async () => {
    const bytes = mrImage(
      {
        rows: 48,
        columns: 1,
        pixels: Int16Array.from({ length: 48 }, (_, i) => i - 24),
        seriesUid: '2.25.8',
        sopUid: '2.25.8.1',
      },
      WRITE_SYNTAX.implicitLittle
    );
    const img = parseDicomBytes(bytes, 'x')[0]!;
    expect(img.rows).toBe(48);
    const px = await decodeImage(img);
    expect(px[0]).toBe(-24);
    expect(px[47]).toBe(23);
  });

  it('masks bits above BitsStored', async () => {
    const bytes = mrImage({
      rows: 1,
      columns: 2,
      pixels: Uint16Array.of(0xf005, 4095),
      seriesUid: '2.25.7',
      sopUid: '2.25.7.1',
      extra: { '00280101': { vr: 'US', Value: [12] }, '00280102': { vr: 'US', Value: [11] } },
    });
    expect(Array.from(await decodeImage(parseDicomBytes(bytes, 'x')[0]!))).toEqual([5, 4095]);
  });

  it('reads the Philips private inversion time (2005,1572)', () => {
    const bytes = mrImage({
      rows: 1,
      columns: 1,
      pixels: Uint16Array.of(1),
      seriesUid: '2.25.6',
      sopUid: '2.25.6.1',
      philipsTi: 231,
    });
    expect(parseDicomBytes(bytes, 'x')[0]!.timing.philipsInversionTime).toBe(231);
  });

  it('splits an enhanced MR multi-frame object into frames with per-frame functional groups', async () => {
    const bytes = new Uint8Array(
      readFileSync(testdataPath('vendor/enhanced-molli-multiframe/dicom/ENHANCED.dcm'))
    );
    const frames = parseDicomBytes(bytes, 'enhanced');
    expect(frames).toHaveLength(16);
    const tis = frames.map((f) => f.timing.inversionTimeEnhanced).sort((a, b) => a! - b!);
    expect(tis[0]).toBe(110);
    expect(new Set(frames.map((f) => f.imagePositionPatient?.[2]))).toEqual(new Set([0, 10]));
    expect(frames[0]!.pixelSpacing).toEqual([1.5, 1.5]);
    expect(frames[0]!.rescale.slope).toBe(2);
    expect(frames[0]!.complexComponent).toBe('M');
    const px = await decodeImage(frames[3]!);
    expect(px.length).toBe(48 * 48);
  });

  it('rejects non-DICOM bytes and truncated files with typed errors', () => {
    expect(() => parseDicomBytes(new TextEncoder().encode('hello, not dicom'), 'x')).toThrow(NotDicomError);
    const full = new Uint8Array(readFileSync(REFERENCE));
    expect(() => parseDicomBytes(full.subarray(0, full.length - 1000), 'cut')).toThrow(DicomFormatError);
    expect(() => parseDicomBytes(full.subarray(0, full.length - 1000), 'cut')).toThrow(/truncated/);
  });

  it('returns no images for a DICOM object without pixel data', () => {
    const bytes = part10({
      '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.88.11'] },
      '00080018': { vr: 'UI', Value: ['2.25.5'] },
      '0020000E': { vr: 'UI', Value: ['2.25.5.1'] },
    });
    expect(parseDicomBytes(bytes, 'sr')).toEqual([]);
  });

  it('refuses to decode colour and unsupported transfer syntaxes with a clear message', async () => {
    const img = load(REFERENCE);
    await expect(
      decodeStoredValues({ ...img.pixels, transferSyntaxUid: '1.2.840.10008.1.2.4.50' }, 'lossy')
    ).rejects.toThrow(/JPEG Baseline.*not supported/);
    await expect(
      decodeStoredValues({ ...img.pixels, format: { ...img.pixels.format, samplesPerPixel: 3 } }, 'rgb')
    ).rejects.toThrow(PixelDecodeError);
  });

  it('reports a missing SeriesInstanceUID as a format error', () => {
    const bytes = part10({
      '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.4'] },
      '00280010': { vr: 'US', Value: [1] },
      '00280011': { vr: 'US', Value: [1] },
      '7FE00010': { vr: 'OW', Value: [new Uint16Array(1).buffer] },
    });
    expect(() => parseDicomBytes(bytes, 'x')).toThrow(DicomFormatError);
  });
});
