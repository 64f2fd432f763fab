import { writeLine, type CliCommand } from '../io.js';

/** A placeholder for a command whose package has not landed yet: says so and exits 1. */
export function notYetCommand(name: string): CliCommand {
  return {
    name,
    summary: `${name} (not implemented yet)`,
    help: `cmr-mass ${name}: not implemented yet.`,
    run: (_args, io) => {
      writeLine(io.stderr, `cmr-mass ${name}: not implemented yet`);
      return Promise.resolve(1);
    },
  };
}
