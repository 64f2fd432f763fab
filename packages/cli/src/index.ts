export { main, processIo } from './main.js';
export { ExitCode, UsageError, writeLine } from './io.js';
export type { CliCommand, CliIo } from './io.js';
