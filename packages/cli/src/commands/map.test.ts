import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../test-io.js';

const testdata = (p: string): string =>
  fileURLToPath(new URL(`../../../imaging/testdata/${p}`, import.meta.url));
const PHANTOM = testdata('heart_siemens_snr50');
const PRE_UID = '1.2.826.0.1.3680043.8.498.10753620600557354269325602596268161542';
const POST_UID = '1.2.826.0.1.3680043.8.498.24097877603831254698505755024181418101';

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

const work = (): string => mkdtempSync(join(tmpdir(), 'cmr-mass-map-'));

describe('cmr-mass map', () => {
  it('exits 2 and lists the candidates when the input holds several T1 series', async () => {
    const out = join(work(), 'maps');
    const r = await run('map', 't1', join(PHANTOM, 'dicom'), '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(PRE_UID);
    expect(r.err).toContain(POST_UID);
    expect(r.err).toMatch(/--series/);
    expect(existsSync(out)).toBe(false);
  });

  it('fits the chosen series and writes the contracted files; stdout lists the sidecars', async () => {
    const out = join(work(), 'pre');
    const r = await run(
      'map',
      't1',
      join(PHANTOM, 'dicom'),
      '--series',
      PRE_UID,
      '--out',
      out,
      '--threads',
      '1'
    );
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(join(out, 't1_0.json'));
    expect(r.err).toMatch(/fitting pixels/);
    expect(readdirSync(out).sort()).toEqual(['t1_0.dcm', 't1_0.f32', 't1_0.json', 't1_0.png', 't1_0_r2.f32']);
    const sidecar = JSON.parse(readFileSync(join(out, 't1_0.json'), 'utf8')) as Record<string, unknown>;
    expect(sidecar).toMatchObject({
      kind: 't1',
      rows: 160,
      columns: 160,
      units: 'ms',
      model: 'molli-3p-look-locker',
      series_instance_uid: PRE_UID,
    });
  });

  it('fits T2 and honours --mask', async () => {
    const out = join(work(), 't2');
    const r = await run(
      'map',
      't2',
      join(PHANTOM, 'dicom'),
      '--out',
      out,
      '--mask',
      join(PHANTOM, 'labels.u8'),
      '--threads',
      '1'
    );
    expect(r.code).toBe(0);
    const sidecar = JSON.parse(readFileSync(join(out, 't2_0.json'), 'utf8')) as Record<string, unknown>;
    expect(sidecar.fitted_pixels).toBe(4971);
    expect(sidecar.times_ms).toEqual([0, 25, 55]);
  });

  it('refuses bad input with one line and writes nothing', async () => {
    const dir = work();
    const badMask = join(dir, 'mask.u8');
    writeFileSync(badMask, new Uint8Array(10));
    const cases: [string[], RegExp][] = [
      [
        ['map', 't1', join(PHANTOM, 'dicom/molli_pre'), '--out', join(dir, 'a'), '--mask', badMask],
        /--mask: .* 10 bytes/,
      ],
      [['map', 't1', '/no/such/dir', '--out', join(dir, 'b')], /no such file/],
      [['map', 't1', join(PHANTOM, 'dicom/t2prep'), '--out', join(dir, 'c')], /no T1 source/],
      [['map', 't1', join(PHANTOM, 'dicom/molli_pre')], /--out/],
      [
        ['map', 't1', join(PHANTOM, 'dicom/molli_pre'), '--out', join(dir, 'd'), '--method', 'fast'],
        /--method/,
      ],
      [
        ['map', 't1', join(PHANTOM, 'dicom/molli_pre'), '--out', join(dir, 'e'), '--method', 'shmolli'],
        /ShMOLLI needs 7/,
      ],
      [
        ['map', 't1', join(PHANTOM, 'dicom/molli_pre'), '--out', join(dir, 'f'), '--threads', '0'],
        /--threads/,
      ],
      [
        ['map', 't1', join(PHANTOM, 'dicom/molli_pre'), '--out', join(dir, 'g'), '--series', '1.2.3'],
        /no series 1\.2\.3/,
      ],
      [
        ['map', 't1', join(PHANTOM, 'dicom/molli_pre'), '--out', join(dir, 'h'), '--frobnicate'],
        /frobnicate/,
      ],
      [['map', 't3'], /unknown map/],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n').pop()).toMatch(message);
    }
    expect(readdirSync(dir)).toEqual(['mask.u8']);
  });

  it('computes ECV from two T1 sidecars with a blood-pool ROI, and validates its inputs', async () => {
    const dir = work();
    expect(
      (
        await run(
          'map',
          't1',
          join(PHANTOM, 'dicom'),
          '--series',
          PRE_UID,
          '--out',
          join(dir, 'pre'),
          '--mask',
          join(PHANTOM, 'labels.u8')
        )
      ).code
    ).toBe(0);
    expect(
      (
        await run(
          'map',
          't1',
          join(PHANTOM, 'dicom'),
          '--series',
          POST_UID,
          '--out',
          join(dir, 'post'),
          '--mask',
          join(PHANTOM, 'labels.u8')
        )
      ).code
    ).toBe(0);
    const pre = join(dir, 'pre', 't1_0.json');
    const post = join(dir, 'post', 't1_0.json');
    const labels = join(PHANTOM, 'labels.u8');
    const r = await run(
      'map',
      'ecv',
      '--pre',
      pre,
      '--post',
      post,
      '--hct',
      '0.42',
      '--blood-roi',
      `${labels}:2`,
      '--out',
      join(dir, 'ecv')
    );
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'ecv')).sort()).toEqual([
      'ecv_0.dcm',
      'ecv_0.f32',
      'ecv_0.json',
      'ecv_0.png',
    ]);
    const sidecar = JSON.parse(
      readFileSync(join(dir, 'ecv_0.json'.replace('ecv_0', 'ecv/ecv_0')), 'utf8')
    ) as Record<string, number>;
    expect(sidecar.units).toBe('fraction');
    expect(sidecar.hct).toBe(0.42);
    expect(sidecar.blood_t1_pre_ms).toBeCloseTo(1899.6, 0);
    const roi = await run('roi', join(dir, 'ecv', 'ecv_0.json'), '--labels', labels);
    const stats = JSON.parse(roi.out) as { label: number; mean: number }[];
    // Truth (truth.json): myocardium 0.2606, mass 0.4865.
    expect(stats.find((s) => s.label === 1)!.mean).toBeCloseTo(0.2606, 2);
    expect(Math.abs(stats.find((s) => s.label === 4)!.mean - 0.4865)).toBeLessThan(0.005);

    const given = await run(
      'map',
      'ecv',
      '--pre',
      pre,
      '--post',
      post,
      '--hct',
      '0.42',
      '--blood-t1',
      '1900,420',
      '--out',
      join(dir, 'ecv2')
    );
    expect(given.code).toBe(0);

    expect(
      (
        await run(
          'map',
          'ecv',
          '--pre',
          pre,
          '--post',
          post,
          '--hct',
          '0.9',
          '--blood-t1',
          '1900,420',
          '--out',
          join(dir, 'x')
        )
      ).err
    ).toMatch(/--hct/);
    expect(
      (await run('map', 'ecv', '--pre', pre, '--post', post, '--hct', '0.4', '--out', join(dir, 'x'))).code
    ).toBe(2);
    // A post map shifted by 1 mm is not aligned.
    const shifted = JSON.parse(readFileSync(post, 'utf8')) as { image_position_patient: number[] };
    shifted.image_position_patient[0]! += 1;
    const moved = join(dir, 'post', 'moved.json');
    writeFileSync(moved, JSON.stringify(shifted));
    const bad = await run(
      'map',
      'ecv',
      '--pre',
      pre,
      '--post',
      moved,
      '--hct',
      '0.42',
      '--blood-t1',
      '1900,420',
      '--out',
      join(dir, 'x')
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/not aligned/);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
