import { migrateToLatest, openDatabase, type DbHandle } from '@cmr-mass/db';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app.js';

/** Options of {@link startServer}. */
export interface ServeOptions extends Omit<AppOptions, 'handle'> {
  /** The database URL or path (opened and migrated), unless `handle` is given. */
  readonly url?: string;
  readonly handle?: DbHandle;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 3000; 0 picks a free port. */
  readonly port?: number;
  /** Directory that relative SQLite paths are resolved against. */
  readonly cwd?: string;
}

/** A listening server. */
export interface RunningServer {
  readonly app: FastifyInstance;
  readonly handle: DbHandle;
  /** `http://127.0.0.1:3000` */
  readonly url: string;
  readonly port: number;
  /** Stops listening and closes the database (if this server opened it). */
  close(): Promise<void>;
}

/**
 * Opens (and migrates) the database, builds the app and listens. Closing stops the server first, then
 * the database, so that in-flight requests finish.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const owned = options.handle === undefined;
  if (owned && options.url === undefined) throw new Error('startServer: give a database url or handle');
  const handle = options.handle ?? openDatabase(options.url!, { ...(options.cwd ? { cwd: options.cwd } : {}) });
  try {
    if (owned) await migrateToLatest(handle);
    const { url: _u, handle: _h, host: _host, port: _port, cwd: _c, ...appOptions } = options;
    const app = await buildApp({ ...appOptions, handle });
    const host = options.host ?? '127.0.0.1';
    await app.listen({ host, port: options.port ?? 3000 });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 3000);
    const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    return {
      app,
      handle,
      url: `http://${shown}:${port}`,
      port,
      close: async () => {
        await app.close();
        if (owned) await handle.close();
      },
    };
  } catch (e) {
    if (owned) await handle.close();
    throw e;
  }
}
