import { NetworkError, toApiError } from './errors.js';

/** Query parameters: undefined, null and '' are left out. */
export type Query = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Turns a query object into `?a=1&b=2` (empty when nothing is set). */
export function queryString(q: Query | undefined): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Upload progress: bytes sent and total. */
export type ProgressFn = (loaded: number, total: number) => void;

/**
 * The typed HTTP client of the API: JSON in and out, the session cookie, the CSRF token on every
 * write, and error bodies turned into typed errors (`errors.ts`).
 */
export class ApiClient {
  #csrf: string | null = null;
  #onUnauthenticated: (() => void) | null = null;

  constructor(
    readonly base = '/api',
    private readonly fetchFn: typeof fetch = (...a) => fetch(...a)
  ) {}

  /** Sets the CSRF token the server gave at login (sent as `x-csrf-token` on writes). */
  setCsrfToken(token: string | null): void {
    this.#csrf = token;
  }

  /** Called when any request answers 401 (the session expired). */
  onUnauthenticated(fn: (() => void) | null): void {
    this.#onUnauthenticated = fn;
  }

  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', path + queryString(query), undefined, signal);
  }
  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }
  delete<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('DELETE', path, body);
  }

  /** Sends one request; resolves with the parsed JSON body or rejects with an {@link ApiError}. */
  async request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.#csrf) headers['x-csrf-token'] = this.#csrf;
    let res: Response;
    try {
      res = await this.fetchFn(this.base + path, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new NetworkError(e instanceof Error ? e.message : String(e));
    }
    const text = await res.text();
    let json: unknown = null;
    if (text) {
      try {
        json = JSON.parse(text) as unknown;
      } catch {
        json = null;
      }
    }
    if (!res.ok) {
      const err = toApiError(res.status, json);
      if (res.status === 401 && !path.startsWith('/v1/auth/')) this.#onUnauthenticated?.();
      throw err;
    }
    return json as T;
  }

  /**
   * Uploads files as multipart/form-data with progress (XMLHttpRequest: fetch has no upload
   * progress). Resolves with the parsed JSON answer.
   */
  upload<T>(path: string, form: FormData, onProgress?: ProgressFn): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', this.base + path);
      xhr.withCredentials = true;
      xhr.setRequestHeader('accept', 'application/json');
      if (this.#csrf) xhr.setRequestHeader('x-csrf-token', this.#csrf);
      xhr.upload.onprogress = (e): void => {
        if (e.lengthComputable) onProgress?.(e.loaded, e.total);
      };
      xhr.onerror = (): void => {
        reject(new NetworkError('upload failed'));
      };
      xhr.onload = (): void => {
        let json: unknown = null;
        try {
          json = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : null;
        } catch {
          json = null;
        }
        if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
        else reject(toApiError(xhr.status, json));
      };
      xhr.send(form);
    });
  }
}
