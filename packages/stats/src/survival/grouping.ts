import { StatsInputError } from '../errors.js';

/** Group membership of each subject: `codes[i]` indexes `labels` (0-based); every label has a subject. */
export interface Grouping {
  readonly codes: ArrayLike<number>;
  readonly labels: readonly string[];
}

/**
 * Builds a {@link Grouping} from raw values. With `levels`, groups follow that order (a value must be
 * one of them); otherwise they are the distinct values, numbers ascending or strings by code unit.
 * Levels without subjects are dropped, as R does for strata.
 * @example groupingFrom([2, 1, 2]) // returns { codes: [1, 0, 1], labels: ['1', '2'] }
 */
export function groupingFrom(values: readonly (string | number)[], levels?: readonly string[]): Grouping {
  const text = values.map((v) => String(v));
  let order: string[];
  if (levels) {
    const known = new Set(levels);
    text.forEach((t, i) => {
      if (!known.has(t)) throw new StatsInputError(`group[${i}]`, `'${t}' is not one of the levels`);
    });
    const present = new Set(text);
    order = levels.filter((l) => present.has(l));
  } else if (values.every((v) => typeof v === 'number')) {
    order = [...new Set(values as number[])].sort((a, b) => a - b).map(String);
  } else {
    order = [...new Set(text)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  const index = new Map(order.map((l, i) => [l, i]));
  return { codes: Int32Array.from(text, (t) => index.get(t)!), labels: order };
}

/** Subject indices of each group, in the order of the input. */
export function splitByGroup(group: Grouping | undefined, n: number): Uint32Array[] {
  if (!group) return [Uint32Array.from({ length: n }, (_, i) => i)];
  const counts = new Array<number>(group.labels.length).fill(0);
  for (let i = 0; i < n; i++) counts[group.codes[i]!]!++;
  const out = counts.map((c) => new Uint32Array(c));
  const fill = new Array<number>(group.labels.length).fill(0);
  for (let i = 0; i < n; i++) {
    const g = group.codes[i]!;
    out[g]![fill[g]!++] = i;
  }
  return out;
}

/** Checks survival input: equal lengths, finite times, 0/1 status; names the offending element. */
export function checkSurvivalInput(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  group?: Grouping
): void {
  if (status.length !== time.length) {
    throw new StatsInputError('status', 'time and status must have the same length');
  }
  if (group && group.codes.length !== time.length) {
    throw new StatsInputError('group', 'group must have one code per subject');
  }
  for (let i = 0; i < time.length; i++) {
    if (!Number.isFinite(time[i])) throw new StatsInputError(`time[${i}]`, 'times must be finite numbers');
    const s = status[i];
    if (s !== 0 && s !== 1) {
      throw new StatsInputError(`status[${i}]`, 'status must be 0 (censored) or 1 (event)');
    }
    if (group) {
      const g = group.codes[i]!;
      if (!(Number.isInteger(g) && g >= 0 && g < group.labels.length)) {
        throw new StatsInputError(`group[${i}]`, 'group codes must index the labels');
      }
    }
  }
}
