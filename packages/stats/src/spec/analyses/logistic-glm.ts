import { formatLogisticGlm } from '../../format/logistic-glm.js';
import { logisticGlm } from '../../regression/logistic-glm.js';
import { Dataset, pick } from '../dataset.js';
import { buildDesign, readTerms, termValues } from '../design.js';
import type { SpecReader } from '../reader.js';
import { COMMON_KEYS, type SpecOutput } from './types.js';

/** `logistic_glm` (stats-cli.md §3.9): outcome 0/1 (or a two-level factor: first level = 0). */
export function runLogisticGlm(spec: SpecReader): SpecOutput {
  spec.onlyKeys([...COMMON_KEYS, 'outcome', 'terms']);
  const data = Dataset.fromSpec(spec);
  const outcomeRef = { name: spec.string('outcome'), path: spec.at('outcome') };
  let outcome: (number | null)[];
  if (data.isFactor(outcomeRef.name)) {
    const f = data.category(outcomeRef);
    outcome = f.values.map((v) => (v === null ? null : v === f.order[0] ? 0 : 1));
  } else {
    outcome = data.binary(outcomeRef);
  }
  const terms = readTerms(spec, data, 0);
  const keep = Dataset.completeRows([outcome, ...termValues(terms)], data.nRows);
  const design = buildDesign(terms, keep);
  const r = logisticGlm(design.rows, pick(outcome, keep), design.names);
  return { result: formatLogisticGlm(r), warnings: r.warnings };
}
