import type { ReactElement } from 'react';
import type { StudyResults } from '../../results/types.js';
import type { AnalysisRecord } from '../../stats-bridge/record.js';
import { count } from '../format.js';
import { L, type SectionProps } from './common.js';

/** Every analysis record in the results, in the order they appear. */
export function collectRecords(tree: unknown): AnalysisRecord<unknown>[] {
  const out: AnalysisRecord<unknown>[] = [];
  const seen = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) {
      for (const v of x) walk(v);
      return;
    }
    if (x === null || typeof x !== 'object') return;
    const o = x as Readonly<Record<string, unknown>>;
    if (
      typeof o.id === 'string' &&
      typeof o.r_code === 'string' &&
      typeof o.status === 'string' &&
      typeof o.method === 'string'
    ) {
      if (!seen.has(o.id)) {
        seen.add(o.id);
        out.push(x as AnalysisRecord<unknown>);
      }
      return;
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(tree);
  return out;
}

const METHODS: readonly { readonly en: string; readonly zh: string; readonly r: string }[] = [
  {
    en: 'Diagnostic accuracy: sensitivity, specificity, positive and negative predictive values and accuracy from 2x2 tables, each with an exact Clopper-Pearson 95% CI (Wilson score intervals in results.json); likelihood ratios with log-method CIs.',
    zh: '诊断准确性：由2×2表计算敏感度、特异度、阳性及阴性预测值和准确度，均给出精确Clopper-Pearson 95% CI；似然比采用对数法CI。',
    r: 'binom.test(x, n)$conf.int; prop.test(x, n, correct = FALSE)$conf.int',
  },
  {
    en: "Agreement: Cohen's kappa (unweighted) with the Fleiss-Cohen-Everitt large-sample SE and Wald 95% CI, for CMR against the reference over the six diagnostic categories and between two blinded readers.",
    zh: '一致性：非加权Cohen kappa，Fleiss-Cohen-Everitt大样本标准误及Wald 95% CI。',
    r: 'psych::cohen.kappa(tab) (same SE, unweighted)',
  },
  {
    en: 'ROC analysis: empirical ROC curves, AUC with DeLong 95% CI, paired DeLong tests between markers, Youden-optimal cut-offs (exploratory).',
    zh: 'ROC分析：经验ROC曲线，AUC及DeLong 95% CI，指标间配对DeLong检验，Youden最佳截断值（探索性）。',
    r: 'pROC::roc(); ci.auc(method = "delong"); roc.test(method = "delong", paired = TRUE); coords(r, "best", best.method = "youden")',
  },
  {
    en: 'Logistic regression by maximum likelihood (IRLS), odds ratios with Wald 95% CIs; complete cases.',
    zh: 'Logistic回归（极大似然，IRLS），比值比及Wald 95% CI；完整病例。',
    r: 'glm(y ~ ..., family = binomial); confint.default(fit)',
  },
  {
    en: 'Survival: Kaplan-Meier estimates with Greenwood variance and log-transformed 95% CIs, numbers at risk every 6 months, log-rank tests across cohorts.',
    zh: '生存分析：Kaplan-Meier估计（Greenwood方差，对数变换95% CI），每6个月的风险人数，队列间log-rank检验。',
    r: 'survival::survfit(Surv(time, event) ~ cohort); summary(fit, times); survdiff()',
  },
  {
    en: "Cox proportional-hazards regression with Efron's method for ties, hazard ratios with Wald 95% CIs, the proportional-hazards assumption checked with the cox.zph score test (Kaplan-Meier time transform), and Harrell's C-index.",
    zh: 'Cox比例风险回归（Efron结处理），风险比及Wald 95% CI，cox.zph得分检验（KM时间变换）检验比例风险假设，Harrell C指数。',
    r: 'coxph(Surv(time, event) ~ ..., ties = "efron"); cox.zph(fit, transform = "km"); fit$concordance',
  },
  {
    en: "Competing risks: cumulative incidence of recurrence and thromboembolism with death as a competing event (Aalen-Johansen), compared across cohorts with Gray's test; 95% CIs at 12 and 36 months from survival's multi-state survfit.",
    zh: '竞争风险：以死亡为竞争事件的复发及血栓栓塞累积发生率（Aalen-Johansen），队列间Gray检验；12和36个月的95% CI来自survival多状态survfit。',
    r: 'cmprsk::cuminc(time, status, group, cencode = 0); survfit(Surv(time, factor(status, 0:2)) ~ cohort)',
  },
  {
    en: 'Model validation: 10-fold cross-validation with folds stratified by outcome and a fixed seed; AUC of the pooled out-of-fold predictions; calibration by tenths of predicted risk and by logistic recalibration (intercept and slope).',
    zh: '模型验证：按结局分层、固定种子的10折交叉验证；合并验证集预测的AUC；按预测风险十分位及logistic再校准评估校准。',
    r: 'see the r_code of ds.cv_auc (data/cv_folds.csv holds the folds)',
  },
];

/** The methods, naming every method and its R equivalent, and the R code of every analysis. */
export function MethodsSection({ r, lang }: SectionProps & { readonly r: StudyResults }): ReactElement {
  const records = collectRecords(r);
  const pending = records.filter((x) => x.status !== 'ok');
  return (
    <section id="methods">
      <h2>{L(lang, 'Statistical methods', '统计方法')}</h2>
      <p>
        {L(
          lang,
          `All statistics were computed by the study's statistics engine (@cmr-mass/stats), whose results are checked against R 4.2 (survival 3.5, pROC 1.18, cmprsk 2.2), from the analysis dataset derived from the registry snapshot ${r.snapshot.key} of ${r.snapshot.taken_at}. Each analysis uses the complete cases of the variables it needs; the number used and the number left out are given with each result. Confidence intervals are 95%; p-values are two-sided. Cohorts come from the reference diagnosis: malignant tumour, benign tumour, other (non-neoplastic) mass.`,
          `所有统计量均由本研究统计引擎（@cmr-mass/stats，已与R 4.2核对）基于登记数据快照 ${r.snapshot.key}（${r.snapshot.taken_at}）派生的分析数据集计算。各分析使用所需变量的完整病例；置信区间为95%，p值为双侧。`
        )}
      </p>
      <ul>
        {METHODS.map((m) => (
          <li key={m.r}>
            {m[lang]}{' '}
            <span className="r">
              R: <code>{m.r}</code>
            </span>
          </li>
        ))}
      </ul>
      {pending.length > 0 ? (
        <>
          <h3>{L(lang, 'Analyses not computed in this report', '本报告中未计算的分析')}</h3>
          <ul className="pending">
            {pending.map((x) => (
              <li key={x.id}>
                <code>{x.id}</code>: {x.status}
                {x.message ? ` \u2013 ${x.message}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 id="reproduce">{L(lang, 'Reproducing every number in R', '在R中复现所有数值')}</h2>
      <p>
        {L(
          lang,
          `The report directory holds the analysis dataset (${r.dataset.files.participants}, ${count(r.dataset.participants)} rows; ${r.dataset.files.readings}; ${r.dataset.files.visits}). Run this first, then the R code of any analysis; results.json holds the same code, the filter, n and events for each.`,
          `报告目录包含分析数据集。先运行以下代码，再运行各分析的R代码；results.json中也记录了每项分析的代码、筛选条件、n和事件数。`
        )}
      </p>
      <pre>{r.dataset.r_setup}</pre>
      {records.map((x) => (
        <div className="rcode" key={x.id}>
          <p>
            <code>{x.id}</code> – {x.title}. {x.filter}; n = {count(x.n)}
            {x.events !== null ? `, events = ${count(x.events)}` : ''}
            {x.n_missing > 0 ? `, ${count(x.n_missing)} with missing values left out` : ''}.
          </p>
          <pre>{x.r_code}</pre>
        </div>
      ))}
    </section>
  );
}
