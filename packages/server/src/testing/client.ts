import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/authenticate.js';

/** A logged-in test client: the session cookie and the CSRF token. */
export interface TestSession {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly userId: string;
}

/** Logs in through the API and returns the session (throws when the login fails). */
export async function loginAs(app: FastifyInstance, email: string, password: string): Promise<TestSession> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('login set no session cookie');
  const body = res.json<{ csrfToken: string; user: { id: string } }>();
  return { cookie: cookie.value, csrfToken: body.csrfToken, userId: body.user.id };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Requests as a session (cookie + CSRF header on writes), or anonymously with `null`. */
export function client(app: FastifyInstance, session: TestSession | null) {
  const send = (method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
      ...(session
        ? {
            cookies: { [SESSION_COOKIE]: session.cookie },
            headers: method === 'GET' ? {} : { [CSRF_HEADER]: session.csrfToken },
          }
        : {}),
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, body?: unknown) => send('POST', url, body ?? {}),
    patch: (url: string, body: unknown) => send('PATCH', url, body),
    del: (url: string, body: unknown) => send('DELETE', url, body),
    send,
  };
}
export type TestClient = ReturnType<typeof client>;
