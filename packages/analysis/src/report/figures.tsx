import type { ReactElement } from 'react';
import { VISIT_MONTHS } from '@cmr-mass/core';
import { EXCLUSION_REASONS, type FlowCounts } from '../analyses/participants/flow.js';
import type { FollowUpCompleteness } from '../analyses/participants/follow-up.js';
import { MARKERS } from '../analyses/diagnosis/roc.js';
import type { RocAnalyses } from '../analyses/diagnosis/roc.js';
import { RISK_TIMES_DAYS, RISK_TIMES_MONTHS, type KmByCohort } from '../analyses/prognosis/survival.js';
import type { CrossTable } from '../analyses/treatment.js';
import type { CrossValidation } from '../analyses/decision/validation.js';
import { BarChart } from '../figures/BarChart.js';
import { CalibrationPlot } from '../figures/CalibrationPlot.js';
import { CumulativeIncidencePlot } from '../figures/CumulativeIncidencePlot.js';
import { FlowDiagram } from '../figures/FlowDiagram.js';
import { KaplanMeierPlot, type StepCurve } from '../figures/KaplanMeierPlot.js';
import { RocPlot } from '../figures/RocPlot.js';
import type { Lang } from '../figures/theme.js';
import type { AnalysisRecord } from '../stats-bridge/record.js';
import { num, type CumincOut } from '../stats-bridge/r-json.js';
import { codeLabel, cohortLabel } from './i18n.js';
import { count, fmt, fmtR, frac, pText, withCi } from './format.js';

/** A figure of the report: its file name (without `.svg`), caption and element. */
export interface ReportFigure {
  readonly id: string;
  readonly caption: string;
  readonly element: ReactElement;
}

/** A figure rendered once to SVG markup, for the HTML (inline) and `figures/<id>.svg` alike. */
export interface RenderedFigure {
  readonly id: string;
  readonly caption: string;
  readonly svg: string;
}

const zh = (lang: Lang, en: string, cn: string): string => (lang === 'zh' ? cn : en);
const EXCLUSION_LABELS: Readonly<Record<string, { en: string; zh: string }>> = {
  no_cmr: { en: 'no CMR scheduled or done', zh: '未安排或未完成CMR' },
  consent_declined: { en: 'consent declined', zh: '拒绝知情同意' },
  mass_undetermined: { en: 'nature of the mass undetermined', zh: '占位性质无法确定' },
  follow_up_impossible: { en: 'follow-up impossible', zh: '无法随访' },
  other: { en: 'other reason', zh: '其他原因' },
};

/** The STARD/STROBE flow diagram. */
export function flowFigure(
  f: FlowCounts,
  nAccuracy: readonly { readonly label: string; readonly n: number }[],
  lang: Lang
): ReportFigure {
  const n = (x: number): string => `(n = ${count(x)})`;
  const title = zh(lang, 'Figure 1. Participant flow', '图1 研究对象流程');
  return {
    id: 'fig01_flow',
    caption: title,
    element: (
      <FlowDiagram
        title={title}
        lang={lang}
        steps={[
          {
            box: {
              lines: [
                `${zh(lang, 'Registered, assessed for eligibility', '登记并评估入组资格')} ${n(f.registered)}`,
              ],
            },
            side: {
              lines: [
                `${zh(lang, 'Not enrolled', '未入组')} ${n(f.screening + f.excluded)}`,
                `${zh(lang, 'Eligibility pending', '资格待定')}: ${count(f.screening)}`,
                `${zh(lang, 'Excluded', '排除')}: ${count(f.excluded)}`,
                ...EXCLUSION_REASONS.map(
                  (r) =>
                    `  \u2013 ${EXCLUSION_LABELS[r]![lang]}: ${count(f.exclusion_reasons.find((x) => x.key === r)?.n ?? 0)}`
                ),
              ],
            },
          },
          {
            box: { lines: [`${zh(lang, 'Enrolled', '入组')} ${n(f.enrolled)}`] },
            side: {
              lines: [`${zh(lang, 'No baseline CMR recorded', '无基线CMR记录')} ${n(f.no_baseline_cmr)}`],
            },
          },
          {
            box: {
              lines: [
                `${zh(lang, 'Baseline CMR (index test) done', '完成基线CMR（指标检查）')} ${n(f.cmr_done)}`,
              ],
            },
          },
        ]}
        branches={[
          [
            {
              lines: [
                `${zh(lang, 'Blinded CMR reading', '盲法CMR阅片')} ${n(f.cmr_done - f.index_test_missing)}`,
                ...f.index_test_results
                  .filter((r) => r.n > 0)
                  .map((r) => `${codeLabel('cmr_category', r.key, lang)}: ${count(r.n)}`),
                `${zh(lang, 'Index test missing (no blinded reading)', '指标检查缺失（无盲法阅片）')}: ${count(f.index_test_missing)}`,
              ],
            },
            {
              lines: [
                `${zh(lang, 'Reference standard available', '有参考标准')} ${n(f.in_diagnostic_analysis)}`,
                ...f.reference_by_method.map((r) => `${codeLabel('ref_method', r.key, lang)}: ${count(r.n)}`),
                `${zh(lang, 'No reference diagnosis yet', '尚无参考诊断')}: ${count(f.reference_missing)}`,
              ],
            },
            {
              lines: [
                zh(lang, 'Diagnostic accuracy (Question 1)', '诊断准确性（问题1）'),
                ...nAccuracy.map((a) => `${a.label}: n = ${count(a.n)}`),
              ],
            },
          ],
          [
            {
              lines: [
                `${zh(lang, 'Followed from the baseline CMR', '自基线CMR起随访')} ${n(f.in_prognostic_analysis)}`,
                `${zh(lang, 'Died', '死亡')}: ${count(f.died)}`,
                `${zh(lang, 'Lost to follow-up', '失访')}: ${count(f.lost_to_follow_up)}`,
                `${zh(lang, 'Withdrew', '退出')}: ${count(f.withdrawn)}`,
                `${zh(lang, 'Completed (36-month visit or death)', '完成（36个月随访或死亡）')}: ${count(f.status.find((x) => x.key === 'completed')?.n ?? 0)}`,
                `${zh(lang, 'Still in follow-up', '仍在随访')}: ${count(f.status.find((x) => x.key === 'enrolled')?.n ?? 0)}`,
              ],
            },
            {
              lines: [
                zh(lang, 'Treatment and prognosis (Questions 2-3)', '治疗与预后（问题2-3）'),
                zh(lang, 'cohorts by the reference diagnosis', '按参考诊断分队列'),
              ],
            },
          ],
        ]}
        notes={[
          zh(
            lang,
            'A participant may have several exclusion reasons. Counts from the data snapshot.',
            '一名研究对象可有多个排除原因。'
          ),
        ]}
      />
    ),
  };
}

const monthLabels = RISK_TIMES_MONTHS.map(String);

/** A Kaplan-Meier figure of one endpoint by cohort, with the risk table and the log-rank test. */
export function kmFigure(k: KmByCohort, label: string, index: number, lang: Lang): ReportFigure | null {
  const fit = k.km.result;
  if (k.km.status !== 'ok' || !fit) return null;
  const curves: StepCurve[] = fit.curves.map((c) => ({
    label: cohortLabel(c.strata, lang),
    time: c.time,
    value: c.surv.map((v) => num(v)),
    lower: c.lower.map((v) => num(v)),
    upper: c.upper.map((v) => num(v)),
    censored: c.time.filter((_, i) => (c.n_censor[i] ?? 0) > 0),
  }));
  const lr = k.logrank.result;
  const test = lr
    ? `${zh(lang, 'Log-rank test', 'Log-rank检验')}: \u03c7\u00b2 = ${fmt(lr.chisq, 2)}, df = ${lr.df}, ${pText(lr.p)}`
    : `${zh(lang, 'Log-rank test', 'Log-rank检验')}: ${k.logrank.message ?? k.logrank.status}`;
  const title = `${zh(lang, `Figure ${index}.`, `图${index}`)} ${label}: ${zh(lang, 'Kaplan-Meier estimates by cohort', '各队列Kaplan-Meier估计')}`;
  return {
    id: `fig${String(index).padStart(2, '0')}_km_${k.endpoint}`,
    caption: title,
    element: (
      <KaplanMeierPlot
        title={title}
        lang={lang}
        curves={curves}
        showCi
        xMax={1096}
        xTicks={RISK_TIMES_DAYS}
        xTickLabels={monthLabels}
        yLabel={
          k.endpoint === 'death'
            ? zh(lang, 'Survival (%)', '生存率（%）')
            : zh(lang, `Free of ${label.toLowerCase()} (%)`, `无${label}生存率（%）`)
        }
        riskTable={{
          times: RISK_TIMES_DAYS,
          rows: k.risk_table.map((r) => ({ label: cohortLabel(r.strata, lang), counts: r.n_risk })),
        }}
        notes={[
          test,
          `n = ${count(k.km.n)}, ${zh(lang, 'events', '事件')} = ${count(k.km.events ?? 0)}. ${zh(lang, 'Shaded: 95% CI (log transform); ticks: censored. Follow-up censored at 36 months.', '阴影：95% CI（对数变换）；短竖线：删失。随访截尾于36个月。')}`,
        ]}
      />
    ),
  };
}

/** Cumulative incidence of an endpoint with death as a competing risk, by cohort. */
export function cumincFigure(
  rec: AnalysisRecord<CumincOut>,
  risk: KmByCohort | undefined,
  label: string,
  index: number,
  lang: Lang
): ReportFigure | null {
  const ci = rec.result;
  if (rec.status !== 'ok' || !ci) return null;
  const curves: StepCurve[] = ci.curves
    .filter((c) => c.cause === '1')
    .map((c) => ({ label: cohortLabel(c.group, lang), time: c.time, value: c.est.map((v) => num(v)) }));
  const gray = ci.gray_test?.find((g) => g.cause === '1');
  const maxEst = Math.max(0.05, ...curves.flatMap((c) => c.value.filter((v): v is number => v !== null)));
  const title = `${zh(lang, `Figure ${index}.`, `图${index}`)} ${label}: ${zh(lang, 'cumulative incidence with death as a competing risk', '以死亡为竞争风险的累积发生率')}`;
  return {
    id: `fig${String(index).padStart(2, '0')}_cuminc_${rec.id.split('.').pop() ?? ''}`,
    caption: title,
    element: (
      <CumulativeIncidencePlot
        title={title}
        lang={lang}
        curves={curves}
        xMax={1096}
        yMax={Math.min(1, Math.ceil(maxEst * 10 + 0.5) / 10)}
        xTicks={RISK_TIMES_DAYS}
        xTickLabels={monthLabels}
        yLabel={zh(lang, `Cumulative incidence of ${label.toLowerCase()} (%)`, `${label}累积发生率（%）`)}
        {...(risk
          ? {
              riskTable: {
                times: RISK_TIMES_DAYS,
                rows: risk.risk_table.map((r) => ({ label: cohortLabel(r.strata, lang), counts: r.n_risk })),
              },
            }
          : {})}
        notes={[
          gray
            ? `${zh(lang, "Gray's test", 'Gray检验')}: ${fmtR(gray.stat, 2)}, df = ${gray.df}, ${pText(gray.p)}`
            : `${zh(lang, "Gray's test", 'Gray检验')}: \u2014`,
          `n = ${count(rec.n)}, ${zh(lang, 'events', '事件')} = ${count(rec.events ?? 0)}. ${zh(lang, 'Aalen-Johansen estimate (cmprsk::cuminc); at risk: alive and event-free.', 'Aalen-Johansen估计（cmprsk::cuminc）；风险人数：存活且未发生事件者。')}`,
        ]}
      />
    ),
  };
}

/** ROC curves of the markers of malignancy. */
export function rocFigure(roc: RocAnalyses, index: number, lang: Lang): ReportFigure | null {
  const ok = roc.curves
    .map((r, i) => ({ r, m: MARKERS[i]! }))
    .filter(({ r }) => r.status === 'ok' && r.result);
  if (ok.length === 0) return null;
  const title = `${zh(lang, `Figure ${index}.`, `图${index}`)} ${zh(lang, 'ROC curves for malignancy (malignant vs all other masses)', '鉴别恶性的ROC曲线（恶性 vs 其他占位）')}`;
  return {
    id: `fig${String(index).padStart(2, '0')}_roc`,
    caption: title,
    element: (
      <RocPlot
        title={title}
        lang={lang}
        curves={ok.map(({ r, m }) => ({
          label: `${m.label[lang]}: AUC ${withCi(r.result!.auc, r.result!.ci_auc_delong.lower, r.result!.ci_auc_delong.upper)}, n = ${count(r.n)}`,
          points: r.result!.curve,
          best: r.result!.best_youden[0] ?? null,
        }))}
        notes={[
          zh(
            lang,
            'Empirical ROC curves; AUC with DeLong 95% CI; circles: Youden-optimal cut-offs.',
            '经验ROC曲线；AUC及DeLong 95% CI；圆圈：Youden最佳截断值。'
          ),
          zh(
            lang,
            'Each curve uses the participants with that marker recorded (complete cases).',
            '每条曲线使用记录了该指标的研究对象（完整病例）。'
          ),
        ]}
      />
    ),
  };
}

/** Follow-up completeness per visit as a bar chart with exact CIs. */
export function followUpFigure(f: FollowUpCompleteness, index: number, lang: Lang): ReportFigure {
  const title = `${zh(lang, `Figure ${index}.`, `图${index}`)} ${zh(lang, 'Follow-up completeness by scheduled visit', '各计划随访点的随访完整性')}`;
  return {
    id: `fig${String(index).padStart(2, '0')}_follow_up`,
    caption: title,
    element: (
      <BarChart
        title={title}
        lang={lang}
        categories={VISIT_MONTHS.map((m) => `${m} ${zh(lang, m === 1 ? 'month' : 'months', '个月')}`)}
        series={[
          {
            label: zh(lang, 'Visits done', '已完成随访'),
            values: f.visits.map((v) => v.done.estimate),
            lower: f.visits.map((v) => v.done.lower),
            upper: f.visits.map((v) => v.done.upper),
          },
        ]}
        percent
        max={1}
        valueLabel={zh(
          lang,
          'Visits done among those expected (%), with exact 95% CI',
          '应完成随访中的完成比例（%），精确95% CI'
        )}
        annotations={f.visits.map((v) => frac(v.done))}
        notes={[
          zh(
            lang,
            'Expected: visit window closed or visit done; visits not required after death, withdrawal or loss are left out.',
            '应完成：随访窗口已关闭或已完成；死亡、退出或失访后无需随访者不计入。'
          ),
        ]}
      />
    ),
  };
}

/** Treatment received by final diagnosis as stacked percentages. */
export function treatmentFigure(table: CrossTable, index: number, lang: Lang): ReportFigure | null {
  const rows = table.row_levels
    .map((l, i) => ({ l, counts: table.counts[i]! }))
    .filter((r) => r.counts.some((c) => c > 0));
  if (rows.length === 0) return null;
  const used = table.column_levels
    .map((c, j) => ({ c, j }))
    .filter(({ j }) => rows.some((r) => r.counts[j]! > 0));
  const title = `${zh(lang, `Figure ${index}.`, `图${index}`)} ${zh(lang, 'Main treatment by final diagnosis', '按最终诊断的主要治疗')}`;
  return {
    id: `fig${String(index).padStart(2, '0')}_treatment`,
    caption: title,
    element: (
      <BarChart
        title={title}
        lang={lang}
        mode="stacked"
        percent
        max={1}
        categories={rows.map((r) => codeLabel('ref_category', r.l, lang))}
        series={used.map(({ c, j }) => ({
          label: codeLabel('treatment', c, lang),
          values: rows.map((r) => r.counts[j]! / r.counts.reduce((a, b) => a + b, 0)),
        }))}
        valueLabel={zh(lang, 'Share of participants in the diagnosis (%)', '该诊断中研究对象的比例（%）')}
        annotations={rows.map((r) => `n = ${count(r.counts.reduce((a, b) => a + b, 0))}`)}
      />
    ),
  };
}

/** The natural log of an R number (the Wald limits of a coefficient from those of its exp). */
function logOf(x: Parameters<typeof num>[0]): number | null {
  const v = num(x);
  return v === null ? null : Math.log(v);
}

/** Calibration of the cross-validated feature model. */
export function calibrationFigure(
  cv: Omit<CrossValidation, 'assignment'>,
  index: number,
  lang: Lang
): ReportFigure | null {
  if (cv.status !== 'ok' || cv.calibration.length === 0) return null;
  const title = `${zh(lang, `Figure ${index}.`, `图${index}`)} ${zh(lang, 'Calibration of the CMR feature model (cross-validated)', 'CMR特征模型的校准（交叉验证）')}`;
  const slope = cv.slope?.result?.coefficients.find((c) => c.term === 'qlogis(p)');
  return {
    id: `fig${String(index).padStart(2, '0')}_calibration`,
    caption: title,
    element: (
      <CalibrationPlot
        title={title}
        lang={lang}
        seriesLabel={zh(lang, 'Tenths of out-of-fold predicted risk', '交叉验证预测风险十分位组')}
        points={cv.calibration.map((g) => ({
          predicted: g.predicted_mean,
          observed: g.observed.estimate ?? 0,
          lower: g.observed.lower,
          upper: g.observed.upper,
          n: g.n,
        }))}
        notes={[
          `${cv.folds}-${zh(lang, 'fold cross-validation, seed', '折交叉验证，种子')} ${cv.seed}. AUC ${cv.auc?.result ? withCi(cv.auc.result.auc, cv.auc.result.ci_auc_delong.lower, cv.auc.result.ci_auc_delong.upper) : '\u2014'}.`,
          `${zh(lang, 'Calibration slope (95% CI)', '校准斜率（95% CI）')} ${slope ? withCi(slope.estimate, logOf(slope.or_lower95), logOf(slope.or_upper95)) : '\u2014'}; ${zh(lang, '1 = ideal', '1为理想')}.`,
        ]}
      />
    ),
  };
}
