import { defineCodeList, type CodeOf } from './define.js';

export const Sex = defineCodeList('sex', [
  ['female', 'Female', '女'],
  ['male', 'Male', '男'],
] as const);
export type Sex = CodeOf<typeof Sex>;

/** Presenting symptoms (several may apply). */
export const Symptom = defineCodeList('symptom', [
  ['incidental', 'None (incidental finding)', '无（偶然发现）'],
  ['dyspnoea', 'Dyspnoea', '呼吸困难'],
  ['chest_pain', 'Chest pain', '胸痛'],
  ['palpitations', 'Palpitations / arrhythmia', '心悸/心律失常'],
  ['syncope', 'Syncope or presyncope', '晕厥或先兆晕厥'],
  ['embolic_event', 'Embolic event', '栓塞事件'],
  ['heart_failure', 'Heart failure', '心力衰竭'],
  ['constitutional', 'Fever, weight loss or fatigue', '发热、体重下降或乏力'],
  ['other', 'Other', '其他'],
] as const);
export type Symptom = CodeOf<typeof Symptom>;

export const Smoking = defineCodeList('smoking', [
  ['never', 'Never', '从不吸烟'],
  ['former', 'Former', '既往吸烟'],
  ['current', 'Current', '目前吸烟'],
] as const);
export type Smoking = CodeOf<typeof Smoking>;

/**
 * A participant's status in the study. Derived from eligibility, withdrawal, loss to follow-up and the
 * 36-month visit (see `deriveParticipantStatus`), and stored for filtering.
 */
export const ParticipantStatus = defineCodeList('participant_status', [
  ['screening', 'Screening', '筛选中'],
  ['enrolled', 'Enrolled', '已入组'],
  ['excluded', 'Excluded', '已排除'],
  ['withdrawn', 'Withdrawn', '已退出'],
  ['lost_to_follow_up', 'Lost to follow-up', '失访'],
  ['completed', 'Completed', '已完成'],
] as const);
export type ParticipantStatus = CodeOf<typeof ParticipantStatus>;

/** How consent was obtained (retrospective participants may have a waiver from the ethics committee). */
export const Consent = defineCodeList('consent', [
  ['written', 'Written informed consent', '书面知情同意'],
  ['waived_retrospective', 'Waived by the ethics committee (retrospective)', '伦理委员会豁免（回顾性）'],
  ['declined', 'Declined', '拒绝'],
] as const);
export type Consent = CodeOf<typeof Consent>;

export const WithdrawalReason = defineCodeList('withdrawal_reason', [
  ['participant_request', 'Participant withdrew consent', '受试者撤回同意'],
  ['investigator_decision', 'Investigator decision', '研究者决定'],
  ['enrolled_in_error', 'Enrolled in error', '错误入组'],
  ['other', 'Other', '其他'],
] as const);
export type WithdrawalReason = CodeOf<typeof WithdrawalReason>;

/** The kind of a form's completion, as REDCap's `<form>_complete` (incomplete, complete) plus monitor verification. */
export const FormStatus = defineCodeList('form_status', [
  ['incomplete', 'Incomplete', '未完成'],
  ['complete', 'Complete', '已完成'],
  ['verified', 'Verified by a monitor', '已核查'],
] as const);
export type FormStatus = CodeOf<typeof FormStatus>;
