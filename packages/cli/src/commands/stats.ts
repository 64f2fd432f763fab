import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { runStatsSpecLazy, StatsComputationError, StatsInputError } from '@cmr-mass/stats/spec';
import { ExitCode, writeLine, type CliCommand, type CliIo } from '../io.js';

const HELP = `usage: cmr-mass stats SPEC.json     run one analysis described by a JSON spec
       cmr-mass stats -             read the spec from standard input

Analyses: kaplan_meier, logrank, coxph, competing_risks, roc, roc_test, diagnostic_2x2,
cohen_kappa, logistic_glm. The spec and the result schema are in docs/stats-cli.md.

On success the result is printed as one JSON object (exit 0); R's warnings go to stderr as
{"warning":"..."} lines. An invalid spec prints {"error":"invalid_spec","field":...,"message":...}
on stderr (exit 2); a valid spec that cannot be computed prints
{"error":"computation_failed","message":...} (exit 1).`;

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function invalidSpec(io: CliIo, field: string, message: string): number {
  writeLine(io.stderr, JSON.stringify({ error: 'invalid_spec', field, message }));
  return ExitCode.badInput;
}

function computationFailed(io: CliIo, message: string): number {
  writeLine(io.stderr, JSON.stringify({ error: 'computation_failed', message }));
  return ExitCode.failed;
}

/** `cmr-mass stats SPEC.json`: a thin adapter over `runStatsSpec` of @cmr-mass/stats (stats-cli.md). */
export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'run one statistical analysis from a JSON spec (stats-cli.md)',
  help: HELP,
  async run(args, io) {
    if (args.length !== 1 || (args[0]!.startsWith('-') && args[0] !== '-')) {
      return invalidSpec(io, '', 'usage: cmr-mass stats SPEC.json (or - for standard input)');
    }
    const source = args[0]!;
    let text: string;
    try {
      text = source === '-' ? await readAll(io.stdin) : await readFile(resolve(io.cwd, source), 'utf8');
    } catch (error) {
      return invalidSpec(
        io,
        '',
        `cannot read ${source}: ${error instanceof Error ? error.message : String(error)}`
      );
    }
    let spec: unknown;
    try {
      spec = JSON.parse(text);
    } catch (error) {
      return invalidSpec(
        io,
        '',
        `the spec is not JSON: ${error instanceof Error ? error.message : String(error)}`
      );
    }
    try {
      const { result, warnings } = await runStatsSpecLazy(spec);
      const out = JSON.stringify(result);
      for (const w of warnings) writeLine(io.stderr, JSON.stringify({ warning: w }));
      writeLine(io.stdout, out);
      return ExitCode.ok;
    } catch (error) {
      if (error instanceof StatsInputError) return invalidSpec(io, error.field, error.message);
      if (error instanceof StatsComputationError) return computationFailed(io, error.message);
      return computationFailed(io, error instanceof Error ? error.message : String(error));
    }
  },
};
