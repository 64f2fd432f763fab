import type { Lang } from './theme.js';

/** Default labels of the figures in English and Chinese (callers may override any of them). */
export const FIGURE_LABELS = {
  numberAtRisk: { en: 'Number at risk', zh: '风险人数' },
  monthsSinceCmr: { en: 'Months since baseline CMR', zh: '基线CMR后月数' },
  survivalPercent: { en: 'Event-free survival (%)', zh: '无事件生存率（%）' },
  cumulativeIncidencePercent: { en: 'Cumulative incidence (%)', zh: '累积发生率（%）' },
  sensitivity: { en: 'Sensitivity (%)', zh: '敏感度（%）' },
  oneMinusSpecificity: { en: '1 \u2212 specificity (%)', zh: '1 \u2212 特异度（%）' },
  chance: { en: 'No discrimination (AUC 0.5)', zh: '无区分能力（AUC 0.5）' },
  hazardRatio: { en: 'Hazard ratio (95% CI), log scale', zh: '风险比（95% CI），对数刻度' },
  oddsRatio: { en: 'Odds ratio (95% CI), log scale', zh: '比值比（95% CI），对数刻度' },
  estimateCi: { en: 'HR (95% CI)', zh: 'HR（95% CI）' },
  predictedRisk: { en: 'Predicted risk (%)', zh: '预测风险（%）' },
  observedProportion: { en: 'Observed proportion (%)', zh: '实际比例（%）' },
  perfectCalibration: { en: 'Perfect calibration', zh: '理想校准' },
  ci95: { en: '95% CI', zh: '95% CI' },
  censored: { en: '+ censored', zh: '+ 删失' },
  notEstimable: { en: 'not estimable', zh: '无法估计' },
} as const;

export type FigureLabelKey = keyof typeof FIGURE_LABELS;

/** A default label in a language. */
export function figureLabel(key: FigureLabelKey, lang: Lang = 'en'): string {
  return FIGURE_LABELS[key][lang];
}
