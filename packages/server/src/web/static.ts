import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { isSynthetic } from '@cmr-mass/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../context.js';
import { handleNotFound } from '../http/errors.js';
import { DOCS_PATH, OPENAPI_PATH } from '../http/openapi.js';

/** The web app's build output in the workspace (`packages/web/dist`). */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** What the database holds, for the page shown when the web app is not built. */
async function summary(deps: AppDeps): Promise<{ sites: number; participants: number; users: number; demo: boolean }> {
  const db = deps.handle.db;
  const count = async (table: 'sites' | 'participants' | 'users'): Promise<number> => {
    const r = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    return Number((r as { n?: unknown } | undefined)?.n ?? 0);
  };
  return {
    sites: await count('sites'),
    participants: await count('participants'),
    users: await count('users'),
    demo: await isSynthetic(db),
  };
}

/** The small HTML page served at `/` when `packages/web/dist` is missing. */
export async function fallbackPage(deps: AppDeps): Promise<string> {
  const s = await summary(deps);
  const banner = s.demo
    ? '<p class="demo">DEMO: this database holds a synthetic cohort; no real patients.</p>'
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>cmr-mass</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
.demo{background:#fff3cd;border:1px solid #e0c36a;padding:.5rem 1rem}code{background:#f4f4f4;padding:0 .2rem}</style>
</head><body>
<h1>cmr-mass registry</h1>
${banner}
<p>The web app is not built yet (<code>packages/web/dist</code> is missing). The API is running.</p>
<ul>
<li>Database: <code>${escapeHtml(deps.handle.location)}</code> (${escapeHtml(deps.handle.dialect)})</li>
<li>${s.sites} sites, ${s.participants} participants, ${s.users} user accounts</li>
</ul>
<p><a href="${DOCS_PATH}">Interactive API documentation</a>: log in with <code>POST /api/v1/auth/login</code>,
then try every endpoint. The OpenAPI document is at <a href="${OPENAPI_PATH}">${OPENAPI_PATH}</a>.</p>
</body></html>`;
}

/** The file under `root` that a URL path names, if it exists and stays inside `root`. */
function fileUnder(root: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0] ?? '/').replace(/^\/+/, '');
  } catch {
    return null;
  }
  if (rel === '') return null;
  const full = resolve(root, rel);
  if (!full.startsWith(`${root}${sep}`)) return null;
  try {
    return statSync(full).isFile() ? relative(root, full) : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built web app from `dist` (its files, and `index.html` for every other non-API path so
 * that the single-page app's routes load), looked up at each request so that a build finishing after
 * the server started is served at once. Without a build, `/` is a small page that says what the
 * database holds and links to the API docs.
 */
export async function registerWeb(app: FastifyInstance, deps: AppDeps, dist: string | null | undefined): Promise<void> {
  const root = resolve(dist === undefined ? DEFAULT_WEB_DIST : (dist ?? DEFAULT_WEB_DIST));
  const enabled = dist !== null;
  await app.register(fastifyStatic, { root, serve: false, wildcard: false });
  app.get('/*', { schema: { hide: true } }, async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.url.startsWith('/api/')) return handleNotFound(req, reply);
    const built = enabled && existsSync(join(root, 'index.html'));
    if (built) {
      const file = fileUnder(root, req.url);
      return reply.sendFile(file ?? 'index.html');
    }
    if ((req.url.split('?')[0] ?? '') !== '/') return handleNotFound(req, reply);
    return reply.type('text/html; charset=utf-8').send(await fallbackPage(deps));
  });
}
