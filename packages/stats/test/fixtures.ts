import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The copied public R reference fixtures (testdata/r-fixtures, see its README). */
export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'testdata', 'r-fixtures');
/** Extra fixtures made by testdata/r-fixtures-extra/generate_extra.R on other data. */
export const EXTRA_FIXTURE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'testdata',
  'r-fixtures-extra'
);

/** One fixture case: its spec and R's result. */
export interface FixtureCase {
  readonly id: string;
  readonly fixture: string;
  readonly caseName: string;
  readonly analysis: string;
  readonly spec: Record<string, unknown>;
  readonly expected: unknown;
  readonly rWarnings: readonly string[];
}

interface FixtureFile {
  cases: { name: string; result: unknown; r_warnings?: string[] }[];
}

/** Every case of every `specs/*.json` under `dir`, with R's result from the fixture file. */
export function loadFixtureCases(dir = FIXTURE_DIR): FixtureCase[] {
  const specDir = join(dir, 'specs');
  const files = readdirSync(specDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const fixtures = new Map<string, FixtureFile>();
  return files.map((file) => {
    const id = file.replace(/\.json$/, '');
    const [fixture, caseName] = id.split('__') as [string, string];
    let fx = fixtures.get(fixture);
    if (!fx) {
      fx = JSON.parse(readFileSync(join(dir, `${fixture}.json`), 'utf8')) as FixtureFile;
      fixtures.set(fixture, fx);
    }
    const c = fx.cases.find((x) => x.name === caseName);
    if (!c) throw new Error(`fixture ${fixture} has no case ${caseName}`);
    const spec = JSON.parse(readFileSync(join(specDir, file), 'utf8')) as Record<string, unknown>;
    return {
      id,
      fixture,
      caseName,
      analysis: String(spec['analysis']),
      spec,
      expected: c.result,
      rWarnings: c.r_warnings ?? [],
    };
  });
}
