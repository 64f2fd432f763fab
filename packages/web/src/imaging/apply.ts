import type { FormName, QuantProvenance } from '@cmr-mass/core';
import type { Roi, RoiStats } from './roi.js';
import type { MapKind, ViewerEntry } from './types.js';

/** Where an ROI's mean goes: a field of the lesion finding or of the CMR exam. */
export interface ApplyTarget {
  readonly form: Extract<FormName, 'lesion_finding' | 'cmr_exam'>;
  readonly field: string;
}

/** The field an ROI's mean fills, by ROI label and map kind; null when there is none. */
export function applyTarget(label: Roi['label'], kind: MapKind): ApplyTarget | null {
  if (kind === 'source') return null;
  if (label === 'lesion') {
    const field = { t1: 't1NativeMs', t2: 't2Ms', ecv: 'ecv' }[kind];
    return { form: 'lesion_finding', field };
  }
  if (label === 'myocardium') {
    return {
      form: 'cmr_exam',
      field: { t1: 'myocardiumT1NativeMs', t2: 'myocardiumT2Ms', ecv: 'myocardiumEcv' }[kind],
    };
  }
  return kind === 't1' ? { form: 'cmr_exam', field: 'bloodT1NativeMs' } : null;
}

const round = (v: number, kind: MapKind): number =>
  kind === 'ecv' ? Math.round(v * 1000) / 1000 : Math.round(v * 10) / 10;

/**
 * The changes that put an ROI's mean into a lesion's quantitative field with its source (`computed`),
 * sequence and provenance (map, model, ROI, fit quality), so that the value can be traced to pixels.
 */
export function lesionChanges(
  entry: ViewerEntry,
  roi: Roi,
  stats: RoiStats,
  now: Date,
  software: string
): Record<string, unknown> {
  const kind = entry.kind;
  if (kind === 'source') return {};
  const prefix = { t1: 't1Native', t2: 't2', ecv: 'ecv' }[kind];
  const value = { t1: 't1NativeMs', t2: 't2Ms', ecv: 'ecv' }[kind];
  const provenance: QuantProvenance = {
    mapId: entry.mapId ?? entry.key,
    ...(entry.seriesInstanceUid ? { seriesInstanceUid: entry.seriesInstanceUid } : {}),
    model: entry.model ?? 'unknown',
    roi: {
      kind: roi.shape.kind,
      nPixels: stats.n,
      areaMm2: Math.round(stats.areaMm2 * 100) / 100,
      sd: Math.round(stats.sd * 1000) / 1000,
      median: round(stats.median, kind),
    },
    computedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    software: software.slice(0, 64),
  };
  return {
    [value]: round(stats.mean, kind),
    [`${prefix}Source`]: 'computed',
    ...(kind !== 'ecv' && entry.sequence ? { [`${prefix}Sequence`]: entry.sequence } : {}),
    [`${prefix}Provenance`]: provenance,
  };
}

/** The change that puts a myocardium or blood-pool ROI's mean into the exam's reference field. */
export function examChanges(target: ApplyTarget, kind: MapKind, stats: RoiStats): Record<string, unknown> {
  return { [target.field]: round(stats.mean, kind) };
}
