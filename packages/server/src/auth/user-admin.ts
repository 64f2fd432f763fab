import {
  badRequest,
  duplicate,
  isSiteRole,
  notFound,
  versionConflict,
  type Actor,
  type Role,
} from '@cmr-mass/core';
import { runAudited, type DbHandle, type RepoContext, type Tx } from '@cmr-mass/db';
import { parseOr400 } from '../http/validation.js';
import { requireAccess } from '../registry/access.js';
import { hashPassword, requireStrongPassword } from './passwords.js';
import { toPublicUser, type PublicUser, type UserFacts } from './principal.js';
import { userCreateBody, userUpdateBody } from './user-schemas.js';
import { findUserById, listUserFacts } from './user-store.js';

/**
 * User accounts for administrators (a server-side helper over Kysely: `db` stores the `users` table
 * but has no repository for it). Every change checks `core`'s access predicate for `user` and is
 * appended to the hash-chained audit trail in the same transaction (never the password or its hash).
 */

/** Checks that a role and a site go together, and that the site exists. */
async function checkRoleSite(tx: Tx, role: Role, siteId: string | null): Promise<void> {
  if (isSiteRole(role) && siteId === null) throw badRequest(`a ${role} needs a site`, 'siteId');
  if (!isSiteRole(role) && role !== 'reader' && siteId !== null) {
    throw badRequest(`a ${role} works for every site: leave the site empty`, 'siteId');
  }
  if (siteId !== null) {
    const s = await tx.db.selectFrom('sites').select('id').where('id', '=', siteId).executeTakeFirst();
    if (!s) throw badRequest('is not a site of the study', 'siteId');
  }
}

/** The audited values of an account (never the password). */
function snapshot(u: {
  email: string;
  displayName: string;
  role: string;
  siteId: string | null;
  active: boolean;
  expiresAt: string | null;
}): Record<string, unknown> {
  return {
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    siteId: u.siteId,
    active: u.active,
    expiresAt: u.expiresAt,
  };
}

/** Every account (administrators). */
export async function listUsers(handle: DbHandle, actor: Actor): Promise<PublicUser[]> {
  requireAccess(actor, 'read', 'user', null);
  return (await listUserFacts(handle.db)).map(toPublicUser);
}

/** One account (administrators). */
export async function getUser(handle: DbHandle, actor: Actor, id: string): Promise<PublicUser> {
  requireAccess(actor, 'read', 'user', null);
  const u = await findUserById(handle.db, id);
  if (!u) throw notFound('user');
  return toPublicUser(u);
}

/**
 * Creates an account with an argon2id password hash. The e-mail is the login name (unique, lower
 * case); the password must be strong (400 naming `password` otherwise).
 */
export async function createUser(handle: DbHandle, ctx: RepoContext, input: unknown): Promise<PublicUser> {
  requireAccess(ctx.actor, 'create', 'user', null);
  const body = parseOr400(userCreateBody, input);
  const email = body.email.toLowerCase();
  requireStrongPassword(body.password, email);
  const passwordHash = await hashPassword(body.password);
  const id = await runAudited(handle, ctx, async (tx) => {
    const siteId = body.siteId ?? null;
    await checkRoleSite(tx, body.role, siteId);
    const taken = await tx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) throw duplicate(`an account with the e-mail ${email} exists already`, 'email');
    const newId = ctx.newId();
    const values = {
      email,
      displayName: body.displayName ?? email,
      role: body.role,
      siteId,
      active: body.active ?? true,
      expiresAt: body.expiresAt ?? null,
    };
    await tx.db
      .insertInto('users')
      .values({
        id: newId,
        email,
        display_name: values.displayName,
        role: values.role,
        site_id: siteId,
        password_hash: passwordHash,
        active: values.active ? 1 : 0,
        expires_at: values.expiresAt,
        failed_login_count: 0,
        locked_until: null,
        last_login_at: null,
        password_changed_at: tx.at,
        version: 1,
        created_at: tx.at,
        updated_at: tx.at,
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
        deleted_at: null,
      })
      .execute();
    tx.audit({ action: 'create', entity: 'user', entityId: newId, siteId, after: snapshot(values) });
    return newId;
  });
  return getUserFacts(handle, id);
}

async function getUserFacts(handle: DbHandle, id: string): Promise<PublicUser> {
  const u = await findUserById(handle.db, id);
  if (!u) throw notFound('user');
  return toPublicUser(u);
}

/**
 * Changes an account: role, site, active, expiry, display name, a new password (which ends the
 * user's sessions), or a reset of failed logins and lock-out. The version must be the one read.
 */
export async function updateUser(handle: DbHandle, ctx: RepoContext, id: string, input: unknown): Promise<PublicUser> {
  requireAccess(ctx.actor, 'update', 'user', null);
  const body = parseOr400(userUpdateBody, input);
  const existing = await findUserById(handle.db, id);
  if (!existing) throw notFound('user');
  if (body.password !== undefined) requireStrongPassword(body.password, existing.email);
  const passwordHash = body.password === undefined ? null : await hashPassword(body.password);
  await runAudited(handle, ctx, async (tx) => {
    const current = await findUserById(tx.db, id);
    if (!current) throw notFound('user');
    if (current.version !== body.version) throw versionConflict(toPublicUser(current), body.version, current.version);
    const next: UserFacts = {
      ...current,
      displayName: body.displayName ?? current.displayName,
      role: body.role ?? current.role,
      siteId: body.siteId === undefined ? current.siteId : body.siteId,
      active: body.active ?? current.active,
      expiresAt: body.expiresAt === undefined ? current.expiresAt : body.expiresAt,
    };
    if (body.role !== undefined || body.siteId !== undefined) await checkRoleSite(tx, next.role, next.siteId);
    await tx.db
      .updateTable('users')
      .set({
        display_name: next.displayName,
        role: next.role,
        site_id: next.siteId,
        active: next.active ? 1 : 0,
        expires_at: next.expiresAt,
        ...(body.resetLockout ? { failed_login_count: 0, locked_until: null } : {}),
        ...(passwordHash !== null ? { password_hash: passwordHash, password_changed_at: tx.at } : {}),
        version: current.version + 1,
        updated_at: tx.at,
        updated_by: ctx.actor.userId,
      })
      .where('id', '=', id)
      .execute();
    if (passwordHash !== null || !next.active) {
      await tx.db.updateTable('sessions').set({ revoked_at: tx.at }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
    }
    const before: Record<string, unknown> = { ...snapshot(current), version: current.version };
    const after: Record<string, unknown> = { ...snapshot(next), version: current.version + 1 };
    if (body.resetLockout) {
      before.failedLoginCount = current.failedLoginCount;
      before.lockedUntil = current.lockedUntil;
      after.failedLoginCount = 0;
      after.lockedUntil = null;
    }
    if (passwordHash !== null) {
      before.passwordChanged = false;
      after.passwordChanged = true;
    }
    tx.audit({ action: 'update', entity: 'user', entityId: id, siteId: next.siteId, before, after });
  });
  return getUserFacts(handle, id);
}
