import type { TreatmentType } from '../vocab/care.js';
import type { MassType } from '../vocab/diagnosis.js';
import type { DecisionInput, FindingKey } from './input.js';
import {
  NOT_IN_FORMS,
  anyOf,
  atLeast,
  embolic,
  largeEffusion,
  largerThan,
  leftSided,
  lvefBelow,
  mobile,
  multipleLesions,
  symptomatic,
  type Fact,
} from './management-facts.js';
import type { Label } from './reason.js';
import type { Evidence, SourceId } from './sources.js';

/** A condition that changes the default suggestion, and whether it applies to this patient. */
export interface ManagementModifier {
  readonly code: string;
  readonly when: Label;
  readonly then: Label;
  /** True or false from the findings; null when they are missing or the forms do not record it. */
  readonly applies: boolean | null;
  /** The input fields that decide it (empty when the study's forms do not record it). */
  readonly fields: readonly FindingKey[];
}

/** LVEF below which a thrombus's LV is "very low" for continuing anticoagulation: engineering choice [U]. */
export const VERY_LOW_LVEF_PERCENT = 30;

/**
 * A pathway of clinical.md §7 applied to one input: the treatments, whether they are decided, the
 * summary, the modifiers and the facts that decide an open choice.
 */
export interface Pathway {
  readonly treatment: readonly TreatmentType[];
  readonly determined: boolean;
  /** False when clinical.md §7 has no pathway for the type (default true). */
  readonly hasPathway?: boolean;
  readonly summary: Label;
  readonly modifiers: readonly ManagementModifier[];
  /** Facts whose missing fields decide the treatment (besides the modifiers'). */
  readonly decidedBy?: readonly Fact[];
  readonly source: SourceId;
  readonly evidence: Evidence;
}

const L = (en: string, zh: string): Label => ({ en, zh });

function mod(code: string, when: Label, then: Label, f: Fact): ManagementModifier {
  return { code, when, then, applies: f.value, fields: f.fields };
}

/** Picks `ifYes` or `ifNo` by a fact; both options (undetermined) when it is unknown. */
function choose(
  f: Fact,
  ifYes: readonly TreatmentType[],
  ifNo: readonly TreatmentType[]
): { treatment: readonly TreatmentType[]; determined: boolean } {
  if (f.value === true) return { treatment: ifYes, determined: true };
  if (f.value === false) return { treatment: ifNo, determined: true };
  return { treatment: [...new Set([...ifYes, ...ifNo])], determined: false };
}

const SYMPTOMATIC = L('symptoms (obstruction, arrhythmia, embolism...)', '有症状（梗阻、心律失常、栓塞等）');

function resectIfSymptomatic(
  input: DecisionInput,
  summary: Label,
  source: SourceId,
  evidence: Evidence
): Pathway {
  const s = symptomatic(input);
  return {
    ...choose(s, ['surgical_resection'], ['conservative']),
    summary,
    modifiers: [mod('symptomatic', SYMPTOMATIC, L('resection', '手术切除'), s)],
    decidedBy: [s],
    source,
    evidence,
  };
}

const NONE_NEEDED: Pathway = {
  treatment: ['conservative'],
  determined: true,
  summary: L('No further testing or treatment for the mass', '无需针对占位进一步检查或治疗'),
  modifiers: [],
  source: 'shenoy2022',
  evidence: 'C',
};

const PRIMARY_MALIGNANT = (evidence: Evidence): Pathway => ({
  treatment: ['surgical_resection', 'chemotherapy', 'radiotherapy'],
  determined: true,
  summary: L(
    'Multidisciplinary care: resection when feasible, with chemotherapy and/or radiotherapy (multimodal therapy outlives surgery alone)',
    '多学科诊疗：可行时手术切除，联合化疗和/或放疗（多模式治疗生存优于单纯手术）'
  ),
  modifiers: [
    mod(
      'metastatic',
      L('metastatic at presentation', '就诊时已有远处转移'),
      L('palliative chemotherapy/radiotherapy', '姑息性化疗/放疗'),
      NOT_IN_FORMS
    ),
  ],
  source: 'sarcomaTreatment',
  evidence,
});

/**
 * The pathway of clinical.md §7 for a mass type, applied to one input (see `suggestManagement`).
 *
 * @param type - the diagnosis
 * @param input - the decision input
 */
export function pathwayOf(type: MassType, input: DecisionInput): Pathway {
  switch (type) {
    case 'no_mass':
    case 'crista_terminalis':
    case 'lipomatous_septal_hypertrophy':
    case 'eustachian_valve':
    case 'coumadin_ridge':
    case 'pseudomass_other':
      return NONE_NEEDED;
    case 'thrombus':
      return {
        treatment: ['anticoagulation'],
        determined: true,
        summary: L(
          'Oral anticoagulation (VKA or DOAC) for at least 3 months, then repeat imaging (echo; CMR if non-diagnostic) to decide whether to stop',
          '口服抗凝（维生素K拮抗剂或直接口服抗凝药）至少3个月，之后复查影像（超声；不能明确时行CMR）决定是否停药'
        ),
        modifiers: [
          mod(
            'lvef_very_low',
            L(`LVEF < ${VERY_LOW_LVEF_PERCENT} %`, `LVEF < ${VERY_LOW_LVEF_PERCENT}%`),
            L('consider continuing anticoagulation', '考虑延长抗凝'),
            lvefBelow(input, VERY_LOW_LVEF_PERCENT)
          ),
          mod(
            'prior_embolism',
            L('prior embolism', '既往栓塞'),
            L('consider continuing anticoagulation', '考虑延长抗凝'),
            embolic(input)
          ),
          mod(
            'persists',
            L(
              'thrombus persists on repeat imaging, or apical akinesis/dyskinesis',
              '复查血栓仍在，或心尖运动消失/矛盾运动'
            ),
            L('continue anticoagulation', '继续抗凝'),
            NOT_IN_FORMS
          ),
        ],
        source: 'levine2022',
        evidence: 'P',
      };
    case 'myxoma':
      return {
        treatment: ['surgical_resection'],
        determined: true,
        summary: L(
          'Prompt surgical resection (embolic risk), then echo follow-up (annual after resection)',
          '尽早手术切除（栓塞风险），术后超声随访（每年一次）'
        ),
        modifiers: [
          mod(
            'multicentric',
            L('multiple lesions or Carney complex', '多发病灶或Carney综合征'),
            L('closer, lifelong surveillance (recurrence up to 44 %)', '更密切的终身随访（复发率可达44%）'),
            multipleLesions(input)
          ),
        ],
        source: 'myxomaOutcomes',
        evidence: 'C',
      };
    case 'papillary_fibroelastoma': {
      const f = [embolic(input), leftSided(input), mobile(input), largerThan(input, 10)];
      const any = anyOf(f);
      return {
        ...choose(any, ['surgical_resection'], ['conservative']),
        summary: L(
          'Excision if embolic/symptomatic, left-sided, mobile or > 1 cm; otherwise surveillance (± antithrombotic therapy)',
          '有栓塞/症状、位于左心、可活动或 > 1 cm 时切除；否则随访观察（± 抗栓治疗）'
        ),
        modifiers: [
          mod('embolic', L('embolic event', '栓塞事件'), L('excision', '切除'), f[0]!),
          mod('left_sided', L('left-sided', '位于左心'), L('excision', '切除'), f[1]!),
          mod('mobile', L('mobile', '可活动'), L('excision', '切除'), f[2]!),
          mod('over_1cm', L('larger than 1 cm', '大于1 cm'), L('excision', '切除'), f[3]!),
          mod(
            'high_surgical_risk',
            L('high surgical risk', '手术风险高'),
            L('surveillance ± antithrombotic therapy', '随访观察 ± 抗栓治疗'),
            NOT_IN_FORMS
          ),
        ],
        decidedBy: f,
        source: 'gowda2003',
        evidence: 'C',
      };
    }
    case 'lipoma':
      return resectIfSymptomatic(
        input,
        L(
          'Asymptomatic: conservative follow-up; resection for obstruction, arrhythmia or symptoms',
          '无症状：保守随访；梗阻、心律失常或有症状时切除'
        ),
        'background',
        'U'
      );
    case 'rhabdomyoma':
      return {
        treatment: ['conservative'],
        determined: true,
        summary: L(
          'Conservative follow-up (regresses spontaneously); screen for tuberous sclerosis',
          '保守随访（可自行消退）；筛查结节性硬化症'
        ),
        modifiers: [
          mod(
            'compromise',
            L(
              'severe haemodynamic compromise or refractory arrhythmia',
              '严重血流动力学障碍或难治性心律失常'
            ),
            L('surgery', '手术'),
            NOT_IN_FORMS
          ),
          mod(
            'unresectable',
            L('unresectable or obstructive', '无法切除或有梗阻'),
            L('everolimus (mTOR inhibitor)', '依维莫司（mTOR抑制剂）'),
            NOT_IN_FORMS
          ),
        ],
        source: 'rhabdomyomaCourse',
        evidence: 'C',
      };
    case 'fibroma':
      return resectIfSymptomatic(
        input,
        L(
          'Resection if symptomatic, arrhythmic or obstructive; otherwise follow-up',
          '有症状、心律失常或梗阻时切除；否则随访'
        ),
        'background',
        'U'
      );
    case 'hemangioma':
      return resectIfSymptomatic(
        input,
        L('Resection if symptomatic; otherwise surveillance', '有症状时切除；否则随访观察'),
        'background',
        'U'
      );
    case 'pericardial_cyst': {
      const s = symptomatic(input);
      const big = atLeast(input, 50);
      return {
        ...choose(s, ['interventional', 'surgical_resection'], ['conservative']),
        summary: L(
          'Asymptomatic, typical and < 5 cm: conservative, no routine imaging; symptoms, compression, growth or an uncertain diagnosis: percutaneous aspiration or (VATS) resection',
          '无症状、典型且 < 5 cm：保守观察，无需常规影像随访；有症状、压迫、增大或诊断不明确：经皮抽吸或（胸腔镜）切除'
        ),
        modifiers: [
          mod(
            'symptomatic',
            L('symptoms or compression', '有症状或压迫'),
            L('aspiration or resection', '抽吸或切除'),
            s
          ),
          mod(
            'five_cm',
            L('5 cm or larger', '≥ 5 cm'),
            L(
              'not in the no-imaging group: consider imaging follow-up [U]',
              '不属于无需影像随访组：考虑影像随访 [U]'
            ),
            big
          ),
          mod(
            'growth',
            L('growth or uncertain diagnosis', '增大或诊断不明确'),
            L('aspiration or resection', '抽吸或切除'),
            NOT_IN_FORMS
          ),
        ],
        decidedBy: [s],
        source: 'pericardialCyst',
        evidence: 'C',
      };
    }
    case 'inflammatory_pseudotumour':
      return {
        treatment: ['surgical_resection'],
        determined: true,
        summary: L('Surgical resection', '手术切除'),
        modifiers: [
          mod(
            'not_operable',
            L('surgery not possible', '无法手术'),
            L('steroids or chemotherapy; anti-inflammatory therapy', '激素或化疗；抗炎治疗'),
            NOT_IN_FORMS
          ),
        ],
        source: 'imtTreatment',
        evidence: 'C',
      };
    case 'angiosarcoma':
    case 'sarcoma_other':
      return PRIMARY_MALIGNANT('C');
    case 'malignant_primary_other':
      return PRIMARY_MALIGNANT('U');
    case 'lymphoma_primary':
      return {
        treatment: ['chemotherapy'],
        determined: true,
        summary: L(
          'Chemo-immunotherapy (R-CHOP); surgery is not first-line',
          '化学免疫治疗（R-CHOP）；手术非一线'
        ),
        modifiers: [],
        source: 'lymphomaTreatment',
        evidence: 'C',
      };
    case 'metastasis_lung':
    case 'metastasis_breast':
    case 'metastasis_lymphoma':
    case 'metastasis_melanoma':
    case 'metastasis_renal':
    case 'metastasis_other':
      return {
        treatment: ['chemotherapy', 'radiotherapy'],
        determined: true,
        summary: L(
          'Treat the primary cancer (systemic therapy, radiotherapy); surgery only in highly selected cases',
          '治疗原发肿瘤（系统治疗、放疗）；仅极少数病例考虑手术'
        ),
        modifiers: [
          mod(
            'large_effusion',
            L('large pericardial effusion', '大量心包积液'),
            L('assess for tamponade; pericardiocentesis if present', '评估心包填塞；如有则心包穿刺'),
            largeEffusion(input)
          ),
        ],
        source: 'yanagawa2018',
        evidence: 'C',
      };
    case 'benign_other':
    case 'abscess':
    case 'haematoma':
    case 'caseous_mac':
    case 'non_neoplastic_other':
      return {
        treatment: [],
        determined: false,
        hasPathway: false,
        summary: L(
          'No pathway in clinical.md §7: an individual decision',
          'clinical.md §7 无相应路径：个体化决策'
        ),
        modifiers: [],
        source: 'background',
        evidence: 'U',
      };
  }
}
