import { coded, numeric, tally, type Criterion, type Tally } from './criteria.js';
import type { DecisionInput, FindingKey } from './input.js';
import { gapFindings, uniqueGaps, type Gap, type Label, type Reason } from './reason.js';
import { citation, type SourceId } from './sources.js';

/** What a tissue rule concludes: the tissue is `supported`, ruled `against`, or `indeterminate`. */
export type RuleVerdict = 'supported' | 'against' | 'indeterminate';

/** The result of a tissue rule. */
export interface TissueRuleResult {
  /** `fat_content`, `fluid_cyst`, `melanin_signal`. */
  readonly rule: string;
  readonly label: Label;
  readonly verdict: RuleVerdict;
  /** A sentence stating the verdict. */
  readonly summary: Label;
  /** Points for minus points against (see the criteria). */
  readonly points: number;
  readonly for: readonly Reason[];
  readonly against: readonly Reason[];
  /** Findings the rule needed and did not get. */
  readonly missing: readonly FindingKey[];
  readonly gaps: readonly Gap[];
  readonly source: SourceId;
  readonly citation: string;
}

interface TissueRule {
  readonly rule: string;
  readonly label: Label;
  readonly criteria: readonly Criterion[];
  /** The criteria that must all be read and point for the tissue to be `supported`. */
  readonly keys: readonly string[];
  readonly summaries: Readonly<Record<RuleVerdict, Label>>;
  readonly source: SourceId;
}

/**
 * Applies a tissue rule: `against` when a key criterion points against, `supported` when every key
 * criterion was read and points for, otherwise `indeterminate` (a key finding missing or neutral).
 */
function apply(rule: TissueRule, input: DecisionInput): TissueRuleResult {
  const t: Tally = tally(rule.rule, rule.criteria, input);
  const code = (id: string): string => `${rule.rule}.${id}`;
  const keyAgainst = rule.keys.some((k) => t.against.some((r) => r.code === code(k)));
  const keysFor = rule.keys.every((k) => t.for.some((r) => r.code === code(k)));
  const verdict: RuleVerdict = keyAgainst ? 'against' : keysFor ? 'supported' : 'indeterminate';
  const gaps = uniqueGaps(t.gaps);
  return {
    rule: rule.rule,
    label: rule.label,
    verdict,
    summary: rule.summaries[verdict],
    points: t.pointsFor - t.pointsAgainst,
    for: t.for,
    against: t.against,
    missing: gapFindings(gaps),
    gaps,
    source: rule.source,
    citation: citation(rule.source),
  };
}

const FAT: TissueRule = {
  rule: 'fat_content',
  label: { en: 'Fat content', zh: '脂肪成分' },
  criteria: [
    coded(
      'fat_signal_loss',
      'fatSuppressionSignalLoss',
      { yes: 4, no: -4 },
      { source: 'gatti2021', evidence: 'C' }
    ),
    coded('t1', 't1wSignal', { hyper: 1, iso: -1, hypo: -1 }, { source: 'gatti2021', evidence: 'C' }),
    numeric(
      't1_map',
      't1NativeMs',
      [{ below: 450, points: 1, note: { en: 'short T1 of fat', zh: '脂肪的短T1' } }],
      { source: 'background', evidence: 'U', optional: true }
    ),
  ],
  keys: ['fat_signal_loss'],
  summaries: {
    supported: {
      en: 'Fat: signal loss on fat suppression (lipoma, lipomatous septal hypertrophy)',
      zh: '脂肪：脂肪抑制后信号减低（脂肪瘤、房间隔脂肪瘤样肥厚）',
    },
    against: { en: 'No fat: no signal loss on fat suppression', zh: '无脂肪：脂肪抑制后无信号减低' },
    indeterminate: { en: 'Fat content undetermined', zh: '脂肪成分无法判断' },
  },
  source: 'gatti2021',
};

const FLUID: TissueRule = {
  rule: 'fluid_cyst',
  label: { en: 'Fluid without enhancement (cyst)', zh: '无强化的液体（囊肿）' },
  criteria: [
    coded('t2', 't2wSignal', { hyper: 2, iso: -2, hypo: -2 }, { source: 'gatti2021', evidence: 'C' }),
    coded('no_enhancement', 'enhancement', { none: 2, present: -3 }, { source: 'gatti2021', evidence: 'C' }),
    coded('t1', 't1wSignal', { hypo: 1, hyper: -1 }, { source: 'gatti2021', evidence: 'C' }),
    numeric(
      't1_map',
      't1NativeMs',
      [{ min: 2500, points: 1, note: { en: 'long T1 of fluid', zh: '液体的长T1' } }],
      { source: 'background', evidence: 'U', optional: true }
    ),
  ],
  keys: ['t2', 'no_enhancement'],
  summaries: {
    supported: {
      en: 'Fluid without enhancement: T2 hyperintense, no perfusion or LGE (cyst)',
      zh: '无强化的液体：T2高信号，无灌注及延迟强化（囊肿）',
    },
    against: { en: 'Not a simple fluid collection', zh: '非单纯液体' },
    indeterminate: { en: 'Fluid content undetermined', zh: '液体成分无法判断' },
  },
  source: 'gatti2021',
};

const MELANIN: TissueRule = {
  rule: 'melanin_signal',
  label: { en: 'Melanin signal (melanoma metastasis)', zh: '黑色素信号（黑色素瘤转移）' },
  criteria: [
    coded(
      't1_hyper',
      't1wSignal',
      { hyper: 2, iso: -2, hypo: -2 },
      { source: 'cmrPocketGuide', evidence: 'C' }
    ),
    coded(
      't2_hypo',
      't2wSignal',
      { hypo: 2, iso: -2, hyper: -2 },
      { source: 'cmrPocketGuide', evidence: 'C' }
    ),
    coded(
      'melanoma',
      'cancerSite',
      { melanoma: 1 },
      { source: 'cmrPocketGuide', evidence: 'C', optional: true }
    ),
  ],
  keys: ['t1_hyper', 't2_hypo'],
  summaries: {
    supported: {
      en: 'T1 hyperintense and T2 hypointense: melanin (melanoma metastasis)',
      zh: 'T1高信号、T2低信号：黑色素（黑色素瘤转移）',
    },
    against: { en: 'No melanin signal pattern', zh: '无黑色素信号特征' },
    indeterminate: { en: 'Melanin signal undetermined', zh: '黑色素信号无法判断' },
  },
  source: 'cmrPocketGuide',
};

/** The tissue rules' criteria, for the rules table (`decisionRulesTable`). */
export const TISSUE_RULES: readonly {
  readonly rule: string;
  readonly criteria: readonly Criterion[];
  readonly keys: readonly string[];
}[] = [FAT, FLUID, MELANIN];

/**
 * Fat: signal loss on fat-suppressed images means fat (lipoma; lipomatous septal hypertrophy), with
 * T1 hyperintensity in support (Gatti et al., World J Cardiol 2021;13:628-649, Table 1; clinical.md
 * §3 [C]). Decided by the fat-suppression finding alone; T1 and a short native T1 (< 450 ms, [U]) only
 * add reasons.
 *
 * @param input - the decision input
 */
export function fatContent(input: DecisionInput): TissueRuleResult {
  return apply(FAT, input);
}

/**
 * Fluid without enhancement (pericardial cyst): T2 hyperintense and no contrast uptake on first-pass
 * perfusion or LGE (Gatti et al., World J Cardiol 2021, Table 1; clinical.md §3 [C]); T1 hypointensity
 * and a long native T1 (≥ 2500 ms, [U]) support it. Supported only when T2 and enhancement were both
 * read.
 *
 * @param input - the decision input
 */
export function fluidCyst(input: DecisionInput): TissueRuleResult {
  return apply(FLUID, input);
}

/**
 * Melanin: T1 hyperintense and T2 hypointense, the pattern of melanoma metastases (clinical.md §3
 * metastasis row, CMR pocket guide [C]); a known melanoma adds a reason.
 *
 * @param input - the decision input
 */
export function melaninSignal(input: DecisionInput): TissueRuleResult {
  return apply(MELANIN, input);
}
