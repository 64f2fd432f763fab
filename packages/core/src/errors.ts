/**
 * Domain errors as typed values (style.md §5, after medplum's OperationOutcome and fastify's error
 * catalogue). Every failure a user can cause has a stable code, an HTTP status, a message for people
 * and, where one field is at fault, its path (`sizeLongMm`, `lesions[2].t1NativeMs`).
 */
export const ErrorCode = {
  /** Input that does not match the schema. */
  badRequest: 'bad_request',
  /** Changing data already saved as complete needs a reason for the change. */
  reasonRequired: 'reason_required',
  /** Not logged in, or the credentials are wrong. */
  unauthenticated: 'unauthenticated',
  /** Logged in, but the role or site does not allow this. */
  forbidden: 'forbidden',
  notFound: 'not_found',
  /** The record changed since the client read it (optimistic concurrency). */
  versionConflict: 'version_conflict',
  /** A record with the same natural key exists already. */
  duplicate: 'duplicate',
  /** A value breaks a plausibility rule (dates out of order, value out of range). */
  implausible: 'implausible',
  /** The study forbids this change in the record's current state (e.g. editing a withdrawn participant). */
  invalidState: 'invalid_state',
  tooManyRequests: 'too_many_requests',
  accountLocked: 'account_locked',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The HTTP status of each error code. */
export const errorStatus: Readonly<Record<ErrorCode, number>> = {
  bad_request: 400,
  reason_required: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  duplicate: 409,
  implausible: 422,
  invalid_state: 409,
  too_many_requests: 429,
  account_locked: 423,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
};

/** The body of every error response: `{"error": {"code", "message", "field"?}}`. */
export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly field?: string;
  /** For a version conflict: the record as it is now, so the client can show both versions. */
  readonly current?: unknown;
  /** For several failed rules at once: each with its field. */
  readonly issues?: readonly { readonly field: string; readonly message: string }[];
}

/** An error the user caused (or may see): thrown by `core` and `db`, turned into a response by `server`. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(readonly body: ErrorBody) {
    super(body.field ? `${body.field}: ${body.message}` : body.message);
  }
  get code(): ErrorCode {
    return this.body.code;
  }
  get status(): number {
    return errorStatus[this.body.code];
  }
  get field(): string | undefined {
    return this.body.field;
  }
}

/** True when `e` is a {@link DomainError} (optionally with the given code). */
export function isDomainError(e: unknown, code?: ErrorCode): e is DomainError {
  return e instanceof DomainError && (code === undefined || e.code === code);
}

export const badRequest = (message: string, field?: string): DomainError =>
  new DomainError({ code: 'bad_request', message, ...(field ? { field } : {}) });
export const forbidden = (message = 'Your role or site does not allow this'): DomainError =>
  new DomainError({ code: 'forbidden', message });
export const notFound = (what: string): DomainError =>
  new DomainError({ code: 'not_found', message: `${what} not found` });
export const versionConflict = (current: unknown, expected: number, actual: number): DomainError =>
  new DomainError({
    code: 'version_conflict',
    message: `The record was changed by someone else (you edited version ${expected}; it is now version ${actual})`,
    field: 'version',
    current,
  });
export const reasonRequired = (): DomainError =>
  new DomainError({
    code: 'reason_required',
    message: 'This record was saved as complete: give a reason for the change',
    field: 'reason',
  });
export const implausible = (field: string, message: string): DomainError =>
  new DomainError({ code: 'implausible', message, field });
export const invalidState = (message: string, field?: string): DomainError =>
  new DomainError({ code: 'invalid_state', message, ...(field ? { field } : {}) });
export const duplicate = (message: string, field?: string): DomainError =>
  new DomainError({ code: 'duplicate', message, ...(field ? { field } : {}) });
