import { formatKaplanMeier } from '../../format/kaplan-meier.js';
import { formatLogrank } from '../../format/logrank.js';
import { kaplanMeier } from '../../survival/kaplan-meier.js';
import { logrank } from '../../survival/logrank.js';
import { Dataset, groupCodes, pick } from '../dataset.js';
import type { SpecReader } from '../reader.js';
import { COMMON_KEYS, type SpecOutput } from './types.js';

/** Time, event and (optional) group columns of a survival spec, rows with missing values dropped. */
function survivalColumns(spec: SpecReader, groupRequired: boolean) {
  const data = Dataset.fromSpec(spec);
  const timeName = spec.string('time');
  const eventName = spec.string('event');
  const groupName = groupRequired ? spec.string('group') : spec.optionalString('group');
  const time = data.numeric({ name: timeName, path: spec.at('time') });
  const event = data.binary({ name: eventName, path: spec.at('event') });
  const group =
    groupName === undefined ? undefined : data.category({ name: groupName, path: spec.at('group') });
  const keep = Dataset.completeRows(group ? [time, event, group.values] : [time, event], data.nRows);
  return {
    time: pick(time, keep),
    status: pick(event, keep),
    group: group ? groupCodes(group, keep) : undefined,
    groupName,
  };
}

/** `kaplan_meier` (stats-cli.md §3.1). */
export function runKaplanMeier(spec: SpecReader): SpecOutput {
  spec.onlyKeys([...COMMON_KEYS, 'time', 'event', 'group', 'conf_int', 'quantiles']);
  const confInt = spec.optionalNumber('conf_int', 0.95, (v) => v > 0 && v < 1, 'in (0, 1)');
  const probs = spec.has('quantiles')
    ? spec.numberArray('quantiles', {
        minLength: 1,
        check: (v) => v > 0 && v < 1,
        rule: 'a probability in (0, 1)',
      })
    : [0.25, 0.5, 0.75];
  const cols = survivalColumns(spec, false);
  const r = kaplanMeier({ time: cols.time, status: cols.status, group: cols.group, confInt, probs });
  return { result: formatKaplanMeier(r, cols.groupName), warnings: r.warnings };
}

/** `logrank` (stats-cli.md §3.2). */
export function runLogrank(spec: SpecReader): SpecOutput {
  spec.onlyKeys([...COMMON_KEYS, 'time', 'event', 'group', 'rho']);
  const rho = spec.optionalNumber('rho', 0, (v) => v >= 0, '>= 0');
  const cols = survivalColumns(spec, true);
  const r = logrank({ time: cols.time, status: cols.status, group: cols.group!, rho });
  return { result: formatLogrank(r, cols.groupName!), warnings: r.warnings };
}
