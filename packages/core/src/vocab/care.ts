import { defineCodeList, type CodeOf } from './define.js';

/** Treatments of a cardiac mass (clinical.md §7). */
export const TreatmentType = defineCodeList('treatment', [
  ['surgical_resection', 'Surgical resection', '手术切除'],
  ['interventional', 'Interventional therapy', '介入治疗'],
  ['chemotherapy', 'Chemotherapy / systemic therapy', '化疗/系统治疗'],
  ['radiotherapy', 'Radiotherapy', '放疗'],
  ['anticoagulation', 'Anticoagulation', '抗凝治疗'],
  ['anti_inflammatory', 'Anti-inflammatory therapy', '抗炎治疗'],
  ['other_medical', 'Other medical therapy', '其他药物治疗'],
  ['conservative', 'Conservative follow-up', '保守随访'],
] as const);
export type TreatmentType = CodeOf<typeof TreatmentType>;

/** Completeness of a surgical resection (residual tumour classification). */
export const ResectionCompleteness = defineCodeList('resection_completeness', [
  ['r0', 'Complete (R0)', '完整切除（R0）'],
  ['r1', 'Microscopic residual (R1)', '镜下残留（R1）'],
  ['r2', 'Macroscopic residual (R2)', '肉眼残留（R2）'],
  ['unknown', 'Unknown', '未知'],
] as const);
export type ResectionCompleteness = CodeOf<typeof ResectionCompleteness>;

export const TreatmentIntent = defineCodeList('treatment_intent', [
  ['curative', 'Curative', '根治性'],
  ['palliative', 'Palliative', '姑息性'],
  ['prophylactic', 'Prophylactic (e.g. embolism prevention)', '预防性'],
  ['diagnostic', 'Diagnostic', '诊断性'],
] as const);
export type TreatmentIntent = CodeOf<typeof TreatmentIntent>;

export const Anticoagulant = defineCodeList('anticoagulant', [
  ['vka', 'Vitamin K antagonist', '维生素K拮抗剂'],
  ['doac', 'Direct oral anticoagulant', '直接口服抗凝药'],
  ['lmwh', 'Low-molecular-weight heparin', '低分子肝素'],
  ['ufh', 'Unfractionated heparin', '普通肝素'],
  ['other', 'Other', '其他'],
] as const);
export type Anticoagulant = CodeOf<typeof Anticoagulant>;

/** The scheduled follow-up visits, in months after the baseline CMR. */
export const VISIT_MONTHS = [1, 3, 6, 12, 24, 36] as const;
export type VisitMonth = (typeof VISIT_MONTHS)[number];

export const ContactMode = defineCodeList('contact_mode', [
  ['outpatient', 'Outpatient visit', '门诊随访'],
  ['telephone', 'Telephone', '电话随访'],
  ['electronic_record', 'Electronic medical record', '电子病历'],
] as const);
export type ContactMode = CodeOf<typeof ContactMode>;

export const ContactOutcome = defineCodeList('contact_outcome', [
  ['reached', 'Reached (information obtained)', '已联系（获得信息）'],
  ['not_reached', 'Not reached', '未能联系'],
] as const);
export type ContactOutcome = CodeOf<typeof ContactOutcome>;

export const VitalStatus = defineCodeList('vital_status', [
  ['alive', 'Alive', '存活'],
  ['dead', 'Dead', '死亡'],
  ['unknown', 'Unknown', '未知'],
] as const);
export type VitalStatus = CodeOf<typeof VitalStatus>;

export const NyhaClass = defineCodeList('nyha_class', [
  ['i', 'NYHA I', 'NYHA I级'],
  ['ii', 'NYHA II', 'NYHA II级'],
  ['iii', 'NYHA III', 'NYHA III级'],
  ['iv', 'NYHA IV', 'NYHA IV级'],
] as const);
export type NyhaClass = CodeOf<typeof NyhaClass>;

/** How LVEF was measured at a follow-up visit. */
export const LvefMethod = defineCodeList('lvef_method', [
  ['echo', 'Echocardiography', '超声心动图'],
  ['cmr', 'CMR', '心脏磁共振'],
  ['other', 'Other', '其他'],
] as const);
export type LvefMethod = CodeOf<typeof LvefMethod>;

/** Outcome events of the study (registry endpoints: death, recurrence, thromboembolism, HF, dysfunction). */
export const EventType = defineCodeList('event_type', [
  ['death', 'Death', '死亡'],
  ['recurrence', 'Recurrence or progression of the mass', '复发或进展'],
  ['thromboembolism', 'Thromboembolism', '血栓栓塞'],
  ['hf_hospitalisation', 'Hospitalisation for heart failure', '心衰住院'],
  ['progressive_dysfunction', 'Progressive cardiac dysfunction', '进行性心功能不全'],
  ['adverse_event', 'Other adverse event', '其他不良事件'],
] as const);
export type EventType = CodeOf<typeof EventType>;

export const DeathCause = defineCodeList('death_cause', [
  ['mass_related', 'Related to the cardiac mass', '与心脏占位相关'],
  ['cardiovascular', 'Other cardiovascular', '其他心血管原因'],
  ['cancer', 'Cancer (extracardiac)', '肿瘤（心外）'],
  ['procedural', 'Procedure-related', '与治疗操作相关'],
  ['other', 'Other non-cardiovascular', '其他非心血管原因'],
  ['unknown', 'Unknown', '未知'],
] as const);
export type DeathCause = CodeOf<typeof DeathCause>;

export const EmbolismSite = defineCodeList('embolism_site', [
  ['stroke_tia', 'Stroke or TIA', '卒中或TIA'],
  ['systemic_arterial', 'Systemic arterial (limb, visceral)', '体循环动脉（肢体、内脏）'],
  ['coronary', 'Coronary', '冠状动脉'],
  ['pulmonary', 'Pulmonary embolism', '肺栓塞'],
  ['other', 'Other', '其他'],
] as const);
export type EmbolismSite = CodeOf<typeof EmbolismSite>;

export const RecurrenceSite = defineCodeList('recurrence_site', [
  ['local', 'Local (same site)', '局部（原位）'],
  ['cardiac_other', 'Elsewhere in the heart', '心脏其他部位'],
  ['distant', 'Distant (extracardiac)', '远处（心外）'],
] as const);
export type RecurrenceSite = CodeOf<typeof RecurrenceSite>;

/** Adverse-event severity as CTCAE grades 1-5 (grade 5 = death). */
export const AeGrade = defineCodeList('ae_grade', [
  ['1', 'Grade 1 (mild)', '1级（轻度）'],
  ['2', 'Grade 2 (moderate)', '2级（中度）'],
  ['3', 'Grade 3 (severe)', '3级（重度）'],
  ['4', 'Grade 4 (life-threatening)', '4级（危及生命）'],
  ['5', 'Grade 5 (death)', '5级（死亡）'],
] as const);
export type AeGrade = CodeOf<typeof AeGrade>;

export const AeCategory = defineCodeList('ae_category', [
  ['bleeding', 'Bleeding', '出血'],
  ['arrhythmia', 'Arrhythmia', '心律失常'],
  ['procedural_complication', 'Procedural complication', '操作并发症'],
  ['drug_toxicity', 'Drug toxicity', '药物毒性'],
  ['infection', 'Infection', '感染'],
  ['other', 'Other', '其他'],
] as const);
export type AeCategory = CodeOf<typeof AeCategory>;
