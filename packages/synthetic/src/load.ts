import type { Actor, FormName } from '@cmr-mass/core';
import {
  registryBatch,
  Repository,
  StudyMetaKey,
  type CreateInput,
  type DbHandle,
  type RegistryBatch,
  uuidV7,
} from '@cmr-mass/db';
import { createUsers, existingUsers } from './load-users.js';
import { Rng } from './rng.js';
import type {
  SyntheticCohort,
  SyntheticParticipant,
  SyntheticRecord,
  SyntheticUser,
  UserKey,
} from './types.js';

/** Options of {@link loadCohort}. */
export interface LoadOptions {
  /** Called after each transaction with how many participants are written in full. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Participants written per transaction (default 25). */
  readonly participantsPerBatch?: number;
}

/** What {@link loadCohort} wrote. */
export interface LoadReport {
  readonly sites: number;
  readonly users: readonly { readonly email: string; readonly role: string; readonly site: string | null }[];
  readonly participants: number;
  readonly records: number;
  /** Plausibility warnings the repositories returned (values outside typical ranges). */
  readonly warnings: number;
}

/** A write that the database refused, with where it happened in the cohort. */
export class LoadError extends Error {
  override readonly name = 'LoadError';
  constructor(
    message: string,
    readonly participantIndex: number | null,
    readonly form: string | null,
    override readonly cause: unknown
  ) {
    super(message);
  }
}

/**
 * A deterministic clock: noon UTC of the cohort's "today" (the same calendar day in every site's time
 * zone from UTC-11 to UTC+11) plus `offsetMs`, advancing one millisecond per write. Each participant
 * has its own clock (offset 64 ms × its index), so the stamps do not depend on the order in which
 * concurrent writes interleave.
 */
class Clock {
  #ms: number;
  constructor(today: string, offsetMs: number) {
    this.#ms = Date.parse(`${today}T12:00:00.000Z`) + offsetMs;
  }
  now(): Date {
    return new Date(this.#ms);
  }
  tick(): void {
    this.#ms += 1;
  }
}

/** Study-metadata key of the label shown with synthetic data. */
export const SYNTHETIC_LABEL_KEY = 'synthetic_label';
/** Study-metadata key of how the synthetic data were made (generator, seed, today, size). */
export const SYNTHETIC_SOURCE_KEY = 'synthetic_source';

const PARENT_KEYS = ['siteId', 'participantId', 'examId', 'visitId'] as const;

function remap(
  data: Readonly<Record<string, unknown>>,
  ids: ReadonlyMap<string, string>,
  lesions: ReadonlyMap<string, string>
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  for (const k of PARENT_KEYS) {
    const v = out[k];
    if (typeof v === 'string') {
      const mapped = ids.get(v);
      if (mapped === undefined) throw new Error(`${k} ${v} refers to a record not written yet`);
      out[k] = mapped;
    }
  }
  const lesion = out.lesionId;
  if (typeof lesion === 'string') {
    const mapped = lesions.get(lesion);
    if (mapped === undefined) throw new Error(`lesionId ${lesion} refers to a lesion not written yet`);
    out.lesionId = mapped;
  }
  return out;
}

/** A participant's own clock, id stream and id map while it is being written. */
interface Pending {
  readonly index: number;
  readonly participant: SyntheticParticipant;
  readonly repo: (key: UserKey) => Repository;
  readonly clock: Clock;
  readonly ids: Map<string, string>;
  readonly lesions: Map<string, string>;
}

/**
 * Writes a generated cohort through the repositories, each record as the user who would write it
 * (the admin for sites, users and the synthetic flag; site coordinators for clinical forms, the
 * site's investigator for withdrawals; central readers for lesion findings and readings), so that
 * every write is access-checked, validated and audited as in real use.
 *
 * Each site's participants are enrolled in cohort order (study numbers follow the baseline dates),
 * `participantsPerBatch` whole casebooks per transaction through `registryBatch` (the same checks and
 * audit rows as one create at a time, without a transaction and a casebook read per record), the sites
 * side by side. Every participant has its own clock and seeded id stream, so the same cohort gives the
 * same tables. The database must be migrated and hold no participants (the caller checks).
 */
export async function loadCohort(
  handle: DbHandle,
  cohort: SyntheticCohort,
  options: LoadOptions = {}
): Promise<LoadReport> {
  const { today, seed } = cohort.meta;
  const userIds = new Map<UserKey, string>();
  const setupIds = new Rng(seed, 'database-ids', 'setup');
  const existing = await existingUsers(handle, cohort.users);
  for (const u of cohort.users) {
    const id = setupIds.uuid();
    userIds.set(u.key, existing.get(u.email.toLowerCase())?.id ?? id);
  }
  const siteIds = new Map<string, string>();
  const users = new Map(cohort.users.map((u) => [u.key, u]));
  const admin = cohort.users.find((u) => u.role === 'admin');
  if (!admin) throw new LoadError('the cohort has no admin user', null, null, null);
  const actorOf = (u: SyntheticUser): Actor => ({
    userId: userIds.get(u.key)!,
    role: u.role,
    siteId: u.siteCode === null ? null : (siteIds.get(u.siteCode) ?? null),
    display: u.email,
  });
  const reposFor = (clock: Clock, ids: Rng): ((key: UserKey) => Repository) => {
    const cache = new Map<UserKey, Repository>();
    // Version 7 ids from the participant's own clock: time-ordered keys, cheap to index, and the same
    // ids for the same cohort.
    const ctx = { now: () => clock.now(), newId: () => uuidV7(clock.now().getTime(), ids.bytes10()) };
    return (key) => {
      let r = cache.get(key);
      if (!r) {
        const u = users.get(key);
        if (!u) throw new Error(`no demo user ${key}`);
        r = new Repository(handle, { ...ctx, actor: actorOf(u) });
        cache.set(key, r);
      }
      return r;
    };
  };

  // Sites, users and the synthetic flag, as the admin, a minute before the participants.
  const setupClock = new Clock(today, -60_000);
  const adminRepo = reposFor(setupClock, setupIds)(admin.key);
  // Sites and users that a demo database already has (same code, same e-mail) are reused.
  const siteDbId = new Map<string, string>();
  const existingSites = new Map((await adminRepo.listSites()).map((s) => [s.code, s.id]));
  for (const s of cohort.sites) {
    setupClock.tick();
    const id = existingSites.get(s.create.code) ?? (await adminRepo.createSite(s.create)).id;
    siteIds.set(s.create.code, id);
    siteDbId.set(s.id, id);
  }
  for (const u of cohort.users) {
    const found = existing.get(u.email.toLowerCase());
    const siteId = u.siteCode === null ? null : siteIds.get(u.siteCode)!;
    if (found && (found.role !== u.role || found.siteId !== siteId)) {
      throw new LoadError(`user ${u.email} exists with another role or site`, null, 'user', null);
    }
  }
  setupClock.tick();
  await createUsers(
    handle,
    adminRepo.context,
    cohort.users.filter((u) => !existing.has(u.email.toLowerCase())),
    (u) => userIds.get(u.key)!,
    (code) => siteIds.get(code)!
  );
  setupClock.tick();
  await adminRepo.setStudyMeta(StudyMetaKey.synthetic, true);
  setupClock.tick();
  await adminRepo.setStudyMeta(StudyMetaKey.studyName, `${cohort.meta.label} (seed ${seed})`);
  // Read by the server's snapshot and banner (`synthetic_label`), and for provenance.
  setupClock.tick();
  await adminRepo.setStudyMeta(SYNTHETIC_LABEL_KEY, cohort.meta.label);
  setupClock.tick();
  await adminRepo.setStudyMeta(SYNTHETIC_SOURCE_KEY, {
    generator: cohort.meta.generator,
    seed,
    today,
    participants: cohort.meta.participants,
  });

  // Each site's participants in cohort order (study numbers follow the baseline dates), in batches of
  // whole casebooks, one transaction each; the sites side by side (on PostgreSQL, on several
  // connections at once).
  const pending: Pending[] = cohort.participants.map((participant, index) => {
    const clock = new Clock(today, index * 64);
    return {
      index,
      participant,
      repo: reposFor(clock, new Rng(seed, 'database-ids', index)),
      clock,
      ids: new Map(siteDbId),
      lesions: new Map(),
    };
  });
  const bySite = new Map<string, Pending[]>();
  for (const p of pending) {
    bySite.set(p.participant.siteCode, [...(bySite.get(p.participant.siteCode) ?? []), p]);
  }
  const size = Math.max(1, options.participantsPerBatch ?? 25);
  let done = 0;
  let warnings = 0;
  await Promise.all(
    [...bySite.values()].map(async (queue) => {
      for (let i = 0; i < queue.length; i += size) {
        const chunk = queue.slice(i, i + size);
        warnings += await writeCasebooks(handle, chunk);
        for (const p of chunk) await writeDeparture(p);
        done += chunk.length;
        options.onProgress?.(done, pending.length);
      }
    })
  );
  return {
    sites: cohort.sites.length,
    users: cohort.users.map((u) => ({ email: u.email, role: u.role, site: u.siteCode })),
    participants: pending.length,
    records: cohort.participants.reduce((n, p) => n + p.records.length, 0),
    warnings,
  };
}

function failure(p: Pending, form: string | null, e: unknown): LoadError {
  const why = e instanceof Error ? e.message : String(e);
  return new LoadError(
    `participant ${p.index + 1} (${p.participant.siteCode}), ${form ?? 'status'}: ${why}`,
    p.index,
    form,
    e
  );
}

/** Writes one record as its author in the batch, remembering the id (and lesion id) it was given. */
async function writeRecord(batch: RegistryBatch, p: Pending, r: SyntheticRecord): Promise<number> {
  p.clock.tick();
  const input = remap(r.data, p.ids, p.lesions) as CreateInput<FormName>;
  const res = await batch.create(p.repo(r.by).context, r.form, input);
  const rec = res.record as { readonly id: string; readonly lesionId?: string | null };
  p.ids.set(r.id, rec.id);
  if (r.lesionKey !== undefined && rec.lesionId != null) p.lesions.set(r.lesionKey, rec.lesionId);
  return res.warnings.length;
}

/**
 * Enrols participants and writes their casebooks in one registry batch (one transaction; each record
 * by its author, checked and audited as a single create would be).
 *
 * @returns the number of plausibility warnings
 */
async function writeCasebooks(handle: DbHandle, chunk: readonly Pending[]): Promise<number> {
  let at: { p: Pending; form: string } | null = null;
  try {
    return await registryBatch(handle, async (batch) => {
      let warnings = 0;
      for (const p of chunk) {
        const records = p.participant.records;
        if (records[0]?.form !== 'participant') {
          throw new LoadError('a participant must come first', p.index, null, null);
        }
        for (const r of records) {
          at = { p, form: r.form };
          warnings += await writeRecord(batch, p, r);
        }
      }
      return warnings;
    });
  } catch (e) {
    if (e instanceof LoadError || at === null) throw e;
    const { p, form } = at as { p: Pending; form: string };
    throw failure(p, form, e);
  }
}

/** Declares the participant lost to follow-up or withdrawn, as the generator says. */
async function writeDeparture(p: Pending): Promise<void> {
  const { participant } = p;
  const pid = p.ids.get(participant.id)!;
  try {
    if (participant.lostToFollowUp !== null) {
      p.clock.tick();
      const repo = p.repo(participant.coordinator);
      const current = await repo.get('participant', pid);
      await repo.markLostToFollowUp(pid, { version: current.version, ...participant.lostToFollowUp });
    }
    if (participant.withdrawal !== null) {
      p.clock.tick();
      const repo = p.repo(participant.coordinator.replace(/^coordinator\./, 'investigator.'));
      const current = await repo.get('participant', pid);
      await repo.withdraw(pid, { version: current.version, ...participant.withdrawal });
    }
  } catch (e) {
    throw failure(p, null, e);
  }
}
