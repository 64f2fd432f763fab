import { DomainError, type Actor } from '@cmr-mass/core';
import { newId, runAudited, type DbHandle, type RepoContext } from '@cmr-mass/db';
import { unauthenticated } from '../http/errors.js';
import { parseOr400 } from '../http/validation.js';
import { verifyPassword } from './passwords.js';
import { accountUsable, actorOf, ANONYMOUS, type UserFacts } from './principal.js';
import { newSession, revokeSession, type SessionPolicy } from './sessions.js';
import { loginBody } from './user-schemas.js';
import { findUserByEmail } from './user-store.js';

/**
 * Login and logout. A wrong password counts against the account; after `maxFailures` in a row the
 * account is locked for `lockMinutes` (21 CFR 11.300(d): detect and report attempts at unauthorized
 * use). Every attempt, failed or not, is in the audit trail.
 */

/** The lock-out rule. */
export interface LockoutPolicy {
  /** Failed logins in a row that lock the account. */
  readonly maxFailures: number;
  /** How long a lock-out lasts. */
  readonly lockMinutes: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

/** What a successful login gives: the cookie's token, the CSRF token and the user. */
export interface LoginResult {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly user: UserFacts;
}

/** Where the attempt came from, for the session row and the audit trail. */
export interface LoginMeta {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

const WRONG = 'wrong e-mail or password';

function ctxOf(actor: Actor, clock: () => Date): RepoContext {
  return { actor, now: clock, newId: () => newId() };
}

/** Records a failed attempt (and a lock-out when it is one too many) and returns the error to throw. */
async function fail(
  handle: DbHandle,
  clock: () => Date,
  policy: LockoutPolicy,
  email: string,
  user: UserFacts | undefined,
  reason: string,
  meta: LoginMeta,
  countIt: boolean
): Promise<DomainError> {
  const actor = user ? actorOf(user) : ANONYMOUS;
  let locked = false;
  await runAudited(handle, ctxOf(actor, clock), async (tx) => {
    if (user && countIt) {
      const row = await tx.db.selectFrom('users').select(['failed_login_count']).where('id', '=', user.id).executeTakeFirst();
      const failures = (row?.failed_login_count ?? 0) + 1;
      locked = failures >= policy.maxFailures;
      const lockedUntil = locked ? new Date(clock().getTime() + policy.lockMinutes * 60_000).toISOString() : null;
      await tx.db
        .updateTable('users')
        .set(locked ? { failed_login_count: 0, locked_until: lockedUntil } : { failed_login_count: failures })
        .where('id', '=', user.id)
        .execute();
      if (locked) {
        tx.audit({
          action: 'account_locked',
          entity: 'user',
          entityId: user.id,
          siteId: user.siteId,
          before: { lockedUntil: user.lockedUntil },
          after: { lockedUntil },
          reason: `${policy.maxFailures} failed logins in a row`,
        });
      }
    }
    tx.audit({
      action: 'login_failed',
      entity: 'user',
      entityId: user?.id ?? null,
      siteId: user?.siteId ?? null,
      after: { email, ip: meta.ip },
      reason,
    });
  });
  if (locked) {
    return new DomainError({
      code: 'account_locked',
      message: `too many failed logins: the account is locked for ${policy.lockMinutes} minutes`,
    });
  }
  return unauthenticated(reason === 'wrong password' || reason === 'unknown e-mail' ? WRONG : reason);
}

/**
 * Checks an e-mail and password and opens a session. Throws 401 for wrong credentials (the same
 * message whether the e-mail exists or not), 423 for a locked account, 401 for an inactive or expired
 * account, 400 for a malformed body.
 */
export async function login(
  handle: DbHandle,
  clock: () => Date,
  policies: { readonly lockout: LockoutPolicy; readonly session: SessionPolicy },
  input: unknown,
  meta: LoginMeta
): Promise<LoginResult> {
  const body = parseOr400(loginBody, input);
  const email = body.email.trim().toLowerCase();
  const found = await findUserByEmail(handle.db, email);
  const now = clock();
  if (found?.user.lockedUntil != null && found.user.lockedUntil > now.toISOString()) {
    // Verify anyway, so that a locked account answers as slowly as any other.
    await verifyPassword(found.passwordHash, body.password);
    await fail(handle, clock, policies.lockout, email, found.user, 'account locked', meta, false);
    throw new DomainError({
      code: 'account_locked',
      message: `too many failed logins: the account is locked until ${found.user.lockedUntil}`,
    });
  }
  const ok = await verifyPassword(found?.passwordHash ?? null, body.password);
  if (!found) throw await fail(handle, clock, policies.lockout, email, undefined, 'unknown e-mail', meta, false);
  if (!ok) throw await fail(handle, clock, policies.lockout, email, found.user, 'wrong password', meta, true);
  if (!accountUsable(found.user, now)) {
    const why = found.user.active ? 'the account has expired' : 'the account is deactivated';
    throw await fail(handle, clock, policies.lockout, email, found.user, why, meta, false);
  }
  const user = found.user;
  const session = newSession(policies.session, user.id, now, meta);
  await runAudited(handle, ctxOf(actorOf(user), clock), async (tx) => {
    await tx.db.insertInto('sessions').values(session.row).execute();
    await tx.db
      .updateTable('users')
      .set({ failed_login_count: 0, locked_until: null, last_login_at: tx.at })
      .where('id', '=', user.id)
      .execute();
    tx.audit({
      action: 'login',
      entity: 'user',
      entityId: user.id,
      siteId: user.siteId,
      after: { ip: meta.ip, sessionExpiresAt: session.row.expires_at },
    });
  });
  return {
    token: session.token,
    csrfToken: session.csrfToken,
    expiresAt: session.row.expires_at,
    user: { ...user, failedLoginCount: 0, lockedUntil: null, lastLoginAt: now.toISOString() },
  };
}

/** Ends a session and records the logout. */
export async function logout(handle: DbHandle, clock: () => Date, user: UserFacts, sessionId: string): Promise<void> {
  await runAudited(handle, ctxOf(actorOf(user), clock), async (tx) => {
    await revokeSession(tx.db, sessionId, clock());
    tx.audit({ action: 'logout', entity: 'user', entityId: user.id, siteId: user.siteId });
  });
}
