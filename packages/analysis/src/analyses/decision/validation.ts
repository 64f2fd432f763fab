import type { ReportParticipantRow } from '../../dataset/dataset.js';
import { notRun, type AnalysisRecord } from '../../stats-bridge/record.js';
import type { Diagnostic2x2Out, GlmOut, RocOut } from '../../stats-bridge/r-json.js';
import { runStats, type SpecRow } from '../../stats-bridge/run.js';
import type { RowFilter } from '../common.js';
import { categoryAgreement, type CategoryAgreement } from '../diagnosis/accuracy.js';
import { expit, linearPredictor, logisticModel } from '../models.js';
import { FEATURE_TERMS, rPresent } from '../terms.js';
import { calibrationTable, stratifiedFolds, type CalibrationGroup } from './folds.js';

type Row = ReportParticipantRow;

/** Cross-validation settings (recorded in results.json). */
export const CV = { folds: 10, seed: 20260101 } as const;

/** The published cut-off of the CMR mass score: malignant if >= 5 (Paolisso et al. 2024; clinical.md §2a). */
export const MASS_SCORE_CUTOFF = 5;

/** Cross-validated performance of the feature model. */
export interface CrossValidation {
  readonly folds: number;
  readonly seed: number;
  readonly status: 'ok' | 'not_computed';
  readonly message: string | null;
  /** ROC of the out-of-fold predicted risks (`p`). */
  readonly auc: AnalysisRecord<RocOut> | null;
  /** Observed vs mean predicted risk by tenth of out-of-fold predicted risk. */
  readonly calibration: readonly CalibrationGroup[];
  /** `glm(malignant ~ qlogis(p))`: calibration intercept and slope. */
  readonly slope: AnalysisRecord<GlmOut> | null;
  /** Participant ID to fold, written to `data/cv_folds.csv` (never to results.json). */
  readonly assignment: readonly { readonly participant_id: string; readonly fold: number }[];
}

/** Validation of decision support on the registry (issue 8 part 2). */
export interface DecisionValidation {
  /** Decision support's top differential category against the reference. */
  readonly differential: CategoryAgreement | AnalysisRecord<never>;
  /** Mass score >= 5 against malignancy. */
  readonly mass_score_cutoff: AnalysisRecord<Diagnostic2x2Out>;
  /** The feature model fitted on every complete case (apparent). */
  readonly model: AnalysisRecord<GlmOut>;
  readonly cross_validation: CrossValidation;
}

const MASS_FILTER: RowFilter = {
  words: 'participants with a reference mass (malignant known)',
  r: '!is.na(malignant)',
  test: (r) => r.malignant !== null,
};

const MALIGNANT = { name: 'malignant', get: (r: Row) => r.malignant };

function mass_score_cutoff(rows: readonly Row[]): AnalysisRecord<Diagnostic2x2Out> {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const r of rows) {
    if (r.malignant === null || typeof r.mass_score !== 'number') continue;
    const pos = r.mass_score >= MASS_SCORE_CUTOFF;
    if (pos && r.malignant === 1) tp++;
    else if (pos) fp++;
    else if (r.malignant === 1) fn++;
    else tn++;
  }
  const head = {
    id: 'ds.mass_score_cutoff',
    title: `CMR mass score >= ${MASS_SCORE_CUTOFF} for malignancy`,
    method: 'Accuracy at the published cut-off, exact Clopper-Pearson 95% CIs',
    filter: `${MASS_FILTER.words} with a mass score`,
    r_code: [
      's <- subset(d, !is.na(malignant) & !is.na(mass_score))',
      `pos <- s$mass_score >= ${MASS_SCORE_CUTOFF}; dis <- s$malignant == 1`,
      'tp <- sum(pos & dis); fp <- sum(pos & !dis); fn <- sum(!pos & dis); tn <- sum(!pos & !dis)',
      'binom.test(tp, tp + fn)$conf.int  # sensitivity',
    ].join('\n'),
  };
  if (tp + fp + fn + tn === 0) return notRun(head, 'not_available', 'no participant has a CMR mass score');
  return runStats(
    head,
    { analysis: 'diagnostic_2x2', tp, fp, fn, tn },
    { n: tp + fp + fn + tn, n_missing: 0, events: tp + fn }
  );
}

function crossValidate(rows: readonly SpecRow[]): CrossValidation {
  const y = rows.map((r) => (r.malignant === 1 ? 1 : 0));
  const folds = stratifiedFolds(y, CV.folds, CV.seed);
  const assignment = rows.map((r, i) => ({ participant_id: String(r.participant_id), fold: folds[i]! }));
  const base = { folds: CV.folds, seed: CV.seed, assignment };
  const p = new Array<number>(rows.length).fill(Number.NaN);
  const names = FEATURE_TERMS.map((t) => t.name);
  for (let k = 1; k <= CV.folds; k++) {
    const train = rows.filter((_, i) => folds[i] !== k);
    const fit = runStats<GlmOut>(
      { id: `ds.cv.fold${k}`, title: '', method: '', filter: '', r_code: '' },
      { analysis: 'logistic_glm', data: train, outcome: 'malignant', terms: names },
      { n: train.length, n_missing: 0, events: null }
    );
    if (fit.status !== 'ok' || !fit.result) {
      return {
        ...base,
        status: 'not_computed',
        message: `fold ${k}: ${fit.message ?? fit.status}`,
        auc: null,
        calibration: [],
        slope: null,
      };
    }
    for (let i = 0; i < rows.length; i++) {
      if (folds[i] !== k) continue;
      const eta = linearPredictor(fit.result, rows[i]!, FEATURE_TERMS);
      p[i] = eta === null ? Number.NaN : expit(eta);
    }
  }
  if (p.some((v) => !Number.isFinite(v))) {
    return {
      ...base,
      status: 'not_computed',
      message: 'a fold model gave no prediction',
      auc: null,
      calibration: [],
      slope: null,
    };
  }
  const cvRows = rows.map((r, i) => ({
    malignant: r.malignant ?? null,
    p: p[i]!,
    'qlogis(p)': Math.log(p[i]! / (1 - p[i]!)),
  }));
  const rPrep = [
    `s <- subset(d, ${['!is.na(malignant)', ...FEATURE_TERMS.map(rPresent)].join(' & ')})`,
    's <- merge(s, read.csv("data/cv_folds.csv"), by = "participant_id")',
    `s$p <- NA; for (k in 1:${CV.folds}) { fit <- glm(malignant ~ ${names.join(' + ')}, family = binomial, data = s[s$fold != k, ])`,
    '  s$p[s$fold == k] <- predict(fit, s[s$fold == k, ], type = "response") }',
  ].join('\n');
  const events = y.filter((v) => v === 1).length;
  const auc = runStats<RocOut>(
    {
      id: 'ds.cv_auc',
      title: `Cross-validated AUC of the CMR feature model (${CV.folds} folds)`,
      method: `${CV.folds}-fold cross-validation (folds stratified by outcome, seed ${CV.seed}); ROC of the pooled out-of-fold predicted risks, AUC with DeLong 95% CI`,
      filter: 'participants with a reference mass and every feature of the model recorded',
      r_code: `${rPrep}\nci.auc(roc(s$malignant, s$p, levels = c(0, 1), direction = "<"), method = "delong")`,
    },
    { analysis: 'roc', data: cvRows, outcome: 'malignant', marker: 'p', levels: ['0', '1'], direction: '<' },
    { n: rows.length, n_missing: 0, events }
  );
  // A predicted risk of exactly 0 or 1 (complete separation in a fold) has no logit: left out, as
  // R's glm would refuse it.
  const inner = cvRows.filter((r) => Number.isFinite(r['qlogis(p)']));
  const slope = runStats<GlmOut>(
    {
      id: 'ds.cv_calibration_slope',
      title: 'Calibration intercept and slope of the out-of-fold predictions',
      method:
        'Logistic recalibration: glm(outcome ~ logit(predicted risk)); a slope of 1 means no over- or under-fitting',
      filter: 'as ds.cv_auc, out-of-fold predicted risks strictly between 0 and 1',
      r_code: `${rPrep}\nglm(malignant ~ qlogis(p), family = binomial, data = subset(s, p > 0 & p < 1))`,
    },
    { analysis: 'logistic_glm', data: inner, outcome: 'malignant', terms: ['qlogis(p)'] },
    {
      n: inner.length,
      n_missing: cvRows.length - inner.length,
      events: inner.filter((r) => r.malignant === 1).length,
    }
  );
  const calibration = calibrationTable(p, y);
  return {
    ...base,
    status: 'ok',
    message: null,
    auc: auc.result ? { ...auc, result: { ...auc.result, curve: [] } } : auc,
    calibration,
    slope,
  };
}

/**
 * Validates decision support on the registry: the differential's top category against the reference
 * (accuracy and kappa), the mass score at its published cut-off, and a logistic model for malignancy
 * from the CMR features, fitted on every complete case and assessed by seeded, stratified
 * cross-validation (AUC and calibration by tenths of risk). The mass score's ROC is Question 1's.
 */
export function decisionValidation(rows: readonly Row[]): DecisionValidation {
  const hasDifferential = rows.some((r) => r.ds_top_category !== null);
  const differential = hasDifferential
    ? categoryAgreement(rows, {
        id: 'ds.differential_kappa',
        title: "Decision support's top differential vs reference category",
        column: 'ds_top_category',
        words: 'participants with a reference diagnosis and a differential from decision support',
      })
    : notRun<never>(
        {
          id: 'ds.differential_kappa',
          title: "Decision support's top differential vs reference category",
          method: "Cohen's kappa, unweighted",
          filter: 'participants with a reference diagnosis and a differential',
          r_code: '',
        },
        'not_available',
        'decision support (the differential) was not available to this report'
      );
  const fitted = logisticModel(rows, {
    id: 'ds.feature_model',
    title: 'Logistic model for malignancy from the CMR features (fitted on the registry)',
    filter: MASS_FILTER,
    terms: FEATURE_TERMS,
    outcome: MALIGNANT,
    carry: { participant_id: (r) => r.participant_id },
  });
  const cross_validation =
    fitted.record.status === 'ok'
      ? crossValidate(fitted.data.rows)
      : {
          folds: CV.folds,
          seed: CV.seed,
          status: 'not_computed' as const,
          message: 'the model could not be fitted on all rows',
          auc: null,
          calibration: [],
          slope: null,
          assignment: [],
        };
  return { differential, mass_score_cutoff: mass_score_cutoff(rows), model: fitted.record, cross_validation };
}
