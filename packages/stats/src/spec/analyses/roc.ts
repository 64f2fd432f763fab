import { StatsInputError } from '../../errors.js';
import { formatRoc, formatRocTest } from '../../format/roc.js';
import { autoDirection, rocFromGroups, type RocDirection } from '../../roc/roc.js';
import { rocTest } from '../../roc/roc-test.js';
import { StatsComputationError } from '../../errors.js';
import { Dataset, type CategoryColumn, type ColumnRef } from '../dataset.js';
import type { SpecReader } from '../reader.js';
import { COMMON_KEYS, type SpecOutput } from './types.js';

const DIRECTIONS = ['<', '>', 'auto'] as const;
type DirectionChoice = (typeof DIRECTIONS)[number];

/** The outcome column: plain string forms when `levels` are given, else with its level order. */
function outcomeColumn(spec: SpecReader, data: Dataset): CategoryColumn {
  const ref = { name: spec.string('outcome'), path: spec.at('outcome') };
  return spec.has('levels') ? data.labels(ref) : data.category(ref);
}

/** The [control, case] levels: given, or the outcome's two levels (factor levels or sorted values). */
function levelsOf(spec: SpecReader, outcome: CategoryColumn): [string, string] {
  if (spec.has('levels')) {
    const [control, kase] = spec.stringArray('levels', { exactLength: 2 }) as [string, string];
    if (control === kase) throw new StatsInputError(spec.at('levels'), 'the two levels must differ');
    return [control, kase];
  }
  if (outcome.order.length !== 2) {
    throw new StatsInputError('levels', `the outcome has ${outcome.order.length} levels, not 2: give levels`);
  }
  return [outcome.order[0]!, outcome.order[1]!];
}

/** Marker values of controls and cases over the rows `rows`, in data order. */
function split(
  outcome: CategoryColumn,
  marker: readonly (number | null)[],
  levels: readonly [string, string],
  rows: readonly number[]
): { controls: number[]; cases: number[] } {
  const controls: number[] = [];
  const cases: number[] = [];
  for (const i of rows) {
    const o = outcome.values[i];
    if (o === levels[0]) controls.push(marker[i]!);
    else if (o === levels[1]) cases.push(marker[i]!);
  }
  return { controls, cases };
}

/**
 * A marker column. Declared as a factor, it is treated as pROC treats an ordered predictor: the
 * levels' numeric values when they are all numbers, else the level positions 1, 2, ...
 */
function markerColumn(data: Dataset, ref: ColumnRef): (number | null)[] {
  if (!data.isFactor(ref.name)) return data.numeric(ref);
  const f = data.category(ref);
  const numeric = f.order.every((l) => l.trim() !== '' && Number.isFinite(Number(l)));
  const value = new Map(f.order.map((l, i) => [l, numeric ? Number(l) : i + 1]));
  return f.values.map((v) => (v === null ? null : value.get(v)!));
}

function resolve(choice: DirectionChoice, g: { controls: number[]; cases: number[] }): RocDirection {
  if (g.controls.length === 0) throw new StatsComputationError('no control observation');
  if (g.cases.length === 0) throw new StatsComputationError('no case observation');
  return choice === 'auto' ? autoDirection(g.controls, g.cases) : choice;
}

/** `roc` (stats-cli.md §3.5). */
export function runRoc(spec: SpecReader): SpecOutput {
  spec.onlyKeys([...COMMON_KEYS, 'outcome', 'marker', 'levels', 'direction']);
  const data = Dataset.fromSpec(spec);
  const outcome = outcomeColumn(spec, data);
  const marker = markerColumn(data, { name: spec.string('marker'), path: spec.at('marker') });
  const levels = levelsOf(spec, outcome);
  const choice = spec.choice('direction', DIRECTIONS, 'auto');
  const keep = Dataset.completeRows([outcome.values, marker], data.nRows);
  const g = split(outcome, marker, levels, keep);
  const r = rocFromGroups(g.controls, g.cases, resolve(choice, g), levels);
  return { result: formatRoc(r), warnings: r.warnings };
}

/** `roc_test` (stats-cli.md §3.6): paired DeLong test of two markers on the rows complete for both. */
export function runRocTest(spec: SpecReader): SpecOutput {
  spec.onlyKeys([...COMMON_KEYS, 'outcome', 'marker1', 'marker2', 'levels', 'directions']);
  const data = Dataset.fromSpec(spec);
  const outcome = outcomeColumn(spec, data);
  const m1 = markerColumn(data, { name: spec.string('marker1'), path: spec.at('marker1') });
  const m2 = markerColumn(data, { name: spec.string('marker2'), path: spec.at('marker2') });
  const levels = levelsOf(spec, outcome);
  let choices: [DirectionChoice, DirectionChoice] = ['auto', 'auto'];
  if (spec.has('directions')) {
    const d = spec.stringArray('directions', { exactLength: 2 });
    d.forEach((v, i) => {
      if (!(DIRECTIONS as readonly string[]).includes(v)) {
        throw new StatsInputError(`${spec.at('directions')}[${i}]`, 'a direction is "<", ">" or "auto"');
      }
    });
    choices = d as [DirectionChoice, DirectionChoice];
  }
  // as pROC: each curve settles its own "auto" direction on the rows where its marker is present,
  // then both are recomputed on the rows complete for both markers
  const dir1 = resolve(
    choices[0],
    split(outcome, m1, levels, Dataset.completeRows([outcome.values, m1], data.nRows))
  );
  const dir2 = resolve(
    choices[1],
    split(outcome, m2, levels, Dataset.completeRows([outcome.values, m2], data.nRows))
  );
  const keep = Dataset.completeRows([outcome.values, m1, m2], data.nRows);
  const g1 = split(outcome, m1, levels, keep);
  const g2 = split(outcome, m2, levels, keep);
  resolve(dir1, g1);
  const r1 = rocFromGroups(g1.controls, g1.cases, dir1, levels);
  const r2 = rocFromGroups(g2.controls, g2.cases, dir2, levels);
  const t = rocTest(r1, r2);
  return { result: formatRocTest(t), warnings: t.warnings };
}
