import type { Lang as CoreLang, VisitStatus } from '@cmr-mass/core';
import {
  EventType,
  LgePattern,
  MassCategory,
  ReferenceMethod,
  Sex,
  Smoking,
  TreatmentType,
} from '@cmr-mass/core';
import type { Lang } from '../figures/theme.js';

/** The report's own words in English and Chinese. */
export const TEXT = {
  reportTitle: { en: 'CMR of cardiac masses: study report', zh: '心脏占位CMR研究报告' },
  synthetic: {
    en: 'SYNTHETIC DATA: this report was computed on a generated demonstration cohort, not on patients.',
    zh: '合成数据：本报告基于生成的演示队列，而非真实患者。',
  },
  generated: { en: 'Generated', zh: '生成时间' },
  snapshot: { en: 'Data snapshot', zh: '数据快照' },
  contents: { en: 'Contents', zh: '目录' },
  participants: { en: 'Participants and data', zh: '研究对象与数据' },
  flow: {
    en: 'Participant flow (STARD 2015 item 19; STROBE item 13)',
    zh: '研究对象流程（STARD 2015 第19条；STROBE 第13条）',
  },
  table1: { en: 'Table 1. Baseline characteristics by cohort', zh: '表1 各队列基线特征' },
  followUp: { en: 'Follow-up completeness', zh: '随访完整性' },
  q1: { en: 'Question 1: diagnosis', zh: '问题1：诊断' },
  q2: { en: 'Question 2: treatment', zh: '问题2：治疗' },
  q3: { en: 'Question 3: prognosis', zh: '问题3：预后' },
  ds: { en: 'Validation of decision support on the registry', zh: '决策支持在登记数据中的验证' },
  methods: { en: 'Statistical methods', zh: '统计方法' },
  reproduce: { en: 'Reproducing every number in R', zh: '在R中复现所有数值' },
  all: { en: 'All', zh: '全部' },
  missing: { en: 'missing', zh: '缺失' },
  pendingStats: {
    en: 'not computed: the statistics engine does not offer this test yet',
    zh: '未计算：统计引擎尚未提供该检验',
  },
  notComputed: { en: 'not computed', zh: '未计算' },
  notAvailable: { en: 'not available', zh: '不可用' },
  months: { en: 'months', zh: '个月' },
} as const;

/** A report text in a language. */
export function t(key: keyof typeof TEXT, lang: Lang): string {
  return TEXT[key][lang];
}

/** Cohort labels. */
export const COHORT_LABELS: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  all: { en: 'All', zh: '全部' },
  non_neoplastic: { en: 'Non-neoplastic', zh: '非肿瘤性' },
  benign: { en: 'Benign tumour', zh: '良性肿瘤' },
  malignant: { en: 'Malignant tumour', zh: '恶性肿瘤' },
};

/** The label of a cohort code or a survfit stratum (`cohort=benign`). */
export function cohortLabel(code: string, lang: Lang): string {
  const key = code.replace(/^cohort=/, '');
  return COHORT_LABELS[key]?.[lang] ?? key;
}

const LISTS = {
  mass_category: MassCategory,
  ref_category: MassCategory,
  cmr_category: MassCategory,
  ds_top_category: MassCategory,
  treatment: TreatmentType,
  ds_suggested_treatment: TreatmentType,
  lge_pattern: LgePattern,
  ref_method: ReferenceMethod,
  sex: Sex,
  smoking: Smoking,
  event: EventType,
} as const;

/** The label of a code of a coded column (core's code lists), or the code itself. */
export function codeLabel(column: string, code: string, lang: Lang): string {
  if (code === 'yes') return lang === 'zh' ? '是' : 'Yes';
  if (code === 'no') return lang === 'zh' ? '否' : 'No';
  const list = (
    LISTS as Readonly<Record<string, { has(v: unknown): boolean; label(c: never, l?: CoreLang): string }>>
  )[column];
  if (list && list.has(code)) return list.label(code as never, lang);
  return code;
}

/** Labels of the follow-up schedule's visit statuses. */
export const VISIT_STATUS_LABELS: Readonly<
  Record<VisitStatus, { readonly en: string; readonly zh: string }>
> = {
  done: { en: 'Done in window', zh: '窗口期内完成' },
  done_out_of_window: { en: 'Done out of window', zh: '窗口期外完成' },
  missed: { en: 'Missed', zh: '失访/未完成' },
  not_required: { en: 'Not required (died, withdrew, lost)', zh: '无需随访（死亡、退出、失访）' },
  upcoming: { en: 'Not yet due', zh: '尚未到期' },
  due: { en: 'Due', zh: '到期' },
  overdue: { en: 'Overdue', zh: '逾期' },
};

/** Chinese titles of the analyses shown by title in the report's tables (English: the record's own). */
const TITLES_ZH: Readonly<Record<string, string>> = {
  'q1.accuracy.neoplastic': '肿瘤性 vs 非肿瘤性占位',
  'q1.accuracy.malignant': '恶性 vs 其他所有占位',
  'q1.accuracy.malignant_tumours': '参考诊断为肿瘤者中：恶性 vs 良性',
  'q1.accuracy.malignant_histology': '恶性 vs 其他占位（仅以组织病理学为参考）',
  'q1.readers.category': '诊断类别',
  'q1.readers.malignant': '恶性 vs 非恶性',
  'ds.mass_score_cutoff': 'CMR占位评分 ≥ 5 判断恶性',
  'q2.treatment_by_reference': '按最终（参考）诊断的主要治疗',
  'q2.treatment_by_cmr_category': '按CMR诊断（盲法阅片）的主要治疗',
  'q2.treatment_by_infiltration': '按CMR浸润的主要治疗',
  'q2.treatment_by_effusion': '按CMR心包积液的主要治疗',
  'q2.treatment_by_fpp': '按CMR首过灌注的主要治疗',
  'q2.treatment_by_lge': '按CMR延迟强化模式的主要治疗',
  'q2.treatment_by_mass_score': '按CMR占位评分（≥ 5）的主要治疗',
  'q2.treatment_by_suggestion': '按基于CMR的建议处理的实际主要治疗',
};

/** English titles of the same, shorter than the records' where the table gives the context. */
const TITLES_EN: Readonly<Record<string, string>> = {
  'q1.readers.category': 'Diagnostic category',
  'q1.readers.malignant': 'Malignant vs not',
};

/** The title of an analysis (record or table) in the report's language. */
export function recordTitle(rec: { readonly id: string; readonly title: string }, lang: Lang): string {
  return (lang === 'zh' ? TITLES_ZH[rec.id] : TITLES_EN[rec.id]) ?? rec.title;
}
