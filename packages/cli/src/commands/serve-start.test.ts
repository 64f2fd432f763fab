import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../test-io.js';

/**
 * `cmr-mass serve` and `cmr-mass start` as a user runs them: the real command in its own process,
 * on a free port, asked to stop with SIGTERM.
 */
const BIN = fileURLToPath(new URL('../../bin/cmr-mass.mjs', import.meta.url));
const SLOW = 180_000;

interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  out(): string;
}

/** Runs `cmr-mass ARGS` until it prints `Listening on URL`. */
function launch(args: string[], cwd: string): Promise<Running> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' } });
  let text = '';
  return new Promise((resolve, reject) => {
    const onData = (c: Buffer): void => {
      text += c.toString('utf8');
      const m = /Listening on (http:\/\/\S+)/.exec(text);
      if (m) resolve({ child, url: m[1]!, out: () => text });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      reject(new Error(`exited ${code ?? 'on a signal'} before listening:\n${text}`));
    });
  });
}

async function stop(r: Running): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => {
    r.child.once('exit', (code) => {
      resolve(code);
    });
  });
  r.child.kill('SIGTERM');
  return exited;
}

describe('cmr-mass serve and start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cmr-mass-serve-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a bad port with exit code 2, naming the option', async () => {
    const io = captureIo({ cwd: dir });
    expect(await main(['serve', '--port', 'eighty', '--db', join(dir, 'x.sqlite')], io)).toBe(2);
    expect(io.err()).toMatch(/--port/);
  });

  it(
    'serves the API and a page on a database, and stops on SIGTERM',
    async () => {
      const r = await launch(['serve', '--db', join(dir, 'serve.sqlite'), '--port', '0'], dir);
      try {
        expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const meta = await fetch(`${r.url}/api/v1/meta`);
        expect(meta.status).toBe(200);
        expect(await meta.json()).toMatchObject({ demo: false, languages: ['en', 'zh'] });
        expect((await fetch(`${r.url}/`)).status).toBe(200);
        expect((await fetch(`${r.url}/api/openapi.json`)).status).toBe(200);
      } finally {
        expect(await stop(r)).toBe(0);
      }
    },
    SLOW
  );

  it(
    'starts the demo: prints the log-ins, which work, and loads the synthetic cohort',
    async () => {
      const r = await launch(['start', '--db', join(dir, 'demo.sqlite'), '--port', '0', '--no-build', '--participants', '20'], dir);
      try {
        const m = /(coordinator\.bj01@\S+)\s+(\S+)/.exec(r.out());
        expect(m).not.toBeNull();
        const login = await fetch(`${r.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: m![1], password: m![2] }),
        });
        expect(login.status).toBe(200);
        const meta = (await (await fetch(`${r.url}/api/v1/meta`)).json()) as { demo: boolean };
        expect(meta.demo).toBe(true);
        for (let i = 0; i < 120 && !r.out().includes('demo cohort loaded'); i++) {
          await new Promise((x) => setTimeout(x, 500));
        }
        expect(r.out()).toMatch(/demo cohort loaded: \d+ participants/);
      } finally {
        expect(await stop(r)).toBe(0);
      }
    },
    SLOW
  );
});
