import { createHash } from 'node:crypto';
import type { Casebook, Site } from '@cmr-mass/core';

/** A study site as the report needs it. */
export type SnapshotSite = Pick<Site, 'code' | 'name' | 'country'>;

/**
 * A consistent, plain and serialisable picture of the registry at one moment: what every analysis of
 * the report is computed from. The database layer (`snapshotFromDb`) or any other loader produces
 * it; tests build it from hand-made casebooks. The same snapshot always gives the same results.
 */
export interface StudySnapshot {
  /** Every site, sorted by code. */
  readonly sites: readonly SnapshotSite[];
  /**
   * One casebook per registered participant (soft-deleted records removed). An array (sorted by study
   * ID by {@link makeSnapshot}) or any iterable read once, e.g. casebooks streamed from storage so that
   * a study of 100,000 never sits in memory whole: the report reads them in a single pass.
   */
  readonly casebooks: Iterable<Casebook>;
  /**
   * When the snapshot was read (UTC, ISO 8601). Its date is "today" for the follow-up schedule
   * (which visits are due, done or missed), so it is part of the results' identity.
   */
  readonly takenAt: string;
  /**
   * Identifies the state of the data: two snapshots with the same key hold the same data. From the
   * database this is the audit trail's last sequence number (`audit:<seq>`), which changes with
   * every write; see {@link snapshotKey} for in-memory data.
   */
  readonly key: string;
  /** Set for a synthetic (demo) cohort: its label is shown on every page of the report. */
  readonly synthetic?: { readonly label: string } | null;
}

/** Options of {@link makeSnapshot}. */
export interface MakeSnapshotOptions {
  readonly sites: readonly SnapshotSite[];
  readonly casebooks: readonly Casebook[];
  readonly takenAt: string;
  /** The data's key; by default a content hash ({@link snapshotKey}), which is not cheap on big data. */
  readonly key?: string;
  readonly synthetic?: { readonly label: string } | null;
}

/** "Today" of a snapshot: the UTC date of `takenAt`. */
export function snapshotToday(snapshot: Pick<StudySnapshot, 'takenAt'>): string {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(snapshot.takenAt)) {
    throw new Error(`snapshot: takenAt must be a UTC timestamp (ISO 8601), not '${snapshot.takenAt}'`);
  }
  return snapshot.takenAt.slice(0, 10);
}

/**
 * A content key of in-memory data: `sha256:` and the SHA-256 of the casebooks and sites as JSON.
 * The database layer has a much cheaper key (the audit trail's last sequence number); use this one
 * only for data that never went through the database (tests, imported snapshots).
 */
export function snapshotKey(sites: readonly SnapshotSite[], casebooks: readonly Casebook[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(sites));
  for (const cb of casebooks) hash.update(JSON.stringify(cb));
  return `sha256:${hash.digest('hex')}`;
}

/**
 * Builds a {@link StudySnapshot} with sites sorted by code and casebooks by study ID, so that the
 * order in which a loader read them never changes a result. (The results do not depend on the order
 * anyway: the analysis dataset is sorted; a streamed snapshot may keep its source's order.)
 */
export function makeSnapshot(options: MakeSnapshotOptions): StudySnapshot {
  const sites = [...options.sites].sort((a, b) => cmp(a.code, b.code));
  const casebooks = [...options.casebooks].sort((a, b) => cmp(a.participant.studyId, b.participant.studyId));
  snapshotToday({ takenAt: options.takenAt });
  return {
    sites,
    casebooks,
    takenAt: options.takenAt,
    key: options.key ?? snapshotKey(sites, casebooks),
    synthetic: options.synthetic ?? null,
  };
}

/** Code-unit order (the same in every locale). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
