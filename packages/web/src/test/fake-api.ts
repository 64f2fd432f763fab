import { Api } from '../api/api.js';
import { ApiClient } from '../api/client.js';

/** A request the fake server saw. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

/** What a handler answers: a status and a JSON body. */
export interface FakeAnswer {
  readonly status?: number;
  readonly body?: unknown;
}

/** Answers one request, or undefined to fall through (404). */
export type FakeHandler = (req: SeenRequest) => FakeAnswer | undefined;

/**
 * An API client over an in-memory fake of the HTTP layer, for component tests only (the end-to-end
 * tests run against the real server). Records every request.
 */
export function fakeApi(handler: FakeHandler): { readonly api: Api; readonly seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString(), 'http://test');
    const path = url.pathname.replace(/^\/api/, '');
    const req: SeenRequest = {
      method: init?.method ?? 'GET',
      path,
      query: url.searchParams,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    };
    seen.push(req);
    const a = handler(req) ?? {
      status: 404,
      body: { error: { code: 'not_found', message: `${path} not found` } },
    };
    const status = a.status ?? 200;
    return Promise.resolve(
      new Response(a.body === undefined ? null : JSON.stringify(a.body), {
        status,
        headers: { 'content-type': 'application/json' },
      })
    );
  };
  return { api: new Api(new ApiClient('/api', fetchFn)), seen };
}
