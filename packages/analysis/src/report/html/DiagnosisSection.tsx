import type { ReactElement } from 'react';
import { MassCategory } from '@cmr-mass/core';
import type { CategoryAgreement } from '../../analyses/diagnosis/accuracy.js';
import { MARKERS } from '../../analyses/diagnosis/roc.js';
import { coefficientLabel, Q1_LOGISTIC_TERMS, type Term } from '../../analyses/terms.js';
import type { DiagnosisResults } from '../../results/types.js';
import type { AnalysisRecord } from '../../stats-bridge/record.js';
import type { Diagnostic2x2Out, GlmOut, KappaOut } from '../../stats-bridge/r-json.js';
import { num } from '../../stats-bridge/r-json.js';
import type { RenderedFigure } from '../figures.js';
import { count, fmt, fmtR, pct, pctR, pValue, withCi } from '../format.js';
import { codeLabel, recordTitle } from '../i18n.js';
import { DataTable, Figure, L, nLine, StatusNote, statusText, type SectionProps } from './common.js';

/** Rows of an accuracy table, one per 2x2 analysis. */
export function accuracyRows(
  recs: readonly AnalysisRecord<Diagnostic2x2Out>[],
  lang: SectionProps['lang']
): string[][] {
  return recs.map((r) => {
    const x = r.result;
    if (!x) return [recordTitle(r, lang), count(r.n), statusText(r, lang) ?? '', '', '', '', '', ''];
    const m = (k: 'sensitivity' | 'specificity' | 'ppv' | 'npv' | 'accuracy'): string =>
      `${pctR(x[k].estimate, x[k].clopper_pearson)} [${count(x[k].x)}/${count(x[k].n)}]`;
    return [
      recordTitle(r, lang),
      count(r.n),
      `${x.table.tp} / ${x.table.fp} / ${x.table.fn} / ${x.table.tn}`,
      m('sensitivity'),
      m('specificity'),
      m('ppv'),
      m('npv'),
      m('accuracy'),
    ];
  });
}

/** A kappa as "0.61 (0.40–0.82)". */
export function kappaText(k: AnalysisRecord<KappaOut>, lang: SectionProps['lang']): string {
  return k.result ? withCi(k.result.kappa, k.result.lower, k.result.upper) : (statusText(k, lang) ?? '');
}

/** The k x k table of a category agreement as display rows with totals. */
export function categoryRows(c: CategoryAgreement, lang: SectionProps['lang']): string[][] {
  const cats = MassCategory.codes;
  const tab = c.kappa.result?.table ?? [];
  return cats.map((cat, i) => {
    const row = tab[i] ?? cats.map(() => 0);
    return [
      codeLabel('ref_category', cat, lang),
      ...row.map((v) => count(v)),
      count(row.reduce((a, b) => a + b, 0)),
    ];
  });
}

/** Rows of a logistic model's coefficients: OR (95% CI) and p. */
export function glmRows(
  rec: AnalysisRecord<GlmOut>,
  terms: readonly Term[],
  lang: SectionProps['lang']
): string[][] {
  return (rec.result?.coefficients ?? [])
    .filter((c) => c.term !== '(Intercept)')
    .map((c) => {
      const term = terms.find((t) => t.name === c.term);
      const label = term ? `${term.label[lang]}, ${term.unit[lang]}` : coefficientLabel(c.term, terms, lang);
      return [label, withCi(c.odds_ratio, c.or_lower95, c.or_upper95), pValue(c.p)];
    });
}

/** Question 1: diagnostic accuracy, agreement, ROC and the multivariable model. */
export function DiagnosisSection({
  d,
  roc,
  lang,
}: SectionProps & { readonly d: DiagnosisResults; readonly roc: RenderedFigure | null }): ReactElement {
  const cats = MassCategory.codes;
  return (
    <section id="diagnosis">
      <h2>{L(lang, 'Question 1: diagnosis', '问题1：诊断')}</h2>
      <p>
        {L(
          lang,
          'Index test: the first blinded reading of the baseline CMR (index lesion). Reference standard: histopathology, or the diagnosis after follow-up (for thrombus, resolution under anticoagulation). A reading of "no mass" counts as test-negative.',
          '指标检查：基线CMR首次盲法阅片（指标病灶）。参考标准：组织病理学，或随访后诊断（血栓为抗凝后消退）。阅片为“无占位”者按阴性计。'
        )}
      </p>
      <DataTable
        caption={L(
          lang,
          'Table 2. Diagnostic accuracy of CMR against the reference standard',
          '表2 CMR相对参考标准的诊断准确性'
        )}
        header={[
          L(lang, 'Comparison', '比较'),
          'n',
          'TP / FP / FN / TN',
          L(lang, 'Sensitivity', '敏感度'),
          L(lang, 'Specificity', '特异度'),
          'PPV',
          'NPV',
          L(lang, 'Accuracy', '准确度'),
        ]}
        rows={accuracyRows(d.accuracy, lang)}
        note={L(
          lang,
          '% (exact Clopper-Pearson 95% CI) [x/n]. Positive: CMR calls the mass neoplastic (first row) or malignant (other rows).',
          '%（精确Clopper-Pearson 95% CI）[x/n]。'
        )}
      />
      <DataTable
        caption={L(
          lang,
          'Table 3. Reference diagnosis (rows) by CMR diagnosis (columns)',
          '表3 参考诊断（行）与CMR诊断（列）交叉表'
        )}
        header={[
          L(lang, 'Reference \\ CMR', '参考 \\ CMR'),
          ...cats.map((c) => codeLabel('cmr_category', c, lang)),
          L(lang, 'Total', '合计'),
        ]}
        rows={categoryRows(d.categories, lang)}
        note={`${L(lang, "Cohen's kappa (unweighted)", 'Cohen kappa（非加权）')} ${kappaText(d.categories.kappa, lang)}; ${L(lang, 'overall agreement', '总体一致率')} ${pct(d.categories.accuracy)}; ${nLine(d.categories.kappa, lang)}.`}
      />
      <h3>{L(lang, 'Agreement between readers', '阅片者间一致性')}</h3>
      <DataTable
        caption={L(
          lang,
          'Table 4. Agreement between two blinded readers of the same lesion',
          '表4 同一病灶两名盲法阅片者的一致性'
        )}
        header={[
          L(lang, 'Diagnosis', '诊断'),
          L(lang, 'Lesions', '病灶数'),
          L(lang, 'Observed agreement', '观察一致率'),
          L(lang, 'Kappa (95% CI)', 'Kappa（95% CI）'),
          'p',
        ]}
        rows={[d.readers.category, d.readers.malignant].map((k) => [
          recordTitle(k, lang),
          count(k.n),
          k.result ? `${fmt((num(k.result.po) ?? 0) * 100, 1)}%` : '\u2014',
          kappaText(k, lang),
          k.result ? pValue(k.result.p) : '',
        ])}
        note={L(
          lang,
          'Lesions read blinded by at least two readers; the first two readers by reader ID. Fleiss-Cohen-Everitt SE.',
          '至少两名阅片者盲法阅片的病灶。'
        )}
      />
      <h3>{L(lang, 'Quantitative markers: ROC analysis for malignancy', '定量指标：鉴别恶性的ROC分析')}</h3>
      <Figure figure={roc} />
      <DataTable
        caption={L(
          lang,
          'Table 5. Discrimination of malignant from all other masses',
          '表5 恶性与其他占位的鉴别'
        )}
        header={[
          L(lang, 'Marker', '指标'),
          L(lang, 'n (malignant)', 'n（恶性）'),
          L(lang, 'AUC (DeLong 95% CI)', 'AUC（DeLong 95% CI）'),
          L(lang, 'Youden cut-off', 'Youden截断值'),
          L(lang, 'Sensitivity at cut-off', '截断值敏感度'),
          L(lang, 'Specificity at cut-off', '截断值特异度'),
        ]}
        rows={d.roc.curves.map((r, i) => {
          const m = MARKERS[i]!;
          const x = r.result;
          if (!x) return [m.label[lang], count(r.n), statusText(r, lang) ?? '', '', '', ''];
          const b = x.best_youden[0];
          const th = num(b?.threshold);
          const cut =
            th === null
              ? '\u2014'
              : m.unit === 'fraction'
                ? `\u2265 ${fmt(th * 100, 1)}%`
                : `\u2265 ${fmt(th, m.unit === 'points' ? 1 : 0)} ${m.unit}`;
          return [
            m.label[lang],
            `${count(r.n)} (${count(x.n_cases)})`,
            withCi(x.auc, x.ci_auc_delong.lower, x.ci_auc_delong.upper),
            cut,
            b ? `${fmt(b.sensitivity * 100, 1)}%` : '\u2014',
            b ? `${fmt(b.specificity * 100, 1)}%` : '\u2014',
          ];
        })}
        note={L(
          lang,
          'Higher values pre-specified as indicating malignancy (direction "<"). Cut-offs are exploratory (chosen on these data, STARD item 12b). Sensitivity and specificity at the cut-off without CI.',
          '预先规定数值越高越提示恶性。截断值为探索性（STARD 12b）。'
        )}
      />
      <DataTable
        caption={L(lang, 'Table 6. Paired comparison of AUCs (DeLong test)', '表6 AUC配对比较（DeLong检验）')}
        header={[
          L(lang, 'Comparison', '比较'),
          'n',
          'AUC 1',
          'AUC 2',
          L(lang, 'Difference (95% CI)', '差值（95% CI）'),
          'p',
        ]}
        rows={d.roc.comparisons.map((c) => {
          const x = c.result;
          const [m1, m2] = c.id
            .split('.')
            .slice(2)
            .map((col) => MARKERS.find((m) => m.column === col)?.label[lang] ?? col);
          const name = `${m1 ?? ''} vs ${m2 ?? ''}`;
          if (!x) return [name, count(c.n), statusText(c, lang) ?? '', '', '', ''];
          return [
            name,
            count(c.n),
            fmt(x.auc1, 3),
            fmt(x.auc2, 3),
            withCi(x.auc1 - x.auc2, x.conf_int_diff[0], x.conf_int_diff[1], 3),
            pValue(x.p_value),
          ];
        })}
        note={L(
          lang,
          'Each comparison uses the participants with both markers recorded.',
          '每个比较使用两项指标均有记录的研究对象。'
        )}
      />
      <h3>{L(lang, 'Multivariable logistic model for malignancy', '恶性的多因素logistic模型')}</h3>
      <StatusNote rec={d.model} lang={lang} />
      <DataTable
        caption={`${L(lang, 'Table 7. Odds ratios for malignancy', '表7 恶性的比值比')} (${nLine(d.model, lang, L(lang, 'malignant', '恶性'))})`}
        header={[L(lang, 'CMR feature', 'CMR特征'), L(lang, 'OR (95% CI)', 'OR（95% CI）'), 'p']}
        rows={glmRows(d.model, Q1_LOGISTIC_TERMS, lang)}
        note={`${L(lang, 'Logistic regression on complete cases, Wald 95% CIs.', 'Logistic回归，完整病例，Wald 95% CI。')} AIC ${fmtR(d.model.result?.aic ?? null, 1)}.`}
      />
    </section>
  );
}
