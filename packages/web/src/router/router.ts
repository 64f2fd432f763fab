import { useSyncExternalStore } from 'react';

/** A parsed location: the path segments and the query of the hash (`#/participants/42?tab=forms`). */
export interface Route {
  readonly path: string;
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
}

/** Parses a hash such as `#/participants?site=BJ01` (an empty hash is `/`). */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart = '/', queryPart = ''] = raw.split('?', 2);
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  return {
    path,
    segments: path.split('/').filter(Boolean).map(decodeURIComponent),
    query: new URLSearchParams(queryPart),
  };
}

/** Builds a hash link from a path and query (empty values left out). */
export function href(
  path: string,
  query?: Readonly<Record<string, string | number | null | undefined>>
): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  }
  const q = p.toString();
  return `#${path}${q ? `?${q}` : ''}`;
}

/** Goes to a hash link; `replace` keeps the browser history short (filters, paging). */
export function navigate(to: string, replace = false): void {
  const target = to.startsWith('#') ? to : `#${to}`;
  if (replace) {
    history.replaceState(history.state, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = target;
  }
}

function subscribe(fn: () => void): () => void {
  window.addEventListener('hashchange', fn);
  return () => {
    window.removeEventListener('hashchange', fn);
  };
}

const getHash = (): string => window.location.hash;

/**
 * The current route. Hash routing: the server only serves `index.html`, and every link can be
 * bookmarked and reloaded.
 */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  return parseHash(hash);
}
