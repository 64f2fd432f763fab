import { newId } from './ids.js';
import type { Actor } from '@cmr-mass/core';

/**
 * What a repository needs to know about the request it serves: who acts, the clock and how to make
 * identifiers. One repository per request (medplum's `RepositoryContext`). The synthetic-cohort
 * generator passes a fixed clock and a seeded id generator to get the same database twice.
 */
export interface RepoContext {
  readonly actor: Actor;
  /** The current time (UTC); stamped on records and audit rows. */
  now(): Date;
  /** A new UUID for a record. */
  newId(): string;
}

/** A context with the system clock and time-ordered random UUIDs (version 7). */
export function systemContext(actor: Actor): RepoContext {
  return { actor, now: () => new Date(), newId: () => newId() };
}
