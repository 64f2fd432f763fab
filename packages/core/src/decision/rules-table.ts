import { CANDIDATES, PAZOS_CRITERIA } from './candidates/index.js';
import type { Criterion, NumericBin } from './criteria.js';
import { FEATURES } from './features.js';
import type { FindingKey } from './input.js';
import { MASS_SCORE_CONFIGS } from './mass-score-config.js';
import type { Evidence, SourceId } from './sources.js';
import { TISSUE_RULES } from './tissue-rules.js';

/** One criterion of one rule set, as data: what it reads and the points each value carries. */
export interface RuleRow {
  /** A candidate (`myxoma`), `thrombus_vs_tumour`, or a tissue rule (`fat_content`). */
  readonly ruleSet: string;
  readonly criterion: string;
  readonly feature: string;
  readonly reads: readonly FindingKey[];
  /** Points per coded value, or null for a numeric feature. */
  readonly points: Readonly<Record<string, number>> | null;
  /** Bins of a numeric feature, or null for a coded one. */
  readonly bins: readonly NumericBin[] | null;
  readonly optional: boolean;
  readonly source: SourceId;
  readonly evidence: Evidence;
}

const row = (ruleSet: string, c: Criterion): RuleRow => ({
  ruleSet,
  criterion: c.id,
  feature: c.feature,
  reads: FEATURES[c.feature].reads,
  points: c.points ?? null,
  bins: c.bins ?? null,
  optional: c.optional,
  source: c.source,
  evidence: c.evidence,
});

/**
 * Every criterion of the differential, the thrombus-versus-tumour rule and the tissue rules as a
 * table, for documentation (the report's methods section, a codebook of rules) and for
 * {@link rulesFingerprint}.
 */
export function decisionRulesTable(): RuleRow[] {
  return [
    ...CANDIDATES.flatMap((c) => c.criteria.map((k) => row(c.key, k))),
    ...PAZOS_CRITERIA.map((k) => row('thrombus_vs_tumour', k)),
    ...TISSUE_RULES.flatMap((r) => r.criteria.map((k) => row(r.rule, k))),
  ];
}

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable digest (not a security hash). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A digest of the rules table and the mass-score configurations. A test pins it, so a change to any
 * criterion, point or configuration fails until `RULES_VERSION` is bumped together with the pin.
 */
export function rulesFingerprint(): string {
  return fnv1a(JSON.stringify({ rules: decisionRulesTable(), massScore: Object.values(MASS_SCORE_CONFIGS) }));
}
