import { isSynthetic } from '@cmr-mass/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiTokenView, createApiToken, listApiTokens, revokeApiToken } from '../auth/api-tokens.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/authenticate.js';
import { login, logout } from '../auth/login.js';
import { publicUser, toPublicUser } from '../auth/principal.js';
import { loginBody, tokenCreateBody } from '../auth/user-schemas.js';
import { todayOf, type AppDeps } from '../context.js';
import { errorResponse, idParams } from '../http/schemas.js';
import { addRoute, contextOf } from '../http/route.js';
import { DomainError } from '@cmr-mass/core';

/** The answer of login and `/auth/me`: the user and the CSRF token to send on writes. */
const sessionAnswer = z.object({
  user: publicUser,
  csrfToken: z.string().nullable().describe(`send it as the ${CSRF_HEADER} header on cookie-authenticated writes`),
});

const metaAnswer = z.object({
  demo: z.boolean().describe('true when the database holds the synthetic demo cohort'),
  version: z.string(),
  languages: z.array(z.enum(['en', 'zh'])),
  today: z.string().describe('the server clock date (UTC), YYYY-MM-DD'),
});

/** Options of the login route: how many attempts per IP per minute. */
export interface LoginRateLimit {
  readonly max: number;
  readonly timeWindowMs: number;
}

function cookieOptions(req: FastifyRequest, maxAgeSeconds: number): Record<string, unknown> {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    maxAge: maxAgeSeconds,
  };
}

/** `/api/v1/meta` and `/api/v1/auth/*`: login, logout, the current user, personal API tokens. */
export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps, rate: LoginRateLimit): void {
  app.route({
    method: 'GET',
    url: '/api/v1/meta',
    config: { public: true },
    schema: { summary: 'About this server (public)', tags: ['meta'], security: [], response: { 200: metaAnswer } },
    handler: async () => ({
      demo: await isSynthetic(deps.handle.db),
      version: deps.version,
      languages: ['en', 'zh'],
      today: todayOf(deps),
    }),
  });

  app.route({
    method: 'POST',
    url: '/api/v1/auth/login',
    config: { public: true, rateLimit: { max: rate.max, timeWindow: rate.timeWindowMs } },
    schema: {
      summary: 'Log in with e-mail and password',
      description:
        'Sets an HttpOnly session cookie and returns the user and the CSRF token. Five wrong passwords in a row lock the account for 15 minutes; attempts are rate-limited per IP.',
      tags: ['auth'],
      security: [],
      body: loginBody,
      response: { 200: sessionAnswer, 400: errorResponse, 401: errorResponse, 423: errorResponse, 429: errorResponse },
    },
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const r = await login(deps.handle, deps.clock, { lockout: deps.lockout, session: deps.session }, req.body, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      const maxAge = Math.max(1, Math.floor((Date.parse(r.expiresAt) - deps.clock().getTime()) / 1000));
      void reply.setCookie(SESSION_COOKIE, r.token, cookieOptions(req, deps.session.absoluteHours * 3600 || maxAge));
      return { user: toPublicUser(r.user), csrfToken: r.csrfToken };
    },
  });

  app.route({
    method: 'POST',
    url: '/api/v1/auth/logout',
    schema: {
      summary: 'Log out (ends the session)',
      tags: ['auth'],
      response: { 204: z.null().describe('logged out'), 401: errorResponse, 403: errorResponse },
    },
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const ctx = contextOf(deps, req);
      if (ctx.principal.via === 'session') await logout(deps.handle, deps.clock, ctx.principal.user, ctx.principal.sessionId);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  });

  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/auth/me',
    summary: 'The current user and CSRF token',
    tags: ['auth'],
    response: sessionAnswer,
    handler: (_in, ctx) =>
      Promise.resolve({
        user: toPublicUser(ctx.principal.user),
        csrfToken: ctx.principal.via === 'session' ? ctx.principal.csrfToken : null,
      }),
  });

  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/auth/tokens',
    summary: 'Your personal API tokens',
    tags: ['auth'],
    response: z.object({ items: z.array(apiTokenView) }),
    handler: async (_in, ctx) => ({ items: await listApiTokens(deps.handle.db, ctx.actor.userId) }),
  });

  addRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/auth/tokens',
    summary: 'Create a personal API token (the secret is shown once)',
    description:
      'Only from a logged-in session. Send the secret as `Authorization: Bearer <secret>`; requests with a token need no CSRF header.',
    tags: ['auth'],
    body: tokenCreateBody,
    status: 201,
    response: z.object({ token: apiTokenView, secret: z.string() }),
    handler: async ({ body }, ctx) => {
      if (ctx.principal.via !== 'session') {
        throw new DomainError({ code: 'forbidden', message: 'create API tokens from a logged-in session, not with a token' });
      }
      return createApiToken(deps.handle, ctx.repoContext, body);
    },
  });

  addRoute(app, deps, {
    method: 'DELETE',
    url: '/api/v1/auth/tokens/:id',
    summary: 'Revoke one of your API tokens',
    tags: ['auth'],
    params: idParams,
    response: z.object({ token: apiTokenView }),
    handler: async ({ params }, ctx) => ({ token: await revokeApiToken(deps.handle, ctx.repoContext, params.id) }),
  });
}
