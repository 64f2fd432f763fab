import type { ReactElement } from 'react';
import { MassCategory } from '@cmr-mass/core';
import { MASS_SCORE_CUTOFF } from '../../analyses/decision/validation.js';
import { FEATURE_TERMS } from '../../analyses/terms.js';
import type { DecisionResults, DiagnosisResults } from '../../results/types.js';
import type { RenderedFigure } from '../figures.js';
import { count, fmt, pct, withCi } from '../format.js';
import { num, type RNum } from '../../stats-bridge/r-json.js';
import { codeLabel } from '../i18n.js';
import { DataTable, Figure, L, nLine, StatusNote, statusText, type SectionProps } from './common.js';
import { accuracyRows, categoryRows, glmRows, kappaText } from './DiagnosisSection.js';

/** The log of an R number: a coefficient's Wald limits from those of its odds ratio. */
function logOf(x: RNum): number | null {
  const v = num(x);
  return v === null ? null : Math.log(v);
}

/** Validation of decision support on the registry (issue 8 part 2). */
export function DecisionSection({
  ds,
  q1,
  label,
  calibration,
  lang,
}: SectionProps & {
  readonly ds: DecisionResults;
  readonly q1: DiagnosisResults;
  readonly label: string | null;
  readonly calibration: RenderedFigure | null;
}): ReactElement {
  const score = q1.roc.curves.find((c) => c.id === 'q1.roc.mass_score');
  const cv = ds.cross_validation;
  const slope = cv.slope?.result?.coefficients;
  return (
    <section id="decision-support">
      <h2>{L(lang, 'Validation of decision support on the registry', '决策支持在登记数据中的验证')}</h2>
      <p>
        {label
          ? `${L(lang, 'Decision support validated', '所验证的决策支持')}: ${label}.`
          : L(lang, 'No decision support was available to this report.', '本报告无可用的决策支持。')}
      </p>
      <h3>
        {L(
          lang,
          "The differential's top category against the reference standard",
          '鉴别诊断首位类别与参考标准比较'
        )}
      </h3>
      {'kappa' in ds.differential ? (
        <DataTable
          caption={L(
            lang,
            'Table 14. Reference diagnosis (rows) by the top category of the suggested differential (columns)',
            '表14 参考诊断（行）与建议鉴别诊断首位类别（列）'
          )}
          header={[
            L(lang, 'Reference \\ differential', '参考 \\ 鉴别诊断'),
            ...MassCategory.codes.map((c) => codeLabel('ds_top_category', c, lang)),
            L(lang, 'Total', '合计'),
          ]}
          rows={categoryRows(ds.differential, lang)}
          note={`${L(lang, 'Accuracy', '准确度')} ${pct(ds.differential.accuracy)}; ${L(lang, "Cohen's kappa", 'Cohen kappa')} ${kappaText(ds.differential.kappa, lang)}; ${nLine(ds.differential.kappa, lang)}.`}
        />
      ) : (
        <StatusNote rec={ds.differential} lang={lang} />
      )}
      <h3>{L(lang, 'CMR mass score', 'CMR占位评分')}</h3>
      <p>
        {L(lang, 'AUC for malignancy (see Table 5)', '鉴别恶性的AUC（见表5）')}:{' '}
        {score?.result
          ? `${withCi(score.result.auc, score.result.ci_auc_delong.lower, score.result.ci_auc_delong.upper, 3)} (n = ${count(score.n)})`
          : (statusText(score ?? { status: 'not_available', message: 'no mass score' }, lang) ?? '')}
      </p>
      <DataTable
        caption={L(
          lang,
          `Table 15. Accuracy of the published cut-off (score \u2265 ${MASS_SCORE_CUTOFF}) for malignancy`,
          `表15 已发表截断值（评分\u2265${MASS_SCORE_CUTOFF}）鉴别恶性的准确性`
        )}
        header={[
          L(lang, 'Rule', '规则'),
          'n',
          'TP / FP / FN / TN',
          L(lang, 'Sensitivity', '敏感度'),
          L(lang, 'Specificity', '特异度'),
          'PPV',
          'NPV',
          L(lang, 'Accuracy', '准确度'),
        ]}
        rows={accuracyRows([ds.mass_score_cutoff], lang)}
        note={L(lang, '% (exact Clopper-Pearson 95% CI) [x/n].', '%（精确Clopper-Pearson 95% CI）[x/n]。')}
      />
      <h3>
        {L(lang, 'A logistic model for malignancy from the CMR features', '基于CMR特征的恶性logistic模型')}
      </h3>
      <StatusNote rec={ds.model} lang={lang} />
      <DataTable
        caption={`${L(lang, 'Table 16. CMR feature model fitted on the registry', '表16 在登记数据上拟合的CMR特征模型')} (${nLine(ds.model, lang, L(lang, 'malignant', '恶性'))})`}
        header={[L(lang, 'CMR feature', 'CMR特征'), L(lang, 'OR (95% CI)', 'OR（95% CI）'), 'p']}
        rows={glmRows(ds.model, FEATURE_TERMS, lang)}
      />
      <p>
        {cv.status === 'ok' && cv.auc?.result
          ? `${L(lang, `Cross-validated AUC (${cv.folds} folds stratified by outcome, seed ${cv.seed})`, `交叉验证AUC（${cv.folds}折，按结局分层，种子${cv.seed}）`)}: ${withCi(cv.auc.result.auc, cv.auc.result.ci_auc_delong.lower, cv.auc.result.ci_auc_delong.upper, 3)}; ${L(lang, 'apparent AUC is higher by construction', '表观AUC必然更高')}.`
          : `${L(lang, 'Cross-validation not computed', '交叉验证未计算')}: ${cv.message ?? ''}`}
        {slope
          ? ` ${L(lang, 'Calibration intercept and slope (logistic recalibration)', '校准截距和斜率')}: ${slope.map((c) => `${c.term === '(Intercept)' ? L(lang, 'intercept', '截距') : L(lang, 'slope', '斜率')} ${withCi(c.estimate, logOf(c.or_lower95), logOf(c.or_upper95))}`).join(', ')}.`
          : ''}
      </p>
      <Figure figure={calibration} />
      {cv.calibration.length > 0 ? (
        <DataTable
          caption={L(
            lang,
            'Table 17. Calibration by tenths of out-of-fold predicted risk',
            '表17 按交叉验证预测风险十分位的校准'
          )}
          header={[
            L(lang, 'Tenth', '十分位'),
            'n',
            L(lang, 'Predicted risk range, %', '预测风险范围，%'),
            L(lang, 'Mean predicted, %', '平均预测，%'),
            L(lang, 'Observed, % (95% CI)', '实际，%（95% CI）'),
          ]}
          rows={cv.calibration.map((g) => [
            String(g.group),
            count(g.n),
            `${fmt(g.predicted_min * 100, 1)}\u2013${fmt(g.predicted_max * 100, 1)}`,
            fmt(g.predicted_mean * 100, 1),
            `${pct(g.observed)} [${count(g.observed.x)}/${count(g.observed.n)}]`,
          ])}
          note={L(
            lang,
            'Groups: ceiling(10 \u00d7 rank / n) of the predicted risk (ties in file order). Exact 95% CIs.',
            '分组：预测风险秩次×10/n向上取整。精确95% CI。'
          )}
        />
      ) : null}
    </section>
  );
}
