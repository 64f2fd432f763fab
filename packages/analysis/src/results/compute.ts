import { DICHOTOMIES, accuracy2x2, categoryAgreement } from '../analyses/diagnosis/accuracy.js';
import { readerAgreement } from '../analyses/diagnosis/readers.js';
import { rocAnalyses } from '../analyses/diagnosis/roc.js';
import { decisionValidation } from '../analyses/decision/validation.js';
import { logisticModel, ENDPOINTS } from '../analyses/models.js';
import { flowCounts } from '../analyses/participants/flow.js';
import { followUpCompleteness } from '../analyses/participants/follow-up.js';
import { statsQuartiles } from '../analyses/participants/quartiles.js';
import { table1, type Quartiles } from '../analyses/participants/table1.js';
import { coxAnalyses } from '../analyses/prognosis/cox.js';
import { prognosis36 } from '../analyses/prognosis/prognosis36.js';
import { cumulativeIncidence, incidenceLandmarks, kmByCohort } from '../analyses/prognosis/survival.js';
import { Q1_LOGISTIC_TERMS } from '../analyses/terms.js';
import { treatmentAnalyses } from '../analyses/treatment.js';
import { buildDataset, R_COHORT_PREP, type AnalysisDataset } from '../dataset/dataset.js';
import { NO_DECISION_SUPPORT, type DecisionSupport } from '../dataset/decision.js';
import { snapshotToday, type StudySnapshot } from '../snapshot/snapshot.js';
import type { AnalysisStatus } from '../stats-bridge/record.js';
import { RESULTS_SCHEMA_VERSION, type AnalysisIndexEntry, type StudyResults } from './types.js';

/** Options of {@link computeAnalysis}. */
export interface ComputeOptions {
  /** Decision support to validate and to fill `mass_score` (core's, once it lands). */
  readonly decision?: DecisionSupport;
  /** Sample quartiles for Table 1 (default {@link statsQuartiles}: `@cmr-mass/stats`, R's type 2). */
  readonly quartiles?: Quartiles;
  /** The `generated_at` timestamp (default: now). */
  readonly now?: () => string;
  /** Called before each step, for progress lines. */
  readonly onProgress?: (step: string) => void;
}

/** The results and the participant-level data they were computed from. */
export interface ComputedAnalysis {
  readonly results: StudyResults;
  readonly dataset: AnalysisDataset;
  /** Cross-validation folds by participant (`data/cv_folds.csv`). */
  readonly cvFolds: readonly { readonly participant_id: string; readonly fold: number }[];
}

/** The data files of a report directory, relative to results.json. */
export const DATA_FILES = {
  participants: 'data/analysis_participants.csv',
  readings: 'data/analysis_readings.csv',
  visits: 'data/analysis_visits.csv',
  cv_folds: 'data/cv_folds.csv',
} as const;

/** The R code every analysis' `r_code` assumes has run (in the report directory). */
export const R_SETUP = [
  'library(survival); library(pROC); library(cmprsk)',
  `d <- read.csv("${DATA_FILES.participants}", na.strings = "NA", stringsAsFactors = FALSE)`,
  `r <- read.csv("${DATA_FILES.readings}", na.strings = "NA", stringsAsFactors = FALSE)`,
  R_COHORT_PREP,
].join('\n');

const STATUSES: ReadonlySet<string> = new Set<AnalysisStatus>([
  'ok',
  'not_computed',
  'pending_stats',
  'not_available',
]);

/** Every analysis record in a results tree, by id. */
export function analysisIndex(tree: unknown): AnalysisIndexEntry[] {
  const out = new Map<string, AnalysisIndexEntry>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) {
      for (const v of x) walk(v);
      return;
    }
    if (x === null || typeof x !== 'object') return;
    const o = x as Readonly<Record<string, unknown>>;
    if (
      typeof o.id === 'string' &&
      typeof o.status === 'string' &&
      STATUSES.has(o.status) &&
      typeof o.r_code === 'string'
    ) {
      out.set(o.id, {
        id: o.id,
        status: o.status as AnalysisStatus,
        n: typeof o.n === 'number' ? o.n : 0,
        events: typeof o.events === 'number' ? o.events : null,
        message: typeof o.message === 'string' ? o.message : null,
      });
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(tree);
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Computes every result of the report from a snapshot: derives the analysis dataset with core's
 * builders, runs each section's analyses through `@cmr-mass/stats`, and records for each the rows
 * used, n, events and the R code that reproduces it. Pure apart from `now`: the same snapshot gives
 * the same results, `generated_at` aside.
 */
export function computeAnalysis(snapshot: StudySnapshot, options: ComputeOptions = {}): ComputedAnalysis {
  const progress = options.onProgress ?? ((): void => undefined);
  const decision = options.decision ?? NO_DECISION_SUPPORT;
  progress('analysis dataset');
  const dataset = buildDataset(snapshot, decision);
  const rows = dataset.participants;

  progress('participants and data');
  const participants = {
    flow: flowCounts(dataset),
    table1: table1(rows, options.quartiles ?? statsQuartiles),
    follow_up: followUpCompleteness(dataset.visits),
  };

  progress('question 1: diagnosis');
  const diagnosis = {
    accuracy: DICHOTOMIES.map((d) => accuracy2x2(rows, d)),
    categories: categoryAgreement(rows),
    readers: readerAgreement(dataset.readings),
    roc: rocAnalyses(rows),
    model: logisticModel(rows, {
      id: 'q1.logistic',
      title: 'Multivariable logistic model for malignancy: CMR features and quantitative mapping',
      filter: {
        words: 'participants with a reference mass (malignant known)',
        r: '!is.na(malignant)',
        test: (r) => r.malignant !== null,
      },
      terms: Q1_LOGISTIC_TERMS,
      outcome: { name: 'malignant', get: (r) => r.malignant },
    }).record,
  };

  progress('question 2: treatment');
  const treatment = treatmentAnalyses(rows);

  progress('question 3: prognosis');
  const prognosis = {
    km: ENDPOINTS.map((e) => kmByCohort(rows, e)),
    cox: coxAnalyses(rows),
    cuminc: [
      cumulativeIncidence(rows, { ...ENDPOINTS[1]!, id: 'recurrence' }),
      cumulativeIncidence(rows, { ...ENDPOINTS[2]!, id: 'te' }),
    ],
    incidence_landmarks: [
      incidenceLandmarks(rows, { ...ENDPOINTS[1]!, id: 'recurrence' }),
      incidenceLandmarks(rows, { ...ENDPOINTS[2]!, id: 'te' }),
    ],
    prognosis36: prognosis36(rows),
  };

  progress('decision support validation');
  const ds = decisionValidation(rows);
  const { assignment, ...cv } = ds.cross_validation;

  const body = {
    participants,
    diagnosis,
    treatment,
    prognosis,
    decision_support: { ...ds, cross_validation: cv },
  };
  const results: StudyResults = {
    schema_version: RESULTS_SCHEMA_VERSION,
    generated_at: (options.now ?? ((): string => new Date().toISOString()))(),
    snapshot: {
      key: snapshot.key,
      taken_at: snapshot.takenAt,
      today: snapshotToday(snapshot),
      synthetic: snapshot.synthetic?.label ?? null,
      sites: snapshot.sites.length,
      registered: dataset.screening.registered,
    },
    dataset: {
      participants: rows.length,
      readings: dataset.readings.length,
      visits: dataset.visits.length,
      files: DATA_FILES,
      r_setup: R_SETUP,
      decision_support: decision.label ?? (decision.massScore || decision.topCategory ? 'unnamed' : null),
      deidentified: false,
    },
    ...body,
    index: analysisIndex(body),
  };
  return { results, dataset, cvFolds: assignment };
}

/** The results of a snapshot (the API's `computeResults`): {@link computeAnalysis} without the data. */
export function computeResults(snapshot: StudySnapshot, options: ComputeOptions = {}): StudyResults {
  return computeAnalysis(snapshot, options).results;
}
