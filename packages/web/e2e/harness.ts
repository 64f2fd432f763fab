import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root and the web package. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB = join(ROOT, 'packages', 'web');
export const DIST = join(WEB, 'dist');
export const ARTIFACTS = join(WEB, 'e2e', 'artifacts');
const CLI = join(ROOT, 'packages', 'cli', 'bin', 'cmr-mass.mjs');

/** Debian's Chromium, which the end-to-end tests drive (never a downloaded browser). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the end-to-end suite cannot run here, or null when it can. */
export function skipReason(): string | null {
  if (!existsSync(CHROMIUM)) {
    return `Chromium not found at ${CHROMIUM} (install Debian's chromium package; .ci/run does): end-to-end tests skipped`;
  }
  return null;
}

/** Runs the cmr-mass command; throws with its output when it fails. */
export function cli(args: readonly string[], input?: string): string {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (r.status !== 0) {
    throw new Error(`cmr-mass ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
  }
  return r.stdout;
}

/** A real server on a temporary SQLite database with the synthetic demo cohort. */
export interface TestServer {
  readonly url: string;
  readonly dir: string;
  stop(): Promise<void>;
}

/** The log-ins the tests use (their passwords are set with `cmr-mass user passwd`). */
export const PASSWORD = 'e2e-long-test-password-1';
export const USERS = {
  coordinator: 'coordinator.bj01@demo.cmr-mass.example',
  reader: 'reader.1@demo.cmr-mass.example',
  monitor: 'monitor@demo.cmr-mass.example',
} as const;

/**
 * Creates a temporary database with `cmr-mass demo` (the synthetic cohort through the real
 * repositories), sets the test users' passwords with `cmr-mass user passwd`, and starts
 * `cmr-mass serve` on a free port serving the built web app.
 */
export async function startServer(participants: number): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cmr-mass-e2e-'));
  const db = join(dir, 'e2e.sqlite');
  cli(['demo', '--participants', String(participants), '--db', db]);
  for (const email of Object.values(USERS)) {
    cli(['user', 'passwd', '--email', email, '--db', db], `${PASSWORD}\n`);
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, 'serve', '--db', db, '--port', '0', '--web', DIST],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`cmr-mass serve did not start in 60 s:\n${log}`));
    }, 60_000);
    const onData = (b: Buffer): void => {
      log += b.toString();
      const m = /Listening on (http:\/\/\S+)/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cmr-mass serve exited ${code}:\n${log}`));
    });
  });
  return {
    url,
    dir,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Builds the web app into dist (what the server serves). */
export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  await build({ root: WEB, configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
}

/** Makes the artefacts folder. */
export function artifactsDir(): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}
