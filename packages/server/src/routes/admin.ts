import { site, siteCreate } from '@cmr-mass/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { publicUser } from '../auth/principal.js';
import { createUser, getUser, listUsers, updateUser } from '../auth/user-admin.js';
import { userCreateBody, userUpdateBody } from '../auth/user-schemas.js';
import type { AppDeps } from '../context.js';
import { addRoute } from '../http/route.js';
import { idParams } from '../http/schemas.js';

/** The body of a change to a site: the version read and the fields that change (the code never changes). */
export const siteUpdateBody = siteCreate
  .omit({ code: true })
  .partial()
  .extend({ version: z.number({ error: 'must be the version you read (a whole number)' }).int().min(1) })
  .strict();

/** `/api/v1/sites` and `/api/v1/users`: study administration (administrators; everyone may list sites). */
export function registerAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/sites',
    summary: 'The study sites',
    tags: ['admin'],
    response: z.object({ items: z.array(site) }),
    handler: async (_in, ctx) => ({ items: await ctx.repo.listSites() }),
  });
  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/sites/:id',
    summary: 'One site',
    tags: ['admin'],
    params: idParams,
    response: site,
    handler: ({ params }, ctx) => ctx.repo.getSite(params.id),
  });
  addRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/sites',
    summary: 'Create a site (administrators)',
    tags: ['admin'],
    body: siteCreate,
    status: 201,
    response: site,
    handler: ({ body }, ctx) => ctx.repo.createSite(body),
  });
  addRoute(app, deps, {
    method: 'PATCH',
    url: '/api/v1/sites/:id',
    summary: 'Change a site (administrators)',
    tags: ['admin'],
    params: idParams,
    body: siteUpdateBody,
    response: site,
    handler: ({ params, body }, ctx) => ctx.repo.updateSite(params.id, body),
  });

  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/users',
    summary: 'User accounts (administrators)',
    tags: ['admin'],
    response: z.object({ items: z.array(publicUser) }),
    handler: async (_in, ctx) => ({ items: await listUsers(deps.handle, ctx.actor) }),
  });
  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/users/:id',
    summary: 'One user account (administrators)',
    tags: ['admin'],
    params: idParams,
    response: publicUser,
    handler: ({ params }, ctx) => getUser(deps.handle, ctx.actor, params.id),
  });
  addRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/users',
    summary: 'Create a user account (administrators)',
    description:
      'Site roles (investigator, coordinator) need a site; admin, monitor and statistician have none; a reader may have one. The password must have at least 10 characters of two kinds.',
    tags: ['admin'],
    body: userCreateBody,
    status: 201,
    response: publicUser,
    handler: ({ body }, ctx) => createUser(deps.handle, ctx.repoContext, body),
  });
  addRoute(app, deps, {
    method: 'PATCH',
    url: '/api/v1/users/:id',
    summary: 'Change a user account: role, site, active, expiry, password, lock-out reset (administrators)',
    tags: ['admin'],
    params: idParams,
    body: userUpdateBody,
    response: publicUser,
    handler: ({ params, body }, ctx) => updateUser(deps.handle, ctx.repoContext, params.id, body),
  });
}
