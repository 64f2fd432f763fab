import type { Actor } from '@cmr-mass/core';
import { newId, Repository, type DbHandle, type RepoContext } from '@cmr-mass/db';
import type { LockoutPolicy } from './auth/login.js';
import type { Principal } from './auth/principal.js';
import type { SessionPolicy } from './auth/sessions.js';

/** What every request shares: the database, the clock, the policies. Built once by `buildApp`. */
export interface AppDeps {
  readonly handle: DbHandle;
  /** The current time; tests pass a fixed clock. */
  readonly clock: () => Date;
  readonly session: SessionPolicy;
  readonly lockout: LockoutPolicy;
  /** The application's version, shown by `/api/v1/meta`. */
  readonly version: string;
}

/**
 * What a handler gets besides its input: who acts (from the session or token), one repository built
 * for that actor (style.md §3: one repository per request), the database and the clock. Handlers are
 * plain functions `(input, ctx) => result` and know nothing of Fastify.
 */
export interface RequestContext {
  readonly deps: AppDeps;
  readonly principal: Principal;
  readonly actor: Actor;
  readonly repo: Repository;
  /** The repository context (actor, clock, id generator), for server-side helpers that write. */
  readonly repoContext: RepoContext;
}

/** Builds the context of one request for an authenticated principal. */
export function requestContext(deps: AppDeps, principal: Principal): RequestContext {
  const repoContext: RepoContext = { actor: principal.actor, now: deps.clock, newId: () => newId() };
  return {
    deps,
    principal,
    actor: principal.actor,
    repo: new Repository(deps.handle, repoContext),
    repoContext,
  };
}

/** Today's date (UTC) on the app's clock. */
export function todayOf(deps: Pick<AppDeps, 'clock'>): string {
  return deps.clock().toISOString().slice(0, 10);
}
