import { PAZOS_CRITERIA } from './candidates/index.js';
import { tally } from './criteria.js';
import { FEATURES } from './features.js';
import type { DecisionInput, FindingKey } from './input.js';
import { gapFindings, uniqueGaps, type Gap, type Label, type Reason } from './reason.js';
import { citation } from './sources.js';

/** The conclusion of the thrombus-versus-tumour rule. */
export type ThrombusVerdict = 'thrombus' | 'tumour' | 'indeterminate';

/** The result of {@link thrombusVersusTumour}. */
export interface ThrombusVersusTumourResult {
  readonly verdict: ThrombusVerdict;
  /** Which way the points lean (null at 0), shown when the verdict is indeterminate. */
  readonly leaning: 'thrombus' | 'tumour' | null;
  readonly summary: Label;
  /** Points for thrombus minus points for tumour. */
  readonly points: number;
  /** Findings pointing to thrombus. */
  readonly for: readonly Reason[];
  /** Findings pointing to a tumour. */
  readonly against: readonly Reason[];
  readonly missing: readonly FindingKey[];
  readonly gaps: readonly Gap[];
  readonly source: 'pazosLopez2014';
  readonly citation: string;
}

const SUMMARY: Readonly<Record<ThrombusVerdict, Label>> = {
  thrombus: {
    en: 'Thrombus: nulled at long inversion time and no contrast enhancement',
    zh: '血栓：长TI图像上信号被抑制，且无对比增强',
  },
  tumour: {
    en: 'Tumour (vascularised tissue): enhances and is not nulled at long inversion time',
    zh: '肿瘤（有血供组织）：有强化，长TI图像上信号未被抑制',
  },
  indeterminate: {
    en: 'Thrombus versus tumour undetermined: the key findings are missing or disagree',
    zh: '血栓与肿瘤无法区分：关键表现缺失或相互矛盾',
  },
};

/**
 * Thrombus versus tumour, after Pazos-López et al., JACC Cardiovasc Imaging 2014;7:896-905
 * (clinical.md §2c [C]): the typical TI-scout pattern (nulled at long TI; accuracy 95 %), no
 * first-pass perfusion and no LGE point to thrombus; small size, homogeneity, no motility and no T2
 * hyperintensity add weight by their published likelihood ratios (`likelihood-points.ts`).
 *
 * Verdict: `thrombus` when the lesion is nulled at long TI and shows no enhancement (FPP or LGE);
 * `tumour` when it enhances and is not nulled; otherwise `indeterminate` (a key finding is missing,
 * or they disagree), with `leaning` from the points and the missing findings named.
 *
 * @param input - the decision input
 */
export function thrombusVersusTumour(input: DecisionInput): ThrombusVersusTumourResult {
  const t = tally('thrombus_vs_tumour', PAZOS_CRITERIA, input);
  const nulling = FEATURES.nullingLongTi.read(input);
  const enhancement = FEATURES.enhancement.read(input);
  let verdict: ThrombusVerdict = 'indeterminate';
  if (nulling.ok && enhancement.ok) {
    if (nulling.value === 'yes' && enhancement.value === 'none') verdict = 'thrombus';
    else if (nulling.value === 'no' && enhancement.value === 'present') verdict = 'tumour';
  }
  const points = t.pointsFor - t.pointsAgainst;
  const gaps = uniqueGaps([...t.gaps, ...(enhancement.ok ? [] : enhancement.gaps)]);
  return {
    verdict,
    leaning: points > 0 ? 'thrombus' : points < 0 ? 'tumour' : null,
    summary: SUMMARY[verdict],
    points,
    for: t.for,
    against: t.against,
    missing: gapFindings(gaps),
    gaps,
    source: 'pazosLopez2014',
    citation: citation('pazosLopez2014'),
  };
}
