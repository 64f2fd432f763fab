import type { FormName, Forms, Site } from '@cmr-mass/core';
import type { AuditEvent } from '../audit/append.js';
import type { HistoryEntry } from '../audit/history.js';
import type { DbHandle } from '../handle/open.js';
import { entityHistory, listAuditTrail, type AuditListOptions } from './audit-repository.js';
import type { RepoContext } from './context.js';
import type { FormRecords } from './form-codec.js';
import {
  getFormRecord,
  listFormRecords,
  type GetOptions,
  type ListOptions,
  type Page,
} from './form-reader.js';
import { createFormRecord, removeFormRecord, updateFormRecord, type WriteResult } from './form-writer.js';
import type { InputOf } from './parse.js';
import { createParticipant, markLostToFollowUp, withdrawParticipant } from './participants.js';
import { createSite, getSite, listSites, updateSite } from './sites.js';
import { getStudyMeta, isSynthetic, setStudyMeta } from './study-meta.js';
import { runAudited } from './unit-of-work.js';

/** The body of a create of form `F` (core's `create` schema). */
export type CreateInput<F extends FormName> = InputOf<Forms[F]['create']>;
/** The body of an update of form `F`: `version`, maybe `reason`, and the fields that change. */
export type UpdateInput<F extends FormName> = InputOf<Forms[F]['update']>;
/** The body of a soft delete: the version read and a reason. */
export interface RemoveInput {
  readonly version: number;
  readonly reason: string;
}

/**
 * The only way to read and write the registry: one per request, built from the acting user, a clock
 * and an id generator (medplum's per-request repository). Every write checks access with `core`'s
 * predicates, validates, and appends to the hash-chained audit trail in the same transaction; every
 * read filters what the actor may not see. Errors are `core` DomainErrors (`forbidden`,
 * `version_conflict`, `reason_required`, `implausible`...); after one, nothing was written.
 *
 * Inputs are validated with `core`'s zod schemas here as well, so the HTTP layer may pass its bodies
 * through as they are.
 */
export class Repository {
  readonly #handle: DbHandle;
  readonly #ctx: RepoContext;

  constructor(handle: DbHandle, ctx: RepoContext) {
    this.#handle = handle;
    this.#ctx = ctx;
  }

  /** The context this repository acts in. */
  get context(): RepoContext {
    return this.#ctx;
  }

  /**
   * Creates a record of any form. A participant gets the next study ID of its site and the status
   * `screening`; a lesion finding without `lesionId` creates a new lesion (L1, L2...); a reading belongs
   * to the actor.
   */
  async create<F extends FormName>(form: F, input: CreateInput<F>): Promise<WriteResult<FormRecords[F]>> {
    const r = await runAudited(this.#handle, this.#ctx, (tx) =>
      form === 'participant' ? createParticipant(tx, input) : createFormRecord(tx, form, input)
    );
    return r as WriteResult<FormRecords[F]>;
  }

  /** Changes fields of a record (optimistic concurrency on `version`; a reason once complete). */
  async update<F extends FormName>(
    form: F,
    id: string,
    input: UpdateInput<F>
  ): Promise<WriteResult<FormRecords[F]>> {
    const r = await runAudited(this.#handle, this.#ctx, (tx) => updateFormRecord(tx, form, id, input));
    return r as WriteResult<FormRecords[F]>;
  }

  /** Soft-deletes a record with a reason. */
  async remove<F extends FormName>(
    form: F,
    id: string,
    input: RemoveInput
  ): Promise<WriteResult<FormRecords[F]>> {
    const r = await runAudited(this.#handle, this.#ctx, (tx) => removeFormRecord(tx, form, id, input));
    return r as WriteResult<FormRecords[F]>;
  }

  /** One record (`not_found` when soft-deleted, unless asked). */
  async get<F extends FormName>(form: F, id: string, options?: GetOptions): Promise<FormRecords[F]> {
    return (await getFormRecord(this.#handle.db, this.#ctx.actor, form, id, options)) as FormRecords[F];
  }

  /** Records of a form the actor may see, filtered and paged. */
  async list<F extends FormName>(form: F, options?: ListOptions): Promise<Page<FormRecords[F]>> {
    return (await listFormRecords(this.#handle.db, this.#ctx.actor, form, options)) as Page<FormRecords[F]>;
  }

  /** Withdraws a participant: `{version, date, reasonCode, reason}`. */
  async withdraw(participantId: string, input: unknown): Promise<WriteResult<FormRecords['participant']>> {
    const r = await runAudited(this.#handle, this.#ctx, (tx) =>
      withdrawParticipant(tx, participantId, input)
    );
    return r as WriteResult<FormRecords['participant']>;
  }

  /** Declares a participant lost to follow-up: `{version, date, reason}`. */
  async markLostToFollowUp(
    participantId: string,
    input: unknown
  ): Promise<WriteResult<FormRecords['participant']>> {
    const r = await runAudited(this.#handle, this.#ctx, (tx) => markLostToFollowUp(tx, participantId, input));
    return r as WriteResult<FormRecords['participant']>;
  }

  /** Who changed what, when and why, field by field, for one record or entity. */
  history(entity: string, entityId: string): Promise<HistoryEntry[]> {
    return entityHistory(this.#handle.db, this.#ctx.actor, entity, entityId);
  }

  /** The audit trail in order, as far as the actor may review it. */
  auditTrail(options?: AuditListOptions): Promise<HistoryEntry[]> {
    return listAuditTrail(this.#handle.db, this.#ctx.actor, options);
  }

  /**
   * Records an event that is not a form change (login, logout, failed login, export...) in the audit
   * trail, as the actor of this repository. No access check: the caller decides what to record.
   */
  async recordEvent(event: AuditEvent): Promise<void> {
    await runAudited(this.#handle, this.#ctx, (tx) => {
      tx.audit(event);
      return Promise.resolve();
    });
  }

  listSites(): Promise<Site[]> {
    return listSites(this.#handle.db, this.#ctx.actor);
  }

  getSite(id: string): Promise<Site> {
    return getSite(this.#handle.db, this.#ctx.actor, id);
  }

  /** Creates a site (administrators). */
  createSite(input: unknown): Promise<Site> {
    return runAudited(this.#handle, this.#ctx, (tx) => createSite(tx, input));
  }

  /** Changes a site: `{version, name?, country?, timeZone?, active?}` (administrators). */
  updateSite(id: string, input: unknown): Promise<Site> {
    return runAudited(this.#handle, this.#ctx, (tx) => updateSite(tx, id, input));
  }

  /** A study metadata value. */
  getStudyMeta(key: string): Promise<unknown> {
    return getStudyMeta(this.#handle.db, key);
  }

  /** True when the database holds synthetic demo data. */
  isSynthetic(): Promise<boolean> {
    return isSynthetic(this.#handle.db);
  }

  /** Sets a study metadata value (administrators), audited. */
  setStudyMeta(key: string, value: unknown): Promise<void> {
    return runAudited(this.#handle, this.#ctx, (tx) => setStudyMeta(tx, key, value));
  }
}
