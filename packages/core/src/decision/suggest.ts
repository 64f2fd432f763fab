import { differential, type Differential } from './differential.js';
import type { DecisionInput, FindingKey } from './input.js';
import { MASS_SCORE_CONFIGS, type MassScoreConfig } from './mass-score-config.js';
import { cmrMassScore, type MassScoreResult } from './mass-score.js';
import { suggestManagement, type ManagementSuggestion } from './management.js';
import type { Gap, Label } from './reason.js';
import { rulesFingerprint } from './rules-table.js';
import { thrombusVersusTumour, type ThrombusVersusTumourResult } from './thrombus-vs-tumour.js';
import { fatContent, fluidCyst, melaninSignal, type TissueRuleResult } from './tissue-rules.js';
import { RULES_VERSION } from './version.js';

/** Options of {@link suggest}. */
export interface SuggestOptions {
  /** The mass-score weighting (default: `MASS_SCORE_CONFIGS.default`). */
  readonly massScoreConfig?: MassScoreConfig;
}

/**
 * Everything the decision support says about one lesion, with what made it: a suggestion with its
 * reasons, never a verdict. Deterministic: the same input and options give the same suggestion.
 */
export interface Suggestion {
  readonly rulesVersion: string;
  /** Digest of the rules table and mass-score configurations (`rulesFingerprint`). */
  readonly rulesFingerprint: string;
  readonly massScoreConfig: { readonly id: string; readonly version: string; readonly confirmed: boolean };
  readonly notice: Label;
  readonly massScore: MassScoreResult;
  readonly thrombusVersusTumour: ThrombusVersusTumourResult;
  readonly tissue: {
    readonly fat: TissueRuleResult;
    readonly fluid: TissueRuleResult;
    readonly melanin: TissueRuleResult;
  };
  readonly differential: Differential;
  /**
   * Management of the differential's leading diagnosis; null when there is no clear leader (a tie at
   * the top, or no finding for it), so that no treatment is suggested on a guess.
   */
  readonly management: ManagementSuggestion | null;
  /** Why management was withheld, when it was. */
  readonly managementWithheld: Label | null;
  /** Every finding some rule needed and did not get, each once (none for an exam without a lesion). */
  readonly missing: readonly FindingKey[];
}

const NOTICE: Label = {
  en: 'Decision support: a suggestion with its reasons, not a diagnosis. The reader decides.',
  zh: '辅助决策：附理由的建议，并非诊断。由阅片者作出诊断。',
};

const WITHHELD: Label = {
  en: 'No management suggested: no diagnosis leads (a tie at the top, or no finding points to it). Record the missing findings.',
  zh: '未给出处理建议：没有领先的诊断（并列第一，或无支持表现）。请补充缺失的表现。',
};

/**
 * The full suggestion for one lesion: the CMR mass score (Paolisso et al., Circ Cardiovasc Imaging
 * 2024;17:e016115; configurable, unconfirmed weights), thrombus versus tumour (Pazos-López et al.,
 * JACC Cardiovasc Imaging 2014;7:896-905), the tissue rules (fat, fluid, melanin; Gatti et al., World
 * J Cardiol 2021), the ranked differential (clinical.md §2-3) and the management of its leading
 * diagnosis (clinical.md §7; withheld when no diagnosis clearly leads), stamped with `RULES_VERSION`, the rules fingerprint and the mass-score
 * configuration. Readers see it only after committing their own diagnosis (`canSeeSuggestion`).
 *
 * @param input - the decision input (see `decisionInputFromRecords`, `makeDecisionInput`)
 * @param options - the mass-score configuration
 */
export function suggest(input: DecisionInput, options: SuggestOptions = {}): Suggestion {
  const config = options.massScoreConfig ?? MASS_SCORE_CONFIGS.default;
  const massScore = cmrMassScore(input, config);
  const tvt = thrombusVersusTumour(input);
  const tissue = { fat: fatContent(input), fluid: fluidCyst(input), melanin: melaninSignal(input) };
  const diff = differential(input);
  const clearLeader = diff.leading.pointsFor > 0 && (diff.leadMargin === null || diff.leadMargin > 0);
  const management = clearLeader ? suggestManagement(diff.leading.type, input) : null;
  const gaps: Gap[] = [
    ...massScore.gaps,
    ...tvt.gaps,
    ...tissue.fat.gaps,
    ...tissue.fluid.gaps,
    ...tissue.melanin.gaps,
    ...diff.entries.flatMap((e) => e.gaps),
  ];
  const missing = new Set<FindingKey>(gaps.filter((g) => g.why !== 'no_lesion').map((g) => g.finding));
  for (const f of diff.missing) missing.add(f);
  for (const f of management?.missing ?? []) missing.add(f);
  return {
    rulesVersion: RULES_VERSION,
    rulesFingerprint: rulesFingerprint(),
    massScoreConfig: { id: config.id, version: config.version, confirmed: config.confirmed },
    notice: NOTICE,
    massScore,
    thrombusVersusTumour: tvt,
    tissue,
    differential: diff,
    management,
    managementWithheld: clearLeader ? null : WITHHELD,
    missing: [...missing],
  };
}
