import { DomainError, implausible, invalidState } from '@cmr-mass/core';
import {
  examsHoldingStudies,
  instancesData,
  instancesOfSeries,
  listSeries,
  loadExamScope,
  storedStudies,
  storeUpload,
  UploadRaceError,
  type ExamScope,
  type InstanceMeta,
} from '@cmr-mass/db';
import { parseDicomBytes, type DicomImage, type SkippedFile } from '@cmr-mass/imaging';
import type { RequestContext } from '../context.js';
import { FILES_FIELD, type UploadedBlob } from './multipart-files.js';
import { parseUpload, type ParsedInstance, type ParsedUpload } from './parse-upload.js';
import { buildUploadChanges, type StoredSeriesImages } from './series-summary.js';
import { seriesView, type SeriesView } from './views.js';

/** What an upload did. */
export interface UploadResult {
  /** New DICOM instances stored. */
  readonly stored: number;
  /** Instances that were stored already (or sent twice), skipped. */
  readonly duplicates: number;
  /** Archive entries that were not DICOM images. */
  readonly skipped: readonly SkippedFile[];
  /** The series the upload holds, as stored now. */
  readonly series: readonly SeriesView[];
}

/** How many times an upload is rebuilt when another upload changed the same series meanwhile. */
const RACE_ATTEMPTS = 3;

/**
 * The upload's studies must be the exam's: the StudyInstanceUID recorded on the exam form, the study
 * already stored for it, one study per upload, and not a study stored with another exam (a DICOM
 * study is one CMR exam).
 */
async function checkStudies(ctx: RequestContext, scope: ExamScope, parsed: ParsedUpload): Promise<void> {
  const db = ctx.deps.handle.db;
  const byStudy = new Map<string, string>();
  for (const p of parsed.instances.values()) {
    if (!byStudy.has(p.instance.studyInstanceUid)) {
      byStudy.set(p.instance.studyInstanceUid, p.instance.sourceName);
    }
  }
  if (scope.studyInstanceUid !== null) {
    for (const [study, file] of byStudy) {
      if (study !== scope.studyInstanceUid) {
        throw implausible(
          FILES_FIELD,
          `${file} belongs to study ${study}, but the exam records StudyInstanceUID ${scope.studyInstanceUid}`
        );
      }
    }
  }
  if (byStudy.size > 1) {
    throw implausible(
      FILES_FIELD,
      `the upload holds ${byStudy.size} DICOM studies (${[...byStudy.keys()].join(', ')}): a CMR exam is one study`
    );
  }
  const [study] = [...byStudy.keys()];
  const held = (await storedStudies(db, scope.examId)).filter((s) => s !== study);
  if (study !== undefined && held.length > 0) {
    throw implausible(
      FILES_FIELD,
      `the exam holds study ${held[0]!} already; ${byStudy.get(study)!} belongs to study ${study}`
    );
  }
  if ((await examsHoldingStudies(db, [...byStudy.keys()], scope.examId)).length > 0) {
    throw implausible(FILES_FIELD, `study ${study ?? ''} is stored with another CMR exam`);
  }
}

/** The stored instances of some series read back and parsed (to rebuild their description). */
async function storedImages(
  ctx: RequestContext,
  stored: readonly InstanceMeta[]
): Promise<StoredSeriesImages> {
  const basedOn = new Map<string, string[]>();
  for (const s of stored) {
    basedOn.set(s.series_instance_uid, [...(basedOn.get(s.series_instance_uid) ?? []), s.sop_instance_uid]);
  }
  const images: DicomImage[] = [];
  for (const d of await instancesData(
    ctx.deps.handle.db,
    stored.map((s) => s.id)
  )) {
    images.push(...parseDicomBytes(d.bytes, d.sourceName));
  }
  return { basedOn, images };
}

/**
 * Stores an upload of DICOM files for a CMR exam: access (`create` on the exam's imaging, core's
 * policy), the files parsed in memory, the study checked against the exam, instances already stored
 * skipped, and the touched series re-classified over all their instances (`db`'s `storeUpload`, one
 * audited transaction). When another upload changes the same series meanwhile, the description is
 * rebuilt and stored again, a few times at most.
 *
 * @throws DomainError 400/413 naming `files` for unusable files, 422 for another study, 403, 404, 409
 */
export async function uploadDicom(
  ctx: RequestContext,
  examId: string,
  readFiles: () => Promise<readonly UploadedBlob[]>
): Promise<UploadResult> {
  const db = ctx.deps.handle.db;
  const scope = await loadExamScope(db, ctx.actor, examId, 'create');
  if (scope.withdrawnDate !== null) {
    throw invalidState(`the participant withdrew on ${scope.withdrawnDate}: no new data can be recorded`);
  }
  const parsed = parseUpload(await readFiles());
  await checkStudies(ctx, scope, parsed);
  const uploadSeries = [...new Set([...parsed.instances.values()].map((p) => p.instance.seriesInstanceUid))];
  for (let attempt = 1; ; attempt++) {
    const stored = await instancesOfSeries(db, examId, uploadSeries);
    const known = new Set(stored.map((s) => s.sop_instance_uid));
    const fresh: ParsedInstance[] = [...parsed.instances.values()].filter(
      (p) => !known.has(p.instance.sopInstanceUid)
    );
    let count = 0;
    if (fresh.length > 0) {
      const touched = new Set(fresh.map((f) => f.instance.seriesInstanceUid));
      const before = await storedImages(
        ctx,
        stored.filter((s) => touched.has(s.series_instance_uid))
      );
      try {
        count = (
          await storeUpload(ctx.deps.handle, ctx.repoContext, scope, buildUploadChanges(fresh, before))
        ).stored;
      } catch (e) {
        if (!(e instanceof UploadRaceError)) throw e;
        if (attempt >= RACE_ATTEMPTS) {
          throw new DomainError({
            code: 'version_conflict',
            message: 'other uploads kept changing the same series: send the files again',
            field: FILES_FIELD,
          });
        }
        continue;
      }
    }
    const series = (await listSeries(db, scope)).filter((s) => uploadSeries.includes(s.series_instance_uid));
    return {
      stored: count,
      duplicates: parsed.repeated + parsed.instances.size - count,
      skipped: parsed.skipped,
      series: series.map(seriesView),
    };
  }
}
