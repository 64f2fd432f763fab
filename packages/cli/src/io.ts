import type { Readable, Writable } from 'node:stream';

/**
 * What a command may touch of the outside world. Commands never use `process.stdout` or
 * `process.exit` directly, so that tests run them in-process and capture what they print.
 */
export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable;
  /** Environment variables (DATABASE_URL, PORT, ...). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory that relative paths are resolved against. */
  readonly cwd: string;
}

/** Exit codes shared by every command (architecture.md, "Contracts"). */
export const ExitCode = {
  ok: 0,
  /** The input was valid but the computation itself failed. */
  failed: 1,
  /** Bad input: unknown option, unreadable file, invalid value. Nothing was written. */
  badInput: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A user's mistake on the command line. `main` prints `message` (naming the offending option or
 * field) on stderr and exits with {@link ExitCode.badInput}.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The option, argument or field at fault, e.g. `--seed` or `data[3].time`. */
    readonly field?: string
  ) {
    super(message);
  }
}

/** One `cmr-mass` command (`stats`, `map`, `demo`...). Sub-commands are the command's own business. */
export interface CliCommand {
  readonly name: string;
  /** One line for `cmr-mass --help`. */
  readonly summary: string;
  /** The full text for `cmr-mass NAME --help`. */
  readonly help: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Writes one line to a stream. */
export function writeLine(stream: Writable, line: string): void {
  stream.write(line.endsWith('\n') ? line : `${line}\n`);
}
