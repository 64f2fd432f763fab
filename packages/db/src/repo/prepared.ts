import { CompiledQuery, type QueryResult } from 'kysely';
import type { Dialect } from '../handle/open.js';

/** Compiled SQL text by dialect and query name: a pure memo (the text depends on nothing else). */
const sqlByKey = new Map<string, string>();

function sameParameters(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Runs a hot-path query without building and compiling it again: the first call compiles `build()`
 * (a Kysely query with these very parameters) and keeps its SQL text; later calls send that text with
 * the new `parameters`. The first call checks that `parameters` are exactly the compiled query's, in
 * order, so the shortcut cannot send values to the wrong columns. `name` must identify the query's
 * shape (for inserts and updates: the table and the columns, in order).
 */
/** Anything that runs compiled queries: a Kysely instance or a transaction. */
export interface QueryRunner {
  executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>>;
}

export function runPrepared<R>(
  db: QueryRunner,
  dialect: Dialect,
  name: string,
  parameters: readonly unknown[],
  build: () => CompiledQuery
): Promise<QueryResult<R>> {
  const key = `${dialect}\u0000${name}`;
  let text = sqlByKey.get(key);
  if (text === undefined) {
    const compiled = build();
    if (!sameParameters(compiled.parameters, parameters)) {
      throw new Error(`runPrepared(${name}): the parameters do not match the compiled query's`);
    }
    text = compiled.sql;
    sqlByKey.set(key, text);
  }
  return db.executeQuery(CompiledQuery.raw(text, [...parameters]));
}
