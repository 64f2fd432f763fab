import { LgePattern, MassCategory, TreatmentType } from '@cmr-mass/core';
import type { ReportParticipantRow } from '../dataset/dataset.js';
import type { AnalysisRecord } from '../stats-bridge/record.js';
import {
  INDEPENDENCE_METHOD,
  INDEPENDENCE_R,
  independenceTest,
  type IndependenceTest,
} from './independence.js';
import { proportion, type Proportion } from './common.js';
import { MASS_SCORE_CUTOFF } from './decision/validation.js';

type Row = ReportParticipantRow;

/** A contingency table of the main treatment by another variable. */
export interface CrossTable {
  readonly id: string;
  readonly title: string;
  /** The variable of the rows (an analysis-dataset column or a derived one). */
  readonly row_variable: string;
  readonly row_levels: readonly string[];
  /** Treatments, in the code list's order. */
  readonly column_levels: readonly string[];
  /** counts[i][j]: participants with row level i and treatment j. */
  readonly counts: readonly (readonly number[])[];
  readonly n: number;
  /** Participants left out because the row variable or the treatment is missing. */
  readonly n_missing: number;
  readonly r_code: string;
  /** Test of independence (chi-square, or Fisher's exact test for small expected counts). */
  readonly test: AnalysisRecord<IndependenceTest>;
}

/** A row variable of a treatment cross-table. */
interface RowVariable {
  readonly id: string;
  readonly title: string;
  readonly name: string;
  readonly levels: readonly string[];
  readonly get: (row: Row) => string | null;
  /** R expression of the variable over `d`. */
  readonly r: string;
}

const yesNo = (v: 0 | 1 | null): string | null => (v === null ? null : v === 1 ? 'yes' : 'no');

/** The variables treatment is cross-tabulated by (Question 2). */
export const TREATMENT_BY: readonly RowVariable[] = [
  {
    id: 'q2.treatment_by_reference',
    title: 'Main treatment by final (reference) diagnosis',
    name: 'ref_category',
    levels: MassCategory.codes,
    get: (r) => (r.ref_category === null ? null : String(r.ref_category)),
    r: 'd$ref_category',
  },
  {
    id: 'q2.treatment_by_cmr_category',
    title: 'Main treatment by CMR diagnosis (blinded reading)',
    name: 'cmr_category',
    levels: MassCategory.codes,
    get: (r) => (r.cmr_category === null ? null : String(r.cmr_category)),
    r: 'd$cmr_category',
  },
  {
    id: 'q2.treatment_by_infiltration',
    title: 'Main treatment by infiltration on CMR',
    name: 'infiltration',
    levels: ['no', 'yes'],
    get: (r) => yesNo(r.infiltration),
    r: 'ifelse(d$infiltration == 1, "yes", "no")',
  },
  {
    id: 'q2.treatment_by_effusion',
    title: 'Main treatment by pericardial effusion on CMR',
    name: 'pericardial_effusion',
    levels: ['no', 'yes'],
    get: (r) => yesNo(r.pericardial_effusion),
    r: 'ifelse(d$pericardial_effusion == 1, "yes", "no")',
  },
  {
    id: 'q2.treatment_by_fpp',
    title: 'Main treatment by first-pass perfusion on CMR',
    name: 'fpp',
    levels: ['no', 'yes'],
    get: (r) => yesNo(r.fpp),
    r: 'ifelse(d$fpp == 1, "yes", "no")',
  },
  {
    id: 'q2.treatment_by_lge',
    title: 'Main treatment by LGE pattern on CMR',
    name: 'lge_pattern',
    levels: LgePattern.codes.filter((c) => c !== 'not_assessed'),
    get: (r) => (r.lge_pattern === null || r.lge_pattern === 'not_assessed' ? null : String(r.lge_pattern)),
    r: 'ifelse(d$lge_pattern == "not_assessed", NA, d$lge_pattern)',
  },
  {
    id: 'q2.treatment_by_mass_score',
    title: `Main treatment by CMR mass score (>= ${MASS_SCORE_CUTOFF})`,
    name: 'mass_score_high',
    levels: ['no', 'yes'],
    get: (r) =>
      typeof r.mass_score === 'number' ? (r.mass_score >= MASS_SCORE_CUTOFF ? 'yes' : 'no') : null,
    r: `ifelse(d$mass_score >= ${MASS_SCORE_CUTOFF}, "yes", "no")`,
  },
];

/** Cross-tabulates the main treatment against one variable. */
export function crossTable(rows: readonly Row[], v: RowVariable): CrossTable {
  const treatments = TreatmentType.codes;
  const ri = new Map<string, number>(v.levels.map((l, i) => [l, i]));
  const ci = new Map<string, number>(treatments.map((t, i) => [t, i]));
  const counts = v.levels.map(() => treatments.map(() => 0));
  let n = 0;
  let missing = 0;
  for (const r of rows) {
    const a = v.get(r);
    const i = a === null ? undefined : ri.get(a);
    const j = r.treatment === null ? undefined : ci.get(String(r.treatment));
    if (i === undefined || j === undefined) {
      missing++;
      continue;
    }
    counts[i]![j]!++;
    n++;
  }
  return {
    id: v.id,
    title: v.title,
    row_variable: v.name,
    row_levels: v.levels,
    column_levels: treatments,
    counts,
    n,
    n_missing: missing,
    r_code: `table(${v.r}, d$treatment)`,
    test: independenceTest(
      {
        id: `${v.id}.test`,
        title: `Test of independence: ${v.title.toLowerCase()}`,
        method: INDEPENDENCE_METHOD,
        filter: 'as the table',
        r_code: `tab <- table(${v.r}, d$treatment); ${INDEPENDENCE_R}`,
      },
      counts,
      missing
    ),
  };
}

/** How often decision support's suggested management matched the treatment received. */
export interface ManagementMatch {
  readonly status: 'ok' | 'not_available';
  readonly message: string | null;
  /** Participants whose main treatment equals the suggested one, with its exact CI. */
  readonly matched: Proportion;
  readonly table: CrossTable | null;
  readonly r_code: string;
}

/** Question 2's results. */
export interface TreatmentResults {
  readonly tables: readonly CrossTable[];
  readonly management: ManagementMatch;
}

/** Treatment received by final diagnosis and by CMR features, and the suggested-management match. */
export function treatmentAnalyses(rows: readonly Row[]): TreatmentResults {
  const tables = TREATMENT_BY.map((v) => crossTable(rows, v));
  const both = rows.filter((r) => r.ds_suggested_treatment !== null && r.treatment !== null);
  const r_code = [
    's <- subset(d, !is.na(ds_suggested_treatment) & !is.na(treatment))',
    'binom.test(sum(s$ds_suggested_treatment == s$treatment), nrow(s))',
  ].join('\n');
  if (both.length === 0) {
    return {
      tables,
      management: {
        status: 'not_available',
        message: 'decision support (suggested management) was not available to this report',
        matched: proportion(0, 0),
        table: null,
        r_code,
      },
    };
  }
  const matched = both.filter((r) => r.ds_suggested_treatment === r.treatment).length;
  const table = crossTable(rows, {
    id: 'q2.treatment_by_suggestion',
    title: 'Main treatment received by the CMR-based suggested management',
    name: 'ds_suggested_treatment',
    levels: TreatmentType.codes,
    get: (r) => r.ds_suggested_treatment,
    r: 'd$ds_suggested_treatment',
  });
  return {
    tables,
    management: { status: 'ok', message: null, matched: proportion(matched, both.length), table, r_code },
  };
}
