import { MassCategory, MassType } from '../vocab/diagnosis.js';
import { CANDIDATES, type Candidate } from './candidates/index.js';
import { tally } from './criteria.js';
import type { DecisionInput, FindingKey } from './input.js';
import { gapFindings, uniqueGaps, type Gap, type Label, type Reason } from './reason.js';
import { citation } from './sources.js';

/** One diagnosis of the ranked differential, with the findings for and against it. */
export interface DifferentialEntry {
  /** 1 for the leading diagnosis. */
  readonly rank: number;
  /** The rule set that produced it (`metastasis`, `lymphoma`...). */
  readonly candidate: string;
  readonly category: MassCategory;
  readonly type: MassType;
  /** The type's name in English and Chinese. */
  readonly label: Label;
  /**
   * The rank score: points for minus points against. A transparent sum of weighted findings, not a
   * probability; compare it only within one differential.
   */
  readonly points: number;
  readonly pointsFor: number;
  readonly pointsAgainst: number;
  readonly for: readonly Reason[];
  readonly against: readonly Reason[];
  /** The findings this diagnosis's rules needed and did not get. */
  readonly missing: readonly FindingKey[];
  /** The same, with why each is missing (not recorded, not acquired, not assessed). */
  readonly gaps: readonly Gap[];
  /** How many of its criteria could be read, of how many. */
  readonly criteriaRead: number;
  readonly criteriaTotal: number;
}

/** A category of the differential, scored by its best type. */
export interface CategoryEntry {
  readonly rank: number;
  readonly category: MassCategory;
  readonly label: Label;
  readonly points: number;
  readonly bestType: MassType;
}

/** The ranked differential of one lesion (or "no mass" for an exam without a lesion). */
export interface Differential {
  /** Every diagnosis weighed, best first; one entry per type. */
  readonly entries: readonly DifferentialEntry[];
  /** The categories, each scored by its best type, best first. */
  readonly categories: readonly CategoryEntry[];
  readonly leading: DifferentialEntry;
  /** Points between the first and the second entry (null with a single entry); a small margin is a close call. */
  readonly leadMargin: number | null;
  /** Findings missing for any diagnosis: the leading diagnosis's first, then the next one's, and so on. */
  readonly missing: readonly FindingKey[];
}

const typeLabel = (t: MassType): Label => ({ en: MassType.label(t, 'en'), zh: MassType.label(t, 'zh') });
const categoryLabel = (c: MassCategory): Label => ({
  en: MassCategory.label(c, 'en'),
  zh: MassCategory.label(c, 'zh'),
});

function noMass(): Differential {
  const reason: Reason = {
    code: 'no_mass.no_lesion',
    en: 'No lesion was recorded on this exam',
    zh: '本次检查未记录病灶',
    finding: 'lesion',
    fields: ['lesion'],
    value: 'none',
    points: 1,
    source: 'shenoy2022',
    citation: citation('shenoy2022'),
    evidence: 'C',
  };
  const leading: DifferentialEntry = {
    rank: 1,
    candidate: 'no_mass',
    category: 'no_mass',
    type: 'no_mass',
    label: typeLabel('no_mass'),
    points: 1,
    pointsFor: 1,
    pointsAgainst: 0,
    for: [reason],
    against: [],
    missing: [],
    gaps: [],
    criteriaRead: 1,
    criteriaTotal: 1,
  };
  return {
    entries: [leading],
    categories: [
      { rank: 1, category: 'no_mass', label: categoryLabel('no_mass'), points: 1, bestType: 'no_mass' },
    ],
    leading,
    leadMargin: null,
    missing: [],
  };
}

function weigh(c: Candidate, input: DecisionInput): Omit<DifferentialEntry, 'rank'> {
  const t = tally(c.key, c.criteria, input);
  const type = c.typeFor ? c.typeFor(input) : c.type;
  const gaps = uniqueGaps(t.gaps);
  return {
    candidate: c.key,
    category: c.category,
    type,
    label: typeLabel(type),
    points: t.pointsFor - t.pointsAgainst,
    pointsFor: t.pointsFor,
    pointsAgainst: t.pointsAgainst,
    for: t.for,
    against: t.against,
    missing: gapFindings(gaps),
    gaps,
    criteriaRead: t.evaluated,
    criteriaTotal: t.total,
  };
}

/**
 * The ranked differential of a lesion: every candidate diagnosis (thrombus, myxoma, papillary
 * fibroelastoma, lipoma, fibroma, rhabdomyoma, hemangioma, angiosarcoma, other sarcoma, lymphoma,
 * metastasis, pericardial cyst, inflammatory pseudotumour, and the pseudomasses crista terminalis,
 * lipomatous septal hypertrophy, coumadin ridge and Eustachian valve) scored by its criteria, best
 * first, with the findings for and against it and those it lacked. An exam without a lesion gives
 * "no mass" alone.
 *
 * The criteria encode clinical.md §2-3: Pazos-López et al., JACC Cardiovasc Imaging 2014;7:896-905
 * (thrombus); Gatti et al., World J Cardiol 2021;13:628-649, Table 1 and Diagnostics 2022;12:2543
 * (benign tumours, cyst); Kassi et al., JTCVS 2018 and Paolisso et al., Circ Cardiovasc Imaging
 * 2024;17:e016115 (malignant features); the angiosarcoma, lymphoma and metastasis rows of clinical.md
 * §3; background knowledge for the pseudomasses [U]. The rank score is a sum of engineering weights
 * [U], not a probability.
 *
 * Deterministic: ties are broken by the fixed candidate order (`CANDIDATES`); when two candidates give
 * the same type (a known lymphoma makes both `lymphoma` and `metastasis` secondary lymphoma), the
 * better-scored is kept.
 *
 * @param input - the decision input
 * @returns the differential; `leading` is its first entry
 */
export function differential(input: DecisionInput): Differential {
  if (input.lesion === null) return noMass();
  const weighed = CANDIDATES.map((c, order) => ({ order, e: weigh(c, input) }));
  weighed.sort((a, b) => b.e.points - a.e.points || a.order - b.order);
  const seen = new Set<MassType>();
  const entries: DifferentialEntry[] = [];
  for (const { e } of weighed) {
    if (seen.has(e.type)) continue;
    seen.add(e.type);
    entries.push({ rank: entries.length + 1, ...e });
  }
  const categories: CategoryEntry[] = [];
  for (const e of entries) {
    if (categories.some((c) => c.category === e.category)) continue;
    categories.push({
      rank: categories.length + 1,
      category: e.category,
      label: categoryLabel(e.category),
      points: e.points,
      bestType: e.type,
    });
  }
  // The leading diagnosis's missing findings first, then those of the next, and so on.
  const missing = [...new Set(entries.flatMap((e) => e.missing))];
  const leading = entries[0]!;
  const second = entries[1];
  return {
    entries,
    categories,
    leading,
    leadMargin: second === undefined ? null : leading.points - second.points,
    missing,
  };
}
