import {
  Attachment,
  EffusionGrade,
  Homogeneity,
  LesionLocation,
  LgePattern,
  Margins,
  Mobility,
  PerfusionGrade,
  RelativeSignal,
  Shape,
  TissueLayer,
  type HeartSide,
} from '../vocab/cmr.js';
import { CancerSite } from '../vocab/diagnosis.js';
import {
  enhancement,
  inPericardium,
  melanomaSignal,
  side,
  thrombusSetting,
  valvular,
  type Enhancement,
  type MelanomaSignal,
  type ThrombusSetting,
} from './derived-features.js';
import {
  YES_NO_LABELS,
  codedLesionFeature,
  labelsOf,
  numericLesionFeature,
  type CodedFeature,
  type Feature,
  type NumericFeature,
  type YesNo,
} from './feature.js';
import type { DecisionInput } from './input.js';
import type { Label } from './reason.js';

/**
 * The features the decision rules read, with the type of their values. Lesion fields keep their
 * names and codes (booleans become `yes` / `no`; `not_assessed` makes a finding unreadable); context
 * fields come from the exam and the participant; the rest are derived (`derived-features.ts`).
 */
export interface FeatureValues {
  location: LesionLocation;
  tissueLayer: TissueLayer;
  attachment: Attachment;
  shape: Shape;
  margins: Margins;
  mobility: Mobility;
  infiltration: YesNo;
  pericardialEffusion: EffusionGrade;
  t1wSignal: RelativeSignal;
  t2wSignal: RelativeSignal;
  fatSuppressionSignalLoss: YesNo;
  homogeneity: Homogeneity;
  firstPassPerfusion: Exclude<PerfusionGrade, 'not_assessed'>;
  lgePattern: Exclude<LgePattern, 'not_assessed'>;
  nullingLongTi: YesNo;
  calcification: YesNo;
  coronaryEncasement: YesNo;
  sizeLongMm: number;
  t1NativeMs: number;
  ageYears: number;
  lesionsOnExam: number;
  knownExtracardiacCancer: YesNo;
  cancerSite: CancerSite;
  valvular: YesNo;
  inPericardium: YesNo;
  side: HeartSide;
  thrombusSetting: ThrombusSetting;
  melanomaSignal: MelanomaSignal;
  enhancement: Enhancement;
}
export type FeatureKey = keyof FeatureValues;
/** The features with coded values. */
export type CodedFeatureKey = { [K in FeatureKey]: FeatureValues[K] extends string ? K : never }[FeatureKey];
/** The features with numeric values. */
export type NumericFeatureKey = {
  [K in FeatureKey]: FeatureValues[K] extends number ? K : never;
}[FeatureKey];

const L = (en: string, zh: string): Label => ({ en, zh });

function contextNumber(key: 'ageYears' | 'lesionsOnExam', label: Label, unit: string): NumericFeature {
  return {
    kind: 'numeric',
    key,
    label,
    reads: [key],
    unit,
    read: (input: DecisionInput) => {
      const v = input.context[key];
      return v === null
        ? { ok: false, gaps: [{ finding: key, why: 'not_recorded' }] }
        : { ok: true, value: v };
    },
  };
}

const knownExtracardiacCancer: CodedFeature = {
  kind: 'coded',
  key: 'knownExtracardiacCancer',
  label: L('Known extracardiac cancer', '已知心外恶性肿瘤'),
  reads: ['knownExtracardiacCancer'],
  labels: YES_NO_LABELS,
  read: (input) => {
    const v = input.context.knownExtracardiacCancer;
    return v === null
      ? { ok: false, gaps: [{ finding: 'knownExtracardiacCancer', why: 'not_recorded' }] }
      : { ok: true, value: v ? 'yes' : 'no' };
  },
};

const cancerSite: CodedFeature = {
  kind: 'coded',
  key: 'cancerSite',
  label: L('Site of the known cancer', '已知肿瘤原发部位'),
  reads: ['cancerSite'],
  labels: labelsOf(CancerSite),
  read: (input) => {
    const v = input.context.cancerSite;
    return v === null
      ? { ok: false, gaps: [{ finding: 'cancerSite', why: 'not_recorded' }] }
      : { ok: true, value: v };
  },
};

/** Every feature, by key. */
export const FEATURES: Readonly<Record<FeatureKey, Feature>> = {
  location: codedLesionFeature('location', L('Location', '部位'), labelsOf(LesionLocation)),
  tissueLayer: codedLesionFeature('tissueLayer', L('Tissue layer', '所在层次'), labelsOf(TissueLayer)),
  attachment: codedLesionFeature('attachment', L('Attachment', '附着方式'), labelsOf(Attachment)),
  shape: codedLesionFeature('shape', L('Shape', '形态'), labelsOf(Shape)),
  margins: codedLesionFeature('margins', L('Margins', '边缘'), labelsOf(Margins)),
  mobility: codedLesionFeature('mobility', L('Mobility', '活动度'), labelsOf(Mobility)),
  infiltration: codedLesionFeature('infiltration', L('Infiltration', '浸润'), YES_NO_LABELS),
  pericardialEffusion: codedLesionFeature(
    'pericardialEffusion',
    L('Pericardial effusion', '心包积液'),
    labelsOf(EffusionGrade)
  ),
  t1wSignal: codedLesionFeature('t1wSignal', L('T1-weighted signal', 'T1加权信号'), labelsOf(RelativeSignal)),
  t2wSignal: codedLesionFeature('t2wSignal', L('T2-weighted signal', 'T2加权信号'), labelsOf(RelativeSignal)),
  fatSuppressionSignalLoss: codedLesionFeature(
    'fatSuppressionSignalLoss',
    L('Signal loss on fat suppression', '脂肪抑制后信号减低'),
    YES_NO_LABELS
  ),
  homogeneity: codedLesionFeature(
    'homogeneity',
    L('Signal homogeneity', '信号均匀性'),
    labelsOf(Homogeneity)
  ),
  firstPassPerfusion: codedLesionFeature(
    'firstPassPerfusion',
    L('First-pass perfusion', '首过灌注'),
    labelsOf(PerfusionGrade)
  ),
  lgePattern: codedLesionFeature(
    'lgePattern',
    L('Late gadolinium enhancement', '延迟钆增强'),
    labelsOf(LgePattern)
  ),
  nullingLongTi: codedLesionFeature(
    'nullingLongTi',
    L('Nulled (dark) at long inversion time', '长TI图像上信号被抑制（呈黑色）'),
    YES_NO_LABELS
  ),
  calcification: codedLesionFeature('calcification', L('Calcification', '钙化'), YES_NO_LABELS),
  coronaryEncasement: codedLesionFeature(
    'coronaryEncasement',
    L('Encases a coronary artery without occluding it', '包绕冠状动脉但未闭塞'),
    YES_NO_LABELS
  ),
  sizeLongMm: numericLesionFeature('sizeLongMm', L('Largest diameter', '最大径'), 'mm'),
  t1NativeMs: numericLesionFeature('t1NativeMs', L('Native T1 of the lesion', '病灶平扫T1值'), 'ms'),
  ageYears: contextNumber('ageYears', L('Age', '年龄'), 'y'),
  lesionsOnExam: contextNumber('lesionsOnExam', L('Lesions on this exam', '本次检查病灶数'), ''),
  knownExtracardiacCancer,
  cancerSite,
  valvular,
  inPericardium,
  side,
  thrombusSetting,
  melanomaSignal,
  enhancement,
};
