import { cohenKappa, KappaWeights } from '../../agreement/cohen-kappa.js';
import { diagnostic2x2 } from '../../diagnostic/diagnostic-2x2.js';
import { StatsInputError } from '../../errors.js';
import { formatCohenKappa } from '../../format/cohen-kappa.js';
import { formatDiagnostic2x2 } from '../../format/diagnostic-2x2.js';
import { childPath, jsonType } from '../json.js';
import type { SpecReader } from '../reader.js';
import { COMMON_KEYS, type SpecOutput } from './types.js';

/** `diagnostic_2x2` (stats-cli.md §3.7): four integer cells, no data. */
export function runDiagnostic2x2(spec: SpecReader): SpecOutput {
  spec.onlyKeys([...COMMON_KEYS, 'tp', 'fp', 'fn', 'tn']);
  const cell = (key: string): number =>
    spec.number(key, (v) => Number.isInteger(v) && v >= 0, 'an integer >= 0');
  const r = diagnostic2x2({ tp: cell('tp'), fp: cell('fp'), fn: cell('fn'), tn: cell('tn') });
  return { result: formatDiagnostic2x2(r), warnings: r.warnings };
}

/** `cohen_kappa` (stats-cli.md §3.8): a k × k table, optional categories, weights. */
export function runCohenKappa(spec: SpecReader): SpecOutput {
  spec.onlyKeys([...COMMON_KEYS, 'table', 'categories', 'weights']);
  const rows = spec.array('table');
  const k = rows.length;
  if (k < 2) throw new StatsInputError('table', 'table must be a k x k array with k >= 2');
  const table = rows.map((row, i) => {
    const path = childPath('table', i);
    if (!Array.isArray(row)) {
      throw new StatsInputError(path, `table[${i}] must be an array, not ${jsonType(row)}`);
    }
    if (row.length !== k) {
      throw new StatsInputError(path, `table[${i}] must have ${k} counts (the table is k x k)`);
    }
    return row.map((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new StatsInputError(
          childPath(path, j),
          `table[${i}][${j}] must be a count >= 0, not ${jsonType(v)}`
        );
      }
      return v;
    });
  });
  const categories = spec.has('categories') ? spec.stringArray('categories', { exactLength: k }) : undefined;
  const weights = spec.choice('weights', Object.values(KappaWeights), 'unweighted');
  const r = cohenKappa(table, { weights });
  return { result: formatCohenKappa(r, categories), warnings: r.warnings };
}
