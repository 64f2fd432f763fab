import { StatsComputationError, StatsInputError } from '../errors.js';
import { childPath } from './json.js';
import type { Dataset } from './dataset.js';
import { type CategoryColumn } from './dataset.js';
import type { SpecReader } from './reader.js';

/** One model term read from the data: a numeric column or a factor. */
type TermColumn =
  | { readonly kind: 'numeric'; readonly name: string; readonly values: readonly (number | null)[] }
  | { readonly kind: 'factor'; readonly name: string; readonly column: CategoryColumn };

/** The model matrix of a Cox or logistic model over the kept rows (treatment contrasts). */
export interface Design {
  /** Coefficient names: the column for a numeric term, `<column><level>` for a factor's dummies. */
  readonly names: readonly string[];
  /** One row of covariates per kept data row. */
  readonly rows: readonly (readonly number[])[];
  /** Each term and the indices of its coefficients (a factor has levels − 1). */
  readonly assign: readonly { readonly term: string; readonly columns: readonly number[] }[];
}

/** Reads and validates the `terms` of a spec (`minLength` 1 for coxph, 0 for logistic_glm). */
export function readTerms(spec: SpecReader, data: Dataset, minLength: number): TermColumn[] {
  const names = spec.stringArray('terms', { minLength });
  const seen = new Set<string>();
  return names.map((name, i) => {
    const path = childPath(spec.at('terms'), i);
    if (seen.has(name)) throw new StatsInputError(path, `term '${name}' is listed twice`);
    seen.add(name);
    if (data.isFactor(name)) return { kind: 'factor', name, column: data.category({ name, path }) };
    return { kind: 'numeric', name, values: data.numeric({ name, path }) };
  });
}

/** The per-row missingness vectors of the terms (for dropping incomplete rows). */
export function termValues(terms: readonly TermColumn[]): (readonly unknown[])[] {
  return terms.map((t) => (t.kind === 'numeric' ? t.values : t.column.values));
}

/** Builds the model matrix of the kept rows; a factor level without rows cannot be estimated. */
export function buildDesign(terms: readonly TermColumn[], keep: readonly number[]): Design {
  const names: string[] = [];
  const assign: { term: string; columns: number[] }[] = [];
  const makers: ((row: number, out: number[]) => void)[] = [];
  for (const t of terms) {
    const columns: number[] = [];
    if (t.kind === 'numeric') {
      columns.push(names.length);
      names.push(t.name);
      const values = t.values;
      makers.push((row, out) => out.push(values[row]!));
    } else {
      const levels = t.column.order;
      const counts = new Map<string, number>(levels.map((l) => [l, 0]));
      for (const i of keep) counts.set(t.column.values[i]!, counts.get(t.column.values[i]!)! + 1);
      for (const l of levels) {
        if (counts.get(l) === 0) {
          throw new StatsComputationError(
            `level '${l}' of factor '${t.name}' has no rows: its coefficient cannot be estimated`
          );
        }
      }
      for (const l of levels.slice(1)) {
        columns.push(names.length);
        names.push(`${t.name}${l}`);
      }
      const values = t.column.values;
      const dummies = levels.slice(1);
      makers.push((row, out) => {
        const v = values[row];
        for (const l of dummies) out.push(v === l ? 1 : 0);
      });
    }
    assign.push({ term: t.name, columns });
  }
  const rows = keep.map((i) => {
    const out: number[] = [];
    for (const f of makers) f(i, out);
    return out;
  });
  return { names, rows, assign };
}
