import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers (helmet's, with our Content Security Policy), computed once at start-up and set
 * on every response. @fastify/helmet builds a helmet middleware on every request, which was a visible
 * share of an API request's CPU time; the headers do not depend on the request, so we build them once.
 *
 * See: https://helmetjs.github.io/ (the headers and their defaults), OWASP Secure Headers Project.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string | number | readonly string[]): void {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string): void {
      // helmet removes X-Powered-By, which Fastify never sets.
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
      delete headers[name.toLowerCase()];
    },
  };
  let failed: unknown = null;
  helmet(options)(Object.create(null) as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    failed = err ?? null;
  });
  if (failed !== null) throw failed instanceof Error ? failed : new Error('helmet: invalid options');
  return Object.freeze(headers);
}

/**
 * The headers of API responses (OWASP REST Security Cheat Sheet, "Security headers"): JSON is never
 * framed, sniffed, cached or allowed to load anything.
 */
export const API_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
});

/**
 * Sets the security headers on every response: the API's under `/api/v1`, helmet's (with the web
 * app's Content Security Policy) on pages, assets and the docs.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const pages = securityHeaders(options);
  app.addHook('onRequest', (req, reply, done) => {
    void reply.headers(req.url.startsWith('/api/v1/') ? API_HEADERS : pages);
    done();
  });
}
