import { DomainError, errorStatus, type ErrorBody, type ErrorCode } from '@cmr-mass/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Bad input found by the HTTP layer (a body, query or path that does not match its schema). Kept
 * apart from `DomainError` because Fastify writes `code` and `statusCode` onto validation errors,
 * which `DomainError`'s getters do not allow.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  statusCode = 400;
  constructor(readonly body: ErrorBody) {
    super(body.field ? `${body.field}: ${body.message}` : body.message);
  }
}

/** An error with an explicit HTTP status, for the few answers `core`'s codes do not cover (501). */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly body: ErrorBody
  ) {
    super(body.message);
  }
}

/** 501: the endpoint exists but what it needs has not landed yet. */
export function notImplemented(message: string): HttpError {
  return new HttpError(501, { code: 'internal', message });
}

/** Makes an {@link ErrorBody} with a code, a message and maybe the field at fault. */
export function errorBody(code: ErrorCode, message: string, field?: string): ErrorBody {
  return field === undefined ? { code, message } : { code, message, field };
}

/** What the error handler sends: the HTTP status and the one error shape. */
export interface ErrorResponse {
  readonly status: number;
  readonly body: { readonly error: ErrorBody };
}

/** Fastify's own error codes that are the client's fault, with the body they become. */
const FASTIFY_CLIENT_ERRORS: Readonly<Record<string, (e: FastifyError) => ErrorBody>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => errorBody('payload_too_large', 'the request body is too large'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    errorBody('unsupported_media_type', 'send the body as JSON (Content-Type: application/json)', '(body)'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => errorBody('bad_request', 'the Content-Length is wrong', '(body)'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => errorBody('bad_request', 'the JSON body is empty', '(body)'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => errorBody('bad_request', 'the body is not valid JSON', '(body)'),
  FST_ERR_CTP_INVALID_TYPE: () => errorBody('unsupported_media_type', 'the Content-Type is not valid', '(body)'),
  FST_ERR_BAD_URL: () => errorBody('bad_request', 'the URL is not valid'),
  FST_ERR_ASYNC_CONSTRAINT: () => errorBody('bad_request', 'the request is not valid'),
};

/** True when `e` looks like an error Fastify or one of its plugins raised. */
function isFastifyError(e: unknown): e is FastifyError {
  return e instanceof Error && typeof (e as Partial<FastifyError>).code === 'string';
}

/**
 * Maps any thrown value to the status and body of the one error shape `{"error": {...}}`. Domain
 * errors keep their code, field and `current`; input errors are 400 naming the field; Fastify's
 * parsing errors become 400/413/415; anything else is a 500 whose message never reveals internals.
 *
 * @param e - what was thrown
 * @param requestId - the request id, quoted in a 500 so that people can find the server's log line
 */
export function toErrorResponse(e: unknown, requestId: string): ErrorResponse {
  if (e instanceof DomainError) return { status: e.status, body: { error: e.body } };
  if (e instanceof InputError) return { status: 400, body: { error: e.body } };
  if (e instanceof HttpError) return { status: e.status, body: { error: e.body } };
  if (isFastifyError(e)) {
    const known = FASTIFY_CLIENT_ERRORS[e.code];
    if (known) {
      const body = known(e);
      return { status: errorStatus[body.code], body: { error: body } };
    }
    if (e.statusCode === 429) {
      return { status: 429, body: { error: errorBody('too_many_requests', e.message || 'too many requests') } };
    }
    if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      return { status: e.statusCode, body: { error: errorBody(codeOfStatus(e.statusCode), e.message) } };
    }
  }
  return {
    status: 500,
    body: {
      error: errorBody('internal', `something went wrong on the server (request ${requestId}); nothing was saved`),
    },
  };
}

/** The closest error code of a 4xx status. */
function codeOfStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'version_conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 422:
      return 'implausible';
    case 429:
      return 'too_many_requests';
    default:
      return 'bad_request';
  }
}

/**
 * Fastify's error handler: one error shape for every failure, the stack trace only in the server's
 * log (for 5xx), never in the response.
 */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body } = toErrorResponse(error, request.id);
  if (status >= 500 && status !== 501) {
    request.log.error({ err: error }, 'unexpected error');
  } else {
    request.log.info({ code: body.error.code, field: body.error.field }, 'request refused');
  }
  if (status === 401) void reply.header('www-authenticate', 'Bearer realm="cmr-mass", Cookie');
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** The not-found handler: unknown routes get the one error shape too. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0] ?? request.url;
  return reply
    .code(404)
    .send({ error: errorBody('not_found', `no such endpoint: ${request.method} ${path}`) });
}

/** A 401 for requests without valid credentials. */
export function unauthenticated(message = 'log in, or send an API token as Authorization: Bearer <token>'): DomainError {
  return new DomainError({ code: 'unauthenticated', message });
}
