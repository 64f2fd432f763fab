import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';

/** How the SQLite driver commits. */
export interface SqliteDriverOptions {
  /**
   * Group commit: a transaction ends with `RELEASE` of its savepoint, and one physical `COMMIT`
   * (one fsync) is shared by every transaction that finished meanwhile. Each caller's promise resolves
   * only after that COMMIT, so nothing is acknowledged before it is durable. A transaction that fails
   * rolls back to its own savepoint and leaves the others alone.
   */
  readonly groupCommit: boolean;
  /** How many prepared statements to keep (keyed by SQL text). */
  readonly statementCacheSize: number;
  /** A read-only connection begins with a plain (deferred) BEGIN: a snapshot, no write lock. */
  readonly readonly?: boolean;
}

/** A first-in first-out lock: the single SQLite connection serves one user at a time. */
class FifoMutex {
  #locked = false;
  readonly #waiters: (() => void)[] = [];

  lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  unlock(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#locked = false;
  }
}

/** The one connection, with a bounded cache of prepared statements. */
class CachedSqliteConnection implements DatabaseConnection {
  readonly #db: BetterSqlite3.Database;
  readonly #cache = new Map<string, BetterSqlite3.Statement>();
  readonly #cacheSize: number;

  constructor(db: BetterSqlite3.Database, cacheSize: number) {
    this.#db = db;
    this.#cacheSize = cacheSize;
  }

  #prepare(sql: string): BetterSqlite3.Statement {
    const hit = this.#cache.get(sql);
    if (hit) return hit;
    const stmt = this.#db.prepare(sql);
    this.#cache.set(sql, stmt);
    if (this.#cache.size > this.#cacheSize) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    return stmt;
  }

  /** Runs one statement outside Kysely's compiler (BEGIN, COMMIT, pragmas). */
  exec(sql: string): void {
    this.#db.exec(sql);
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      const stmt = this.#prepare(query.sql);
      const params = query.parameters as unknown[];
      if (stmt.reader) return Promise.resolve({ rows: stmt.all(params) as R[] });
      const { changes, lastInsertRowid } = stmt.run(params);
      return Promise.resolve({
        numAffectedRows: BigInt(changes),
        insertId: BigInt(lastInsertRowid),
        rows: [],
      });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams only select queries');
    // A fresh statement: a cached one could be needed again while this one is iterating.
    const stmt = this.#db.prepare(query.sql);
    for (const row of stmt.iterate(query.parameters)) {
      yield await Promise.resolve({ rows: [row as R] });
    }
  }
}

/** Counters of a SQLite driver: logical transactions and the physical COMMITs that made them durable. */
export interface CommitStats {
  readonly transactions: number;
  readonly commits: number;
}

interface Batch {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A batch nobody waits for (every member rolled back) must not become an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

const SAVEPOINT = 'cmr_mass_tx';

/**
 * A Kysely driver for better-sqlite3 with `BEGIN IMMEDIATE` (no lock-upgrade deadlocks when another
 * process writes), a prepared-statement cache and optional group commit.
 *
 * See: https://www.sqlite.org/lang_transaction.html and https://www.sqlite.org/lang_savepoint.html
 */
export class GroupCommitSqliteDriver implements Driver {
  readonly #db: BetterSqlite3.Database;
  readonly #options: SqliteDriverOptions;
  readonly #mutex = new FifoMutex();
  #connection: CachedSqliteConnection | undefined;
  #batch: Batch | null = null;
  #transactions = 0;
  #commits = 0;

  constructor(db: BetterSqlite3.Database, options: SqliteDriverOptions) {
    this.#db = db;
    this.#options = options;
  }

  init(): Promise<void> {
    this.#connection = new CachedSqliteConnection(this.#db, this.#options.statementCacheSize);
    return Promise.resolve();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return this.#conn();
  }

  #conn(): CachedSqliteConnection {
    if (!this.#connection) throw new Error('the SQLite driver is not initialised');
    return this.#connection;
  }

  /** How many transactions ran, and how many physical COMMITs (fsyncs) they needed. */
  stats(): CommitStats {
    return { transactions: this.#transactions, commits: this.#commits };
  }

  beginTransaction(): Promise<void> {
    const c = this.#conn();
    this.#transactions += 1;
    const begin = this.#options.readonly ? 'BEGIN' : 'BEGIN IMMEDIATE';
    if (!this.#options.groupCommit) {
      c.exec(begin);
      return Promise.resolve();
    }
    if (!this.#db.inTransaction) c.exec(begin);
    c.exec(`SAVEPOINT ${SAVEPOINT}`);
    return Promise.resolve();
  }

  commitTransaction(): Promise<void> {
    if (!this.#options.groupCommit) this.#commits += 1;
    this.#conn().exec(this.#options.groupCommit ? `RELEASE ${SAVEPOINT}` : 'COMMIT');
    return Promise.resolve();
  }

  rollbackTransaction(): Promise<void> {
    const c = this.#conn();
    if (!this.#options.groupCommit) {
      if (this.#db.inTransaction) c.exec('ROLLBACK');
      return Promise.resolve();
    }
    if (this.#db.inTransaction) {
      c.exec(`ROLLBACK TO ${SAVEPOINT}`);
      c.exec(`RELEASE ${SAVEPOINT}`);
    } else {
      // SQLite itself rolled the shared transaction back (disk full, I/O error): every member is lost.
      this.#failBatch(new Error('SQLite rolled back the shared transaction; nothing in it was saved'));
    }
    return Promise.resolve();
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`SAVEPOINT ${quoteName(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`ROLLBACK TO ${quoteName(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`RELEASE ${quoteName(name)}`));
  }

  async releaseConnection(): Promise<void> {
    // Whoever leaves while the shared transaction is open waits for its COMMIT: a write is
    // acknowledged only once durable, and a read never returns data that could still be lost.
    const wait = this.#options.groupCommit && this.#db.inTransaction ? this.#joinBatch() : null;
    this.#mutex.unlock();
    if (wait) await wait;
  }

  #joinBatch(): Promise<void> {
    if (!this.#batch) {
      this.#batch = newBatch();
      setImmediate(() => void this.#flush());
    }
    return this.#batch.promise;
  }

  #failBatch(error: Error): void {
    const batch = this.#batch;
    this.#batch = null;
    batch?.reject(error);
  }

  async #flush(): Promise<void> {
    await this.#mutex.lock();
    const batch = this.#batch;
    this.#batch = null;
    try {
      if (!batch) return;
      if (!this.#db.inTransaction) {
        batch.reject(new Error('SQLite rolled back the shared transaction; nothing in it was saved'));
        return;
      }
      try {
        this.#conn().exec('COMMIT');
        this.#commits += 1;
        batch.resolve();
      } catch (error) {
        if (this.#db.inTransaction) this.#conn().exec('ROLLBACK');
        batch.reject(error instanceof Error ? error : new Error(String(error)));
      }
    } finally {
      this.#mutex.unlock();
    }
  }

  async destroy(): Promise<void> {
    // Let a pending group commit finish before closing.
    if (this.#batch) await this.#batch.promise.catch(() => undefined);
    await this.#mutex.lock();
    try {
      if (this.#db.inTransaction) this.#conn().exec('COMMIT');
    } finally {
      this.#db.close();
      this.#mutex.unlock();
    }
  }
}

function quoteName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new RangeError(`invalid savepoint name '${name}'`);
  return name;
}

/** SQLite runs DDL inside transactions, so a failed migration leaves nothing half-done. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * A Kysely dialect over one better-sqlite3 connection, using {@link GroupCommitSqliteDriver}, and the
 * driver itself (for its statistics).
 */
export function groupCommitSqliteDialect(
  db: BetterSqlite3.Database,
  options: SqliteDriverOptions
): { readonly dialect: Dialect; readonly driver: GroupCommitSqliteDriver } {
  const driver = new GroupCommitSqliteDriver(db, options);
  const dialect: Dialect = {
    createAdapter: (): DialectAdapter => new TransactionalDdlSqliteAdapter(),
    createDriver: (): Driver => driver,
    createIntrospector: (k: Kysely<unknown>): DatabaseIntrospector => new SqliteIntrospector(k),
    createQueryCompiler: (): QueryCompiler => new SqliteQueryCompiler(),
  };
  return { dialect, driver };
}
