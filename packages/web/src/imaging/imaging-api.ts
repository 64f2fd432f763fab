import type { Api } from '../api/api.js';
import type { Point } from './roi.js';

/** A classified series of an exam (`GET /api/v1/cmr-exams/:id/series`). */
export interface SeriesItem {
  readonly id: string;
  readonly seriesInstanceUid: string;
  readonly seriesNumber: number | null;
  readonly description: string;
  readonly manufacturer: string;
  /** imaging's series kind: `molli`, `shmolli`, `look-locker`, `t2prep`, `map`, `other`. */
  readonly kind: string;
  readonly sequence?: string;
  readonly reason: string;
  readonly timesMs: readonly number[];
  readonly images: number;
  readonly slices: number;
}

/** The status of an imaging job. */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** An imaging job (`GET /api/v1/imaging-jobs/:id`). */
export interface JobItem {
  readonly id: string;
  readonly kind: 't1' | 't2' | 'ecv';
  readonly params: Readonly<Record<string, unknown>>;
  readonly status: JobStatus;
  /** 0-1. */
  readonly progress: number;
  readonly stage: string | null;
  readonly error: string | null;
  readonly mapIds: readonly string[];
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/** What to compute: a T1 or T2 fit of a series, or ECV from native and post-contrast T1 maps. */
export type JobRequest =
  | { readonly kind: 't1'; readonly seriesInstanceUid: string }
  | { readonly kind: 't2'; readonly seriesInstanceUid: string }
  | {
      readonly kind: 'ecv';
      readonly preMapIds: readonly string[];
      readonly postMapIds: readonly string[];
      readonly haematocrit?: number;
      readonly bloodRoi?: { readonly polygon: readonly Point[] };
      readonly bloodT1?: { readonly preMs: number; readonly postMs: number };
    };

/** Series kinds that are T1 sources (fit with MOLLI/ShMOLLI) and T2 sources. */
export const T1_SOURCES: ReadonlySet<string> = new Set(['molli', 'shmolli', 'look-locker']);
export const T2_SOURCES: ReadonlySet<string> = new Set(['t2prep']);

/** True while a job may still change. */
export const isActive = (j: JobItem): boolean => j.status === 'queued' || j.status === 'running';

const exam = (id: string): string => `/v1/cmr-exams/${encodeURIComponent(id)}`;

/** The exam's classified series. */
export async function listSeries(api: Api, examId: string): Promise<readonly SeriesItem[]> {
  return (await api.http.get<{ items: readonly SeriesItem[] }>(`${exam(examId)}/series`)).items;
}

/** The exam's imaging jobs, newest first. */
export async function listJobs(api: Api, examId: string): Promise<readonly JobItem[]> {
  return (await api.http.get<{ items: readonly JobItem[] }>(`${exam(examId)}/imaging-jobs`)).items;
}

/** Queues a job (the server answers 202 with it). */
export function queueJob(api: Api, examId: string, request: JobRequest): Promise<JobItem> {
  return api.http.post<JobItem>(`${exam(examId)}/imaging-jobs`, request);
}

/** Cancels a queued or running job. */
export function cancelJob(api: Api, jobId: string): Promise<JobItem> {
  return api.http.post<JobItem>(`/v1/imaging-jobs/${encodeURIComponent(jobId)}/cancel`);
}
