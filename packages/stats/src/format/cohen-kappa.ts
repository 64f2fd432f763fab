import type { CohenKappaResult } from '../agreement/cohen-kappa.js';
import { rnum, rnums } from './r-json.js';

/** The fixtures' `cohen_kappa` result object; `categories` only when the caller gave them. */
export function formatCohenKappa(
  r: CohenKappaResult,
  categories?: readonly string[]
): Record<string, unknown> {
  return {
    table: r.table.map((row) => rnums(row)),
    ...(categories ? { categories: [...categories] } : {}),
    weights: r.weights,
    weight_matrix: r.weightMatrix.map((row) => rnums(row)),
    kappa: rnum(r.kappa),
    po: rnum(r.po),
    pe: rnum(r.pe),
    se: rnum(r.se),
    lower: rnum(r.lower),
    upper: rnum(r.upper),
    se0: rnum(r.se0),
    z: rnum(r.z),
    p: rnum(r.p),
  };
}
