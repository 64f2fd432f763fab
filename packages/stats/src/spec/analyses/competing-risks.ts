import { aalenJohansen } from '../../competing/aalen-johansen.js';
import { cuminc } from '../../competing/cuminc.js';
import { StatsInputError } from '../../errors.js';
import { formatAalenJohansen, formatCuminc } from '../../format/competing-risks.js';
import { Dataset, groupCodes, pick } from '../dataset.js';
import type { SpecReader } from '../reader.js';
import { COMMON_KEYS, type SpecOutput } from './types.js';

/**
 * The status column as cause codes: 0 = censored, k = causeLabels[k − 1]. Numeric: 0 is censored and
 * the other codes present are the causes, ascending. Factor: the first level is censored; the causes
 * are the other levels (for cuminc only those that occur, as cmprsk; for Aalen-Johansen all, as survfit).
 */
function causeColumn(spec: SpecReader, data: Dataset) {
  const ref = { name: spec.string('status'), path: spec.at('status') };
  if (data.isFactor(ref.name)) {
    const f = data.category(ref);
    const index = new Map(f.order.map((l, i) => [l, i]));
    const values = f.values.map((v) => (v === null ? null : index.get(v)!));
    return { values, labels: f.order.slice(1), factor: true };
  }
  const raw = data.numeric(ref);
  const codes = [...new Set(raw.filter((v): v is number => v !== null && v !== 0))].sort((a, b) => a - b);
  const index = new Map(codes.map((c, i) => [c, i + 1]));
  return {
    values: raw.map((v) => (v === null ? null : v === 0 ? 0 : index.get(v)!)),
    labels: codes.map(String),
    factor: false,
  };
}

/** `competing_risks` (stats-cli.md §3.4): cmprsk's cuminc or survfit's Aalen-Johansen estimate. */
export function runCompetingRisks(spec: SpecReader): SpecOutput {
  spec.onlyKeys([...COMMON_KEYS, 'method', 'time', 'status', 'group', 'at_times']);
  const method = spec.choice('method', ['cuminc', 'aalen_johansen'] as const);
  const atTimes = spec.numberArray('at_times', { minLength: 1 });
  const data = Dataset.fromSpec(spec);
  const time = data.numeric({ name: spec.string('time'), path: spec.at('time') });
  const status = causeColumn(spec, data);
  const groupName = spec.optionalString('group');
  const group =
    groupName === undefined ? undefined : data.category({ name: groupName, path: spec.at('group') });
  const keep = Dataset.completeRows(
    group ? [time, status.values, group.values] : [time, status.values],
    data.nRows
  );
  const codes = pick(status.values, keep);
  let labels = status.labels;
  let cause = codes;
  if (status.factor && method === 'cuminc') {
    // cmprsk: only the causes that occur, in level order
    const present = labels.map((_, k) => codes.includes(k + 1));
    const renumber = new Map<number, number>();
    labels = labels.filter((_, k) => present[k]);
    let next = 1;
    present.forEach((p, k) => {
      if (p) renumber.set(k + 1, next++);
    });
    cause = codes.map((c) => (c === 0 ? 0 : renumber.get(c)!));
  }
  if (labels.length === 0 && method === 'aalen_johansen') {
    throw new StatsInputError(spec.at('status'), 'the status has no cause besides censoring');
  }
  const input = {
    time: pick(time, keep),
    cause,
    causeLabels: labels,
    group: group ? groupCodes(group, keep) : undefined,
    atTimes,
  };
  if (method === 'cuminc') {
    const r = cuminc(input);
    return { result: formatCuminc(r), warnings: r.warnings };
  }
  const r = aalenJohansen(input);
  return { result: formatAalenJohansen(r, groupName), warnings: r.warnings };
}
