import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/authenticate.js';

/** Where the OpenAPI document and the interactive docs page are served. */
export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';

/** Tags of the OpenAPI document, in the order the docs page shows them. */
const TAGS = [
  { name: 'meta', description: 'About this server' },
  { name: 'auth', description: 'Login, logout, the current user, personal API tokens' },
  { name: 'admin', description: 'Sites and user accounts' },
  { name: 'participants', description: 'Participants, withdrawal, loss to follow-up, the casebook' },
  { name: 'follow-up', description: 'The follow-up worklist' },
  { name: 'decision-support', description: 'Decision support for a lesion' },
  { name: 'imaging', description: 'DICOM upload, series, maps and source images, imaging jobs' },
  { name: 'exports', description: 'Streamed, audited CSV exports and the codebook' },
  { name: 'analysis', description: "The analysis package's results" },
  { name: 'audit', description: 'The hash-chained audit trail' },
];

const DESCRIPTION = `The registry API of cmr-mass: a multi-centre cohort study of cardiac masses examined by CMR.

**Log in** with \`POST /api/v1/auth/login\` ("Try it out"): the browser keeps the session cookie, and this page
sends the CSRF token from the answer on every write by itself. Scripts use a personal API token instead
(\`POST /api/v1/auth/tokens\`, then \`Authorization: Bearer <token>\`).

**Errors** all have one shape: \`{"error": {"code", "message", "field"?}}\`: 400 bad input (naming the field),
401 not logged in, 403 your role or site does not allow it, 404, 409 version conflict (\`error.current\` is the
record now), 422 a plausibility rule, 423 account locked, 429 too many attempts.

**Roles**: admin (users and sites; no clinical edits), investigator and coordinator (their own site), reader
(CMR findings and diagnoses; blinded to the reference diagnosis, treatments and outcomes), monitor (reads all
sites), statistician (de-identified data of all sites, read-only). Everything else is denied.`;

/**
 * Runs in the browser (serialized into the docs page by @fastify/swagger-ui): remembers the CSRF token
 * of a login or `/auth/me` answer and sends it with every later request.
 */
function responseInterceptor<T extends { body?: unknown }>(res: T): T {
  const body = res.body as { csrfToken?: unknown } | undefined;
  if (body && typeof body.csrfToken === 'string') {
    (globalThis as { cmrMassCsrf?: string }).cmrMassCsrf = body.csrfToken;
  }
  return res;
}

/** Runs in the browser: adds the remembered CSRF token to a request. */
function requestInterceptor<T extends { headers?: Record<string, string> }>(req: T): T {
  const t = (globalThis as { cmrMassCsrf?: string }).cmrMassCsrf;
  if (typeof t === 'string' && req.headers) req.headers['x-csrf-token'] = t;
  return req;
}

/**
 * Registers @fastify/swagger (the OpenAPI 3 document, generated from the same zod schemas that
 * validate the requests, which are `core`'s) and the interactive docs page.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'cmr-mass registry API', version, description: DESCRIPTION },
      tags: TAGS,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [], csrf: [] }, { bearer: [] }],
    },
    transform: createJsonSchemaTransform({ skipList: [] }),
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PATH,
    uiConfig: {
      docExpansion: 'list',
      deepLinking: true,
      persistAuthorization: true,
      tryItOutEnabled: true,
      withCredentials: true,
      displayRequestDuration: true,
      requestInterceptor,
      responseInterceptor,
    },
    theme: { title: 'cmr-mass API' },
  });
  app.get(OPENAPI_PATH, { schema: { hide: true }, config: { public: true } }, () => app.swagger());
}
