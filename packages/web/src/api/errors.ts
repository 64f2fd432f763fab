import type { ErrorCode } from '@cmr-mass/core';

/** One field-level problem reported by the server (`error.issues`). */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

/**
 * An error answered by the API, typed from its body `{"error": {"code","message","field"?,"current"?}}`
 * (core's `ErrorBody`). Subclasses name the cases the UI handles differently.
 */
export class ApiError extends Error {
  override readonly name: string = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly field?: string,
    readonly issues: readonly FieldIssue[] = []
  ) {
    super(message);
  }
}

/** The session is missing or expired (401). */
export class UnauthenticatedError extends ApiError {
  override readonly name = 'UnauthenticatedError';
}

/** The role or site does not allow this (403). */
export class ForbiddenError extends ApiError {
  override readonly name = 'ForbiddenError';
}

/** The record does not exist, or is hidden (404). */
export class NotFoundError extends ApiError {
  override readonly name = 'NotFoundError';
}

/** The record changed since it was read (409 `version_conflict`): `current` is the record now. */
export class ConflictError extends ApiError {
  override readonly name = 'ConflictError';
  constructor(
    status: number,
    message: string,
    readonly current: Readonly<Record<string, unknown>> | null,
    field?: string
  ) {
    super(status, 'version_conflict', message, field);
  }
}

/** Data already saved as complete: the change needs a reason (400 `reason_required`). */
export class ReasonRequiredError extends ApiError {
  override readonly name = 'ReasonRequiredError';
}

/** Bad input or a broken plausibility rule (400 `bad_request`, 422 `implausible`), naming the field. */
export class ValidationError extends ApiError {
  override readonly name = 'ValidationError';
}

/** The server could not be reached. */
export class NetworkError extends ApiError {
  override readonly name = 'NetworkError';
  constructor(message: string) {
    super(0, 'network', message);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Builds the typed error for an HTTP error response and its parsed JSON body (if any). */
export function toApiError(status: number, body: unknown): ApiError {
  const err = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = (typeof err.code === 'string' ? err.code : statusCode(status)) as ErrorCode;
  const message = typeof err.message === 'string' ? err.message : `HTTP ${status}`;
  const field = typeof err.field === 'string' ? err.field : undefined;
  const issues = Array.isArray(err.issues)
    ? err.issues.filter(
        (i): i is FieldIssue => isRecord(i) && typeof i.field === 'string' && typeof i.message === 'string'
      )
    : [];
  if (code === 'version_conflict') {
    return new ConflictError(status, message, isRecord(err.current) ? err.current : null, field);
  }
  if (code === 'reason_required') return new ReasonRequiredError(status, code, message, field ?? 'reason');
  if (code === 'unauthenticated' || status === 401) return new UnauthenticatedError(status, code, message);
  if (code === 'forbidden' || status === 403) return new ForbiddenError(status, code, message, field);
  if (code === 'not_found' || status === 404) return new NotFoundError(status, code, message, field);
  if (code === 'bad_request' || code === 'implausible' || status === 400 || status === 422) {
    return new ValidationError(status, code, message, field, issues);
  }
  return new ApiError(status, code, message, field, issues);
}

function statusCode(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'bad_request';
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
    case 422:
      return 'implausible';
    case 429:
      return 'too_many_requests';
    default:
      return 'internal';
  }
}
