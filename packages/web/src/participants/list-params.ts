import type { ParticipantFilters } from '../api/types.js';
import { ParticipantStatus } from '@cmr-mass/core';

/** Page sizes offered in the participant list. */
export const PAGE_SIZES = [25, 50, 100] as const;

/** The default page size: one screen of rows, so that the first page shows at once. */
export const DEFAULT_PAGE_SIZE = 25;

/** The cohorts the list filters by (derived from the reference diagnosis, never typed in). */
export const COHORT_FILTERS = [
  'neoplastic',
  'non_neoplastic',
  'benign',
  'malignant',
  'primary',
  'secondary',
] as const;

/** Columns the list sorts by (server-side). */
export const SORTABLE = ['studyId', 'site', 'status', 'baselineDate'] as const;
export type SortKey = (typeof SORTABLE)[number];

/** Reads the list's filters from the URL query, so that a filtered list can be bookmarked and shared. */
export function filtersFromQuery(
  q: URLSearchParams
): Required<Pick<ParticipantFilters, 'page' | 'pageSize'>> & ParticipantFilters {
  const status = q.get('status') ?? '';
  const size = Number(q.get('pageSize'));
  const sort = q.get('sort') ?? 'studyId';
  return {
    q: q.get('q') ?? '',
    site: q.get('site') ?? '',
    status: ParticipantStatus.has(status) ? status : '',
    cohort: (COHORT_FILTERS as readonly string[]).includes(q.get('cohort') ?? '')
      ? (q.get('cohort') ?? '')
      : '',
    sort: (SORTABLE as readonly string[]).includes(sort) ? sort : 'studyId',
    order: q.get('order') === 'desc' ? 'desc' : 'asc',
    page: Math.max(1, Number(q.get('page')) || 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** The URL query of a set of filters (defaults left out). */
export function queryOfFilters(f: ParticipantFilters): Record<string, string | number | undefined> {
  return {
    q: f.q || undefined,
    site: f.site || undefined,
    status: f.status || undefined,
    cohort: f.cohort || undefined,
    sort: f.sort && f.sort !== 'studyId' ? f.sort : undefined,
    order: f.order === 'desc' ? 'desc' : undefined,
    page: f.page && f.page > 1 ? f.page : undefined,
    pageSize: f.pageSize && f.pageSize !== DEFAULT_PAGE_SIZE ? f.pageSize : undefined,
  };
}
