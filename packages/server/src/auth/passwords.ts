import { hash, verify } from '@node-rs/argon2';
import { badRequest } from '@cmr-mass/core';

/**
 * argon2id parameters: OWASP's first recommended configuration (19 MiB, 2 passes, 1 lane), about
 * 50 ms here. Used only at login and when a password is set, never on the request path of a session.
 *
 * See: https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id,
 * RFC 9106 (Argon2).
 */
export const ARGON2_OPTIONS = {
  // The algorithm is @node-rs/argon2's default, argon2id (its `Algorithm` is a const enum, which
  // `verbatimModuleSyntax` cannot read at run time); the tests check the PHC string says argon2id.
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** The shortest password accepted (NIST SP 800-63B §3.1.1.2 asks for at least 8; we ask for 10). */
export const MIN_PASSWORD_LENGTH = 10;
/** The longest password accepted (argon2 takes any length; this bounds the work of a login). */
export const MAX_PASSWORD_LENGTH = 256;

/** Passwords too common to allow, whatever their length (a short deny list, as SP 800-63B advises). */
const COMMON = new Set([
  'password123',
  'password1234',
  'passw0rd123',
  'qwertyuiop',
  'qwerty12345',
  '1234567890',
  '12345678910',
  'iloveyou123',
  'administrator',
  'letmein12345',
  'welcome1234',
  'changeme123',
]);

/**
 * Why a password is too weak, or null when it is acceptable: at least 10 characters, at most 256, two
 * kinds of character (lower case, upper case, digits, others), not one repeated character, not a
 * well-known password and not the account's e-mail.
 *
 * See: NIST SP 800-63B §5.1.1.2 (memorized secret verifiers).
 */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(password)).length;
  if (kinds < 2) return 'must mix at least two kinds of character (letters, digits, symbols)';
  if (new Set(password).size < 4) return 'is too repetitive';
  if (COMMON.has(password.toLowerCase())) return 'is a well-known password';
  if (email !== undefined && password.toLowerCase() === email.toLowerCase()) return 'must not be the e-mail';
  return null;
}

/** Throws a 400 naming `field` when the password is too weak. */
export function requireStrongPassword(password: string, email?: string, field = 'password'): void {
  const weak = passwordWeakness(password, email);
  if (weak !== null) throw badRequest(`the password ${weak}`, field);
}

/** The argon2id PHC string of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/**
 * A PHC string that no password matches, verified against when an e-mail is unknown so that a login
 * takes as long for an unknown account as for a known one.
 */
let decoy: Promise<string> | undefined;

/** True when `password` matches the PHC string (false for a malformed or missing hash). */
export async function verifyPassword(phc: string | null, password: string): Promise<boolean> {
  if (phc === null) {
    decoy ??= hashPassword('decoy password that nobody has');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}
