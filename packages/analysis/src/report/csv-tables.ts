import { MassCategory } from '@cmr-mass/core';
import type { CategoryAgreement } from '../analyses/diagnosis/accuracy.js';
import type { AnalysisRecord } from '../stats-bridge/record.js';
import type { CoxOut, Diagnostic2x2Out, GlmOut, KappaOut, ProportionOut } from '../stats-bridge/r-json.js';
import { num } from '../stats-bridge/r-json.js';
import type { StudyResults } from '../results/types.js';
import type { CsvCell, CsvTable } from './csv.js';

const MEASURES = ['sensitivity', 'specificity', 'ppv', 'npv', 'accuracy', 'prevalence'] as const;

function accuracyRows(recs: readonly AnalysisRecord<Diagnostic2x2Out>[]): CsvCell[][] {
  return recs.flatMap((r) =>
    MEASURES.map((m) => {
      const p: ProportionOut | undefined = r.result?.[m];
      return [
        r.id,
        r.status,
        m,
        p?.x,
        p?.n,
        num(p?.estimate),
        num(p?.clopper_pearson[0]),
        num(p?.clopper_pearson[1]),
        num(p?.wilson[0]),
        num(p?.wilson[1]),
      ];
    })
  );
}

function kappaRow(r: AnalysisRecord<KappaOut>): CsvCell[] {
  const k = r.result;
  return [
    r.id,
    r.status,
    r.n,
    num(k?.kappa),
    num(k?.se),
    num(k?.lower),
    num(k?.upper),
    num(k?.z),
    num(k?.p),
    num(k?.po),
    num(k?.pe),
  ];
}

function glmRows(r: AnalysisRecord<GlmOut>): CsvCell[][] {
  return (r.result?.coefficients ?? []).map((c) => [
    r.id,
    r.n,
    r.events,
    c.term,
    num(c.estimate),
    num(c.se),
    num(c.odds_ratio),
    num(c.or_lower95),
    num(c.or_upper95),
    num(c.p),
  ]);
}

function coxRows(r: AnalysisRecord<CoxOut>, endpoint: string, model: string): CsvCell[][] {
  const fit = r.result;
  if (!fit) {
    return [[endpoint, model, r.id, r.status, r.n, r.events, null, null, null, null, null, null, null, null]];
  }
  const global = fit.zph?.table.find((z) => z.term === 'GLOBAL');
  return fit.coefficients.map((c) => {
    const zph = fit.zph?.table.find((z) => c.term.startsWith(z.term));
    return [
      endpoint,
      model,
      r.id,
      r.status,
      r.n,
      r.events,
      c.term,
      num(c.exp_coef),
      num(c.hr_lower95),
      num(c.hr_upper95),
      num(c.p),
      num(zph?.p),
      num(global?.p),
      num(fit.concordance.C),
    ];
  });
}

function categoryTable(id: string, c: CategoryAgreement): CsvTable {
  const cats = MassCategory.codes;
  return {
    id,
    header: ['reference', ...cats],
    rows: (c.kappa.result?.table ?? cats.map(() => cats.map(() => 0))).map((row, i) => [cats[i]!, ...row]),
  };
}

/** Every table of the report as machine-readable CSV (`tables/*.csv`), numbers at full precision. */
export function csvTables(r: StudyResults): CsvTable[] {
  const p = r.participants;
  const d = r.diagnosis;
  const q3 = r.prognosis;
  const ds = r.decision_support;
  const kappaHeader = ['analysis', 'status', 'n', 'kappa', 'se', 'lower95', 'upper95', 'z', 'p', 'po', 'pe'];
  const glmHeader = [
    'analysis',
    'n',
    'events',
    'term',
    'estimate',
    'se',
    'odds_ratio',
    'or_lower95',
    'or_upper95',
    'p',
  ];
  const tables: CsvTable[] = [
    {
      id: 'flow',
      header: ['stage', 'n'],
      rows: Object.entries(p.flow).flatMap(([k, v]) =>
        typeof v === 'number'
          ? [[k, v]]
          : (v as readonly { key: string; n: number }[]).map((x) => [`${k}.${x.key}`, x.n])
      ),
    },
    {
      id: 'table1',
      header: ['variable', 'level', 'column', 'n', 'of', 'missing', 'median', 'q1', 'q3'],
      rows: p.table1.rows.flatMap((row) =>
        p.table1.columns.flatMap((col, j) => {
          if (row.kind === 'binary') {
            const c = row.cells[j]!;
            return [[row.variable, 'yes', col.key, c.n, c.of, c.missing, null, null, null]];
          }
          if (row.kind === 'categorical') {
            const c = row.cells[j]!;
            return row.levels.map((l, k) => [
              row.variable,
              l,
              col.key,
              c.counts[k]!,
              c.of,
              c.missing,
              null,
              null,
              null,
            ]);
          }
          const c = row.cells[j]!;
          return [[row.variable, null, col.key, c.n, c.n, c.missing, c.median, c.q1, c.q3]];
        })
      ),
    },
    {
      id: 'table1_tests',
      header: ['variable', 'test', 'status', 'n', 'missing', 'statistic', 'df', 'p', 'message'],
      rows: p.table1.rows.map((row) => [
        row.variable,
        row.test.result?.test ?? null,
        row.test.status,
        row.test.n,
        row.test.n_missing,
        row.test.result?.statistic ?? null,
        row.test.result?.df ?? null,
        row.test.result?.p ?? null,
        row.test.message,
      ]),
    },
    {
      id: 'follow_up',
      header: [
        'visit_month',
        'expected',
        'done',
        'proportion',
        'lower95',
        'upper95',
        ...p.follow_up.visits[0]!.by_status.map((s) => `n_${s.status}`),
      ],
      rows: p.follow_up.visits.map((v) => [
        v.month,
        v.expected,
        v.done.x,
        v.done.estimate,
        v.done.lower,
        v.done.upper,
        ...v.by_status.map((s) => s.n),
      ]),
    },
    {
      id: 'q1_accuracy',
      header: [
        'analysis',
        'status',
        'measure',
        'x',
        'n',
        'estimate',
        'cp_lower95',
        'cp_upper95',
        'wilson_lower95',
        'wilson_upper95',
      ],
      rows: accuracyRows([...d.accuracy, ds.mass_score_cutoff]),
    },
    categoryTable('q1_category_table', d.categories),
    {
      id: 'q1_kappa',
      header: kappaHeader,
      rows: [d.categories.kappa, d.readers.category, d.readers.malignant].map(kappaRow),
    },
    {
      id: 'q1_roc',
      header: [
        'analysis',
        'status',
        'n',
        'n_cases',
        'auc',
        'lower95',
        'upper95',
        'youden_threshold',
        'youden_sensitivity',
        'youden_specificity',
      ],
      rows: [...d.roc.curves, ...(ds.cross_validation.auc ? [ds.cross_validation.auc] : [])].map((x) => {
        const b = x.result?.best_youden[0];
        return [
          x.id,
          x.status,
          x.n,
          x.result?.n_cases,
          x.result?.auc,
          x.result?.ci_auc_delong.lower,
          x.result?.ci_auc_delong.upper,
          num(b?.threshold),
          b?.sensitivity,
          b?.specificity,
        ];
      }),
    },
    {
      id: 'q1_roc_tests',
      header: ['analysis', 'status', 'n', 'auc1', 'auc2', 'diff_lower95', 'diff_upper95', 'z', 'p'],
      rows: d.roc.comparisons.map((x) => [
        x.id,
        x.status,
        x.n,
        x.result?.auc1,
        x.result?.auc2,
        num(x.result?.conf_int_diff[0]),
        num(x.result?.conf_int_diff[1]),
        num(x.result?.statistic),
        num(x.result?.p_value),
      ]),
    },
    { id: 'q1_logistic', header: glmHeader, rows: glmRows(d.model) },
    ...r.treatment.tables
      .concat(r.treatment.management.table ? [r.treatment.management.table] : [])
      .map((tb) => ({
        id: tb.id.replace(/\./g, '_'),
        header: [tb.row_variable, ...tb.column_levels],
        rows: tb.counts.map((row, i) => [tb.row_levels[i]!, ...row]),
      })),
    {
      id: 'q3_km',
      header: [
        'endpoint',
        'strata',
        'records',
        'events',
        'median',
        'median_lower95',
        'median_upper95',
        'time_days',
        'surv',
        'lower95',
        'upper95',
      ],
      rows: q3.km.flatMap((k) =>
        k.landmarks.map((l) => {
          const t = k.km.result?.table.find((x) => x.strata === l.strata);
          return [
            k.endpoint,
            l.strata,
            t?.records,
            t?.events,
            num(t?.median),
            num(t?.median_lower95),
            num(t?.median_upper95),
            l.time,
            l.surv,
            l.lower,
            l.upper,
          ];
        })
      ),
    },
    {
      id: 'q3_risk_table',
      header: ['endpoint', 'strata', 'time_days', 'n_risk'],
      rows: q3.km.flatMap((k) =>
        k.risk_table.flatMap((rt) => rt.times.map((t, i) => [k.endpoint, rt.strata, t, rt.n_risk[i]!]))
      ),
    },
    {
      id: 'q3_logrank',
      header: ['endpoint', 'status', 'n', 'events', 'chisq', 'df', 'p'],
      rows: q3.km.map((k) => [
        k.endpoint,
        k.logrank.status,
        k.logrank.n,
        k.logrank.events,
        k.logrank.result?.chisq,
        k.logrank.result?.df,
        num(k.logrank.result?.p),
      ]),
    },
    {
      id: 'q3_cox',
      header: [
        'endpoint',
        'model',
        'analysis',
        'status',
        'n',
        'events',
        'term',
        'hr',
        'lower95',
        'upper95',
        'p',
        'zph_p_term',
        'zph_p_global',
        'c_index',
      ],
      rows: q3.cox.flatMap((m) => [
        ...m.univariable.flatMap((u) => coxRows(u, m.endpoint, 'univariable')),
        ...coxRows(m.multivariable, m.endpoint, 'multivariable'),
      ]),
    },
    {
      id: 'q3_cuminc',
      header: ['analysis', 'group', 'cause', 'time_days', 'estimate', 'variance'],
      rows: q3.cuminc.flatMap((c) =>
        (c.result?.at_times ?? []).map((a) => [c.id, a.group, a.cause, a.time, num(a.est), num(a.var)])
      ),
    },
    {
      id: 'q3_gray_test',
      header: ['analysis', 'cause', 'statistic', 'df', 'p'],
      rows: q3.cuminc.flatMap((c) =>
        (c.result?.gray_test ?? []).map((g) => [c.id, g.cause, num(g.stat), g.df, num(g.p)])
      ),
    },
    {
      id: 'q3_prognosis36',
      header: [
        'cohort',
        'favourable',
        'unfavourable',
        'unknown',
        'unfavourable_proportion',
        'lower95',
        'upper95',
      ],
      rows: q3.prognosis36.by_cohort.map((g) => [
        g.cohort,
        g.favourable,
        g.unfavourable,
        g.unknown,
        g.unfavourable_share.estimate,
        g.unfavourable_share.lower,
        g.unfavourable_share.upper,
      ]),
    },
    { id: 'q3_prognosis36_logistic', header: glmHeader, rows: q3.prognosis36.univariable.flatMap(glmRows) },
    {
      id: 'ds_kappa',
      header: kappaHeader,
      rows: 'kappa' in ds.differential ? [kappaRow(ds.differential.kappa)] : [],
    },
    ...('kappa' in ds.differential ? [categoryTable('ds_differential_table', ds.differential)] : []),
    {
      id: 'ds_feature_model',
      header: glmHeader,
      rows: [...glmRows(ds.model), ...(ds.cross_validation.slope ? glmRows(ds.cross_validation.slope) : [])],
    },
    {
      id: 'ds_calibration',
      header: [
        'group',
        'n',
        'predicted_min',
        'predicted_max',
        'predicted_mean',
        'observed',
        'observed_n',
        'lower95',
        'upper95',
      ],
      rows: ds.cross_validation.calibration.map((g) => [
        g.group,
        g.n,
        g.predicted_min,
        g.predicted_max,
        g.predicted_mean,
        g.observed.estimate,
        g.observed.x,
        g.observed.lower,
        g.observed.upper,
      ]),
    },
    {
      id: 'analyses',
      header: ['analysis', 'status', 'n', 'events', 'message'],
      rows: r.index.map((e) => [e.id, e.status, e.n, e.events, e.message]),
    },
  ];
  return tables;
}
