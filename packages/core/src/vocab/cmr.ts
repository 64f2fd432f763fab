import { defineCodeList, type CodeOf } from './define.js';

/** Why a CMR exam was done: the baseline exam, or a re-evaluation at a follow-up visit. */
export const ExamKind = defineCodeList('exam_kind', [
  ['baseline', 'Baseline', '基线'],
  ['follow_up', 'Follow-up re-evaluation', '随访复查'],
] as const);
export type ExamKind = CodeOf<typeof ExamKind>;

/** Magnetic field strength in tesla. The study's index test is 3.0 T; 1.5 T exams are kept. */
export const FIELD_STRENGTHS = [1.5, 3] as const;
export type FieldStrength = (typeof FIELD_STRENGTHS)[number];

export const Vendor = defineCodeList('vendor', [
  ['siemens', 'Siemens', '西门子'],
  ['philips', 'Philips', '飞利浦'],
  ['ge', 'GE', '通用电气'],
  ['canon', 'Canon', '佳能'],
  ['united_imaging', 'United Imaging', '联影'],
  ['other', 'Other', '其他'],
] as const);
export type Vendor = CodeOf<typeof Vendor>;

/** CMR sequences of the study protocol (SCMR protocols, Kramer et al. JCMR 2020;22:17). */
export const Sequence = defineCodeList('sequence', [
  ['cine', 'Cine SSFP', '电影序列'],
  ['t1w', 'T1-weighted', 'T1加权'],
  ['t2w', 'T2-weighted', 'T2加权'],
  ['fat_suppression', 'Fat suppression', '脂肪抑制'],
  ['fpp', 'First-pass perfusion', '首过灌注'],
  ['lge', 'Late gadolinium enhancement', '延迟钆增强'],
  ['native_t1_map', 'Native T1 map', '平扫T1 mapping'],
  ['t2_map', 'T2 map', 'T2 mapping'],
  ['post_contrast_t1_map', 'Post-contrast T1 map', '增强后T1 mapping'],
  ['ecv', 'ECV map', 'ECV图'],
  ['ti_scout', 'TI scout (inversion-time scout)', 'TI扫描'],
] as const);
export type Sequence = CodeOf<typeof Sequence>;

export const ContrastAgent = defineCodeList('contrast_agent', [
  ['none', 'None', '未使用'],
  ['gadobutrol', 'Gadobutrol', '钆布醇'],
  ['gadoterate', 'Gadoterate meglumine', '钆特酸葡胺'],
  ['gadobenate', 'Gadobenate dimeglumine', '钆贝葡胺'],
  ['gadoteridol', 'Gadoteridol', '钆特醇'],
  ['gadopentetate', 'Gadopentetate dimeglumine', '钆喷酸葡胺'],
  ['gadopiclenol', 'Gadopiclenol', '钆哌醇'],
  ['other', 'Other', '其他'],
] as const);
export type ContrastAgent = CodeOf<typeof ContrastAgent>;

export const ImageQuality = defineCodeList('image_quality', [
  ['good', 'Good', '良好'],
  ['adequate', 'Adequate', '尚可'],
  ['poor', 'Poor', '较差'],
  ['non_diagnostic', 'Non-diagnostic', '无法诊断'],
] as const);
export type ImageQuality = CodeOf<typeof ImageQuality>;

/** Where a lesion sits. `side` of each is given by {@link sideOfLocation}. */
export const LesionLocation = defineCodeList('lesion_location', [
  ['left_atrium', 'Left atrium', '左心房'],
  ['left_atrial_appendage', 'Left atrial appendage', '左心耳'],
  ['right_atrium', 'Right atrium', '右心房'],
  ['left_ventricle', 'Left ventricle', '左心室'],
  ['right_ventricle', 'Right ventricle', '右心室'],
  ['interatrial_septum', 'Interatrial septum', '房间隔'],
  ['interventricular_septum', 'Interventricular septum', '室间隔'],
  ['mitral_valve', 'Mitral valve', '二尖瓣'],
  ['aortic_valve', 'Aortic valve', '主动脉瓣'],
  ['tricuspid_valve', 'Tricuspid valve', '三尖瓣'],
  ['pulmonary_valve', 'Pulmonary valve', '肺动脉瓣'],
  ['pericardium', 'Pericardium', '心包'],
  ['aorta', 'Aorta', '主动脉'],
  ['pulmonary_artery', 'Pulmonary artery', '肺动脉'],
  ['vena_cava', 'Superior or inferior vena cava', '上/下腔静脉'],
  ['pulmonary_vein', 'Pulmonary vein', '肺静脉'],
  ['av_groove', 'Atrioventricular groove', '房室沟'],
] as const);
export type LesionLocation = CodeOf<typeof LesionLocation>;

/** The side of the heart of a location, for rules such as "non-left localization" (Paolisso 2024). */
export type HeartSide = 'left' | 'right' | 'septal' | 'pericardial';
const locationSide: Readonly<Record<LesionLocation, HeartSide>> = {
  left_atrium: 'left',
  left_atrial_appendage: 'left',
  right_atrium: 'right',
  left_ventricle: 'left',
  right_ventricle: 'right',
  interatrial_septum: 'septal',
  interventricular_septum: 'septal',
  mitral_valve: 'left',
  aortic_valve: 'left',
  tricuspid_valve: 'right',
  pulmonary_valve: 'right',
  pericardium: 'pericardial',
  aorta: 'left',
  pulmonary_artery: 'right',
  vena_cava: 'right',
  pulmonary_vein: 'left',
  av_groove: 'right',
};
/** The side of the heart a location belongs to. */
export function sideOfLocation(location: LesionLocation): HeartSide {
  return locationSide[location];
}

/** The layer of the heart a lesion arises in or occupies. */
export const TissueLayer = defineCodeList('tissue_layer', [
  ['intracavitary', 'Intracavitary (endocardial attachment)', '腔内（心内膜附着）'],
  ['intramural', 'Intramural (within the myocardium)', '壁内（心肌内）'],
  ['epicardial', 'Epicardial', '心外膜'],
  ['pericardial', 'Pericardial', '心包'],
  ['valvular', 'Valvular', '瓣膜'],
  ['intravascular', 'Within a great vessel', '大血管腔内'],
] as const);
export type TissueLayer = CodeOf<typeof TissueLayer>;

export const Attachment = defineCodeList('attachment', [
  ['sessile', 'Sessile (broad-based)', '宽基底'],
  ['pedunculated', 'Pedunculated (on a stalk)', '带蒂'],
  ['not_applicable', 'Not applicable (intramural)', '不适用（壁内）'],
] as const);
export type Attachment = CodeOf<typeof Attachment>;

export const Shape = defineCodeList('shape', [
  ['round', 'Round', '圆形'],
  ['oval', 'Oval', '椭圆形'],
  ['polylobate', 'Polylobate', '分叶状'],
  ['irregular', 'Irregular', '不规则'],
] as const);
export type Shape = CodeOf<typeof Shape>;

export const Margins = defineCodeList('margins', [
  ['well_defined', 'Well defined, smooth', '边界清晰光整'],
  ['lobulated', 'Lobulated', '分叶'],
  ['ill_defined', 'Ill defined', '边界不清'],
  ['infiltrative', 'Infiltrative', '浸润性'],
] as const);
export type Margins = CodeOf<typeof Margins>;

export const Mobility = defineCodeList('mobility', [
  ['immobile', 'Immobile', '无活动'],
  ['mobile', 'Mobile', '可活动'],
  ['prolapsing', 'Mobile, prolapsing through a valve', '活动，经瓣口脱垂'],
] as const);
export type Mobility = CodeOf<typeof Mobility>;

export const EffusionGrade = defineCodeList('effusion_grade', [
  ['none', 'None', '无'],
  ['small', 'Small (< 10 mm)', '少量（<10 mm）'],
  ['moderate', 'Moderate (10-20 mm)', '中量（10-20 mm）'],
  ['large', 'Large (> 20 mm)', '大量（>20 mm）'],
] as const);
export type EffusionGrade = CodeOf<typeof EffusionGrade>;

/** Signal intensity relative to normal myocardium. */
export const RelativeSignal = defineCodeList('relative_signal', [
  ['hypo', 'Hypointense', '低信号'],
  ['iso', 'Isointense', '等信号'],
  ['hyper', 'Hyperintense', '高信号'],
  ['mixed', 'Mixed / heterogeneous', '混杂信号'],
] as const);
export type RelativeSignal = CodeOf<typeof RelativeSignal>;

export const Homogeneity = defineCodeList('homogeneity', [
  ['homogeneous', 'Homogeneous', '均匀'],
  ['heterogeneous', 'Heterogeneous', '不均匀'],
] as const);
export type Homogeneity = CodeOf<typeof Homogeneity>;

/** First-pass perfusion of the lesion. */
export const PerfusionGrade = defineCodeList('fpp_grade', [
  ['none', 'None', '无灌注'],
  ['mild', 'Mild', '轻度灌注'],
  ['marked', 'Marked', '明显灌注'],
  ['not_assessed', 'Not assessed', '未评估'],
] as const);
export type PerfusionGrade = CodeOf<typeof PerfusionGrade>;

/** Late gadolinium enhancement of the lesion. */
export const LgePattern = defineCodeList('lge_pattern', [
  ['none', 'None', '无强化'],
  ['homogeneous', 'Homogeneous', '均匀强化'],
  ['heterogeneous', 'Heterogeneous', '不均匀强化'],
  ['peripheral', 'Peripheral (rim)', '边缘强化'],
  ['surface', 'Surface / border only', '表面强化'],
  ['not_assessed', 'Not assessed', '未评估'],
] as const);
export type LgePattern = CodeOf<typeof LgePattern>;

/** A finding that is present, absent, or was not assessed (sequence not done or not interpretable). */
export const TriState = defineCodeList('tri_state', [
  ['yes', 'Yes', '是'],
  ['no', 'No', '否'],
  ['not_assessed', 'Not assessed', '未评估'],
] as const);
export type TriState = CodeOf<typeof TriState>;

/** The acquisition a T1 or T2 value was measured on (Messroghli et al., JCMR 2017;19:75). */
export const MappingSequence = defineCodeList('mapping_sequence', [
  ['molli', 'MOLLI', 'MOLLI'],
  ['shmolli', 'ShMOLLI', 'ShMOLLI'],
  ['sasha', 'SASHA', 'SASHA'],
  ['t1_other', 'Other T1 mapping', '其他T1 mapping'],
  ['t2prep_bssfp', 'T2-prepared bSSFP', 'T2准备bSSFP'],
  ['gradient_spin_echo', 'Gradient and spin echo (GraSE)', '梯度自旋回波'],
  ['multi_echo_spin_echo', 'Multi-echo spin echo', '多回波自旋回波'],
  ['t2_other', 'Other T2 mapping', '其他T2 mapping'],
] as const);
export type MappingSequence = CodeOf<typeof MappingSequence>;

/** Where a quantitative value came from: typed in from a workstation, or computed here from a map and an ROI. */
export const QuantSource = defineCodeList('quant_source', [
  ['typed', 'Typed in', '手工录入'],
  ['computed', 'Computed from a map and ROI', '由参数图和ROI计算'],
] as const);
export type QuantSource = CodeOf<typeof QuantSource>;
