import type { QueryClient } from '@tanstack/react-query';
import type { Api } from '../api/api.js';
import type { SessionInfo } from '../api/types.js';
import { filtersFromQuery } from '../participants/list-params.js';
import { participantsQuery, sitesQuery } from '../participants/participants-query.js';
import { parseHash } from '../router/router.js';

/** The query of the server's metadata (version, demo flag, today). */
export function metaQuery(api: Api) {
  return { queryKey: ['meta'] as const, queryFn: () => api.meta(), staleTime: 60_000 };
}

/** What the application starts fetching before React renders anything. */
export interface Boot {
  /** The session (null when not logged in), requested once at start-up. */
  readonly session: Promise<SessionInfo | null>;
}

/**
 * Starts, in parallel and before the first render, every request the first screen needs: the
 * metadata, the session and, when the address is a list page, that list and the sites. Without this
 * the list waited for `/auth/me` and `/meta`, then for React to render the frame, before asking for
 * its rows (a waterfall of three round trips). Data requested here lands in the query cache under
 * the keys the pages use; a request that fails (not logged in yet) is simply asked again by the page.
 */
export function boot(api: Api, client: QueryClient, hash: string): Boot {
  client.query(metaQuery(api)).catch(() => undefined);
  const session = api.me().catch(() => null);
  const route = parseHash(hash);
  if (route.segments.length === 1 && route.segments[0] === 'participants') {
    client.query(participantsQuery(api, filtersFromQuery(route.query))).catch(() => undefined);
    client.query(sitesQuery(api)).catch(() => undefined);
  }
  return { session };
}
