import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Random secrets and their hashes. Session and API tokens are 256-bit random values; only their
 * SHA-256 is stored, so a copy of the database does not let anyone log in. A fast hash suffices for
 * such high-entropy secrets (unlike passwords), which keeps the session lookup cheap.
 *
 * See: OWASP Session Management Cheat Sheet (session ID entropy).
 */

/** A new random secret, base64url, with an optional prefix that says what it is (`cmrm_`). */
export function newSecret(prefix = '', bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/** The SHA-256 of a secret, hex. */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two strings in constant time (false when their lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The prefix of personal API tokens, so that secret scanners and people recognise them. */
export const API_TOKEN_PREFIX = 'cmrm_';
