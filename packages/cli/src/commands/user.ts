import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { isDomainError, Role } from '@cmr-mass/core';
import { newId, migrateToLatest, openDatabase, resolveDatabaseUrl, type DbHandle } from '@cmr-mass/db';
import {
  createUser,
  findUserByEmail,
  listUsers,
  passwordWeakness,
  resolveSiteId,
  systemActor,
  updateUser,
} from '@cmr-mass/server';
import { ExitCode, UsageError, writeLine, type CliCommand, type CliIo } from '../io.js';

const HELP = `usage: cmr-mass user add --email E --role R [--site CODE] [--name NAME] [--expires DATE] [--db URL]
       cmr-mass user passwd --email E [--db URL]
       cmr-mass user unlock --email E [--db URL]
       cmr-mass user list [--db URL]

add      creates an account. The password is read from standard input (its first line), so that it
         never appears in the shell history: printf '%s\\n' 'a long passphrase' | cmr-mass user add ...
         Roles: ${Role.codes.join(', ')}. Investigators and coordinators need --site (a site code such
         as BJ01); readers may have one; the other roles have none. --expires YYYY-MM-DD ends the
         account on that day (UTC).
passwd   sets a new password (from standard input) and ends the user's sessions.
unlock   clears failed logins and a lock-out.
list     prints the accounts.

The database is --db, else DATABASE_URL, else ./data/cmr-mass.sqlite. Every change is in the audit
trail, made by "system". Exit code 2 for bad input (the message names the field), 1 when it fails.`;

async function firstLine(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  const text = Buffer.concat(chunks).toString('utf8');
  return (text.split(/\r?\n/)[0] ?? '').replace(/\r$/, '');
}

async function withDb<T>(io: CliIo, db: string | undefined, work: (h: DbHandle) => Promise<T>): Promise<T> {
  const handle = openDatabase(resolveDatabaseUrl(db, io.env), { cwd: io.cwd });
  try {
    await migrateToLatest(handle);
    return await work(handle);
  } finally {
    await handle.close();
  }
}

const ctx = (display: string): { actor: ReturnType<typeof systemActor>; now: () => Date; newId: () => string } => ({
  actor: systemActor(display),
  now: () => new Date(),
  newId: () => newId(),
});

/** The field and message of a refused change, as `field: message`. */
function refusal(e: unknown): UsageError | null {
  if (isDomainError(e) && e.status < 500) return new UsageError(e.field ? `${e.field}: ${e.body.message}` : e.body.message, e.field);
  if (e instanceof Error && e.name === 'InputError') return new UsageError(e.message);
  return null;
}

async function readPassword(io: CliIo, email: string): Promise<string> {
  const password = await firstLine(io.stdin);
  if (password === '') throw new UsageError('password: give the password on standard input', 'password');
  const weak = passwordWeakness(password, email);
  if (weak !== null) throw new UsageError(`password: the password ${weak}`, 'password');
  return password;
}

async function add(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      site: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string' },
      db: { type: 'string' },
    },
    strict: true,
  });
  if (!values.email) throw new UsageError('--email: give the e-mail of the account', '--email');
  if (!values.role || !Role.has(values.role)) {
    throw new UsageError(`--role: must be one of ${Role.codes.join(', ')}`, '--role');
  }
  if (values.expires !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.expires)) {
    throw new UsageError('--expires: must be a date written YYYY-MM-DD', '--expires');
  }
  const email = values.email.trim().toLowerCase();
  const password = await readPassword(io, email);
  return withDb(io, values.db, async (handle) => {
    try {
      const siteId = values.site === undefined ? null : await resolveSiteId(handle.db, values.site, '--site');
      const user = await createUser(handle, ctx('cmr-mass user add'), {
        email,
        role: values.role,
        siteId,
        password,
        ...(values.name !== undefined ? { displayName: values.name } : {}),
        ...(values.expires !== undefined ? { expiresAt: `${values.expires}T00:00:00.000Z` } : {}),
      });
      writeLine(io.stdout, `created ${user.email} (${user.role}${user.siteCode ? `, ${user.siteCode}` : ''}), id ${user.id}`);
      return ExitCode.ok;
    } catch (e) {
      throw refusal(e) ?? e;
    }
  });
}

async function change(kind: 'passwd' | 'unlock', args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { email: { type: 'string' }, db: { type: 'string' } },
    strict: true,
  });
  if (!values.email) throw new UsageError('--email: give the e-mail of the account', '--email');
  const email = values.email.trim().toLowerCase();
  const password = kind === 'passwd' ? await readPassword(io, email) : undefined;
  return withDb(io, values.db, async (handle) => {
    const found = await findUserByEmail(handle.db, email);
    if (!found) throw new UsageError(`--email: no account with the e-mail ${email}`, '--email');
    try {
      await updateUser(handle, ctx(`cmr-mass user ${kind}`), found.user.id, {
        version: found.user.version,
        ...(password !== undefined ? { password } : {}),
        resetLockout: true,
      });
    } catch (e) {
      throw refusal(e) ?? e;
    }
    writeLine(io.stdout, kind === 'passwd' ? `new password set for ${email}` : `${email} unlocked`);
    return ExitCode.ok;
  });
}

async function list(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { db: { type: 'string' } }, strict: true });
  return withDb(io, values.db, async (handle) => {
    const users = await listUsers(handle, systemActor('cmr-mass user list'));
    for (const u of users) {
      const state = !u.active ? 'inactive' : u.lockedUntil ? `locked until ${u.lockedUntil}` : 'active';
      writeLine(io.stdout, [u.email, u.role, u.siteCode ?? '-', state, u.expiresAt ?? '-'].join('\t'));
    }
    return ExitCode.ok;
  });
}

/** `cmr-mass user`: account administration from the command line (the first administrator, resets). */
export const userCommand: CliCommand = {
  name: 'user',
  summary: 'user accounts: `user add --email E --role R [--site S]` (password on stdin)',
  help: HELP,
  async run(args, io) {
    const [sub, ...rest] = args;
    try {
      switch (sub) {
        case 'add':
          return await add(rest, io);
        case 'passwd':
        case 'unlock':
          return await change(sub, rest, io);
        case 'list':
          return await list(rest, io);
        default:
          throw new UsageError(`unknown sub-command '${sub ?? ''}' (add, passwd, unlock, list)`);
      }
    } catch (e) {
      if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
        throw new UsageError(e.message);
      }
      throw e;
    }
  },
};
