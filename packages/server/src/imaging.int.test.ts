import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimJob, dumpDatabaseText, verifyAuditChain, type DbHandle, type LooseDB } from '@cmr-mass/db';
import { readFloat32Le } from '@cmr-mass/imaging';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { CSRF_HEADER, SESSION_COOKIE } from './auth/authenticate.js';
import { systemActor } from './auth/principal.js';
import { createUser } from './auth/user-admin.js';
import { zipStream } from './export/zip.js';
import { ImagingRunner } from './imaging/runner.js';
import { client, loginAs, type TestClient, type TestSession } from './testing/client.js';
import {
  emailOf,
  seedFixture,
  testClock,
  TEST_NOW,
  TEST_PASSWORD,
  type Fixture,
} from './testing/fixtures.js';
import { createTestDatabase, testDialects, type TestDatabase } from './testing/test-db.js';

/**
 * The imaging API end to end on the digital phantom of `packages/imaging/testdata/heart_siemens_snr50`
 * (see its README and truth.json): upload, series, source images, T1/T2/ECV jobs run by the runner,
 * the fitted maps against the truth, access, blinding, bad input leaving the database unchanged.
 */

const PHANTOM = fileURLToPath(new URL('../../imaging/testdata/heart_siemens_snr50/', import.meta.url));

interface Region {
  readonly label: number;
  readonly t1_pre_ms: number;
  readonly t1_post_ms: number;
  readonly t2_ms: number;
  readonly ecv: number;
}
const truth = JSON.parse(readFileSync(join(PHANTOM, 'truth.json'), 'utf8')) as {
  shape: [number, number];
  hematocrit: number;
  regions: Record<string, Region>;
};
const labels = new Uint8Array(readFileSync(join(PHANTOM, 'labels.u8')));
const [ROWS, COLS] = truth.shape;

type Blob = { readonly name: string; readonly bytes: Uint8Array };

function folder(name: string): Blob[] {
  const dir = join(PHANTOM, 'dicom', name);
  return readdirSync(dir)
    .sort()
    .map((f) => ({ name: `${name}/${f}`, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
}

async function zipOf(files: readonly Blob[]): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const entries = files.map((f) => ({
    name: f.name,

    produce: async function* () {
      yield Buffer.from(f.bytes);
    },
  }));
  for await (const c of zipStream(entries, TEST_NOW)) chunks.push(c);
  return new Uint8Array(Buffer.concat(chunks));
}

/** A multipart/form-data body (RFC 7578) serialised by the platform's FormData and Response. */
async function multipart(
  files: readonly Blob[],
  field = 'files',
  text?: Record<string, string>
): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const f of files) form.append(field, new Blob([Buffer.from(f.bytes)]), f.name);
  for (const [k, v] of Object.entries(text ?? {})) form.append(k, v);
  const res = new Response(form);
  return { payload: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type')! };
}

function regionMeans(values: Float32Array): Map<number, number> {
  const sum = new Map<number, { s: number; n: number }>();
  for (let p = 0; p < values.length; p++) {
    const v = values[p]!;
    if (!Number.isFinite(v) || labels[p] === 0) continue;
    const a = sum.get(labels[p]!) ?? { s: 0, n: 0 };
    a.s += v;
    a.n++;
    sum.set(labels[p]!, a);
  }
  return new Map([...sum].map(([k, a]) => [k, a.s / a.n]));
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

type MapItem = {
  id: string;
  kind: string;
  rows: number;
  columns: number;
  name: string;
  sequence?: string;
  model?: string;
  seriesInstanceUid: string;
  timeMs?: number;
  instanceId?: string;
  units: string;
};
type Job = {
  id: string;
  status: string;
  mapIds: string[];
  error: string | null;
  attempts: number;
  progress: number;
};
type Series = {
  seriesInstanceUid: string;
  kind: string;
  description: string;
  instances: number;
  images: number;
  sequence?: string;
};

/** Everything stored, blobs as their SHA-256: equal exactly when nothing changed. */
async function snapshot(handle: DbHandle): Promise<string> {
  const db = handle.db as unknown as Kysely<LooseDB>;
  const parts = [await dumpDatabaseText(handle)];
  for (const t of ['dicom_instances', 'dicom_series', 'imaging_jobs', 'imaging_maps']) {
    const rows = (await db
      .selectFrom(t as 'sites')
      .selectAll()
      .orderBy('id')
      .execute()) as Record<string, unknown>[];
    const flat = rows.map((r) =>
      Object.entries(r).map(([k, v]) => [
        k,
        v instanceof Uint8Array ? createHash('sha256').update(v).digest('hex') : v,
      ])
    );
    parts.push(`${t}\n${JSON.stringify(flat)}`);
  }
  return parts.join('\n');
}

for (const dialect of testDialects()) {
  describe(`imaging API on ${dialect}`, () => {
    let tdb: TestDatabase;
    let app: FastifyInstance;
    let fx: Fixture;
    let runner: ImagingRunner;
    const s: Record<string, TestSession> = {};
    const c: Record<string, TestClient> = {};
    const molliPre = folder('molli_pre');
    const molliPost = folder('molli_post');
    const t2prep = folder('t2prep');
    let series: Series[] = [];
    const uid = (description: RegExp): string =>
      series.find((x) => description.test(x.description))!.seriesInstanceUid;

    const upload = async (
      who: string,
      examId: string,
      body: { payload: Buffer; contentType: string }
    ): Promise<LightMyRequestResponse> =>
      app.inject({
        method: 'POST',
        url: `/api/v1/cmr-exams/${examId}/dicom`,
        payload: body.payload,
        headers: { 'content-type': body.contentType, [CSRF_HEADER]: s[who]!.csrfToken },
        cookies: { [SESSION_COOKIE]: s[who]!.cookie },
      });
    const ok = (res: LightMyRequestResponse, status: number): LightMyRequestResponse => {
      expect(res.statusCode, res.body.slice(0, 400)).toBe(status);
      return res;
    };
    const mapsOf = async (kind: string): Promise<MapItem[]> =>
      ok(await c.coordA!.get(`/api/v1/cmr-exams/${fx.A.examId}/maps?kind=${kind}`), 200).json<{
        items: MapItem[];
      }>().items;
    const pixels = async (id: string): Promise<Float32Array> => {
      const res = await c.coordA!.get(`/api/v1/maps/${id}/data`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/octet-stream');
      expect(res.rawPayload.length).toBe(ROWS * COLS * 4);
      return readFloat32Le(new Uint8Array(res.rawPayload), ROWS * COLS);
    };
    const queue = async (who: string, body: Record<string, unknown>, status = 202): Promise<Job> =>
      ok(await c[who]!.post(`/api/v1/cmr-exams/${fx.A.examId}/imaging-jobs`, body), status).json<Job>();
    const runToEnd = async (id: string): Promise<Job> => {
      expect(await runner.runOnce()).toBe(id);
      return ok(await c.coordA!.get(`/api/v1/imaging-jobs/${id}`), 200).json<Job>();
    };

    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      fx = await seedFixture(tdb.handle);
      await createUser(
        tdb.handle,
        { actor: systemActor('test'), now: testClock, newId: randomUUID },
        {
          email: 'reader-b@test.cmr-mass.example',
          role: 'reader',
          siteId: fx.B.siteId,
          password: TEST_PASSWORD,
        }
      );
      app = await buildApp({
        handle: tdb.handle,
        clock: testClock,
        webDist: null,
        imagingRunner: false,
        loginRateLimit: { max: 1000 },
      });
      runner = new ImagingRunner({ handle: tdb.handle, clock: testClock });
      const logins = {
        coordA: emailOf('coordinatorA'),
        coordB: emailOf('coordinatorB'),
        reader: emailOf('reader'),
        readerB: 'reader-b@test.cmr-mass.example',
        monitor: emailOf('monitor'),
        statistician: emailOf('statistician'),
        admin: emailOf('admin'),
      };
      for (const [k, email] of Object.entries(logins)) {
        s[k] = await loginAs(app, email, TEST_PASSWORD);
        c[k] = client(app, s[k]);
      }
    });
    afterAll(async () => {
      await runner.stop();
      await app.close();
      await tdb.dispose();
    });

    it('refuses bad uploads and job requests with 4xx naming the field, and changes nothing', async () => {
      const exam = ok(await c.coordB!.get(`/api/v1/cmr-exams/${fx.B.examId}`), 200).json<{
        version: number;
      }>();
      ok(
        await c.coordB!.patch(`/api/v1/cmr-exams/${fx.B.examId}`, {
          version: exam.version,
          studyInstanceUid: '1.2.3.4.5',
        }),
        200
      );
      const before = await snapshot(tdb.handle);
      const refused = async (res: LightMyRequestResponse, status: number, field: string): Promise<void> => {
        expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
        expect(res.json()).toMatchObject({ error: { field } });
      };
      const A = fx.A.examId;
      const text = { name: 'notes.txt', bytes: new TextEncoder().encode('not a DICOM file') };
      await refused(await upload('coordA', A, await multipart([text])), 400, 'files');
      await refused(await upload('coordA', A, await multipart([molliPre[0]!, text])), 400, 'files');
      await refused(await upload('coordA', A, await multipart([molliPre[0]!], 'file')), 400, 'file');
      await refused(
        await upload('coordA', A, await multipart([], 'files', { files: 'hello' })),
        400,
        'files'
      );
      await refused(
        await upload('coordA', A, await multipart([], 'files', { comment: 'x' })),
        400,
        'comment'
      );
      await refused(
        await upload('coordA', A, { payload: Buffer.from('{}'), contentType: 'application/json' }),
        415,
        'files'
      );
      await refused(
        await upload('coordA', A, {
          payload: Buffer.from('--x\r\nbroken'),
          contentType: 'multipart/form-data; boundary=x',
        }),
        400,
        'files'
      );
      await refused(
        await upload('coordA', A, await multipart([{ name: 'empty.zip', bytes: await zipOf([text]) }])),
        400,
        'files'
      );
      await refused(await upload('coordA', 'not-an-id', await multipart(molliPre)), 400, 'id');
      const elsewhere = await multipart([molliPre[0]!]);
      const json415 = await app.inject({
        method: 'POST',
        url: '/api/v1/follow-up-visits',
        payload: elsewhere.payload,
        headers: { 'content-type': elsewhere.contentType, [CSRF_HEADER]: s.coordA!.csrfToken },
        cookies: { [SESSION_COOKIE]: s.coordA!.cookie },
      });
      expect(json415.statusCode).toBe(415);
      await refused(await upload('coordB', fx.B.examId, await multipart(molliPre)), 422, 'files');
      expect((await upload('coordB', A, await multipart(molliPre))).statusCode).toBe(403);
      expect((await upload('monitor', A, await multipart(molliPre))).statusCode).toBe(403);
      expect((await upload('readerB', A, await multipart(molliPre))).statusCode).toBe(403);
      const jobs = `/api/v1/cmr-exams/${A}/imaging-jobs`;
      await refused(await c.coordA!.post(jobs, { kind: 't3' }), 400, 'kind');
      await refused(await c.coordA!.post(jobs, { kind: 't1', method: 'fast' }), 400, 'method');
      await refused(await c.coordA!.post(jobs, { kind: 't2', method: 'molli' }), 400, 'method');
      await refused(
        await c.coordA!.post(jobs, { kind: 't1', seriesInstanceUid: 'abc' }),
        400,
        'seriesInstanceUid'
      );
      const ecv = { kind: 'ecv', preMapIds: [randomUUID()], postMapIds: [randomUUID()] };
      await refused(await c.coordA!.post(jobs, ecv), 400, 'bloodRoi');
      await refused(
        await c.coordA!.post(jobs, { ...ecv, bloodT1: { preMs: 1900, postMs: 420 }, haematocrit: 0.9 }),
        400,
        'haematocrit'
      );
      await refused(
        await c.coordA!.post(jobs, { ...ecv, bloodT1: { preMs: 400, postMs: 420 } }),
        400,
        'bloodT1.postMs'
      );
      await refused(
        await c.coordA!.post(jobs, { ...ecv, bloodRoi: { polygon: [[1, 1]] } }),
        400,
        'bloodRoi.polygon'
      );
      await refused(
        await c.coordA!.post(jobs, { ...ecv, bloodT1: { preMs: 1900, postMs: 420 } }),
        422,
        'preMapIds[0]'
      );
      await refused(await c.coordA!.post(jobs, { kind: 't1' }), 422, 'seriesInstanceUid');
      expect((await c.monitor!.post(jobs, { kind: 't1' })).statusCode).toBe(403);
      await refused(await c.coordA!.get(`/api/v1/cmr-exams/${A}/maps?kind=pd`), 400, 'kind');
      expect((await c.coordA!.get(`/api/v1/maps/${randomUUID()}/data`)).statusCode).toBe(404);
      expect(await snapshot(tdb.handle)).toBe(before);
    });

    it('stores an upload in parts (files, then a zip), skipping what is stored, and classifies the series', async () => {
      const first = ok(await upload('coordA', fx.A.examId, await multipart(molliPre.slice(0, 5))), 201).json<{
        stored: number;
        series: Series[];
      }>();
      expect(first.stored).toBe(5);
      expect(first.series).toMatchObject([{ kind: 'molli', instances: 5 }]);
      const readme = { name: 'README.txt', bytes: new TextEncoder().encode('phantom') };
      const zip = await zipOf([...molliPre, ...molliPost, ...t2prep, readme]);
      const second = ok(
        await upload('coordA', fx.A.examId, await multipart([{ name: 'phantom.zip', bytes: zip }])),
        201
      ).json<{
        stored: number;
        duplicates: number;
        skipped: { source: string }[];
        series: Series[];
      }>();
      expect(second).toMatchObject({
        stored: 15,
        duplicates: 5,
        skipped: [{ source: 'phantom.zip:README.txt' }],
      });
      const again = ok(await upload('coordA', fx.A.examId, await multipart(t2prep)), 200).json<{
        stored: number;
        duplicates: number;
      }>();
      expect(again).toMatchObject({ stored: 0, duplicates: 3 });
      series = ok(await c.reader!.get(`/api/v1/cmr-exams/${fx.A.examId}/series`), 200).json<{
        items: Series[];
      }>().items;
      expect(series.map((x) => [x.description, x.kind, x.instances, x.sequence])).toEqual([
        ['MOLLI 5(3)3', 'molli', 8, 'molli'],
        ['MOLLI 4(1)3(1)2 post', 'molli', 9, 'molli'],
        ['T2map T2prep TrueFISP', 't2prep', 3, 't2prep_bssfp'],
      ]);
    });

    it('lists the source images in time order and decodes their pixels on demand', async () => {
      const sources = await mapsOf('source');
      expect(sources).toHaveLength(20);
      const pre = sources.filter((m) => m.seriesInstanceUid === uid(/5\(3\)3/));
      expect(pre.map((m) => m.timeMs)).toEqual([100, 180, 1000, 1080, 1900, 1980, 2800, 3700]);
      expect(pre[1]).toMatchObject({
        name: 'MOLLI 5(3)3 · slice 1 · TI 180 ms',
        sequence: 'molli',
        units: '',
        rows: ROWS,
        columns: COLS,
      });
      const values = await pixels(pre[0]!.id);
      expect(Math.max(...values)).toBeGreaterThan(100);
      expect(await pixels(pre[0]!.id)).toEqual(values);
      const png = await c.coordA!.get(`/api/v1/maps/${pre[0]!.id}/preview.png`);
      expect([...png.rawPayload.subarray(0, 8)]).toEqual(PNG);
      expect((await c.coordA!.get(`/api/v1/maps/${pre[0]!.id}/dicom`)).statusCode).toBe(404);
    });

    it('queues T1 jobs, cancels one, runs the others to completion, and fits the phantom within 1 %', async () => {
      expect(await runner.runOnce()).toBeNull();
      const pre = await queue('reader', { kind: 't1', seriesInstanceUid: uid(/5\(3\)3/) });
      expect(pre).toMatchObject({ status: 'queued', progress: 0, params: { method: 'auto' } });
      const cancelled = await queue('coordA', { kind: 't1', seriesInstanceUid: uid(/post/) });
      expect((await c.monitor!.post(`/api/v1/imaging-jobs/${cancelled.id}/cancel`)).statusCode).toBe(403);
      expect(
        ok(await c.coordA!.post(`/api/v1/imaging-jobs/${cancelled.id}/cancel`), 200).json<Job>().status
      ).toBe('cancelled');
      expect(
        ok(await c.coordA!.post(`/api/v1/imaging-jobs/${cancelled.id}/cancel`), 409).json<{
          error: { code: string };
        }>().error.code
      ).toBe('invalid_state');
      const t0 = performance.now();
      const done = await runToEnd(pre.id);
      console.info(
        `[${dialect}] T1 job (160 x 160, 8 images) ran in ${Math.round(performance.now() - t0)} ms`
      );
      expect(done).toMatchObject({ status: 'done', progress: 1 });
      expect(done.mapIds).toHaveLength(1);
      const post = await queue('coordA', { kind: 't1', seriesInstanceUid: uid(/post/), method: 'molli' });
      expect(await runToEnd(post.id)).toMatchObject({ status: 'done' });
      const jobs = ok(await c.monitor!.get(`/api/v1/cmr-exams/${fx.A.examId}/imaging-jobs`), 200).json<{
        items: Job[];
      }>().items;
      expect(jobs.map((j) => j.status).sort()).toEqual(['cancelled', 'done', 'done']);

      const t1 = await mapsOf('t1');
      expect(t1).toHaveLength(2);
      const preMap = t1.find((m) => m.id === done.mapIds[0])!;
      expect(preMap).toMatchObject({
        name: 'T1 map · slice 1 · MOLLI',
        sequence: 'molli',
        units: 'ms',
        model: 'molli-3p-look-locker',
      });
      for (const [map, key] of [
        [preMap, 't1_pre_ms'],
        [t1.find((m) => m.id !== preMap.id)!, 't1_post_ms'],
      ] as const) {
        const means = regionMeans(await pixels(map.id));
        for (const [name, region] of Object.entries(truth.regions)) {
          const expected = region[key];
          // Tolerance 1 %: the README measures region means within 0.2 % at SNR 50 (noise, Rician bias).
          expect(Math.abs(means.get(region.label)! - expected) / expected, `${key} ${name}`).toBeLessThan(
            0.01
          );
        }
      }
      const png = await c.coordA!.get(`/api/v1/maps/${preMap.id}/preview.png`);
      expect(png.headers['content-type']).toBe('image/png');
      expect([...png.rawPayload.subarray(0, 8)]).toEqual(PNG);
      expect((await c.coordA!.get(`/api/v1/maps/${preMap.id}/r2`)).rawPayload.length).toBe(ROWS * COLS * 4);
      const dcm = await c.reader!.get(`/api/v1/maps/${preMap.id}/dicom`);
      expect(dcm.headers['content-type']).toBe('application/dicom');
      expect(dcm.headers['content-disposition']).toMatch(/attachment; filename="t1_0\.dcm"/);
      const text = dcm.rawPayload.toString('latin1');
      expect(text.slice(128, 132)).toBe('DICM');
      expect(text).toContain(fx.A.studyId);
      for (const identifier of ['PHANTOM', 'SYNTH-MAP-0001']) expect(text).not.toContain(identifier);
    });

    it('computes ECV from the T1 maps with given blood T1 or a blood-pool polygon, and haematocrit from the exam', async () => {
      const t1 = await mapsOf('t1');
      const preId = t1.find(
        (m) => m.model === 'molli-3p-look-locker' && m.seriesInstanceUid === uid(/5\(3\)3/)
      )!.id;
      const postId = t1.find((m) => m.seriesInstanceUid === uid(/post/))!.id;
      const base = { kind: 'ecv', preMapIds: [preId], postMapIds: [postId] };
      const noHct = await c.coordA!.post(`/api/v1/cmr-exams/${fx.A.examId}/imaging-jobs`, {
        ...base,
        bloodT1: { preMs: 1900, postMs: 420 },
      });
      expect(noHct.json()).toMatchObject({ error: { code: 'implausible', field: 'haematocrit' } });
      const given = await queue('coordA', {
        ...base,
        haematocrit: truth.hematocrit,
        bloodT1: { preMs: 1900, postMs: 420 },
      });
      const exam = ok(await c.coordA!.get(`/api/v1/cmr-exams/${fx.A.examId}`), 200).json<{
        version: number;
      }>();
      ok(
        await c.coordA!.patch(`/api/v1/cmr-exams/${fx.A.examId}`, {
          version: exam.version,
          haematocrit: truth.hematocrit,
        }),
        200
      );
      // A 5 x 5 square of pixels inside the LV blood pool (label 2).
      let centre: [number, number] | undefined;
      for (let r = 2; r < ROWS - 2 && !centre; r++) {
        for (let col = 2; col < COLS - 2 && !centre; col++) {
          let all = true;
          for (let dr = -2; dr <= 2; dr++) {
            for (let dc = -2; dc <= 2; dc++) all &&= labels[(r + dr) * COLS + col + dc] === 2;
          }
          if (all) centre = [col, r];
        }
      }
      const [x, y] = centre!;
      // Pixel corners as the viewer draws them: pixel (c, r) covers [c, c+1) x [r, r+1).
      const polygon = [
        [x - 2, y - 2],
        [x + 3, y - 2],
        [x + 3, y + 3],
        [x - 2, y + 3],
      ];
      const roi = await queue('reader', { ...base, bloodRoi: { polygon } });
      expect(roi).toMatchObject({ params: { haematocrit: truth.hematocrit, haematocritSource: 'exam' } });
      for (const job of [given, roi]) {
        const done = await runToEnd(job.id);
        expect(done, done.error ?? '').toMatchObject({ status: 'done' });
        const means = regionMeans(await pixels(done.mapIds[0]!));
        const myo = truth.regions.myocardium!;
        // 2 %: ECV compounds two fitted T1s (each within 0.2 %) and, for the ROI, two blood means.
        expect(Math.abs(means.get(myo.label)! - myo.ecv) / myo.ecv).toBeLessThan(0.02);
      }
      const ecv = await mapsOf('ecv');
      expect(ecv).toHaveLength(2);
      expect(ecv[0]).toMatchObject({ name: 'ECV map · slice 1', units: 'fraction' });
    });

    it("runs jobs in the app's own runner, and stops it with the app", async () => {
      const own = await buildApp({
        handle: tdb.handle,
        clock: testClock,
        webDist: null,
        imagingRunner: { pollMs: 20 },
      });
      const session = await loginAs(own, emailOf('coordinatorA'), TEST_PASSWORD);
      const res = await client(own, session).post(`/api/v1/cmr-exams/${fx.A.examId}/imaging-jobs`, {
        kind: 't2',
      });
      const job = ok(res, 202).json<Job>();
      let now = job;
      for (let i = 0; i < 600 && (now.status === 'queued' || now.status === 'running'); i++) {
        await new Promise((r) => setTimeout(r, 50));
        now = ok(await client(own, session).get(`/api/v1/imaging-jobs/${job.id}`), 200).json<Job>();
      }
      await own.close();
      expect(now, now.error ?? '').toMatchObject({ status: 'done', progress: 1 });
      const t2 = (await mapsOf('t2'))[0]!;
      expect(t2).toMatchObject({ sequence: 't2prep_bssfp', name: 'T2 map · slice 1 · T2-prepared bSSFP' });
      const means = regionMeans(await pixels(t2.id));
      for (const [name, region] of Object.entries(truth.regions)) {
        // 1 %: the README measures T2 region means within 0.6 %.
        expect(Math.abs(means.get(region.label)! - region.t2_ms) / region.t2_ms, name).toBeLessThan(0.01);
      }
    });

    it('takes over a job whose server died once its lease expired', async () => {
      const job = await queue('coordA', { kind: 't2' });
      const dead = await claimJob(tdb.handle, 'dead-server', 30_000, TEST_NOW, 3);
      expect(dead?.id).toBe(job.id);
      expect(await runner.runOnce()).toBeNull();
      const later = new ImagingRunner({
        handle: tdb.handle,
        clock: testClock,
        leaseClock: () => new Date(TEST_NOW.getTime() + 31_000),
      });
      try {
        expect(await later.runOnce()).toBe(job.id);
      } finally {
        await later.stop();
      }
      expect(ok(await c.coordA!.get(`/api/v1/imaging-jobs/${job.id}`), 200).json<Job>()).toMatchObject({
        status: 'done',
        attempts: 2,
      });
    });

    it("keeps access to core's imaging policy", async () => {
      const job = ok(await c.coordA!.get(`/api/v1/cmr-exams/${fx.A.examId}/imaging-jobs`), 200).json<{
        items: Job[];
      }>().items[0]!;
      const A = fx.A.examId;
      const map = (await mapsOf('t1'))[0]!;
      const source = (await mapsOf('source'))[0]!;
      const reads = [
        `/api/v1/cmr-exams/${A}/series`,
        `/api/v1/cmr-exams/${A}/maps`,
        `/api/v1/cmr-exams/${A}/imaging-jobs`,
        `/api/v1/imaging-jobs/${job.id}`,
        `/api/v1/maps/${map.id}/data`,
        `/api/v1/maps/${map.id}/dicom`,
      ];
      for (const who of ['coordA', 'reader', 'monitor', 'statistician', 'admin']) {
        for (const url of reads) expect((await c[who]!.get(url)).statusCode, `${who} ${url}`).toBe(200);
      }
      for (const who of ['coordB', 'readerB']) {
        for (const url of reads) expect((await c[who]!.get(url)).statusCode, `${who} ${url}`).toBe(403);
        expect((await c[who]!.post(`/api/v1/imaging-jobs/${job.id}/cancel`)).statusCode).toBe(403);
      }
      for (const who of ['monitor', 'statistician', 'admin']) {
        expect(
          (await c[who]!.post(`/api/v1/cmr-exams/${A}/imaging-jobs`, { kind: 't2' })).statusCode,
          who
        ).toBe(403);
      }
      const original = `/api/v1/dicom-instances/${source.instanceId!}`;
      const file = await c.coordA!.get(original);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/dicom');
      expect(file.rawPayload.toString('latin1')).toContain('PHANTOM^T1');
      // The download of identifiable data is in the audit trail, with who and which file.
      const logged = await tdb.handle.db
        .selectFrom('audit_log')
        .select(['action', 'entity', 'entity_id', 'actor_role'])
        .where('entity', '=', 'dicom_instance')
        .execute();
      expect(logged).toContainEqual({
        action: 'export',
        entity: 'dicom_instance',
        entity_id: source.instanceId!,
        actor_role: 'coordinator',
      });
      for (const who of ['reader', 'monitor', 'statistician', 'admin', 'coordB']) {
        expect((await c[who]!.get(original)).statusCode, who).toBe(403);
      }
    });

    it("keeps a blinded reader's view blinded: no identifiers, no reference, treatment or outcome", async () => {
      const A = fx.A.examId;
      const maps = await mapsOf('t1');
      const jobs = ok(await c.reader!.get(`/api/v1/cmr-exams/${A}/imaging-jobs`), 200).json<{
        items: Job[];
      }>().items;
      const urls = [
        `/api/v1/cmr-exams/${A}/series`,
        `/api/v1/cmr-exams/${A}/maps`,
        `/api/v1/cmr-exams/${A}/imaging-jobs`,
        ...jobs.map((j) => `/api/v1/imaging-jobs/${j.id}`),
        ...maps.map((m) => `/api/v1/maps/${m.id}/dicom`),
      ];
      const markers = [
        'PHANTOM',
        'SYNTH-MAP-0001',
        'Test Person',
        'MRN-',
        'histopathology',
        'surgical_resection',
        fx.A.referenceId,
        fx.A.treatmentId,
        fx.A.identifiersId,
      ];
      for (const url of urls) {
        const res = await c.reader!.get(url);
        expect(res.statusCode, url).toBe(200);
        const body = res.rawPayload.toString('latin1');
        for (const m of markers) expect(body.includes(m), `${m} in ${url}`).toBe(false);
      }
    });

    it('fails a queued job with a message once the participant withdrew, and refuses new data', async () => {
      const job = await queue('coordA', { kind: 't2' });
      const p = ok(await c.coordA!.get(`/api/v1/participants/${fx.A.participantId}`), 200).json<{
        version: number;
      }>();
      const withdrawal = {
        version: p.version,
        date: '2026-05-31',
        reasonCode: 'other',
        reason: 'imaging test',
      };
      ok(await c.coordA!.post(`/api/v1/participants/${fx.A.participantId}/withdraw`, withdrawal), 200);
      const failed = await runToEnd(job.id);
      expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/withdrew/) as unknown });
      expect((await upload('coordA', fx.A.examId, await multipart(molliPre))).json()).toMatchObject({
        error: { code: 'invalid_state' },
      });
      expect(
        (await c.coordA!.post(`/api/v1/cmr-exams/${fx.A.examId}/imaging-jobs`, { kind: 't2' })).statusCode
      ).toBe(409);
    });

    it('documents the imaging endpoints in the OpenAPI document', async () => {
      const doc = ok(await app.inject({ method: 'GET', url: '/api/openapi.json' }), 200).json<{
        paths: Record<string, Record<string, { description?: string }>>;
      }>();
      for (const path of [
        '/api/v1/cmr-exams/{id}/dicom',
        '/api/v1/cmr-exams/{id}/series',
        '/api/v1/cmr-exams/{id}/maps',
        '/api/v1/maps/{id}/data',
        '/api/v1/maps/{id}/preview.png',
        '/api/v1/maps/{id}/dicom',
        '/api/v1/dicom-instances/{id}',
        '/api/v1/cmr-exams/{id}/imaging-jobs',
        '/api/v1/imaging-jobs/{id}',
        '/api/v1/imaging-jobs/{id}/cancel',
      ]) {
        expect(doc.paths[path], path).toBeDefined();
      }
      expect(doc.paths['/api/v1/cmr-exams/{id}/dicom']!.post!.description).toMatch(/5,000 files and 2 GiB/);
    });

    it('keeps the audit chain intact', async () => {
      expect((await verifyAuditChain(tdb.handle)).ok).toBe(true);
    });
  });
}
