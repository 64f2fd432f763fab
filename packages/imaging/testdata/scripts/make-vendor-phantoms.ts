// Writes small tube phantoms in other vendors' DICOM conventions into testdata/vendor/ (seeded, so
// the output is the same on every run). Run from the repository root:
//   node packages/cli/bin/run-ts.mjs packages/imaging/testdata/scripts/make-vendor-phantoms.ts
// It needs dcmtk (dcmcjpeg, dcmcjpls) for the compressed variants.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mrImage, part10, WRITE_SYNTAX, type JsonElement } from '../../src/testing/make-dicom.js';
import { molliImages, shuffled, STANDARD_TUBES, t2Images, tubeLabels, type Tube } from '../../src/testing/phantom.js';

const ROOT = join(import.meta.dirname, '..', 'vendor');
const ROWS = 48;
const COLS = 48;
const SIGMA = 8; // SNR 100 on the first tube (A = 800)

function hashName(s: string): string {
  return `${createHash('sha1').update(s).digest('hex').slice(0, 12).toUpperCase()}.dcm`;
}

function writeTruth(dir: string, extra: Record<string, unknown>, tubes: readonly Tube[] = STANDARD_TUBES): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'labels.u8'), tubeLabels(ROWS, COLS, tubes));
  const regions = Object.fromEntries(tubes.map((t) => [String(t.label), { t1_ms: t.t1, t2_ms: t.t2, a: t.a, b_over_a: t.bOverA }]));
  writeFileSync(join(dir, 'truth.json'), `${JSON.stringify({ rows: ROWS, columns: COLS, sigma: SIGMA, regions, ...extra }, null, 2)}\n`);
}

/** Philips style: multi-slice MOLLI, TI only in (2005,1572), rescale slope, scanner maps in the series, JPEG Lossless SV1. */
function philips(): void {
  const dir = join(ROOT, 'philips-molli-3slice');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'dicom'), { recursive: true });
  const series = '2.25.31001';
  const tiBySlice = [
    [231, 350, 1184, 1243, 2128, 2150, 3007, 3110, 4063, 5017],
    [231, 350, 1124, 1159, 1963, 2046, 2750, 2963, 3878, 4804],
    [231, 350, 1185, 1239, 2088, 2122, 2985, 3036, 3987, 4931],
  ];
  const slope = 2.29548229548229;
  const files: { name: string; bytes: Uint8Array }[] = [];
  let instance = 1;
  tiBySlice.forEach((tis, s) => {
    const images = molliImages(ROWS, COLS, STANDARD_TUBES, tis, SIGMA, 500 + s, slope);
    // Double-oblique slices 8 mm apart along the normal; Philips stores TI-sorted per slice.
    const row = [0.7137, 0.688, 0.1314];
    const col = [-0.43, 0.5824, -0.6897];
    const normal = [row[1]! * col[2]! - row[2]! * col[1]!, row[2]! * col[0]! - row[0]! * col[2]!, row[0]! * col[1]! - row[1]! * col[0]!];
    const pos = [17 + 8 * s * normal[0]!, -208 + 8 * s * normal[1]!, 109 + 8 * s * normal[2]!] as const;
    tis.forEach((ti, i) => {
      const sop = `${series}.${s + 1}.${i + 1}`;
      files.push({
        name: hashName(sop),
        bytes: mrImage({
          rows: ROWS,
          columns: COLS,
          pixels: images[i]!,
          seriesUid: series,
          sopUid: sop,
          instanceNumber: instance++,
          seriesDescription: 'T1_native',
          manufacturer: 'Philips',
          position: pos,
          orientation: [...row, ...col],
          spacing: [1.171875, 1.171875],
          imageType: ['ORIGINAL', 'PRIMARY', 'M_FFE', 'M', 'FFE'],
          scanningSequence: ['GR'],
          sequenceVariant: ['MP'],
          triggerTime: 591,
          philipsTi: ti,
          rescale: { slope, intercept: 0, type: 'normalized' },
          extra: { '20051011': { vr: 'CS', Value: ['M'] } },
        }),
      });
    });
    // The scanner's T1 map of this slice, inside the same series (T1 = SV·1.0017 - 7).
    const labels = tubeLabels(ROWS, COLS, STANDARD_TUBES);
    const map = new Uint16Array(ROWS * COLS);
    for (let p = 0; p < map.length; p++) {
      const t = STANDARD_TUBES.find((x) => x.label === labels[p]);
      map[p] = t ? Math.round((t.t1 + 7) / 1.0017094017094) : 0;
    }
    const sop = `${series}.${s + 1}.99`;
    files.push({
      name: hashName(sop),
      bytes: mrImage({
        rows: ROWS,
        columns: COLS,
        pixels: map,
        seriesUid: series,
        sopUid: sop,
        instanceNumber: instance++,
        seriesDescription: 'T1_native',
        manufacturer: 'Philips',
        position: pos,
        orientation: [...row, ...col],
        spacing: [1.171875, 1.171875],
        imageType: ['ORIGINAL', 'PRIMARY', 'T1 MAP', 'T1', 'UNSPECIFIED'],
        scanningSequence: ['GR'],
        sequenceVariant: ['MP'],
        triggerTime: 591,
        philipsTi: 0,
        rescale: { slope: 1.0017094017094, intercept: -7, type: 'ms' },
        extra: { '20051011': { vr: 'CS', Value: ['T1'] } },
      }),
    });
  });
  for (const f of files) {
    const plain = join(dir, 'dicom', `${f.name}.raw`);
    writeFileSync(plain, f.bytes);
    execFileSync('dcmcjpeg', ['+e1', plain, join(dir, 'dicom', f.name)]);
    rmSync(plain);
  }
  writeTruth(dir, { vendor: 'Philips', inversion_times_by_slice: tiBySlice, rescale_slope: slope, transfer_syntax: '1.2.840.10008.1.2.4.70' });
}

/** GE style: implicit VR, signed 16-bit pixels, TI in InversionTime, shuffled order; T2-prep time in EchoTime. */
function ge(): void {
  const dir = join(ROOT, 'ge-molli-t2-implicit');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'dicom', 'a'), { recursive: true });
  mkdirSync(join(dir, 'dicom', 'b'), { recursive: true });
  const tis = [120, 200, 280, 1050, 1130, 1210, 1980, 2060, 2900];
  const imgs = molliImages(ROWS, COLS, STANDARD_TUBES, tis, SIGMA, 700);
  const t1Series = '2.25.41001';
  const order = shuffled(
    tis.map((ti, i) => ({ ti, i })),
    11
  );
  // Files of both series are mixed across two folders: grouping must come from the UIDs.
  order.forEach(({ ti, i }, k) => {
    const sop = `${t1Series}.${i + 1}`;
    const bytes = mrImage(
      {
        rows: ROWS,
        columns: COLS,
        pixels: Int16Array.from(imgs[i]!),
        seriesUid: t1Series,
        sopUid: sop,
        instanceNumber: k + 1,
        seriesDescription: 'T1 mapping',
        manufacturer: 'GE MEDICAL SYSTEMS',
        inversionTime: ti,
        triggerTime: 450,
      },
      WRITE_SYNTAX.implicitLittle
    );
    writeFileSync(join(dir, 'dicom', k % 2 === 0 ? 'a' : 'b', `IM${k}`), bytes);
  });
  const tes = [0, 30, 60];
  const t2 = t2Images(ROWS, COLS, STANDARD_TUBES, tes, SIGMA, 701);
  const t2Series = '2.25.41002';
  tes.forEach((te, i) => {
    const bytes = mrImage(
      {
        rows: ROWS,
        columns: COLS,
        pixels: Int16Array.from(t2[i]!),
        seriesUid: t2Series,
        sopUid: `${t2Series}.${i + 1}`,
        instanceNumber: 3 - i,
        seriesDescription: 'T2 mapping',
        manufacturer: 'GE MEDICAL SYSTEMS',
        scanningSequence: ['GR'],
        echoTime: te,
        triggerTime: 450,
      },
      WRITE_SYNTAX.implicitLittle
    );
    writeFileSync(join(dir, 'dicom', i % 2 === 0 ? 'b' : 'a', `T2_${i}`), bytes);
  });
  writeTruth(dir, { vendor: 'GE', inversion_times: tis, t2_prep_times: tes, transfer_syntax: '1.2.840.10008.1.2' });
}

/** Siemens WIP style ShMOLLI without "shmolli" in any name, TIs only in ImageComments, JPEG-LS. */
function shmolliComments(): void {
  const dir = join(ROOT, 'shmolli-comments-jpegls');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'dicom'), { recursive: true });
  const acq = [100, 1100, 2100, 3100, 4100, 180, 260];
  const imgs = molliImages(ROWS, COLS, STANDARD_TUBES, acq, SIGMA, 900);
  const series = '2.25.51001';
  acq.forEach((ti, i) => {
    const plain = join(dir, 'dicom', `x${i}.raw`);
    writeFileSync(
      plain,
      mrImage({
        rows: ROWS,
        columns: COLS,
        pixels: imgs[i]!,
        seriesUid: series,
        sopUid: `${series}.${i + 1}`,
        instanceNumber: i + 1,
        seriesDescription: 'T1 research map',
        imageComments: `TIeff ${ti} ms`,
        triggerTime: 532.5,
      })
    );
    execFileSync('dcmcjpls', [plain, join(dir, 'dicom', `IM-0001-${String(i + 1).padStart(4, '0')}.dcm`)]);
    rmSync(plain);
  });
  writeTruth(dir, { vendor: 'SIEMENS', inversion_times_acquisition_order: acq, transfer_syntax: '1.2.840.10008.1.2.4.80' });
}

/** Enhanced MR Image Storage: one multi-frame file, 2 slices x 8 inversion times, per-frame functional groups. */
function enhanced(): void {
  const dir = join(ROOT, 'enhanced-molli-multiframe');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'dicom'), { recursive: true });
  const tis = [110, 190, 1010, 1090, 1910, 1990, 2810, 3710];
  const frames: { ti: number; slice: number; pixels: Uint16Array }[] = [];
  for (let s = 0; s < 2; s++) {
    // The second slice's inversions come 7 ms later: each slice has its own times.
    const sliceTis = tis.map((t) => t + 7 * s);
    const imgs = molliImages(ROWS, COLS, STANDARD_TUBES, sliceTis, SIGMA, 1100 + s, 2);
    sliceTis.forEach((ti, i) => frames.push({ ti, slice: s, pixels: imgs[i]! }));
  }
  const order = shuffled(frames, 5);
  const pixelData = new Uint16Array(ROWS * COLS * order.length);
  order.forEach((f, k) => pixelData.set(f.pixels, k * ROWS * COLS));
  const item = (e: Record<string, JsonElement>): Record<string, JsonElement> => e;
  const perFrame = order.map((f) =>
    item({
      '00209113': { vr: 'SQ', Value: [item({ '00200032': { vr: 'DS', Value: ['-24', '-24', String(10 * f.slice)] } })] },
      '00189115': { vr: 'SQ', Value: [item({ '00189079': { vr: 'FD', Value: [f.ti] }, '00189021': { vr: 'CS', Value: ['NO'] } })] },
      '00209111': { vr: 'SQ', Value: [item({ '00209157': { vr: 'UL', Value: [f.slice + 1, 1] } })] },
      '00189226': {
        vr: 'SQ',
        Value: [item({ '00089007': { vr: 'CS', Value: ['ORIGINAL', 'PRIMARY', 'M', 'NONE'] }, '00089208': { vr: 'CS', Value: ['MAGNITUDE'] } })],
      },
    })
  );
  const shared = item({
    '00289110': {
      vr: 'SQ',
      Value: [item({ '00280030': { vr: 'DS', Value: ['1.5', '1.5'] }, '00180050': { vr: 'DS', Value: ['8'] } })],
    },
    '00209116': { vr: 'SQ', Value: [item({ '00200037': { vr: 'DS', Value: ['1', '0', '0', '0', '1', '0'] } })] },
    '00289145': {
      vr: 'SQ',
      Value: [item({ '00281052': { vr: 'DS', Value: ['0'] }, '00281053': { vr: 'DS', Value: ['2'] }, '00281054': { vr: 'LO', Value: ['US'] } })],
    },
  });
  const series = '2.25.61001';
  const bytes = part10({
    '00080008': { vr: 'CS', Value: ['ORIGINAL', 'PRIMARY', 'M', 'NONE'] },
    '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.4.1'] },
    '00080018': { vr: 'UI', Value: [`${series}.1`] },
    '00080060': { vr: 'CS', Value: ['MR'] },
    '00080070': { vr: 'LO', Value: ['SIEMENS'] },
    '0008103E': { vr: 'LO', Value: ['MOLLI_enhanced'] },
    '00100010': { vr: 'PN', Value: [{ Alphabetic: 'TEST^ENHANCED' }] },
    '0020000D': { vr: 'UI', Value: ['2.25.600'] },
    '0020000E': { vr: 'UI', Value: [series] },
    '00200013': { vr: 'IS', Value: ['1'] },
    '00200052': { vr: 'UI', Value: ['2.25.601'] },
    '00280002': { vr: 'US', Value: [1] },
    '00280004': { vr: 'CS', Value: ['MONOCHROME2'] },
    '00280008': { vr: 'IS', Value: [String(order.length)] },
    '00280010': { vr: 'US', Value: [ROWS] },
    '00280011': { vr: 'US', Value: [COLS] },
    '00280100': { vr: 'US', Value: [16] },
    '00280101': { vr: 'US', Value: [16] },
    '00280102': { vr: 'US', Value: [15] },
    '00280103': { vr: 'US', Value: [0] },
    '52009229': { vr: 'SQ', Value: [shared] },
    '52009230': { vr: 'SQ', Value: perFrame },
    '7FE00010': { vr: 'OW', Value: [pixelData.buffer] },
  });
  writeFileSync(join(dir, 'dicom', 'ENHANCED.dcm'), bytes);
  writeTruth(dir, { vendor: 'SIEMENS', inversion_times_slice0: tis, inversion_times_slice1: tis.map((t) => t + 7), rescale_slope: 2 });
}

/** Philips Look-Locker style: 16 phases spaced in TriggerTime, no inversion-time tag at all, RLE. */
function lookLocker(): void {
  const dir = join(ROOT, 'look-locker-trigger-rle');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'dicom'), { recursive: true });
  const tts = Array.from({ length: 16 }, (_, i) => 100 + 158 * i);
  const imgs = molliImages(ROWS, COLS, STANDARD_TUBES, tts, SIGMA, 1300);
  const series = '2.25.71001';
  tts.forEach((tt, i) => {
    const plain = join(dir, 'dicom', `p${i}.raw`);
    writeFileSync(
      plain,
      mrImage({
        rows: ROWS,
        columns: COLS,
        pixels: imgs[i]!,
        seriesUid: series,
        sopUid: `${series}.${i + 1}`,
        instanceNumber: 16 - i,
        seriesDescription: 'LL-NATIVO',
        manufacturer: 'Philips',
        scanningSequence: ['GR'],
        sequenceVariant: ['MP'],
        triggerTime: tt,
        philipsTi: 0,
      })
    );
    execFileSync('dcmcrle', [plain, join(dir, 'dicom', `${i + 1}.dcm`)]);
    rmSync(plain);
  });
  writeTruth(dir, { vendor: 'Philips', trigger_times: tts, transfer_syntax: '1.2.840.10008.1.2.5' });
}

philips();
ge();
shmolliComments();
enhanced();
lookLocker();
process.stdout.write(`wrote ${ROOT}\n`);
