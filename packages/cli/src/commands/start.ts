import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { migrateToLatest, openDatabase, type DbHandle } from '@cmr-mass/db';
import { DEFAULT_WEB_DIST, ensureDemoAccounts, startServer, type DemoAccount } from '@cmr-mass/server';
import { generateCohort, loadCohort, MAX_PARTICIPANTS, utcToday } from '@cmr-mass/synthetic';
import { UsageError, writeLine, type CliCommand, type CliIo } from '../io.js';
import { loggerFor, parsePort, serveUntilStopped } from './serve.js';

const HELP = `usage: cmr-mass start [--port P] [--host H] [--db PATH] [--participants N] [--no-build]

What \`npm start\` runs: creates or upgrades the demo database ./data/demo.sqlite; creates one demo
account per role and prints the log-ins; serves on http://127.0.0.1:3000; when the database is new,
loads the synthetic demo cohort (clearly marked as synthetic: no real patients); and builds the web
app if packages/web/dist is missing (in the background: the API answers meanwhile).

--port P             default 3000 (or PORT)
--host H             default 127.0.0.1
--db PATH            another SQLite demo database (never DATABASE_URL: no demo in a real database)
--participants N     size of the demo cohort (default 2000; only for a new database)
--no-build           do not build the web app

The server answers at once; a new cohort is loaded in the background (about a minute for 2,000
participants), and the registry fills while you look. The demo accounts are printed first.`;

/** The workspace root (this file is packages/cli/src/commands/start.ts). */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const WEB = join(ROOT, 'packages', 'web');

/** True when the database holds no participants (a new demo). */
async function hasNoParticipants(handle: DbHandle): Promise<boolean> {
  const p = await handle.db.selectFrom('participants').select('id').limit(1).execute();
  return p.length === 0;
}

/**
 * Loads the synthetic demo cohort (@cmr-mass/synthetic's generator and loader, every record written
 * through the repositories as the user who would enter it) into a database that holds no
 * participants, printing progress on stderr; then gives the cohort's demo accounts their passwords.
 */
async function loadDemoCohort(io: CliIo, handle: DbHandle, participants: number): Promise<void> {
  const started = performance.now();
  const seconds = (): string => ((performance.now() - started) / 1000).toFixed(0);
  const cohort = generateCohort({ participants, seed: 1, today: utcToday() });
  writeLine(io.stderr, `demo cohort: loading ${cohort.participants.length} synthetic participants in the background...`);
  let nextShare = 0.25;
  const report = await loadCohort(handle, cohort, {
    onProgress: (done, total) => {
      if (done / total >= nextShare) {
        writeLine(io.stderr, `demo cohort: ${done}/${total} participants written (${seconds()} s)`);
        while (nextShare <= done / total) nextShare += 0.25;
      }
    },
  });
  const accounts = await ensureDemoAccounts(handle);
  writeLine(
    io.stderr,
    `demo cohort loaded: ${report.participants} participants, ${report.records} records in ${seconds()} s; ${accounts.length} demo accounts (each with its role's password above)`
  );
}

/** Prints the demo log-ins, one per role and site. */
function printAccounts(io: CliIo, accounts: readonly DemoAccount[]): void {
  writeLine(io.stdout, 'Demo accounts (synthetic data only; e-mail / password):');
  const width = Math.max(...accounts.map((a) => a.email.length));
  for (const a of accounts) {
    writeLine(io.stdout, `  ${a.email.padEnd(width)}  ${a.password}   ${a.role}${a.siteCode ? ` at ${a.siteCode}` : ''}`);
  }
}

/** True when the web app has a build script and no build. */
function webNeedsBuild(): boolean {
  if (existsSync(join(DEFAULT_WEB_DIST, 'index.html'))) return false;
  try {
    const pkg = JSON.parse(readFileSync(join(WEB, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    return typeof pkg.scripts?.build === 'string';
  } catch {
    return false;
  }
}

/** Builds the web app with its own build script, in the background; resolves with the exit code. */
function buildWeb(io: CliIo): Promise<number> {
  const npmCli = io.env.npm_execpath;
  const [cmd, pre] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli]] : ['npm', []];
  writeLine(io.stderr, 'building the web app (packages/web) in the background...');
  return new Promise((done) => {
    const child = spawn(cmd, [...pre, 'run', 'build', '--workspace', '@cmr-mass/web'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...io.env },
    });
    const tail: string[] = [];
    const keep = (chunk: Buffer): void => {
      tail.push(chunk.toString('utf8'));
      if (tail.length > 40) tail.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => {
      writeLine(io.stderr, `web app build could not start: ${e.message}`);
      done(1);
    });
    child.on('close', (code) => {
      if (code === 0) writeLine(io.stderr, 'web app built: reload the page');
      else writeLine(io.stderr, `web app build failed (exit ${code ?? 'signal'}); the API still works:\n${tail.join('')}`);
      done(code ?? 1);
    });
  });
}

/** `cmr-mass start`: the demo in one command (what `npm start` runs). */
export const startCommand: CliCommand = {
  name: 'start',
  summary: 'migrate, load the demo cohort into ./data/demo.sqlite if new, and serve (what `npm start` runs)',
  help: HELP,
  async run(args, io) {
    let values: { port?: string; host?: string; db?: string; participants?: string; 'no-build'?: boolean };
    try {
      values = parseArgs({
        args: [...args],
        options: {
          port: { type: 'string' },
          host: { type: 'string' },
          db: { type: 'string' },
          participants: { type: 'string' },
          'no-build': { type: 'boolean' },
        },
        strict: true,
      }).values;
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    const port = parsePort(values.port, parsePort(io.env.PORT, 3000, 'PORT'));
    const size = values.participants ?? '2000';
    if (!/^\d+$/.test(size) || Number(size) < 1 || Number(size) > MAX_PARTICIPANTS) {
      throw new UsageError(`--participants: must be a whole number from 1 to ${MAX_PARTICIPANTS}`, '--participants');
    }
    const path = resolve(io.cwd, values.db ?? './data/demo.sqlite');
    if (/^[a-z]+:\/\//i.test(values.db ?? '')) throw new UsageError('--db: the demo runs on a SQLite file, not a server', '--db');
    // A demo: `synchronous=NORMAL` (a power cut may lose the last commits, never corrupt the file).
    const handle = openDatabase(path, { synchronous: 'normal' });
    try {
      const report = await migrateToLatest(handle);
      if (report.applied.length > 0) writeLine(io.stderr, `database ${path}: migrated (${report.applied.join(', ')})`);
      const fresh = await hasNoParticipants(handle);
      const accounts = await ensureDemoAccounts(handle);
      const server = await startServer({ handle, host: values.host ?? '127.0.0.1', port, logger: loggerFor(io) });
      printAccounts(io, accounts);
      writeLine(io.stdout, `API docs: ${server.url}/api/docs`);
      if (fresh) {
        loadDemoCohort(io, handle, Number(size)).catch((e: unknown) => {
          writeLine(io.stderr, `demo cohort could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
        });
      }
      if (!values['no-build'] && webNeedsBuild()) void buildWeb(io);
      return await serveUntilStopped(io, server);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'EADDRINUSE') throw new UsageError(`--port: port ${port} is in use`, '--port');
      throw e;
    } finally {
      await handle.close();
    }
  },
};
