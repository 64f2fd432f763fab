import { DomainError } from '@cmr-mass/core';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../context.js';
import { unauthenticated } from '../http/errors.js';
import { lookupApiToken, touchApiToken } from './api-tokens.js';
import { accountUsable, actorOf, type Principal } from './principal.js';
import { safeEqual } from './secrets.js';
import { lookupSession, touchSession } from './sessions.js';

/** The name of the session cookie. */
export const SESSION_COOKIE = 'cmr_mass_session';
/** The header that carries the CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Finds who is calling: an `Authorization: Bearer <token>` header (a personal API token) or else the
 * session cookie. A bearer header that does not check out is a 401 (no fall-back to the cookie).
 * Returns null for a request with neither.
 */
export async function authenticate(deps: AppDeps, req: FastifyRequest): Promise<Principal | null> {
  const now = deps.clock();
  const header = req.headers.authorization;
  if (typeof header === 'string' && header !== '') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    const t = await lookupApiToken(deps.handle.db, m[1]!, now);
    if (!t || !accountUsable(t.user, now)) throw unauthenticated('the API token is not valid (revoked, expired or unknown)');
    await touchApiToken(deps.handle.db, t, now, deps.session.touchSeconds);
    return { via: 'token', actor: actorOf(t.user), user: t.user, tokenId: t.id };
  }
  const token = req.cookies[SESSION_COOKIE];
  if (typeof token !== 'string' || token === '') return null;
  const s = await lookupSession(deps.handle.db, token, now);
  if (!s || !accountUsable(s.user, now)) return null;
  await touchSession(deps.handle.db, deps.session, s, now);
  return { via: 'session', actor: actorOf(s.user), user: s.user, sessionId: s.id, csrfToken: s.csrfToken };
}

/**
 * Refuses a cookie-authenticated write without the session's CSRF token in `x-csrf-token` (the
 * synchronizer-token pattern; API tokens need none, browsers never attach them on their own).
 *
 * See: OWASP Cross-Site Request Forgery Prevention Cheat Sheet (synchronizer token pattern).
 */
export function checkCsrf(principal: Principal, req: FastifyRequest): void {
  if (principal.via !== 'session' || SAFE_METHODS.has(req.method)) return;
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !safeEqual(sent, principal.csrfToken)) {
    throw new DomainError({
      code: 'forbidden',
      message: 'send the CSRF token from login or /auth/me in the x-csrf-token header',
      field: CSRF_HEADER,
    });
  }
}
