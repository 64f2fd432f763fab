import { LgePattern } from '@cmr-mass/core';
import type { ReportParticipantRow } from '../dataset/dataset.js';
import type { Cell } from '../stats-bridge/run.js';

type Row = ReportParticipantRow;

/**
 * A covariate of a regression model. Its `name` is R's term text (`I(size_max_mm/10)`), so the
 * coefficient names of `@cmr-mass/stats` and of R's `coxph`/`glm` on the exported dataset are the same.
 */
export interface Term {
  readonly name: string;
  /** The analysis-dataset column it is computed from. */
  readonly column: keyof Row;
  readonly label: { readonly en: string; readonly zh: string };
  /** What one unit of the term is, for the tables ("per 10 mm", "yes vs no"). */
  readonly unit: { readonly en: string; readonly zh: string };
  readonly get: (row: Row) => Cell;
  /** R test that the term is present in a row of `d` (default `!is.na(<column>)`). */
  readonly rPresent?: string;
  /** For a factor: its candidate levels in order (the first present one is the reference). */
  readonly levels?: readonly string[];
}

const num = (v: Cell): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const scaled =
  (column: keyof Row, by: number) =>
  (r: Row): Cell => {
    const v = num(r[column]);
    return v === null ? null : v / by;
  };
const binary = (column: keyof Row, en: string, zh: string): Term => ({
  name: column,
  column,
  label: { en, zh },
  unit: { en: 'yes vs no', zh: '是 vs 否' },
  get: (r) => r[column],
});

/** Largest diameter per 10 mm. */
export const SIZE: Term = {
  name: 'I(size_max_mm/10)',
  column: 'size_max_mm',
  label: { en: 'Size (largest diameter)', zh: '大小（最大径）' },
  unit: { en: 'per 10 mm', zh: '每10 mm' },
  get: scaled('size_max_mm', 10),
};
export const INFILTRATION = binary('infiltration', 'Infiltration', '浸润');
export const EFFUSION = binary('pericardial_effusion', 'Pericardial effusion', '心包积液');
export const FPP = binary('fpp', 'First-pass perfusion', '首过灌注');
export const SESSILE = binary('sessile', 'Sessile attachment', '宽基底');
export const POLYLOBATE = binary('polylobate', 'Polylobate shape', '分叶状');
export const HETEROGENEOUS = binary('heterogeneous_enhancement', 'Heterogeneous enhancement', '不均匀强化');

/** LGE pattern as a factor; `not_assessed` is missing. */
export const LGE: Term = {
  name: 'lge_pattern',
  column: 'lge_pattern',
  label: { en: 'LGE pattern', zh: 'LGE模式' },
  unit: { en: 'vs no enhancement', zh: 'vs 无强化' },
  get: (r) => (r.lge_pattern === null || r.lge_pattern === 'not_assessed' ? null : r.lge_pattern),
  rPresent: '!is.na(lge_pattern) & lge_pattern != "not_assessed"',
  levels: LgePattern.codes.filter((c) => c !== 'not_assessed'),
};
export const T1: Term = {
  name: 'I(t1_native_ms/100)',
  column: 't1_native_ms',
  label: { en: 'Native T1', zh: '平扫T1' },
  unit: { en: 'per 100 ms', zh: '每100 ms' },
  get: scaled('t1_native_ms', 100),
};
export const T2: Term = {
  name: 'I(t2_ms/10)',
  column: 't2_ms',
  label: { en: 'T2', zh: 'T2' },
  unit: { en: 'per 10 ms', zh: '每10 ms' },
  get: scaled('t2_ms', 10),
};
export const ECV: Term = {
  name: 'I(ecv/0.1)',
  column: 'ecv',
  label: { en: 'ECV', zh: 'ECV' },
  unit: { en: 'per 10 percentage points', zh: '每10个百分点' },
  get: scaled('ecv', 0.1),
};
export const MASS_SCORE: Term = {
  name: 'mass_score',
  column: 'mass_score',
  label: { en: 'CMR mass score', zh: 'CMR占位评分' },
  unit: { en: 'per point', zh: '每1分' },
  get: (r) => num(r.mass_score),
};

/** The CMR indicators of Question 3 (issue 6): size, infiltration, effusion, LGE, T1, T2, ECV, score. */
export const COX_TERMS: readonly Term[] = [SIZE, INFILTRATION, EFFUSION, LGE, T1, T2, ECV, MASS_SCORE];

/** The qualitative CMR features of the malignancy model (decision-support validation). */
export const FEATURE_TERMS: readonly Term[] = [
  SIZE,
  INFILTRATION,
  EFFUSION,
  FPP,
  SESSILE,
  POLYLOBATE,
  HETEROGENEOUS,
];

/** Question 1's multivariable model: the features plus the quantitative maps. */
export const Q1_LOGISTIC_TERMS: readonly Term[] = [...FEATURE_TERMS, T1, T2, ECV];

/** The R test that a term is present. */
export function rPresent(t: Term): string {
  return t.rPresent ?? `!is.na(${t.column})`;
}

/** Getter map of terms for `prepare`. */
export function termColumns(terms: readonly Term[]): Record<string, (row: Row) => Cell> {
  const out: Record<string, (row: Row) => Cell> = {};
  for (const t of terms) out[t.name] = t.get;
  return out;
}

/** The levels of the factor terms that occur in the rows, in code-list order (`factors` of a spec). */
export function presentFactors(
  rows: readonly Readonly<Record<string, Cell>>[],
  terms: readonly Term[]
): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const t of terms) {
    if (!t.levels) continue;
    const seen = new Set<string>();
    for (const r of rows) {
      const v = r[t.name];
      if (v !== null && v !== undefined) seen.add(String(v));
    }
    out[t.name] = t.levels.filter((l) => seen.has(l));
  }
  return out;
}

/** R lines that turn factor columns of `s` into factors with the levels used. */
export function rFactorPrep(factors: Readonly<Record<string, readonly string[]>>, frame = 's'): string[] {
  return Object.entries(factors).map(
    ([col, levels]) =>
      `${frame}$${col} <- factor(${frame}$${col}, levels = c(${levels.map((l) => `"${l}"`).join(', ')}))`
  );
}

/** The label of a model coefficient (a term, or a factor term and its level). */
export function coefficientLabel(
  coef: string,
  terms: readonly Term[],
  lang: 'en' | 'zh' = 'en',
  levelLabel: (term: Term, level: string) => string = (_t, l) => l
): string {
  for (const t of terms) {
    if (coef === t.name) return t.label[lang];
    if (t.levels && coef.startsWith(t.name)) {
      const level = coef.slice(t.name.length);
      if (t.levels.includes(level)) return `${t.label[lang]}: ${levelLabel(t, level)}`;
    }
  }
  return coef;
}
