import { StatsComputationError, StatsInputError } from '../errors.js';
import { childPath, isJsonObject, jsonType, type JsonObject, type JsonValue } from './json.js';
import type { SpecReader } from './reader.js';

/** A column reference of a spec: the column's name and the spec path of the reference (`terms[2]`). */
export interface ColumnRef {
  readonly name: string;
  readonly path: string;
}

/** A categorical column after validation: one label per row (`null` = missing) and the label order. */
export interface CategoryColumn {
  readonly values: readonly (string | null)[];
  /** Labels in output order: the `factors` levels, or the sorted distinct values. */
  readonly order: readonly string[];
  /** True when the column is declared in `factors`. */
  readonly declared: boolean;
}

const isMissing = (v: JsonValue | undefined): boolean => v === null || v === 'NA';

/**
 * The `data` rows and `factors` of a spec (stats-cli.md §2), with typed, validated access to the
 * columns an analysis uses. Every error names its path: `data[17].time`, `factors.celltype`, or the
 * path of the column reference (`terms[2]`) when no row has the column.
 */
export class Dataset {
  private constructor(
    readonly rows: readonly JsonObject[],
    readonly factors: ReadonlyMap<string, readonly string[]>,
    private readonly keys: ReadonlySet<string>
  ) {}

  /** Parses `data` (required) and `factors` (optional) of the spec. */
  static fromSpec(spec: SpecReader): Dataset {
    const data = spec.array('data');
    const rows: JsonObject[] = [];
    const keys = new Set<string>();
    data.forEach((row, i) => {
      if (!isJsonObject(row)) {
        throw new StatsInputError(`data[${i}]`, `data[${i}] must be an object, not ${jsonType(row)}`);
      }
      for (const k of Object.keys(row)) keys.add(k);
      rows.push(row);
    });
    const factors = new Map<string, readonly string[]>();
    if (spec.has('factors')) {
      const f = spec.object('factors');
      for (const col of Object.keys(f.obj)) {
        const levels = f.stringArray(col, { minLength: 1 });
        if (new Set(levels).size !== levels.length) {
          throw new StatsInputError(f.at(col), `the levels of factor '${col}' must be distinct`);
        }
        if (!keys.has(col)) throw new StatsInputError(f.at(col), `factor '${col}' is not a column of data`);
        factors.set(col, levels);
      }
    }
    return new Dataset(rows, factors, keys);
  }

  get nRows(): number {
    return this.rows.length;
  }

  isFactor(name: string): boolean {
    return this.factors.has(name);
  }

  /** Checks that the referenced column exists and that every row has it; returns the raw values. */
  private raw(ref: ColumnRef): JsonValue[] {
    if (!this.keys.has(ref.name)) {
      throw new StatsInputError(ref.path, `column '${ref.name}' is not in data`);
    }
    return this.rows.map((row, i) => {
      if (!Object.hasOwn(row, ref.name)) {
        throw new StatsInputError(
          this.cellPath(i, ref.name),
          `row ${i} has no value for column '${ref.name}'`
        );
      }
      return row[ref.name]!;
    });
  }

  private cellPath(row: number, name: string): string {
    return childPath(`data[${row}]`, name);
  }

  /** A numeric column: finite JSON numbers, or a missing marker (`null`, `"NA"`) → `null`. */
  numeric(ref: ColumnRef): (number | null)[] {
    if (this.isFactor(ref.name)) {
      throw new StatsInputError(
        `factors.${ref.name}`,
        `column '${ref.name}' is used as a number but declared as a factor`
      );
    }
    return this.raw(ref).map((v, i) => {
      if (isMissing(v)) return null;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new StatsInputError(
          this.cellPath(i, ref.name),
          `'${ref.name}' must be a finite number, not ${jsonType(v)}`
        );
      }
      return v;
    });
  }

  /** A 0/1 column (an event indicator or a binary outcome); `true`/`false` count as 1/0. */
  binary(ref: ColumnRef): (number | null)[] {
    if (this.isFactor(ref.name)) {
      throw new StatsInputError(
        `factors.${ref.name}`,
        `column '${ref.name}' must be coded 0/1, not declared as a factor`
      );
    }
    return this.raw(ref).map((v, i) => {
      if (isMissing(v)) return null;
      if (v === true) return 1;
      if (v === false) return 0;
      if (v !== 0 && v !== 1) {
        throw new StatsInputError(
          this.cellPath(i, ref.name),
          `'${ref.name}' must be 0 or 1, not ${jsonType(v)}`
        );
      }
      return v;
    });
  }

  /**
   * A categorical column. Declared in `factors`: values must match a level (a number by `String(x)`),
   * else the error names `factors.<col>`. Undeclared: numbers or strings, not both; the order is
   * numeric for numbers and by code unit for strings.
   */
  category(ref: ColumnRef): CategoryColumn {
    const raw = this.raw(ref);
    const levels = this.factors.get(ref.name);
    const asText = (v: JsonValue): string | undefined =>
      typeof v === 'string'
        ? v
        : typeof v === 'number'
          ? String(v)
          : typeof v === 'boolean'
            ? v
              ? 'TRUE'
              : 'FALSE'
            : undefined;
    if (levels) {
      const set = new Set(levels);
      const values = raw.map((v, i) => {
        if (isMissing(v)) return null;
        const s = asText(v);
        if (s === undefined || !set.has(s)) {
          throw new StatsInputError(
            `factors.${ref.name}`,
            `data[${i}].${ref.name} = ${jsonType(v)} is not one of the levels of factor '${ref.name}'`
          );
        }
        return s;
      });
      return { values, order: levels, declared: true };
    }
    let kind: 'number' | 'string' | 'boolean' | undefined;
    const numbers = new Set<number>();
    const strings = new Set<string>();
    const values = raw.map((v, i) => {
      if (isMissing(v)) return null;
      const k =
        typeof v === 'number'
          ? 'number'
          : typeof v === 'string'
            ? 'string'
            : typeof v === 'boolean'
              ? 'boolean'
              : undefined;
      if (k === undefined || (k === 'number' && !Number.isFinite(v))) {
        throw new StatsInputError(
          this.cellPath(i, ref.name),
          `'${ref.name}' must be a number or a string, not ${jsonType(v)}`
        );
      }
      if (kind !== undefined && k !== kind) {
        throw new StatsInputError(
          this.cellPath(i, ref.name),
          `column '${ref.name}' mixes ${kind}s and ${k}s: declare it in factors`
        );
      }
      kind = k;
      if (typeof v === 'number') numbers.add(v);
      const s = asText(v)!;
      strings.add(s);
      return s;
    });
    const order =
      kind === 'number'
        ? [...numbers].sort((a, b) => a - b).map((x) => String(x))
        : [...strings].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { values, order, declared: false };
  }

  /**
   * The string form of every value (`String(x)` for numbers), without requiring one type: for a
   * column only compared with given labels (a ROC outcome with explicit `levels`). Declared factors
   * are validated as in {@link category}.
   */
  labels(ref: ColumnRef): CategoryColumn {
    if (this.isFactor(ref.name)) return this.category(ref);
    const values = this.raw(ref).map((v, i) => {
      if (isMissing(v)) return null;
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isFinite(v)) return String(v);
      if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
      throw new StatsInputError(
        this.cellPath(i, ref.name),
        `'${ref.name}' must be a number or a string, not ${jsonType(v)}`
      );
    });
    return { values, order: [], declared: false };
  }

  /** Indices of the rows where none of the given columns is missing; throws when none is left. */
  static completeRows(columns: readonly (readonly unknown[])[], n: number): number[] {
    const keep: number[] = [];
    for (let i = 0; i < n; i++) {
      if (columns.every((c) => c[i] !== null)) keep.push(i);
    }
    if (keep.length === 0) {
      throw new StatsComputationError('no rows left after removing rows with missing values');
    }
    return keep;
  }
}

/** The values of `column` at the kept rows (callers pass rows known to be non-missing). */
export function pick<T>(column: readonly (T | null)[], keep: readonly number[]): T[] {
  return keep.map((i) => column[i] as T);
}

/** Group codes (0-based, in label order) for the kept rows, dropping labels that have no rows. */
export function groupCodes(
  column: CategoryColumn,
  keep: readonly number[]
): { readonly codes: Int32Array; readonly labels: readonly string[] } {
  const index = new Map(column.order.map((l, i) => [l, i]));
  const counts = new Array<number>(column.order.length).fill(0);
  for (const i of keep) counts[index.get(column.values[i]!)!]!++;
  const remap = new Int32Array(column.order.length).fill(-1);
  const labels: string[] = [];
  column.order.forEach((l, i) => {
    if (counts[i]! > 0) {
      remap[i] = labels.length;
      labels.push(l);
    }
  });
  const codes = new Int32Array(keep.length);
  keep.forEach((row, j) => {
    codes[j] = remap[index.get(column.values[row]!)!]!;
  });
  return { codes, labels };
}
