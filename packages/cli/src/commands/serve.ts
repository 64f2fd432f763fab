import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { redactUrl, resolveDatabaseUrl } from '@cmr-mass/db';
import { startServer, type RunningServer } from '@cmr-mass/server';
import { ExitCode, UsageError, writeLine, type CliCommand, type CliIo } from '../io.js';

const HELP = `usage: cmr-mass serve [--db URL] [--port P] [--host H] [--web DIR]

Serves the registry API (/api/v1, OpenAPI at /api/openapi.json, docs at /api/docs) and the built web
app (packages/web/dist, or --web DIR; without one, a small page about the database) on a database,
which is migrated first. Stops on Ctrl-C (SIGINT) or SIGTERM, letting requests in flight finish.

--db URL    postgres://... or a SQLite file (default: DATABASE_URL, else ./data/cmr-mass.sqlite)
--port P    default 3000 (or PORT); 0 picks a free port
--host H    default 127.0.0.1; 0.0.0.0 to listen on every interface (put TLS in front)

Many app servers may share one PostgreSQL: sessions live in the database.`;

/** A port option, or a usage error naming it. */
export function parsePort(value: string | undefined, fallback: number, field = '--port'): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new UsageError(`${field}: must be a port number 0-65535`, field);
  return Number(value);
}

/** Resolves when the process is asked to stop (SIGINT or SIGTERM). */
export function stopSignal(): Promise<string> {
  return new Promise((resolveStop) => {
    const done = (signal: string): void => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolveStop(signal);
    };
    const onInt = (): void => {
      done('SIGINT');
    };
    const onTerm = (): void => {
      done('SIGTERM');
    };
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
}

/** Serves until a stop signal, then closes; prints `Listening on URL` once listening. */
export async function serveUntilStopped(io: CliIo, server: RunningServer): Promise<number> {
  writeLine(io.stdout, `Listening on ${server.url}`);
  const signal = await stopSignal();
  writeLine(io.stderr, `${signal}: stopping`);
  await server.close();
  return ExitCode.ok;
}

/** The Fastify logger options of the commands: warnings and errors on stderr (LOG_LEVEL to change). */
export function loggerFor(io: CliIo): { level: string; stream: NodeJS.WritableStream } {
  return { level: io.env.LOG_LEVEL ?? 'warn', stream: io.stderr };
}

/** `cmr-mass serve`: a thin adapter over the server package's `startServer`. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'serve the web app and the API on a database',
  help: HELP,
  async run(args, io) {
    let values: { db?: string; port?: string; host?: string; web?: string };
    try {
      values = parseArgs({
        args: [...args],
        options: { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, web: { type: 'string' } },
        strict: true,
      }).values;
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    const port = parsePort(values.port, parsePort(io.env.PORT, 3000, 'PORT'));
    const url = resolveDatabaseUrl(values.db, io.env);
    let server: RunningServer;
    try {
      server = await startServer({
        url,
        cwd: io.cwd,
        host: values.host ?? '127.0.0.1',
        port,
        logger: loggerFor(io),
        ...(values.web !== undefined ? { webDist: resolve(io.cwd, values.web) } : {}),
      });
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'EADDRINUSE') throw new UsageError(`--port: port ${port} is in use`, '--port');
      if (e instanceof RangeError) throw new UsageError(`--db: ${e.message}`, '--db');
      throw e;
    }
    writeLine(io.stderr, `database: ${redactUrl(server.handle.location)} (${server.handle.dialect})`);
    return serveUntilStopped(io, server);
  },
};
