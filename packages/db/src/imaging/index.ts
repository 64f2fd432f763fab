/**
 * Imaging storage (migration 0002): uploaded DICOM instances, classified series, maps and source
 * images, and the imaging job queue shared by every app server. Access is `core`'s
 * `decide(actor, action, 'imaging', site)`; every write goes through `runAudited`.
 */
export * from './tables.js';
export { loadExamScope, requireImaging, mayReadIdentifiers, type ExamScope } from './exam-scope.js';
export {
  storeUpload,
  sha256Hex,
  UploadRaceError,
  type NewInstance,
  type SeriesSummary,
  type NewSourceImage,
  type UploadChanges,
} from './upload-store.js';
export {
  listSeries,
  listImages,
  getImage,
  imagePart,
  instanceBytes,
  instancesOfSeries,
  instancesData,
  examsHoldingStudies,
  storedStudies,
  type ImageMeta,
  type ImagePart,
  type InstanceMeta,
  type ImageFilter,
} from './image-store.js';
export { createJob, getJob, listJobs, cancelJob, jobView, isFinished, type JobView } from './job-store.js';
export {
  claimJob,
  renewLease,
  completeJob,
  failJob,
  releaseJob,
  jobById,
  mapsForJob,
  jobActor,
  type NewMap,
} from './job-queue.js';
