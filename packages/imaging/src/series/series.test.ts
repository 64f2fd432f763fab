import { describe, expect, it } from 'vitest';
import type { DicomImage } from '../dicom/dicom-image.js';
import { parseDicomBytes } from '../dicom/parse-dicom.js';
import { readDicomSeries } from '../io/read-inputs.js';
import { mrImage, type MrImageSpec } from '../testing/make-dicom.js';
import { testdataPath } from '../testing/testdata.js';
import { classifySeries, isScannerMap, looksLikeShmolliTimes, SeriesKind } from './classify.js';
import { groupSeries } from './dicom-series.js';
import { loadSliceStacks, SeriesInputError } from './load-slices.js';
import { groupSlices } from './slices.js';
import { inversionTimes, t2PrepTimes } from './times.js';

function img(spec: Partial<MrImageSpec> & { seriesUid: string; sopUid: string }): DicomImage {
  return parseDicomBytes(
    mrImage({ rows: 2, columns: 2, pixels: Uint16Array.of(1, 2, 3, 4), ...spec }),
    spec.sopUid
  )[0]!;
}

function series(specs: (Partial<MrImageSpec> & { sopUid: string })[], uid = '2.25.1') {
  return groupSeries(specs.map((s) => img({ seriesUid: uid, ...s })))[0]!;
}

describe('groupSeries', () => {
  it('groups by SeriesInstanceUID whatever the order and source of the files', () => {
    const images = [
      img({ seriesUid: '2.25.2', sopUid: 'a' }),
      img({ seriesUid: '2.25.1', sopUid: 'b' }),
      img({ seriesUid: '2.25.2', sopUid: 'c' }),
    ];
    const s = groupSeries(images);
    expect(s.map((x) => [x.seriesInstanceUid, x.images.length])).toEqual([
      ['2.25.1', 1],
      ['2.25.2', 2],
    ]);
  });

  it('finds the GE series mixed across folders, in files without extension', async () => {
    const { series: found } = await readDicomSeries([testdataPath('vendor/ge-molli-t2-implicit')]);
    expect(found.map((s) => [s.seriesInstanceUid, s.images.length])).toEqual([
      ['2.25.41001', 9],
      ['2.25.41002', 3],
    ]);
  });
});

describe('groupSlices', () => {
  it('orders slices along the normal, not by file order, and keeps same-position images together', () => {
    const mk = (z: number, sop: string) => img({ seriesUid: '2.25.1', sopUid: sop, position: [0, 0, z] });
    const slices = groupSlices([mk(10, 'a'), mk(-5, 'b'), mk(10.04, 'c'), mk(-5, 'd')]);
    expect(slices.map((s) => [s.index, s.position, s.images.length])).toEqual([
      [0, -5, 2],
      [1, 10, 2],
    ]);
  });

  it('splits the Philips 3-slice series into three slices of ten source images', async () => {
    const { series: found } = await readDicomSeries([testdataPath('vendor/philips-molli-3slice')]);
    const s = found[0]!;
    const sources = s.images.filter((i) => !isScannerMap(i));
    expect(groupSlices(sources).map((g) => g.images.length)).toEqual([10, 10, 10]);
  });
});

describe('inversion-time cascade (mapping.md §3.2)', () => {
  const base = { seriesUid: '2.25.1' };
  it('prefers InversionTime when it varies', () => {
    const t = inversionTimes([
      img({ ...base, sopUid: 'a', inversionTime: 100, philipsTi: 5 }),
      img({ ...base, sopUid: 'b', inversionTime: 200, philipsTi: 6 }),
    ]);
    expect(t).toEqual({ times: [100, 200], source: 'InversionTime (0018,0082)' });
  });
  it('falls back to Philips (2005,1572) when InversionTime is absent or constant', () => {
    const t = inversionTimes([
      img({ ...base, sopUid: 'a', inversionTime: 50, philipsTi: 231 }),
      img({ ...base, sopUid: 'b', inversionTime: 50, philipsTi: 350 }),
    ]);
    expect(t?.times).toEqual([231, 350]);
    expect(t?.source).toMatch(/2005,1572/);
  });
  it('reads ImageComments "TI 100" and "TIeff 100 ms"', () => {
    expect(
      inversionTimes([
        img({ ...base, sopUid: 'a', imageComments: 'TI 100' }),
        img({ ...base, sopUid: 'b', imageComments: 'TI 180' }),
      ])?.times
    ).toEqual([100, 180]);
    expect(
      inversionTimes([
        img({ ...base, sopUid: 'a', imageComments: 'TIeff 100 ms' }),
        img({ ...base, sopUid: 'b', imageComments: 'TIeff 1100 ms' }),
      ])?.times
    ).toEqual([100, 1100]);
  });
  it('uses TriggerTime offset by a constant InversionTime (Look-Locker)', () => {
    const t = inversionTimes([
      img({ ...base, sopUid: 'a', triggerTime: 300, inversionTime: 120 }),
      img({ ...base, sopUid: 'b', triggerTime: 458, inversionTime: 120 }),
    ]);
    expect(t?.times).toEqual([120, 278]);
  });
  it('returns undefined when nothing varies (missing tags)', () => {
    expect(
      inversionTimes([
        img({ ...base, sopUid: 'a', triggerTime: 500 }),
        img({ ...base, sopUid: 'b', triggerTime: 500 }),
      ])
    ).toBeUndefined();
  });
  it('reads T2-prep durations from comments, else from a varying EchoTime', () => {
    expect(
      t2PrepTimes([
        img({ ...base, sopUid: 'a', imageComments: 'T2 prep. duration = 0 ms', echoTime: 1.3 }),
        img({ ...base, sopUid: 'b', imageComments: 'T2 prep. duration = 25 ms', echoTime: 1.3 }),
      ])?.times
    ).toEqual([0, 25]);
    expect(
      t2PrepTimes([img({ ...base, sopUid: 'a', echoTime: 0 }), img({ ...base, sopUid: 'b', echoTime: 30 })])
        ?.source
    ).toMatch(/EchoTime/);
    expect(
      t2PrepTimes([
        img({ ...base, sopUid: 'a', echoTime: 1.3 }),
        img({ ...base, sopUid: 'b', echoTime: 1.3 }),
      ])
    ).toBeUndefined();
  });
});

describe('classifySeries', () => {
  it('classifies every vendor phantom', async () => {
    const { series: found } = await readDicomSeries([
      testdataPath('vendor'),
      testdataPath('heart_siemens_snr50/dicom'),
    ]);
    const kinds = Object.fromEntries(found.map((s) => [s.description, classifySeries(s).kind]));
    expect(kinds).toEqual({
      T1_native: SeriesKind.molli,
      'T1 mapping': SeriesKind.molli,
      'T2 mapping': SeriesKind.t2prep,
      'T1 research map': SeriesKind.shmolli,
      'LL-NATIVO': SeriesKind.lookLocker,
      MOLLI_enhanced: SeriesKind.molli,
      'MOLLI 5(3)3': SeriesKind.molli,
      'MOLLI 4(1)3(1)2 post': SeriesKind.molli,
      'T2map T2prep TrueFISP': SeriesKind.t2prep,
    });
    const philips = classifySeries(found.find((s) => s.description === 'T1_native')!);
    expect(philips).toMatchObject({ mapQuantity: 't1', mapImages: 3, sourceImages: 30, slices: 3 });
  });

  it('classifies the real Siemens ShMOLLI source and its scanner map', async () => {
    const { series: found } = await readDicomSeries([testdataPath('real/siemens-3t-shmolli-phantom')]);
    const c = found.map((s) => classifySeries(s));
    expect(c.map((x) => x.kind).sort()).toEqual([SeriesKind.map, SeriesKind.shmolli]);
    expect(c.find((x) => x.kind === SeriesKind.map)?.mapQuantity).toBe('t1');
  });

  it('does not take a cine (trigger delays, no inversion) for a Look-Locker series', () => {
    const cine = series(
      Array.from({ length: 6 }, (_, i) => ({
        sopUid: `c${i}`,
        triggerTime: 40 * i,
        scanningSequence: ['GR'],
        sequenceVariant: ['SK', 'SS'],
        seriesDescription: 'cine_sax',
      }))
    );
    expect(classifySeries(cine).kind).toBe(SeriesKind.other);
  });

  it('recognises ShMOLLI by its sampling scheme alone', () => {
    expect(looksLikeShmolliTimes([100, 180, 260, 1100, 2100, 3100, 4100])).toBe(true);
    expect(looksLikeShmolliTimes([100, 180, 1000, 1080, 1900, 1980, 2800])).toBe(false);
    expect(looksLikeShmolliTimes([100, 180, 260, 1100, 2100, 3100])).toBe(false);
  });
});

describe('loadSliceStacks', () => {
  it('sorts images by time within each slice, not by instance number', async () => {
    const { series: found } = await readDicomSeries([testdataPath('heart_siemens_snr50/dicom/molli_pre')]);
    const [stack] = await loadSliceStacks(found[0]!, 't1');
    expect(Array.from(stack!.times)).toEqual([100, 180, 1000, 1080, 1900, 1980, 2800, 3700]);
    expect(stack!.images.map((i) => i.instanceNumber)).toEqual([1, 6, 2, 7, 3, 8, 4, 5]);
  });

  it('keeps per-slice inversion times (Philips)', async () => {
    const { series: found } = await readDicomSeries([testdataPath('vendor/philips-molli-3slice')]);
    const stacks = await loadSliceStacks(found[0]!, 't1');
    // The generator (testdata/scripts/make-vendor-phantoms.ts) steps the slices along the normal.
    expect(stacks.map((s) => s.times[2])).toEqual([1184, 1124, 1185]);
    expect(stacks.map((s) => s.times.length)).toEqual([10, 10, 10]);
  });

  it('names the slice and the tags tried when no inversion time varies', async () => {
    const s = series([
      { sopUid: 'a', triggerTime: 500 },
      { sopUid: 'b', triggerTime: 500 },
      { sopUid: 'c', triggerTime: 500 },
      { sopUid: 'd', triggerTime: 500 },
    ]);
    await expect(loadSliceStacks(s, 't1')).rejects.toThrow(SeriesInputError);
    await expect(loadSliceStacks(s, 't1')).rejects.toThrow(
      /slice 0: no inversion times .*InversionTime \(0018,0082\)/
    );
  });

  it('refuses duplicate times in a slice', async () => {
    const s = series([100, 200, 200, 400].map((ti, i) => ({ sopUid: `d${i}`, inversionTime: ti })));
    await expect(loadSliceStacks(s, 't1')).rejects.toThrow(/same time 200 ms/);
  });
});
