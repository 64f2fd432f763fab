import type { Role } from '@cmr-mass/core';
import type { DB } from '@cmr-mass/db';
import type { Kysely } from 'kysely';
import type { UserFacts } from './principal.js';

/**
 * Reads of the `users` table (a thin server-side helper over Kysely: `db` has no user repository).
 * No access checks here: callers are the login flow, the authentication hook and {@link UserAdmin},
 * which check.
 */

/** The columns selected for a {@link UserFacts}, with the site code from a left join. */
const COLUMNS = [
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
] as const;

/** The row shape those columns give. */
export interface UserFactsRow {
  id: string;
  email: string;
  display_name: string;
  role: string;
  site_id: string | null;
  site_code: string | null;
  active: number;
  expires_at: string | null;
  locked_until: string | null;
  failed_login_count: number;
  last_login_at: string | null;
  version: number;
  created_at: string;
}

/** A row as {@link UserFacts}. */
export function userFacts(r: UserFactsRow): UserFacts {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role as Role,
    siteId: r.site_id,
    siteCode: r.site_code,
    active: r.active === 1,
    expiresAt: r.expires_at,
    lockedUntil: r.locked_until,
    failedLoginCount: r.failed_login_count,
    lastLoginAt: r.last_login_at,
    version: r.version,
    createdAt: r.created_at,
  };
}

function base(db: Kysely<DB>) {
  return db.selectFrom('users as u').leftJoin('sites as s', 's.id', 'u.site_id').where('u.deleted_at', 'is', null);
}

/** A live user by id. */
export async function findUserById(db: Kysely<DB>, id: string): Promise<UserFacts | undefined> {
  const r = await base(db).select(COLUMNS).where('u.id', '=', id).executeTakeFirst();
  return r ? userFacts(r) : undefined;
}

/** A live user by e-mail (case-insensitive: e-mails are stored in lower case), with the password hash. */
export async function findUserByEmail(
  db: Kysely<DB>,
  email: string
): Promise<{ readonly user: UserFacts; readonly passwordHash: string | null } | undefined> {
  const r = await base(db)
    .select([...COLUMNS, 'u.password_hash'])
    .where('u.email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return r ? { user: userFacts(r), passwordHash: r.password_hash } : undefined;
}

/** Every live user, by e-mail. */
export async function listUserFacts(db: Kysely<DB>): Promise<UserFacts[]> {
  const rows = await base(db).select(COLUMNS).orderBy('u.email').execute();
  return rows.map(userFacts);
}
