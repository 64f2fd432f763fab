import { queryOptions } from '@tanstack/react-query';
import type { Api } from '../api/api.js';
import type { ParticipantFilters } from '../api/types.js';

/**
 * The query of one page of the participant list: the same key and function for the page and for the
 * start-up prefetch (`app/boot.ts`), so that a list requested before the page mounts is reused.
 */
export function participantsQuery(api: Api, filters: ParticipantFilters) {
  return queryOptions({
    queryKey: ['participants', filters] as const,
    queryFn: ({ signal }) => api.participants(filters, signal),
  });
}

/** The query of the study's sites (they change rarely: kept five minutes). */
export function sitesQuery(api: Api) {
  return queryOptions({ queryKey: ['sites'] as const, queryFn: () => api.sites(), staleTime: 300_000 });
}
