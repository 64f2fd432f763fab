import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { DomainError } from '@cmr-mass/core';
import type { DbHandle } from '@cmr-mass/db';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { authenticate, checkCsrf } from './auth/authenticate.js';
import { DEFAULT_LOCKOUT_POLICY, type LockoutPolicy } from './auth/login.js';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from './auth/sessions.js';
import type { AppDeps } from './context.js';
import { handleError, handleNotFound, unauthenticated } from './http/errors.js';
import { registerOpenApi } from './http/openapi.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { jsonSerializerCompiler, zodValidatorCompiler } from './http/validation.js';
import { ImagingRunner, type RunnerOptions } from './imaging/runner.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerAnalysisRoutes, type AnalysisOptions } from './routes/analysis.js';
import { registerAuthRoutes, type LoginRateLimit } from './routes/auth.js';
import { registerExportRoutes } from './routes/exports.js';
import { registerFormRoutes } from './routes/forms.js';
import { registerImagingFileRoutes } from './routes/imaging-files.js';
import { registerImagingJobRoutes } from './routes/imaging-jobs.js';
import { registerImagingRoutes } from './routes/imaging.js';
import { registerParticipantRoutes } from './routes/participants.js';
import { registerSuggestionRoutes } from './routes/suggestion.js';
import { registerWorklistAuditRoutes } from './routes/worklist-audit.js';
import { registerWeb } from './web/static.js';

/** The version the API reports (the workspace's). */
export const API_VERSION = '0.1.0';

/** Options of {@link buildApp}. */
export interface AppOptions {
  /** The open database (migrated). */
  readonly handle: DbHandle;
  /** The clock (default: the system clock). Tests pass a fixed one. */
  readonly clock?: () => Date;
  /** Fastify's logger: false (default), true, or its options. Never logs bodies or cookies. */
  readonly logger?: FastifyServerOptions['logger'];
  readonly session?: Partial<SessionPolicy>;
  readonly lockout?: Partial<LockoutPolicy>;
  /** Login attempts per IP per window (default 20 per minute). */
  readonly loginRateLimit?: Partial<LoginRateLimit>;
  /** The largest request body in bytes (default 512 KiB). */
  readonly bodyLimit?: number;
  /** The built web app to serve at `/` (default: `packages/web/dist` when it exists); null for none. */
  readonly webDist?: string | null;
  /** Trust `X-Forwarded-*` from a reverse proxy (default false). */
  readonly trustProxy?: boolean;
  readonly analysis?: AnalysisOptions;
  /**
   * Run imaging jobs in this server (default true, as `cmr-mass serve` does): false for none, or the
   * runner's options (poll interval, lease, threads...). `app.close()` stops it and its worker pool.
   */
  readonly imagingRunner?: boolean | Omit<RunnerOptions, 'handle'>;
}

/**
 * Content Security Policy: only our own scripts; inline styles (the web app's UI kit and the docs page
 * set style attributes); images from us, data: and blob: URLs (figures, DICOM previews).
 */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  // Not `upgrade-insecure-requests`: the demo is served over plain HTTP on 127.0.0.1.
  upgradeInsecureRequests: null,
};

/**
 * Builds the HTTP application over an open database: the registry API under `/api/v1`, its OpenAPI
 * document at `/api/openapi.json`, the docs page at `/api/docs`, and the web app. Used by tests with
 * `app.inject()` and by `cmr-mass serve`.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const deps: AppDeps = {
    handle: options.handle,
    clock: options.clock ?? (() => new Date()),
    session: { ...DEFAULT_SESSION_POLICY, ...options.session },
    lockout: { ...DEFAULT_LOCKOUT_POLICY, ...options.lockout },
    version: API_VERSION,
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 512 * 1024,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(jsonSerializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('principal', null);
  // JSON-only writes: drop Fastify's text/plain parser, so any other content type is a 415.
  app.removeContentTypeParser('text/plain');

  registerSecurityHeaders(app, { contentSecurityPolicy: { directives: CSP_DIRECTIVES }, crossOriginEmbedderPolicy: false });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      new DomainError({ code: 'too_many_requests', message: `too many attempts: try again in ${context.after}` }),
  });
  await registerOpenApi(app, deps.version);

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/') && req.url !== '/api/v1') return;
    if (req.routeOptions.config.public) return;
    const principal = await authenticate(deps, req);
    if (!principal) throw unauthenticated();
    checkCsrf(principal, req);
    req.principal = principal;
  });

  registerAuthRoutes(app, deps, { max: 20, timeWindowMs: 60_000, ...options.loginRateLimit });
  registerAdminRoutes(app, deps);
  registerParticipantRoutes(app, deps);
  registerFormRoutes(app, deps);
  registerWorklistAuditRoutes(app, deps);
  registerSuggestionRoutes(app, deps);
  registerExportRoutes(app, deps);
  registerAnalysisRoutes(app, deps, options.analysis ?? {});
  const runner = startImagingRunner(app, deps, options.imagingRunner ?? true);
  await registerImagingRoutes(app, deps);
  registerImagingFileRoutes(app, deps);
  registerImagingJobRoutes(app, deps, () => runner?.wake());
  await registerWeb(app, deps, options.webDist);
  app.setNotFoundHandler(handleNotFound);
  return app;
}

/**
 * Starts this server's imaging job runner (unless `option` is false) once the app is ready, and stops
 * it, giving back the job in hand and closing its worker pool, when the app closes.
 */
function startImagingRunner(
  app: FastifyInstance,
  deps: AppDeps,
  option: boolean | Omit<RunnerOptions, 'handle'>
): ImagingRunner | null {
  if (option === false) return null;
  const runner = new ImagingRunner({
    clock: deps.clock,
    log: {
      info: (o, m) => {
        app.log.info(o, m);
      },
      error: (o, m) => {
        app.log.error(o, m);
      },
    },
    ...(option === true ? {} : option),
    handle: deps.handle,
  });
  app.addHook('onReady', () => {
    runner.start();
    return Promise.resolve();
  });
  app.addHook('onClose', () => runner.stop());
  return runner;
}
