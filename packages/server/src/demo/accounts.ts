import type { Role } from '@cmr-mass/core';
import { newId, Repository, runAudited, StudyMetaKey, type DbHandle, type RepoContext } from '@cmr-mass/db';
import { hashPassword } from '../auth/passwords.js';
import { systemActor } from '../auth/principal.js';
import { createUser } from '../auth/user-admin.js';
import { findUserByEmail } from '../auth/user-store.js';

/**
 * The demo's log-ins: one known password per role, printed by `npm start`, for a database that holds
 * only synthetic data. Every account of a role shares its role's password, so each site's coordinator
 * logs in as `coordinator.<site>@demo.cmr-mass.example / demo-coordinator`.
 */

/** The e-mail domain of demo accounts (RFC 2606 reserves `.example`), as the synthetic cohort uses. */
export const DEMO_DOMAIN = 'demo.cmr-mass.example';

/** The demo password of each role. */
export const DEMO_PASSWORDS: Readonly<Record<Role, string>> = {
  admin: 'demo-admin-pass',
  investigator: 'demo-investigator',
  coordinator: 'demo-coordinator',
  reader: 'demo-reader-pass',
  monitor: 'demo-monitor-pass',
  statistician: 'demo-statistician',
};

/** One account shown on the terminal. */
export interface DemoAccount {
  readonly email: string;
  readonly password: string;
  readonly role: Role;
  readonly siteCode: string | null;
}

/** The accounts created when the database has none (before the synthetic cohort provides its own). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: `admin@${DEMO_DOMAIN}`, password: DEMO_PASSWORDS.admin, role: 'admin', siteCode: null },
  { email: `investigator.bj01@${DEMO_DOMAIN}`, password: DEMO_PASSWORDS.investigator, role: 'investigator', siteCode: 'BJ01' },
  { email: `coordinator.bj01@${DEMO_DOMAIN}`, password: DEMO_PASSWORDS.coordinator, role: 'coordinator', siteCode: 'BJ01' },
  { email: `coordinator.sh02@${DEMO_DOMAIN}`, password: DEMO_PASSWORDS.coordinator, role: 'coordinator', siteCode: 'SH02' },
  { email: `reader.1@${DEMO_DOMAIN}`, password: DEMO_PASSWORDS.reader, role: 'reader', siteCode: null },
  { email: `monitor@${DEMO_DOMAIN}`, password: DEMO_PASSWORDS.monitor, role: 'monitor', siteCode: null },
  { email: `statistician@${DEMO_DOMAIN}`, password: DEMO_PASSWORDS.statistician, role: 'statistician', siteCode: null },
];

/** The sites created when the database has none. */
const DEMO_SITES = [
  { code: 'BJ01', name: 'DEMO Beijing Heart Hospital (synthetic)', country: 'CN', timeZone: 'Asia/Shanghai' },
  { code: 'SH02', name: 'DEMO Shanghai Cardiovascular Centre (synthetic)', country: 'CN', timeZone: 'Asia/Shanghai' },
];

function ctx(display: string): RepoContext {
  return { actor: systemActor(display), now: () => new Date(), newId: () => newId() };
}

/**
 * Makes the demo log-ins work: when the database has no sites, creates two demo sites; creates the
 * accounts of {@link DEMO_ACCOUNTS} that do not exist; gives every `@demo.cmr-mass.example` account its
 * role's demo password (the synthetic loader creates its users without one); marks the database as
 * synthetic. Refuses a database that holds real data (not marked synthetic but with participants).
 *
 * @returns the accounts to print, one per role and site
 */
export async function ensureDemoAccounts(handle: DbHandle): Promise<DemoAccount[]> {
  const system = ctx('cmr-mass start (demo accounts)');
  const repo = new Repository(handle, system);
  const participants = await handle.db.selectFrom('participants').select('id').limit(1).execute();
  if (!(await repo.isSynthetic()) && participants.length > 0) {
    throw new Error('this database holds participants and is not marked synthetic: demo accounts are not added to real data');
  }
  await repo.setStudyMeta(StudyMetaKey.synthetic, true);
  const sites = await repo.listSites();
  if (sites.length === 0) {
    for (const s of DEMO_SITES) await repo.createSite({ ...s, active: true });
  }
  const byCode = new Map((await repo.listSites()).map((s) => [s.code, s.id]));
  for (const a of DEMO_ACCOUNTS) {
    if (await findUserByEmail(handle.db, a.email)) continue;
    const siteId = a.siteCode === null ? null : (byCode.get(a.siteCode) ?? null);
    if (a.siteCode !== null && siteId === null) continue;
    await createUser(handle, system, { email: a.email, role: a.role, siteId, password: a.password });
  }
  const users = await handle.db
    .selectFrom('users as u')
    .leftJoin('sites as s', 's.id', 'u.site_id')
    .select(['u.id', 'u.email', 'u.role', 'u.password_hash', 's.code'])
    .where('u.email', 'like', `%@${DEMO_DOMAIN}`)
    .where('u.deleted_at', 'is', null)
    .orderBy('u.email')
    .execute();
  const hashes = new Map<string, string>();
  const out: DemoAccount[] = [];
  for (const u of users) {
    const role = u.role as Role;
    const password = DEMO_PASSWORDS[role];
    if (password === undefined) continue;
    if (u.password_hash === null || !u.password_hash.startsWith('$argon2id$')) {
      let h = hashes.get(role);
      if (h === undefined) {
        h = await hashPassword(password);
        hashes.set(role, h);
      }
      const hash = h;
      await runAudited(handle, system, async (tx) => {
        await tx.db.updateTable('users').set({ password_hash: hash, password_changed_at: tx.at }).where('id', '=', u.id).execute();
        tx.audit({ action: 'update', entity: 'user', entityId: u.id, after: { passwordChanged: true }, reason: 'demo password' });
      });
    }
    out.push({ email: u.email, password, role, siteCode: u.code });
  }
  return out;
}
