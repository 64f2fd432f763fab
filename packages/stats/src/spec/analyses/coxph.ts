import { coxPh, coxZph } from '../../cox/cox-ph.js';
import { formatCoxPh } from '../../format/coxph.js';
import { Dataset, pick } from '../dataset.js';
import { buildDesign, readTerms, termValues } from '../design.js';
import type { SpecReader } from '../reader.js';
import { COMMON_KEYS, type SpecOutput } from './types.js';

/** `coxph` (stats-cli.md §3.3), with `cox.zph` per term and per coefficient unless `zph` is false. */
export function runCoxPh(spec: SpecReader): SpecOutput {
  spec.onlyKeys([...COMMON_KEYS, 'time', 'event', 'terms', 'ties', 'zph']);
  const ties = spec.choice('ties', ['efron', 'breslow'] as const, 'efron');
  const withZph = spec.boolean('zph', true);
  const data = Dataset.fromSpec(spec);
  const time = data.numeric({ name: spec.string('time'), path: spec.at('time') });
  const event = data.binary({ name: spec.string('event'), path: spec.at('event') });
  const terms = readTerms(spec, data, 1);
  const keep = Dataset.completeRows([time, event, ...termValues(terms)], data.nRows);
  const design = buildDesign(terms, keep);
  const input = {
    time: pick(time, keep),
    status: pick(event, keep),
    x: design.rows,
    names: design.names,
    ties,
  };
  const fit = coxPh(input);
  const zph = withZph
    ? { byTerm: coxZph(input, fit, design.assign), byCoefficient: coxZph(input, fit) }
    : undefined;
  return { result: formatCoxPh(fit, zph), warnings: fit.warnings };
}
