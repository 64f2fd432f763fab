import type { CompiledQuery, Kysely } from 'kysely';

const cache = new WeakMap<object, Map<string, CompiledQuery>>();

/**
 * A query compiled once per database and run again with new parameters: for the queries of every
 * request (the session and API-token lookups), whose building and compiling by Kysely would otherwise
 * cost more than running them. `build` must produce the same SQL each time, with `params.length`
 * placeholders in the order given.
 */
export function runCompiled<R, DB>(
  db: Kysely<DB>,
  key: string,
  build: () => CompiledQuery<R>,
  params: readonly unknown[]
): Promise<{ rows: R[] }> {
  let byKey = cache.get(db);
  if (!byKey) {
    byKey = new Map();
    cache.set(db, byKey);
  }
  let compiled = byKey.get(key) as CompiledQuery<R> | undefined;
  if (!compiled) {
    compiled = build();
    byKey.set(key, compiled);
  }
  return db.executeQuery<R>({ ...compiled, parameters: params });
}
