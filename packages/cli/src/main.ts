import { commandLoaders } from './commands/registry.js';
import { ExitCode, UsageError, writeLine, type CliIo } from './io.js';

const usage = (): string => {
  const width = Math.max(...Object.keys(commandLoaders).map((n) => n.length));
  const lines = Object.entries(commandLoaders).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return [
    'usage: cmr-mass COMMAND [OPTIONS]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `cmr-mass COMMAND --help` for the options of one command.',
  ].join('\n');
};

/** The process's own streams and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/**
 * Runs `cmr-mass ARGS...` and resolves to the exit code. A {@link UsageError} from any command is
 * printed as one line and becomes exit code 2; anything else unexpected is exit code 1.
 */
export async function main(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    writeLine(io.stdout, usage());
    return name === undefined ? ExitCode.badInput : ExitCode.ok;
  }
  const entry = commandLoaders[name];
  if (!entry) {
    writeLine(io.stderr, `cmr-mass: unknown command '${name}'\n\n${usage()}`);
    return ExitCode.badInput;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    writeLine(io.stdout, command.help);
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `cmr-mass ${name}: ${error.message}`);
      return ExitCode.badInput;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    writeLine(io.stderr, `cmr-mass ${name}: ${message}`);
    return ExitCode.failed;
  }
}
