import { isAbsolute, resolve } from 'node:path';

/** Where a database lives: a SQLite file (or memory), or a PostgreSQL server. */
export type DatabaseTarget =
  | { readonly dialect: 'sqlite'; readonly path: string }
  | { readonly dialect: 'postgres'; readonly connectionString: string };

/** The database used when neither `--db` nor `DATABASE_URL` says otherwise. */
export const DEFAULT_DATABASE_PATH = './data/cmr-mass.sqlite';

/**
 * Reads a database URL: `postgres://...` or `postgresql://...` for PostgreSQL; `sqlite:PATH`,
 * `sqlite://PATH`, `file:PATH`, a plain file path or `:memory:` for SQLite. Relative SQLite paths are
 * resolved against `cwd`.
 *
 * @param url - the URL or path
 * @param cwd - directory that relative paths are resolved against
 * @throws RangeError naming the URL when it is empty or of an unknown scheme
 */
export function parseDatabaseUrl(url: string, cwd: string = process.cwd()): DatabaseTarget {
  const u = url.trim();
  if (u === '') throw new RangeError('database URL is empty');
  if (/^postgres(ql)?:\/\//i.test(u)) return { dialect: 'postgres', connectionString: u };
  if (u === ':memory:' || u === 'sqlite::memory:') return { dialect: 'sqlite', path: ':memory:' };
  let path = u;
  const scheme = /^(sqlite|file):(\/\/)?/i.exec(u);
  if (scheme) {
    path = u.slice(scheme[0].length);
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) {
    throw new RangeError(
      `unknown database URL scheme in '${redactUrl(u)}' (use postgres://... or a SQLite path)`
    );
  }
  if (path === '') throw new RangeError(`no file path in database URL '${u}'`);
  return { dialect: 'sqlite', path: isAbsolute(path) ? path : resolve(cwd, path) };
}

/** The database URL of a command: `--db`, else `DATABASE_URL`, else {@link DEFAULT_DATABASE_PATH}. */
export function resolveDatabaseUrl(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>
): string {
  return (
    option ?? (env.DATABASE_URL && env.DATABASE_URL.trim() !== '' ? env.DATABASE_URL : DEFAULT_DATABASE_PATH)
  );
}

/** The URL with any password replaced by `***`, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@/]*@/, '$1***@');
}
