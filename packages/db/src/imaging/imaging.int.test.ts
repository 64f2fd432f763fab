import { randomBytes } from 'node:crypto';
import { isDomainError, type Actor } from '@cmr-mass/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.js';
import type { DbHandle } from '../handle/open.js';
import { describeEachDialect } from '../testing/dialect-suite.js';
import {
  seedCasebook,
  seedStudy,
  testContext,
  type CasebookIds,
  type TestStudy,
} from '../testing/fixtures.js';
import { loadExamScope } from './exam-scope.js';
import { getImage, imagePart, instanceBytes, listImages, listSeries } from './image-store.js';
import { claimJob, completeJob, failJob, releaseJob, renewLease, type NewMap } from './job-queue.js';
import { cancelJob, createJob, getJob } from './job-store.js';
import { storeUpload, UploadRaceError, type UploadChanges } from './upload-store.js';

const SERIES = '1.2.826.0.1.3680043.8.498.1';
const STUDY = '1.2.826.0.1.3680043.8.498.2';

function upload(sops: readonly string[], basedOn: readonly string[] = []): UploadChanges {
  return {
    instances: sops.map((sop) => ({
      sopInstanceUid: sop,
      studyInstanceUid: STUDY,
      seriesInstanceUid: SERIES,
      sourceName: `${sop}.dcm`,
      frames: 1,
      bytes: randomBytes(3000),
    })),
    series: [
      {
        seriesInstanceUid: SERIES,
        studyInstanceUid: STUDY,
        seriesNumber: 7,
        description: 'MOLLI native',
        modality: 'MR',
        manufacturer: 'SIEMENS',
        kind: 'molli',
        mapQuantity: null,
        reason: 'inversion times vary',
        timeSource: 'InversionTime',
        times: [100, 180],
        images: basedOn.length + sops.length,
        slices: 1,
      },
    ],
    sources: [...basedOn, ...sops].map((sop, i) => ({
      seriesInstanceUid: SERIES,
      seriesKind: 'molli',
      sopInstanceUid: sop,
      frame: 0,
      sliceIndex: 0,
      imageIndex: i,
      rows: 4,
      columns: 4,
      pixelSpacing: [1.4, 1.4] as const,
      geometry: { rows: 4, columns: 4 },
      timeMs: 100 + i,
      timeKind: 'TI' as const,
    })),
    basedOn: new Map([[SERIES, basedOn]]),
  };
}

function newMap(): NewMap {
  const pixels = new Uint8Array(new Float32Array([1200, 1300, Number.NaN, 1500]).buffer);
  return {
    kind: 't1',
    seriesInstanceUid: SERIES,
    seriesKind: 'molli',
    sliceIndex: 0,
    rows: 2,
    columns: 2,
    pixelSpacing: [1.4, 1.4],
    geometry: { rows: 2, columns: 2 },
    units: 'ms',
    model: 'molli-3p-look-locker',
    times: [100, 180],
    sidecar: { kind: 't1' },
    validPixels: 3,
    pixels,
    r2: pixels,
    previewPng: Uint8Array.of(0x89, 0x50, 0x4e, 0x47),
    dicom: Uint8Array.of(1, 2, 3),
  };
}

const forbiddenFor = async (p: Promise<unknown>): Promise<boolean> =>
  p.then(
    () => false,
    (e: unknown) => isDomainError(e, 'forbidden')
  );

describeEachDialect('imaging storage', (db) => {
  let study: TestStudy;
  let ids: CasebookIds;
  let handle: DbHandle;
  const ctx = (a: Actor, at = new Date('2025-06-01T10:00:00Z')) => testContext(a, at);

  beforeAll(async () => {
    handle = db().handle;
    study = await seedStudy(handle);
    ids = await seedCasebook(study, 'A');
  });

  it('stores uploaded instances byte for byte, classifies the series and lists its frames', async () => {
    const a = study.actors.coordinatorA;
    const scope = await loadExamScope(handle.db, a, ids.exam, 'create');
    const first = upload(['1.1', '1.2']);
    await storeUpload(handle, ctx(a), scope, first);
    await storeUpload(handle, ctx(a), scope, upload(['1.3'], ['1.1', '1.2']));
    const series = await listSeries(handle.db, scope);
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ kind: 'molli', instances: 3, images: 3, series_number: 7 });
    const images = await listImages(handle.db, scope, { kinds: ['source'] });
    expect(images.map((i) => JSON.parse(i.times) as number[])).toEqual([[100], [101], [102]]);
    const bytes = await instanceBytes(handle.db, images[0]!.instance_id!);
    expect(Buffer.from(bytes).equals(Buffer.from(first.instances[0]!.bytes))).toBe(true);
  });

  it('writes nothing when another upload changed the series meanwhile', async () => {
    const a = study.actors.coordinatorA;
    const scope = await loadExamScope(handle.db, a, ids.exam, 'create');
    await expect(storeUpload(handle, ctx(a), scope, upload(['1.4'], ['1.1']))).rejects.toBeInstanceOf(
      UploadRaceError
    );
    expect((await listSeries(handle.db, scope))[0]!.instances).toBe(3);
  });

  it("decides with core's imaging policy at the exam's site", async () => {
    const { coordinatorB, monitor, readerCentral, statistician, readerA } = study.actors;
    expect(await forbiddenFor(loadExamScope(handle.db, coordinatorB, ids.exam, 'read'))).toBe(true);
    expect(await forbiddenFor(loadExamScope(handle.db, monitor, ids.exam, 'read'))).toBe(false);
    expect(await forbiddenFor(loadExamScope(handle.db, monitor, ids.exam, 'create'))).toBe(true);
    expect(await forbiddenFor(loadExamScope(handle.db, statistician, ids.exam, 'create'))).toBe(true);
    expect(await forbiddenFor(loadExamScope(handle.db, readerCentral, ids.exam, 'create'))).toBe(false);
    expect(await forbiddenFor(loadExamScope(handle.db, readerA, ids.exam, 'update'))).toBe(false);
    await expect(loadExamScope(handle.db, readerCentral, 'no-such-exam', 'read')).rejects.toThrow(
      /not found/
    );
  });

  describe('jobs', () => {
    const lease = 30_000;
    const t0 = new Date('2030-01-01T00:00:00.000Z');
    const later = (ms: number): Date => new Date(t0.getTime() + ms);

    it('are claimed by one runner at a time, renewed, and stored with their maps', async () => {
      const a = study.actors.readerCentral;
      const scope = await loadExamScope(handle.db, a, ids.exam, 'create');
      const job = await createJob(handle, ctx(a), scope, 't1', { seriesInstanceUid: SERIES });
      const claimed = await claimJob(handle, 'server-1', lease, t0, 3);
      expect(claimed?.id).toBe(job.id);
      expect(await claimJob(handle, 'server-2', lease, later(1000), 3)).toBeNull();
      expect(
        await renewLease(handle, job.id, 'server-1', { progress: 0.5, stage: 'fit' }, lease, later(2000))
      ).toBe(true);
      expect(
        await renewLease(handle, job.id, 'server-2', { progress: 0.9, stage: 'fit' }, lease, later(2000))
      ).toBe(false);
      const mapIds = await completeJob(handle, claimed!, 'server-1', [newMap()], () => later(3000));
      expect(mapIds).toHaveLength(1);
      const { job: done } = await getJob(handle.db, study.actors.monitor, job.id);
      expect(done).toMatchObject({ status: 'done', progress: 1 });
      const { image } = await getImage(handle.db, study.actors.monitor, mapIds![0]!);
      expect(image).toMatchObject({ kind: 't1', model: 'molli-3p-look-locker', valid_pixels: 3 });
      const px = await imagePart(handle.db, image.id, 'pixels');
      expect(Array.from(new Float32Array(px!.slice().buffer))).toEqual([1200, 1300, Number.NaN, 1500]);
      expect(await forbiddenFor(getImage(handle.db, study.actors.coordinatorB, image.id))).toBe(true);
    });

    it("are taken over when a server's lease expires, and given up after the last attempt", async () => {
      const a = study.actors.coordinatorA;
      const scope = await loadExamScope(handle.db, a, ids.exam, 'create');
      const job = await createJob(handle, ctx(a), scope, 't2', { seriesInstanceUid: SERIES });
      const first = await claimJob(handle, 'crashed', lease, later(10_000), 2);
      expect(first?.id).toBe(job.id);
      // The first server dies: nobody renews; after the lease another server takes it.
      const second = await claimJob(handle, 'server-2', lease, later(10_000 + lease + 1), 2);
      expect(second).toMatchObject({ id: job.id, attempts: 2 });
      expect(await completeJob(handle, first!, 'crashed', [newMap()], () => later(50_000))).toBeNull();
      // It dies too: the job is failed rather than retried forever.
      expect(await claimJob(handle, 'server-3', lease, later(10_000 + 3 * lease), 2)).toBeNull();
      expect((await getJob(handle.db, a, job.id)).job).toMatchObject({ status: 'failed' });
    });

    it('can be cancelled; the runner then loses its lease and stores nothing', async () => {
      const a = study.actors.coordinatorA;
      const scope = await loadExamScope(handle.db, a, ids.exam, 'create');
      const job = await createJob(handle, ctx(a), scope, 't1', { seriesInstanceUid: SERIES });
      const claimed = await claimJob(handle, 'server-1', lease, later(100_000), 3);
      expect(claimed?.id).toBe(job.id);
      expect(await forbiddenFor(cancelJob(handle, ctx(study.actors.monitor), job.id))).toBe(true);
      expect((await cancelJob(handle, ctx(a), job.id)).status).toBe('cancelled');
      expect(
        await renewLease(handle, job.id, 'server-1', { progress: 0.2, stage: 'fit' }, lease, later(100_500))
      ).toBe(false);
      expect(await completeJob(handle, claimed!, 'server-1', [newMap()], () => later(101_000))).toBeNull();
      await expect(cancelJob(handle, ctx(a), job.id)).rejects.toThrow(/cancelled already/);
    });

    it('are released on shutdown without counting an attempt, and failed with a message', async () => {
      const a = study.actors.coordinatorA;
      const scope = await loadExamScope(handle.db, a, ids.exam, 'create');
      const job = await createJob(handle, ctx(a), scope, 't1', { seriesInstanceUid: SERIES });
      const claimed = await claimJob(handle, 'server-1', lease, later(200_000), 3);
      await releaseJob(handle, claimed!, 'server-1', later(200_100));
      const again = await claimJob(handle, 'server-2', lease, later(200_200), 3);
      expect(again).toMatchObject({ id: job.id, attempts: 1 });
      expect(
        await failJob(handle, again!, 'server-2', 'slice 0: no inversion times', () => later(200_300))
      ).toBe(true);
      expect((await getJob(handle.db, a, job.id)).job).toMatchObject({
        status: 'failed',
        error: 'slice 0: no inversion times',
      });
    });
  });

  it('keeps the audit chain intact', async () => {
    const v = await verifyAuditChain(handle);
    expect(v.ok).toBe(true);
  });
});
