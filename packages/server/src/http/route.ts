import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import { requestContext, type AppDeps, type RequestContext } from '../context.js';
import { unauthenticated } from './errors.js';
import { errorResponse } from './schemas.js';
import { zodValidatorCompiler } from './validation.js';

/** A body validator that accepts anything (the repository validates). */
const passThrough = (data: unknown): { value: unknown } => ({ value: data });

/** Validates params and query strings with zod, and leaves the body to the repository. */
const repositoryValidatesBody: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body' ? passThrough : zodValidatorCompiler(route as Parameters<typeof zodValidatorCompiler>[0]);

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, set by the authentication hook (null on public routes without credentials). */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Routes anyone may call (meta, login, the docs); every other `/api/v1` route needs credentials. */
    public?: boolean;
  }
}

/** The parsed parts of a request that a handler receives. */
export interface HandlerInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
}

/** A framework-free handler (style.md §2): input and context in, result out; errors are thrown DomainErrors. */
export type Handler<P, Q, B, R> = (input: HandlerInput<P, Q, B>, ctx: RequestContext) => Promise<R>;

/** One API route: method, path, the zod schemas (validation and OpenAPI), the success status and the handler. */
export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R> {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly params?: P;
  readonly querystring?: Q;
  readonly body?: B;
  /** The success response's schema (for the OpenAPI document). */
  readonly response: z.ZodType;
  /** The success status (default 200). */
  readonly status?: number;
  /**
   * `repository`: the body schema documents the route, but the body is validated by the repository
   * that receives it (with the same `core` schema and the same 400 naming the field), not twice.
   */
  readonly bodyValidatedBy?: 'route' | 'repository';
  readonly handler: Handler<z.output<P>, z.output<Q>, z.output<B>, R>;
}

/** The error statuses every authenticated route may answer, documented once. */
const ERROR_RESPONSES = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse } as const;

/** The context of an authenticated request (401 when there is none: the hook should have refused it). */
export function contextOf(deps: AppDeps, req: FastifyRequest): RequestContext {
  if (!req.principal) throw unauthenticated();
  return requestContext(deps, req.principal);
}

/**
 * Registers a route: Fastify validates params, query and body with the zod schemas (a 400 naming the
 * field), the handler runs with the request's context, and its result is sent with the route's status.
 */
export function addRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R>(
  app: FastifyInstance,
  deps: AppDeps,
  spec: RouteSpec<P, Q, B, R>
): void {
  const status = spec.status ?? 200;
  const extra: Record<number, z.ZodType> = {};
  if (spec.method !== 'GET') {
    extra[409] = errorResponse;
    extra[422] = errorResponse;
  }
  app.route({
    method: spec.method,
    url: spec.url,
    ...(spec.bodyValidatedBy === 'repository'
      ? { validatorCompiler: repositoryValidatesBody }
      : {}),
    schema: {
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: [...spec.tags],
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.querystring ? { querystring: spec.querystring } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      response: { [status]: spec.response, ...ERROR_RESPONSES, ...extra },
    },
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const ctx = contextOf(deps, req);
      const result = await spec.handler(
        {
          params: req.params as z.output<P>,
          query: req.query as z.output<Q>,
          body: req.body as z.output<B>,
        },
        ctx
      );
      return reply.code(status).send(result);
    },
  });
}
