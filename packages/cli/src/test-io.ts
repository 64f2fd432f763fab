import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from './io.js';

/** An in-memory {@link CliIo} for tests: what the command printed is in `out()` and `err()`. */
export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

/** Makes a {@link CapturedIo}; `stdinText` is what the command reads from standard input. */
export function captureIo(options: { stdinText?: string; env?: Record<string, string>; cwd?: string } = {}): CapturedIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const outChunks: Buffer[] = [];
  const errChunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => outChunks.push(c));
  stderr.on('data', (c: Buffer) => errChunks.push(c));
  return {
    stdout,
    stderr,
    stdin: Readable.from([options.stdinText ?? '']),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    out: () => Buffer.concat(outChunks).toString('utf8'),
    err: () => Buffer.concat(errChunks).toString('utf8'),
  };
}
