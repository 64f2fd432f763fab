import { LgePattern, ReferenceMethod, Sex, Smoking } from '@cmr-mass/core';
import { kruskalWallis } from '@cmr-mass/stats';
import { COHORTS, type Cohort, type ReportParticipantRow } from '../../dataset/dataset.js';
import type { AnalysisHead, AnalysisRecord } from '../../stats-bridge/record.js';
import {
  failedTest,
  INDEPENDENCE_METHOD,
  INDEPENDENCE_R,
  independenceTest,
  type IndependenceTest,
} from '../independence.js';

type Row = ReportParticipantRow;

/** The columns of Table 1: every analysed participant, then each cohort. */
export type Table1Column = 'all' | Cohort;
export const TABLE1_COLUMNS: readonly Table1Column[] = ['all', ...COHORTS];

type Label = { readonly en: string; readonly zh: string };

/** The test of a difference across the three cohorts in one characteristic. */
export interface Table1Test {
  readonly test: IndependenceTest['test'] | 'kruskal';
  /** χ² (chi-square) or H (Kruskal-Wallis); null for Fisher's exact test. */
  readonly statistic: number | null;
  readonly df: number | null;
  readonly p: number;
}

/** A yes/no characteristic: n (%) of those in whom it is known. */
export interface BinaryRow {
  readonly kind: 'binary';
  readonly variable: string;
  readonly label: Label;
  readonly cells: readonly { readonly n: number; readonly of: number; readonly missing: number }[];
  readonly test: AnalysisRecord<Table1Test>;
}

/** A categorical characteristic: n (%) per level. */
export interface CategoricalRow {
  readonly kind: 'categorical';
  readonly variable: string;
  readonly label: Label;
  readonly levels: readonly string[];
  readonly cells: readonly {
    readonly counts: readonly number[];
    readonly of: number;
    readonly missing: number;
  }[];
  readonly test: AnalysisRecord<Table1Test>;
}

/** A continuous characteristic: median [IQR] of those in whom it is known. */
export interface ContinuousRow {
  readonly kind: 'continuous';
  readonly variable: string;
  readonly label: Label;
  readonly unit: string;
  /** Displayed values are the column's values times this (ECV 0-1 shown as %). */
  readonly scale: number;
  readonly cells: readonly {
    readonly n: number;
    readonly missing: number;
    readonly median: number | null;
    readonly q1: number | null;
    readonly q3: number | null;
  }[];
  readonly test: AnalysisRecord<Table1Test>;
}

export type Table1Row = BinaryRow | CategoricalRow | ContinuousRow;

/** Table 1: baseline characteristics by cohort. */
export interface Table1 {
  readonly columns: readonly { readonly key: Table1Column; readonly n: number }[];
  readonly rows: readonly Table1Row[];
  /** `pending_stats` while `@cmr-mass/stats` has no sample quantiles (medians and IQRs are then blank). */
  readonly quantiles_status: 'ok' | 'pending_stats';
}

/** Sample quartiles of values (see `statsQuartiles`: R's `quantile(x, type = 2)` from `@cmr-mass/stats`). */
export type Quartiles = (values: readonly number[]) => {
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
};

type Spec =
  | {
      kind: 'binary';
      variable: keyof Row;
      label: Label;
      get?: (r: Row) => 0 | 1 | null;
      /** The R expression of a derived yes/no (default `d$variable`). */
      r?: string;
    }
  | { kind: 'categorical'; variable: keyof Row; label: Label; levels: readonly string[] }
  | { kind: 'continuous'; variable: keyof Row; label: Label; unit: string; scale?: number };

/** The characteristics of Table 1, in order. */
export const TABLE1_VARIABLES: readonly Spec[] = [
  { kind: 'continuous', variable: 'age', label: { en: 'Age', zh: '年龄' }, unit: 'years' },
  { kind: 'categorical', variable: 'sex', label: { en: 'Sex', zh: '性别' }, levels: Sex.codes },
  {
    kind: 'binary',
    variable: 'recruitment',
    label: { en: 'Prospective enrolment', zh: '前瞻性入组' },
    get: (r) => (r.recruitment === null ? null : r.recruitment === 'prospective' ? 1 : 0),
    r: 'd$recruitment == "prospective"',
  },
  {
    kind: 'binary',
    variable: 'known_extracardiac_cancer',
    label: { en: 'Known extracardiac cancer', zh: '已知心外恶性肿瘤' },
  },
  { kind: 'binary', variable: 'atrial_fibrillation', label: { en: 'Atrial fibrillation', zh: '心房颤动' } },
  {
    kind: 'binary',
    variable: 'prior_mi',
    label: { en: 'Prior myocardial infarction', zh: '陈旧性心肌梗死' },
  },
  { kind: 'binary', variable: 'hypertension', label: { en: 'Hypertension', zh: '高血压' } },
  { kind: 'binary', variable: 'diabetes', label: { en: 'Diabetes', zh: '糖尿病' } },
  { kind: 'categorical', variable: 'smoking', label: { en: 'Smoking', zh: '吸烟' }, levels: Smoking.codes },
  {
    kind: 'binary',
    variable: 'field_strength_t',
    label: { en: 'CMR at 3 T', zh: '3 T CMR' },
    get: (r) => (r.field_strength_t === null ? null : r.field_strength_t === 3 ? 1 : 0),
    r: 'd$field_strength_t == 3',
  },
  {
    kind: 'binary',
    variable: 'n_lesions',
    label: { en: 'More than one lesion', zh: '多于一个病灶' },
    get: (r) => (r.n_lesions > 1 ? 1 : 0),
    r: 'd$n_lesions > 1',
  },
  {
    kind: 'continuous',
    variable: 'size_max_mm',
    label: { en: 'Largest diameter', zh: '最大径' },
    unit: 'mm',
  },
  { kind: 'binary', variable: 'infiltration', label: { en: 'Infiltration', zh: '浸润' } },
  { kind: 'binary', variable: 'pericardial_effusion', label: { en: 'Pericardial effusion', zh: '心包积液' } },
  { kind: 'binary', variable: 'fpp', label: { en: 'First-pass perfusion', zh: '首过灌注' } },
  { kind: 'binary', variable: 'sessile', label: { en: 'Sessile attachment', zh: '宽基底' } },
  { kind: 'binary', variable: 'polylobate', label: { en: 'Polylobate shape', zh: '分叶状' } },
  {
    kind: 'categorical',
    variable: 'lge_pattern',
    label: { en: 'LGE pattern', zh: 'LGE模式' },
    levels: LgePattern.codes,
  },
  { kind: 'continuous', variable: 't1_native_ms', label: { en: 'Native T1', zh: '平扫T1' }, unit: 'ms' },
  { kind: 'continuous', variable: 't2_ms', label: { en: 'T2', zh: 'T2' }, unit: 'ms' },
  { kind: 'continuous', variable: 'ecv', label: { en: 'ECV', zh: 'ECV' }, unit: '%', scale: 100 },
  {
    kind: 'continuous',
    variable: 'mass_score',
    label: { en: 'CMR mass score', zh: 'CMR占位评分' },
    unit: 'points',
  },
  {
    kind: 'categorical',
    variable: 'ref_method',
    label: { en: 'Reference standard', zh: '参考标准' },
    levels: ReferenceMethod.codes,
  },
];

function testHead(spec: Spec, test: 'table' | 'kruskal'): AnalysisHead {
  const expr = spec.kind === 'binary' && spec.r ? spec.r : `d$${spec.variable}`;
  return {
    id: `table1.${spec.variable}.test`,
    title: `Difference across cohorts: ${spec.label.en}`,
    method:
      test === 'kruskal'
        ? 'Kruskal-Wallis rank-sum test (tie-corrected) across the three cohorts'
        : `${INDEPENDENCE_METHOD}, across the three cohorts`,
    filter: 'participants with a cohort and the characteristic recorded',
    r_code:
      test === 'kruskal'
        ? `kruskal.test(${expr}, d$cohort)`
        : `tab <- table(${expr}, d$cohort); ${INDEPENDENCE_R}`,
  };
}

/** The Kruskal-Wallis test of a continuous characteristic across the cohorts. */
function rankTest(spec: Spec, rows: readonly Row[]): AnalysisRecord<Table1Test> {
  const head = testHead(spec, 'kruskal');
  const values: number[] = [];
  const groups: string[] = [];
  let missing = 0;
  for (const r of rows) {
    if (r.cohort === null) continue;
    const v = r[spec.variable];
    if (typeof v === 'number' && Number.isFinite(v)) {
      values.push(v);
      groups.push(r.cohort);
    } else missing += 1;
  }
  try {
    const k = kruskalWallis(values, groups);
    return {
      ...head,
      status: 'ok',
      message: null,
      n: values.length,
      n_missing: missing,
      events: null,
      spec: null,
      warnings: [],
      result: { test: 'kruskal', statistic: k.statistic, df: k.df, p: k.p },
    };
  } catch (e) {
    return failedTest(head, e, values.length, missing);
  }
}

function cellRows(rows: readonly Row[]): Row[][] {
  return TABLE1_COLUMNS.map((c) => (c === 'all' ? [...rows] : rows.filter((r) => r.cohort === c)));
}

function buildRow(
  spec: Spec,
  groups: readonly Row[][],
  rows: readonly Row[],
  quartiles: Quartiles | null
): Table1Row {
  // The tests compare the cohorts' columns, not "all".
  const cohortCells = <T>(cells: readonly T[]): T[] => cells.filter((_, i) => TABLE1_COLUMNS[i] !== 'all');
  const raw = (r: Row): unknown => r[spec.variable];
  switch (spec.kind) {
    case 'binary': {
      const get = spec.get ?? ((r: Row) => raw(r) as 0 | 1 | null);
      const cells = groups.map((g) => {
        const known = g.map(get).filter((v) => v !== null);
        return { n: known.filter((v) => v === 1).length, of: known.length, missing: g.length - known.length };
      });
      return {
        kind: 'binary',
        variable: spec.variable,
        label: spec.label,
        cells,
        test: independenceTest(
          testHead(spec, 'table'),
          [cohortCells(cells).map((c) => c.n), cohortCells(cells).map((c) => c.of - c.n)],
          cohortCells(cells).reduce((a, c) => a + c.missing, 0)
        ),
      };
    }
    case 'categorical': {
      const cells = groups.map((g) => {
        const counts = spec.levels.map((l) => g.filter((r) => raw(r) === l).length);
        const of = counts.reduce((a, b) => a + b, 0);
        return { counts, of, missing: g.length - of };
      });
      return {
        kind: 'categorical',
        variable: spec.variable,
        label: spec.label,
        levels: spec.levels,
        cells,
        test: independenceTest(
          testHead(spec, 'table'),
          spec.levels.map((_, li) => cohortCells(cells).map((c) => c.counts[li]!)),
          cohortCells(cells).reduce((a, c) => a + c.missing, 0)
        ),
      };
    }
    case 'continuous': {
      const cells = groups.map((g) => {
        const xs = g.map(raw).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
        let q: ReturnType<Quartiles> | null = null;
        try {
          q = quartiles && xs.length > 0 ? quartiles(xs) : null;
        } catch {
          q = null;
        }
        return {
          n: xs.length,
          missing: g.length - xs.length,
          median: q?.median ?? null,
          q1: q?.q1 ?? null,
          q3: q?.q3 ?? null,
        };
      });
      return {
        kind: 'continuous',
        variable: spec.variable,
        label: spec.label,
        unit: spec.unit,
        scale: spec.scale ?? 1,
        cells,
        test: rankTest(spec, rows),
      };
    }
  }
}

/**
 * Table 1 (STROBE item 14, STARD item 20): baseline characteristics of every analysed participant and
 * of each cohort, n (%) of those in whom the characteristic is known, or median [IQR], with missing
 * counts, and a test of the difference across the three cohorts (chi-squared, Fisher's exact test for
 * a sparse 2 × 2 table, Kruskal-Wallis for continuous characteristics). `quartiles` comes from `@cmr-mass/stats`; without it the medians stay blank.
 */
export function table1(rows: readonly Row[], quartiles: Quartiles | null = null): Table1 {
  const groups = cellRows(rows);
  return {
    columns: TABLE1_COLUMNS.map((key, i) => ({ key, n: groups[i]!.length })),
    rows: TABLE1_VARIABLES.map((s) => buildRow(s, groups, rows, quartiles)),
    quantiles_status: quartiles ? 'ok' : 'pending_stats',
  };
}
