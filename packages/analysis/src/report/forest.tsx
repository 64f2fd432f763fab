import { LgePattern } from '@cmr-mass/core';
import type { CoxModels } from '../analyses/prognosis/cox.js';
import { coefficientLabel, COX_TERMS } from '../analyses/terms.js';
import { ForestPlot, type ForestRow } from '../figures/ForestPlot.js';
import type { Lang } from '../figures/theme.js';
import type { CoxCoefOut } from '../stats-bridge/r-json.js';
import { num } from '../stats-bridge/r-json.js';
import { count, fmtR, pText, pValue, withCi } from './format.js';
import type { ReportFigure } from './figures.js';

const zh = (lang: Lang, en: string, cn: string): string => (lang === 'zh' ? cn : en);

/** The label of a Cox coefficient with its unit, e.g. "Size (largest diameter), per 10 mm". */
export function coxCoefLabel(term: string, lang: Lang): string {
  const t = COX_TERMS.find(
    (x) =>
      term === x.name || (x.levels && term.startsWith(x.name) && x.levels.includes(term.slice(x.name.length)))
  );
  const base = coefficientLabel(term, COX_TERMS, lang, (_t, level) =>
    LgePattern.label(level as LgePattern, lang)
  );
  if (!t) return base;
  return t.levels ? `${base} ${t.unit[lang]}` : `${base}, ${t.unit[lang]}`;
}

/**
 * True when a hazard ratio is not estimable in practice: an infinite limit or an estimate beyond
 * 1e-3..1e3 (no events in a level, separation), where R also prints a huge or zero HR.
 */
export function notEstimable(c: Pick<CoxCoefOut, 'exp_coef' | 'hr_lower95' | 'hr_upper95'>): boolean {
  const vals = [num(c.exp_coef), num(c.hr_lower95), num(c.hr_upper95)];
  if (vals.some((v) => v === null || !Number.isFinite(v))) return true;
  const e = vals[0]!;
  return e < 1e-3 || e > 1e3;
}

function row(label: string, c: CoxCoefOut | undefined, series: number, lang: Lang): ForestRow {
  if (!c) return { label, estimate: null, lower: null, upper: null, text: '\u2014', series, indent: 1 };
  if (notEstimable(c)) {
    return {
      label,
      estimate: null,
      lower: null,
      upper: null,
      text: zh(lang, 'not estimable', '无法估计'),
      series,
      indent: 1,
    };
  }
  return {
    indent: 1,
    label,
    estimate: num(c.exp_coef),
    lower: num(c.hr_lower95),
    upper: num(c.hr_upper95),
    text: withCi(c.exp_coef, c.hr_lower95, c.hr_upper95),
    p: pValue(c.p),
    series,
  };
}

/**
 * The forest plot of one endpoint: for each CMR indicator, its univariable hazard ratio (each on its
 * own complete cases) and its hazard ratio in the multivariable model.
 */
export function forestFigure(m: CoxModels, label: string, index: number, lang: Lang): ReportFigure | null {
  const multi = m.multivariable.result;
  const rows: ForestRow[] = [];
  for (const u of m.univariable) {
    for (const c of u.result?.coefficients ?? []) {
      rows.push({
        label: coxCoefLabel(c.term, lang),
        estimate: null,
        lower: null,
        upper: null,
        text: '',
        heading: true,
      });
      rows.push(
        row(
          `${zh(lang, 'univariable', '单因素')} (n = ${count(u.n)}, ${count(u.events ?? 0)} ${zh(lang, 'events', '事件')})`,
          c,
          0,
          lang
        )
      );
      rows.push(
        row(
          zh(lang, 'multivariable', '多因素'),
          multi?.coefficients.find((x) => x.term === c.term),
          1,
          lang
        )
      );
    }
  }
  if (rows.length === 0) return null;
  const zph = multi?.zph?.table.find((r) => r.term === 'GLOBAL');
  const title = `${zh(lang, `Figure ${index}.`, `图${index}`)} ${label}: ${zh(lang, 'hazard ratios of the CMR indicators', 'CMR指标的风险比')}`;
  return {
    id: `fig${String(index).padStart(2, '0')}_forest_${m.endpoint}`,
    caption: title,
    element: (
      <ForestPlot
        title={title}
        lang={lang}
        rows={rows}
        series={[zh(lang, 'Univariable', '单因素'), zh(lang, 'Multivariable', '多因素')]}
        notes={[
          multi
            ? `${zh(lang, 'Multivariable model', '多因素模型')}: n = ${count(m.multivariable.n)}, ${zh(lang, 'events', '事件')} = ${count(m.multivariable.events ?? 0)}, C-index ${fmtR(multi.concordance.C, 3)}; ${zh(lang, 'PH test (global)', '比例风险检验（整体）')} ${pText(zph?.p)}.`
            : `${zh(lang, 'Multivariable model not computed', '多因素模型未计算')}: ${m.multivariable.message ?? m.multivariable.status}.`,
          zh(
            lang,
            'Cox regression, Efron ties, Wald 95% CIs; complete cases.',
            'Cox回归，Efron结处理，Wald 95% CI；完整病例。'
          ),
        ]}
      />
    ),
  };
}
