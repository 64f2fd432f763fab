import type { ReportParticipantRow } from '../../dataset/dataset.js';
import type { AnalysisRecord } from '../../stats-bridge/record.js';
import type { RocOut, RocPointOut, RocTestOut } from '../../stats-bridge/r-json.js';
import { prepare, runStats } from '../../stats-bridge/run.js';
import { rComplete } from '../common.js';

type Row = ReportParticipantRow;

/** A quantitative marker of malignancy. */
export interface Marker {
  /** The analysis-dataset column. */
  readonly column: 't1_native_ms' | 't2_ms' | 'ecv' | 'mass_score';
  readonly label: { readonly en: string; readonly zh: string };
  /** Unit of the column's values (`ecv` is a fraction 0-1). */
  readonly unit: string;
}

/** The markers of Question 1's ROC analysis. */
export const MARKERS: readonly Marker[] = [
  { column: 't1_native_ms', label: { en: 'Native T1', zh: '平扫T1' }, unit: 'ms' },
  { column: 't2_ms', label: { en: 'T2', zh: 'T2' }, unit: 'ms' },
  { column: 'ecv', label: { en: 'ECV', zh: 'ECV' }, unit: 'fraction' },
  { column: 'mass_score', label: { en: 'CMR mass score', zh: 'CMR占位评分' }, unit: 'points' },
];

/** Curves longer than this are thinned in results.json (see RESULTS.md, "ROC curves"). */
export const MAX_CURVE_POINTS = 1500;

/**
 * Thins an ROC curve for storage and drawing: keeps the first and last points and every point that
 * moves at least `step` in sensitivity or specificity from the last point kept. The AUC and every
 * statistic come from the full curve; only the drawn polyline is thinned.
 */
export function thinCurve(curve: readonly RocPointOut[], step = 0.002): RocPointOut[] {
  if (curve.length <= MAX_CURVE_POINTS) return [...curve];
  const out: RocPointOut[] = [curve[0]!];
  for (let i = 1; i < curve.length - 1; i++) {
    const p = curve[i]!;
    const last = out[out.length - 1]!;
    if (
      Math.abs(p.sensitivity - last.sensitivity) >= step ||
      Math.abs(p.specificity - last.specificity) >= step
    ) {
      out.push(p);
    }
  }
  out.push(curve[curve.length - 1]!);
  return out;
}

const OUTCOME_WORDS = 'participants with a reference mass (malignant known)';

/** The ROC curve of one marker for malignant vs all other masses. */
export function rocOfMarker(
  rows: readonly Row[],
  marker: Marker
): AnalysisRecord<RocOut & { readonly curve_thinned: boolean }> {
  const data = prepare(rows, (r) => r.malignant !== null, {
    malignant: (r) => r.malignant,
    [marker.column]: (r) => r[marker.column],
  });
  const rec = runStats<RocOut>(
    {
      id: `q1.roc.${marker.column}`,
      title: `ROC of ${marker.label.en} for malignancy`,
      method:
        'Empirical ROC curve (controls: non-malignant masses; higher values pre-specified as malignant), ' +
        "AUC with DeLong 95% CI, Youden's J for the best cut-off",
      filter: `${OUTCOME_WORDS} with ${marker.column} recorded`,
      r_code: [
        `s <- subset(d, ${rComplete(['malignant', marker.column])})`,
        `r1 <- roc(s$malignant, s$${marker.column}, levels = c(0, 1), direction = "<")`,
        'ci.auc(r1, method = "delong"); coords(r1, "best", best.method = "youden")',
      ].join('\n'),
    },
    {
      analysis: 'roc',
      data: data.rows,
      outcome: 'malignant',
      marker: marker.column,
      levels: ['0', '1'],
      direction: '<',
    },
    { n: data.n, n_missing: data.n_missing, events: data.rows.filter((r) => r.malignant === 1).length }
  );
  if (!rec.result) return { ...rec, result: null };
  const thinned = thinCurve(rec.result.curve);
  return {
    ...rec,
    result: { ...rec.result, curve: thinned, curve_thinned: thinned.length < rec.result.curve.length },
  };
}

/** Paired DeLong test of two markers' AUCs on the participants who have both. */
export function rocTest(rows: readonly Row[], a: Marker, b: Marker): AnalysisRecord<RocTestOut> {
  const data = prepare(rows, (r) => r.malignant !== null, {
    malignant: (r) => r.malignant,
    [a.column]: (r) => r[a.column],
    [b.column]: (r) => r[b.column],
  });
  return runStats<RocTestOut>(
    {
      id: `q1.roc_test.${a.column}.${b.column}`,
      title: `${a.label.en} vs ${b.label.en}: paired comparison of AUCs`,
      method:
        "DeLong's test for two correlated ROC curves (paired), two-sided, with the 95% CI of the AUC difference",
      filter: `${OUTCOME_WORDS} with both ${a.column} and ${b.column} recorded`,
      r_code: [
        `s <- subset(d, ${rComplete(['malignant', a.column, b.column])})`,
        `roc.test(roc(s$malignant, s$${a.column}, levels = c(0, 1), direction = "<"),`,
        `         roc(s$malignant, s$${b.column}, levels = c(0, 1), direction = "<"), method = "delong", paired = TRUE)`,
      ].join('\n'),
    },
    {
      analysis: 'roc_test',
      data: data.rows,
      outcome: 'malignant',
      marker1: a.column,
      marker2: b.column,
      levels: ['0', '1'],
      directions: ['<', '<'],
    },
    { n: data.n, n_missing: data.n_missing, events: data.rows.filter((r) => r.malignant === 1).length }
  );
}

/** ROC analyses of Question 1: one curve per marker and every paired comparison. */
export interface RocAnalyses {
  readonly curves: readonly AnalysisRecord<RocOut & { readonly curve_thinned: boolean }>[];
  readonly comparisons: readonly AnalysisRecord<RocTestOut>[];
}

/** Runs {@link rocOfMarker} for every marker and {@link rocTest} for every pair. */
export function rocAnalyses(rows: readonly Row[], markers: readonly Marker[] = MARKERS): RocAnalyses {
  const curves = markers.map((m) => rocOfMarker(rows, m));
  const comparisons: AnalysisRecord<RocTestOut>[] = [];
  for (let i = 0; i < markers.length; i++) {
    for (let j = i + 1; j < markers.length; j++) comparisons.push(rocTest(rows, markers[i]!, markers[j]!));
  }
  return { curves, comparisons };
}
