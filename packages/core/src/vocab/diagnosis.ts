import { defineCodeList, type CodeOf } from './define.js';

/**
 * The diagnostic categories of a cardiac mass on CMR and in the reference standard: Shenoy et al.,
 * Eur Heart J 2022;43:71-80 (no mass, pseudomass, thrombus, benign tumour, malignant tumour), plus the
 * other non-neoplastic masses (cysts, inflammatory pseudotumour) of clinical.md §3-5.
 */
export const MassCategory = defineCodeList('mass_category', [
  ['no_mass', 'No mass', '无占位'],
  ['pseudomass', 'Pseudomass (normal variant)', '假性占位（正常变异）'],
  ['thrombus', 'Thrombus', '血栓'],
  ['benign_tumour', 'Benign tumour', '良性肿瘤'],
  ['malignant_tumour', 'Malignant tumour', '恶性肿瘤'],
  ['other_non_neoplastic', 'Other non-neoplastic mass', '其他非肿瘤性占位'],
] as const);
export type MassCategory = CodeOf<typeof MassCategory>;

/** The specific type of a mass. Each belongs to exactly one {@link MassCategory} (see {@link categoryOfType}). */
export const MassType = defineCodeList('mass_type', [
  ['no_mass', 'No mass', '无占位'],
  ['crista_terminalis', 'Prominent crista terminalis', '突出的界嵴'],
  ['lipomatous_septal_hypertrophy', 'Lipomatous hypertrophy of the interatrial septum', '房间隔脂肪瘤样肥厚'],
  ['eustachian_valve', 'Eustachian valve / Chiari network', '欧氏瓣/希阿里网'],
  ['coumadin_ridge', 'Coumadin ridge (left atrial appendage ridge)', '左心耳嵴'],
  ['pseudomass_other', 'Other pseudomass', '其他假性占位'],
  ['thrombus', 'Thrombus', '血栓'],
  ['myxoma', 'Myxoma', '黏液瘤'],
  ['papillary_fibroelastoma', 'Papillary fibroelastoma', '乳头状弹力纤维瘤'],
  ['lipoma', 'Lipoma', '脂肪瘤'],
  ['fibroma', 'Fibroma', '纤维瘤'],
  ['rhabdomyoma', 'Rhabdomyoma', '横纹肌瘤'],
  ['hemangioma', 'Hemangioma', '血管瘤'],
  ['benign_other', 'Other benign tumour', '其他良性肿瘤'],
  ['angiosarcoma', 'Angiosarcoma', '血管肉瘤'],
  ['sarcoma_other', 'Other sarcoma', '其他肉瘤'],
  ['lymphoma_primary', 'Primary cardiac lymphoma', '原发性心脏淋巴瘤'],
  ['malignant_primary_other', 'Other primary malignant tumour', '其他原发性恶性肿瘤'],
  ['metastasis_lung', 'Metastasis from lung cancer', '肺癌转移'],
  ['metastasis_breast', 'Metastasis from breast cancer', '乳腺癌转移'],
  ['metastasis_lymphoma', 'Secondary lymphoma / haematological', '继发性淋巴瘤/血液系统肿瘤'],
  ['metastasis_melanoma', 'Metastasis from melanoma', '黑色素瘤转移'],
  ['metastasis_renal', 'Metastasis from renal cancer', '肾癌转移'],
  ['metastasis_other', 'Metastasis, other primary', '其他来源转移瘤'],
  ['pericardial_cyst', 'Pericardial cyst', '心包囊肿'],
  ['inflammatory_pseudotumour', 'Inflammatory pseudotumour (myofibroblastic)', '炎性假瘤（肌纤维母细胞性）'],
  ['abscess', 'Abscess', '脓肿'],
  ['haematoma', 'Haematoma', '血肿'],
  ['caseous_mac', 'Caseous calcification of the mitral annulus', '二尖瓣环干酪样钙化'],
  ['non_neoplastic_other', 'Other non-neoplastic mass', '其他非肿瘤性占位'],
] as const);
export type MassType = CodeOf<typeof MassType>;

const typeCategory: Readonly<Record<MassType, MassCategory>> = {
  no_mass: 'no_mass',
  crista_terminalis: 'pseudomass',
  lipomatous_septal_hypertrophy: 'pseudomass',
  eustachian_valve: 'pseudomass',
  coumadin_ridge: 'pseudomass',
  pseudomass_other: 'pseudomass',
  thrombus: 'thrombus',
  myxoma: 'benign_tumour',
  papillary_fibroelastoma: 'benign_tumour',
  lipoma: 'benign_tumour',
  fibroma: 'benign_tumour',
  rhabdomyoma: 'benign_tumour',
  hemangioma: 'benign_tumour',
  benign_other: 'benign_tumour',
  angiosarcoma: 'malignant_tumour',
  sarcoma_other: 'malignant_tumour',
  lymphoma_primary: 'malignant_tumour',
  malignant_primary_other: 'malignant_tumour',
  metastasis_lung: 'malignant_tumour',
  metastasis_breast: 'malignant_tumour',
  metastasis_lymphoma: 'malignant_tumour',
  metastasis_melanoma: 'malignant_tumour',
  metastasis_renal: 'malignant_tumour',
  metastasis_other: 'malignant_tumour',
  pericardial_cyst: 'other_non_neoplastic',
  inflammatory_pseudotumour: 'other_non_neoplastic',
  abscess: 'other_non_neoplastic',
  haematoma: 'other_non_neoplastic',
  caseous_mac: 'other_non_neoplastic',
  non_neoplastic_other: 'other_non_neoplastic',
};

/** The category a specific type belongs to. */
export function categoryOfType(type: MassType): MassCategory {
  return typeCategory[type];
}

/** The specific types of one category, in code-list order (for dependent drop-downs). */
export function typesOfCategory(category: MassCategory): MassType[] {
  return MassType.codes.filter((t) => typeCategory[t] === category);
}

/** True for a metastasis (a secondary malignant tumour). */
export function isSecondaryType(type: MassType): boolean {
  return type.startsWith('metastasis_');
}

/** Primary cancer sites of a known extracardiac malignancy. */
export const CancerSite = defineCodeList('cancer_site', [
  ['lung', 'Lung', '肺'],
  ['breast', 'Breast', '乳腺'],
  ['lymphoma_haem', 'Lymphoma / haematological', '淋巴瘤/血液系统'],
  ['melanoma', 'Melanoma', '黑色素瘤'],
  ['renal', 'Kidney', '肾'],
  ['gastrointestinal', 'Gastrointestinal', '消化道'],
  ['other', 'Other', '其他'],
] as const);
export type CancerSite = CodeOf<typeof CancerSite>;

/** How the reference diagnosis was established (the study's reference standard). */
export const ReferenceMethod = defineCodeList('ref_method', [
  ['histopathology', 'Histopathology', '组织病理学'],
  ['follow_up', 'Clinical and imaging follow-up', '临床及影像随访'],
  ['anticoagulation_resolution', 'Resolution under anticoagulation', '抗凝治疗后消退'],
] as const);
export type ReferenceMethod = CodeOf<typeof ReferenceMethod>;

/** The specimen a histopathological diagnosis was made on. */
export const Specimen = defineCodeList('specimen', [
  ['resection', 'Surgical resection', '手术切除标本'],
  ['biopsy', 'Biopsy (endomyocardial, percutaneous or surgical)', '活检'],
  ['cytology', 'Cytology (pericardial fluid)', '细胞学（心包积液）'],
  ['autopsy', 'Autopsy', '尸检'],
] as const);
export type Specimen = CodeOf<typeof Specimen>;
