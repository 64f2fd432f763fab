import { coded, type Criterion } from '../criteria.js';

/**
 * Criteria shared by several candidates. Points are engineering choices [U] on a -4..+4 scale
 * (4 near-defining, 3 strong, 2 moderate, 1 weak); the facts behind them carry their own evidence.
 */

/** Signal loss on fat suppression means fat: it argues against every non-fatty mass (Gatti 2021, Table 1). */
export const NOT_FAT: Criterion = coded(
  'fat_signal_loss',
  'fatSuppressionSignalLoss',
  { yes: -3 },
  {
    source: 'gatti2021',
    evidence: 'C',
    optional: true,
    why: { en: 'fat; this mass contains none', zh: '提示脂肪，此类占位不含脂肪' },
  }
);

/**
 * Nulling at long inversion time is the typical thrombus pattern, seen in 2 % of tumours
 * (Pazos-López 2014, specificity 98 %): it argues against every vascularised mass.
 */
export const NOT_NULLED: Criterion = coded(
  'nulled_long_ti',
  'nullingLongTi',
  { yes: -3 },
  {
    source: 'pazosLopez2014',
    evidence: 'C',
    optional: true,
    why: { en: 'avascular, the thrombus pattern', zh: '无血供，为血栓特征' },
  }
);

/** Benign tumours do not invade (Kassi 2018: invasion in 69 % of malignant, 0 % of benign tumours). */
export const BENIGN_NO_INVASION: Criterion = coded(
  'no_invasion',
  'infiltration',
  { yes: -3, no: 1 },
  {
    source: 'kassi2018',
    evidence: 'C',
    why: { en: 'invasion: 69 % of malignant vs 0 % of benign tumours', zh: '浸润：恶性69%，良性0%' },
  }
);

/** Pericardial effusion is uncommon with benign tumours (Kassi 2018: 7.4 % vs 41 % of malignant). */
export const BENIGN_EFFUSION: Criterion = coded(
  'effusion',
  'pericardialEffusion',
  { moderate: -1, large: -1 },
  {
    source: 'kassi2018',
    evidence: 'C',
    why: { en: 'effusion: 7.4 % of benign vs 41 % of malignant tumours', zh: '心包积液：良性7.4%，恶性41%' },
  }
);

/**
 * The features that separate malignant from benign tumours: Kassi 2018 (invasion, effusion, first-pass
 * perfusion, LGE) and Paolisso 2024 (sessile, polylobate, inhomogeneity, non-left localization,
 * heterogeneous enhancement) — used for a malignant tumour without a row of its own in clinical.md §3.
 */
export const MALIGNANT_GENERAL: readonly Criterion[] = [
  coded(
    'invasion',
    'infiltration',
    { yes: 3, no: -3 },
    {
      source: 'kassi2018',
      evidence: 'C',
      why: { en: 'invasion: 69 % of malignant vs 0 % of benign tumours', zh: '浸润：恶性69%，良性0%' },
    }
  ),
  coded(
    'effusion',
    'pericardialEffusion',
    { none: -1, small: 1, moderate: 2, large: 2 },
    {
      source: 'kassi2018',
      evidence: 'C',
      why: {
        en: 'effusion: 41 % of malignant vs 7.4 % of benign tumours',
        zh: '心包积液：恶性41%，良性7.4%',
      },
    }
  ),
  coded(
    'perfusion',
    'firstPassPerfusion',
    { none: -3, mild: 2, marked: 2 },
    {
      source: 'kassi2018',
      evidence: 'C',
      why: {
        en: 'first-pass perfusion: 100 % of malignant vs 33 % of benign',
        zh: '首过灌注：恶性100%，良性33%',
      },
    }
  ),
  coded(
    'lge',
    'lgePattern',
    { none: -3, homogeneous: 1, heterogeneous: 2, peripheral: 1 },
    {
      source: 'kassi2018',
      evidence: 'C',
      why: {
        en: 'LGE in 100 % of malignant tumours; heterogeneous enhancement (Paolisso 2024)',
        zh: '恶性肿瘤100%延迟强化；不均匀强化（Paolisso 2024）',
      },
    }
  ),
  coded('sessile', 'attachment', { sessile: 1, pedunculated: -1 }, { source: 'paolisso2024', evidence: 'C' }),
  coded('polylobate', 'shape', { polylobate: 1 }, { source: 'paolisso2024', evidence: 'C' }),
  coded('inhomogeneous', 'homogeneity', { heterogeneous: 1 }, { source: 'paolisso2024', evidence: 'C' }),
  coded(
    'non_left',
    'side',
    { right: 1, pericardial: 1 },
    { source: 'paolisso2024', evidence: 'C', why: { en: 'non-left localization', zh: '非左心部位' } }
  ),
];
