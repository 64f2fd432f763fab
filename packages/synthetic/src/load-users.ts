import type { DbHandle, RepoContext } from '@cmr-mass/db';
import { runAudited } from '@cmr-mass/db';
import type { SyntheticUser } from './types.js';

/** A demo user already in the database (a demo database made by `cmr-mass start`, say). */
export interface ExistingUser {
  readonly id: string;
  readonly role: string;
  readonly siteId: string | null;
}

/** The users of the database with the demo users' e-mails, by lower-case e-mail. */
export async function existingUsers(
  handle: DbHandle,
  users: readonly SyntheticUser[]
): Promise<Map<string, ExistingUser>> {
  const emails = users.map((u) => u.email.toLowerCase());
  if (emails.length === 0) return new Map();
  const rows = await handle.db
    .selectFrom('users')
    .select(['id', 'email', 'role', 'site_id'])
    .where('email', 'in', emails)
    .where('deleted_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.email, { id: r.id, role: r.role, siteId: r.site_id }]));
}

/**
 * Creates the demo users. The db layer has no user repository yet, so this inserts the rows itself,
 * in one audited transaction, with no password hash: the accounts cannot log in with a password until
 * the API's user management sets one (`cmr-mass user`). Replace with the user repository when it lands.
 */
export async function createUsers(
  handle: DbHandle,
  ctx: RepoContext,
  users: readonly SyntheticUser[],
  idOf: (u: SyntheticUser) => string,
  siteIdOf: (code: string) => string
): Promise<void> {
  await runAudited(handle, ctx, async (tx) => {
    for (const u of users) {
      const id = idOf(u);
      const siteId = u.siteCode === null ? null : siteIdOf(u.siteCode);
      await tx.db
        .insertInto('users')
        .values({
          id,
          email: u.email.toLowerCase(),
          display_name: u.displayName,
          role: u.role,
          site_id: siteId,
          password_hash: null,
          active: 1,
          expires_at: null,
          failed_login_count: 0,
          locked_until: null,
          last_login_at: null,
          password_changed_at: null,
          version: 1,
          created_at: tx.at,
          updated_at: tx.at,
          created_by: ctx.actor.userId,
          updated_by: ctx.actor.userId,
          deleted_at: null,
        })
        .execute();
      tx.audit({
        action: 'create',
        entity: 'user',
        entityId: id,
        siteId,
        after: {
          email: u.email.toLowerCase(),
          displayName: u.displayName,
          role: u.role,
          siteId,
          synthetic: true,
        },
      });
    }
  });
}
