import type { DB } from '@cmr-mass/db';
import type { Kysely } from 'kysely';
import type { UserFacts } from './principal.js';
import { newSecret, sha256Hex } from './secrets.js';
import { runCompiled } from '../http/compiled.js';
import { userFacts } from './user-store.js';

/**
 * Server-side sessions in the database's `sessions` table, so that several app servers on one
 * PostgreSQL share them. The browser holds a random token in an HttpOnly cookie; the table holds only
 * its SHA-256, so a lookup is one indexed read and no password hashing. Sessions expire after a period
 * without use (sliding) and, whatever the use, after an absolute lifetime.
 *
 * See: OWASP Session Management Cheat Sheet (idle and absolute timeouts, server-side invalidation).
 */

/** How long sessions live, and how often their use is written back. */
export interface SessionPolicy {
  /** Minutes without a request after which a session ends (sliding expiry). */
  readonly idleMinutes: number;
  /** Hours after login after which a session ends whatever its use. */
  readonly absoluteHours: number;
  /**
   * Seconds between writes of `last_seen_at`/`expires_at`: a request within this time of the last
   * write does not write, so reads stay reads (and the database stays byte-for-byte unchanged).
   */
  readonly touchSeconds: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 120, absoluteHours: 12, touchSeconds: 60 };

/** A session as the lookup returns it, with its user. */
export interface SessionFacts {
  readonly id: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastSeenAt: string;
  readonly csrfToken: string;
  readonly user: UserFacts;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The end of a session last used at `seen`, created at `created`. */
export function sessionExpiry(policy: SessionPolicy, created: Date, seen: Date): string {
  const idle = seen.getTime() + policy.idleMinutes * 60_000;
  const absolute = created.getTime() + policy.absoluteHours * 3_600_000;
  return iso(Math.min(idle, absolute));
}

/** A new session: the token for the cookie and its row values. Insert the row in the login's transaction. */
export function newSession(
  policy: SessionPolicy,
  userId: string,
  now: Date,
  meta: { readonly ip: string | null; readonly userAgent: string | null }
): {
  readonly token: string;
  readonly csrfToken: string;
  readonly row: DB['sessions'];
} {
  const token = newSecret();
  const csrfToken = newSecret('', 24);
  const at = now.toISOString();
  return {
    token,
    csrfToken,
    row: {
      id: sha256Hex(token),
      user_id: userId,
      created_at: at,
      expires_at: sessionExpiry(policy, now, now),
      last_seen_at: at,
      revoked_at: null,
      ip: meta.ip,
      user_agent: meta.userAgent === null ? null : meta.userAgent.slice(0, 300),
      data: JSON.stringify({ csrf: csrfToken }),
    },
  };
}

/** The live session of a token (not revoked, not expired), with its user; undefined otherwise. */
export async function lookupSession(db: Kysely<DB>, token: string, now: Date): Promise<SessionFacts | undefined> {
  const { rows } = await runCompiled(db, 'lookupSession', () => sessionQuery(db, ''), [sha256Hex(token)]);
  const r = rows[0];
  if (!r || r.revoked_at !== null || r.deleted_at !== null) return undefined;
  if (r.session_expires_at <= now.toISOString()) return undefined;
  let csrf = '';
  try {
    const data = JSON.parse(r.data) as { csrf?: unknown };
    if (typeof data.csrf === 'string') csrf = data.csrf;
  } catch {
    return undefined;
  }
  if (csrf === '') return undefined;
  return {
    id: r.session_id,
    createdAt: r.session_created_at,
    expiresAt: r.session_expires_at,
    lastSeenAt: r.last_seen_at,
    csrfToken: csrf,
    user: userFacts(r),
  };
}

/** The session lookup query (compiled once, see {@link runCompiled}). */
function sessionQuery(db: Kysely<DB>, hash: string) {
  return db
    .selectFrom('sessions as x')
    .innerJoin('users as u', 'u.id', 'x.user_id')
    .leftJoin('sites as s', 's.id', 'u.site_id')
    .select([
      'x.id as session_id',
      'x.created_at as session_created_at',
      'x.expires_at as session_expires_at',
      'x.last_seen_at',
      'x.revoked_at',
      'x.data',
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
    .where('x.id', '=', hash)
    .compile();
}

/** Extends a session's idle expiry when it was last written more than `touchSeconds` ago. */
export async function touchSession(db: Kysely<DB>, policy: SessionPolicy, s: SessionFacts, now: Date): Promise<void> {
  if (now.getTime() - Date.parse(s.lastSeenAt) < policy.touchSeconds * 1000) return;
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now.toISOString(), expires_at: sessionExpiry(policy, new Date(s.createdAt), now) })
    .where('id', '=', s.id)
    .execute();
}

/** Ends one session (logout). */
export async function revokeSession(db: Kysely<DB>, id: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now.toISOString() }).where('id', '=', id).execute();
}

/** Deletes sessions that ended more than a day ago (housekeeping; they are not audit records). */
export async function purgeSessions(db: Kysely<DB>, now: Date): Promise<number> {
  const cutoff = iso(now.getTime() - 86_400_000);
  const r = await db.deleteFrom('sessions').where('expires_at', '<', cutoff).executeTakeFirst();
  return Number(r.numDeletedRows);
}
