import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fake-api.js';
import {
  ConflictError,
  ForbiddenError,
  NetworkError,
  ReasonRequiredError,
  toApiError,
  ValidationError,
} from './errors.js';
import { ApiClient, queryString } from './client.js';

describe('toApiError', () => {
  it('types the error shape of the API', () => {
    const c = toApiError(409, {
      error: {
        code: 'version_conflict',
        message: 'changed',
        field: 'version',
        current: { id: 'x', version: 3 },
      },
    });
    expect(c).toBeInstanceOf(ConflictError);
    expect(c instanceof ConflictError ? c.current : null).toEqual({ id: 'x', version: 3 });
    expect(
      toApiError(400, { error: { code: 'reason_required', message: 'give a reason', field: 'reason' } })
    ).toBeInstanceOf(ReasonRequiredError);
    const v = toApiError(422, {
      error: { code: 'implausible', message: 'must be at most 250 mm', field: 'sizeLongMm' },
    });
    expect(v).toBeInstanceOf(ValidationError);
    expect(v.field).toBe('sizeLongMm');
    expect(toApiError(403, null)).toBeInstanceOf(ForbiddenError);
  });
});

describe('ApiClient', () => {
  it('leaves empty query values out', () => {
    expect(queryString({ a: 1, b: '', c: null, d: undefined, e: 'x y' })).toBe('?a=1&e=x+y');
  });

  it('sends the CSRF token on writes only, and turns errors into typed errors', async () => {
    const { api, seen } = fakeApi((r) =>
      r.path === '/v1/auth/login'
        ? { body: { user: { id: 'u', email: 'a@b.c', role: 'coordinator', siteId: 's' }, csrfToken: 'tok' } }
        : r.method === 'PATCH'
          ? {
              status: 400,
              body: { error: { code: 'reason_required', message: 'give a reason', field: 'reason' } },
            }
          : { body: { items: [], total: 0, page: 1, pageSize: 50 } }
    );
    await api.login('a@b.c', 'pw');
    await api.list('treatment', { participantId: 'p' });
    await expect(api.update('treatment', 't1', { version: 1 })).rejects.toBeInstanceOf(ReasonRequiredError);
    expect(seen[1]?.headers['x-csrf-token']).toBeUndefined();
    expect(seen[1]?.path).toBe('/v1/treatments');
    expect(seen[1]?.query.get('participantId')).toBe('p');
    expect(seen[2]?.headers['x-csrf-token']).toBe('tok');
  });

  it('says when the server cannot be reached', async () => {
    const c = new ApiClient('/api', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(c.get('/v1/meta')).rejects.toBeInstanceOf(NetworkError);
  });
});
