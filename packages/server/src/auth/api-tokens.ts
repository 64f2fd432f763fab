import { notFound } from '@cmr-mass/core';
import { runAudited, type DB, type DbHandle, type RepoContext } from '@cmr-mass/db';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { parseOr400 } from '../http/validation.js';
import type { UserFacts } from './principal.js';
import { API_TOKEN_PREFIX, newSecret, sha256Hex } from './secrets.js';
import { tokenCreateBody } from './user-schemas.js';
import { userFacts } from './user-store.js';

/**
 * Personal API tokens for scripts (REDCap's per-user API token): random, shown once, stored as their
 * SHA-256, revocable, optionally expiring. A token acts as its user, with the user's role and site;
 * requests with a token need no CSRF token because browsers never send it on their own.
 */

/** A token as the API lists it (never the secret). */
export const apiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenView = z.infer<typeof apiTokenView>;

function view(r: DB['api_tokens']): ApiTokenView {
  return {
    id: r.id,
    name: r.name,
    prefix: r.token_prefix,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

/** Creates a token for the actor; the secret is in the result and nowhere else. */
export async function createApiToken(
  handle: DbHandle,
  ctx: RepoContext,
  input: unknown
): Promise<{ readonly token: ApiTokenView; readonly secret: string }> {
  const body = parseOr400(tokenCreateBody, input);
  const secret = newSecret(API_TOKEN_PREFIX);
  return runAudited(handle, ctx, async (tx) => {
    const row: DB['api_tokens'] = {
      id: ctx.newId(),
      user_id: ctx.actor.userId,
      name: body.name,
      token_hash: sha256Hex(secret),
      token_prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
      created_at: tx.at,
      expires_at: body.expiresAt ?? null,
      last_used_at: null,
      revoked_at: null,
    };
    await tx.db.insertInto('api_tokens').values(row).execute();
    tx.audit({
      action: 'create',
      entity: 'api_token',
      entityId: row.id,
      siteId: ctx.actor.siteId,
      after: { name: row.name, prefix: row.token_prefix, userId: row.user_id, expiresAt: row.expires_at },
    });
    return { token: view(row), secret };
  });
}

/** The actor's own tokens, newest first. */
export async function listApiTokens(db: Kysely<DB>, userId: string): Promise<ApiTokenView[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(view);
}

/** Revokes one of the actor's own tokens (404 for someone else's). Revoking twice changes nothing. */
export async function revokeApiToken(handle: DbHandle, ctx: RepoContext, id: string): Promise<ApiTokenView> {
  return runAudited(handle, ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', ctx.actor.userId)
      .executeTakeFirst();
    if (!row) throw notFound('API token');
    if (row.revoked_at !== null) return view(row);
    await tx.db.updateTable('api_tokens').set({ revoked_at: tx.at }).where('id', '=', id).execute();
    tx.audit({
      action: 'revoke',
      entity: 'api_token',
      entityId: id,
      siteId: ctx.actor.siteId,
      before: { revokedAt: null },
      after: { revokedAt: tx.at },
    });
    return view({ ...row, revoked_at: tx.at });
  });
}

/** The live token of a secret (not revoked, not expired) with its user; undefined otherwise. */
export async function lookupApiToken(
  db: Kysely<DB>,
  secret: string,
  now: Date
): Promise<{ readonly id: string; readonly lastUsedAt: string | null; readonly user: UserFacts } | undefined> {
  if (!secret.startsWith(API_TOKEN_PREFIX)) return undefined;
  const r = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .leftJoin('sites as s', 's.id', 'u.site_id')
    .select([
      't.id as token_id',
      't.expires_at as token_expires_at',
      't.revoked_at',
      't.last_used_at',
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.site_id',
      's.code as site_code',
      'u.active',
      'u.expires_at',
      'u.locked_until',
      'u.failed_login_count',
      'u.last_login_at',
      'u.version',
      'u.created_at',
      'u.deleted_at',
    ])
    .where('t.token_hash', '=', sha256Hex(secret))
    .executeTakeFirst();
  if (!r || r.revoked_at !== null || r.deleted_at !== null) return undefined;
  if (r.token_expires_at !== null && r.token_expires_at <= now.toISOString()) return undefined;
  return { id: r.token_id, lastUsedAt: r.last_used_at, user: userFacts(r) };
}

/** Records a token's use, at most once per `everySeconds`. */
export async function touchApiToken(
  db: Kysely<DB>,
  token: { readonly id: string; readonly lastUsedAt: string | null },
  now: Date,
  everySeconds: number
): Promise<void> {
  if (token.lastUsedAt !== null && now.getTime() - Date.parse(token.lastUsedAt) < everySeconds * 1000) return;
  await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', token.id).execute();
}
