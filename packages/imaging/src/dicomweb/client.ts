import { boundaryOf, buildMultipart, parseMultipart } from './multipart.js';

/** A data set in the DICOM JSON model (PS3.18 Annex F): tag -> { vr, Value }. */
export type DicomJson = Readonly<
  Record<string, { readonly vr: string; readonly Value?: readonly unknown[] }>
>;

/** A DICOMweb request that failed (HTTP status and the server's text). */
export class DicomWebError extends Error {
  override readonly name = 'DicomWebError';
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message);
  }
}

/** Where and how to reach a DICOMweb server. */
export interface DicomWebOptions {
  /** Root of the DICOMweb service, e.g. `http://localhost:8042/dicom-web`. */
  readonly baseUrl: string;
  /** Extra headers on every request (e.g. Authorization). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The fetch to use (default: the global one). */
  readonly fetch?: typeof fetch;
}

/** The first value of an attribute of a DICOM JSON data set, as a string. */
export function jsonString(ds: DicomJson, tag: string): string | undefined {
  const v = ds[tag.toUpperCase()]?.Value?.[0];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'object' && 'Alphabetic' in v) return String(v.Alphabetic);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** A minimal DICOMweb client: search (QIDO-RS), retrieve (WADO-RS), store (STOW-RS). */
export interface DicomWebClient {
  /** QIDO-RS: GET {base}/studies?query. */
  searchStudies(query?: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<DicomJson[]>;
  /** QIDO-RS: GET {base}/studies/{study}/series, or {base}/series without a study. */
  searchSeries(
    studyUid?: string,
    query?: Readonly<Record<string, string>>,
    signal?: AbortSignal
  ): Promise<DicomJson[]>;
  /** QIDO-RS: GET {base}/studies/{study}/series/{series}/instances. */
  searchInstances(studyUid: string, seriesUid: string, signal?: AbortSignal): Promise<DicomJson[]>;
  /** WADO-RS: GET {base}/studies/{study}/series/{series}: every instance as Part 10 bytes. */
  retrieveSeries(
    studyUid: string,
    seriesUid: string,
    signal?: AbortSignal
  ): Promise<{ name: string; bytes: Uint8Array }[]>;
  /** WADO-RS: one instance as Part 10 bytes. */
  retrieveInstance(
    studyUid: string,
    seriesUid: string,
    sopUid: string,
    signal?: AbortSignal
  ): Promise<Uint8Array>;
  /** STOW-RS: POST {base}/studies with Part 10 files; resolves to the server's response data set. */
  store(files: readonly Uint8Array[], signal?: AbortSignal): Promise<DicomJson>;
}

const DICOM_PARTS = 'multipart/related; type="application/dicom"; transfer-syntax=*';

/**
 * Creates a DICOMweb client on plain `fetch` (no XMLHttpRequest, so it runs in Node and browsers).
 * See: DICOM PS3.18 §10.6 (QIDO-RS), §10.4 (WADO-RS), §10.5 (STOW-RS).
 *
 * @example
 * const web = createDicomWebClient({ baseUrl: 'http://localhost:8042/dicom-web' });
 * const series = await web.searchSeries(studyUid);
 * const files = await web.retrieveSeries(studyUid, seriesUid); // -> readDicomSeries(files)
 */
export function createDicomWebClient(options: DicomWebOptions): DicomWebClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  interface Req {
    readonly accept: string;
    readonly method?: string;
    readonly body?: Uint8Array<ArrayBuffer>;
    readonly contentType?: string;
    readonly signal?: AbortSignal;
  }
  async function request(path: string, init: Req): Promise<Response> {
    const headers: Record<string, string> = { ...(options.headers ?? {}), Accept: init.accept };
    if (init.contentType !== undefined) headers['Content-Type'] = init.contentType;
    const res = await doFetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body ? { body: init.body } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      throw new DicomWebError(
        `DICOMweb ${init.method ?? 'GET'} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`.trim(),
        res.status
      );
    }
    return res;
  }
  async function json(path: string, signal?: AbortSignal): Promise<DicomJson[]> {
    const res = await request(path, { accept: 'application/dicom+json', ...(signal ? { signal } : {}) });
    // 204 No Content: no match.
    if (res.status === 204) return [];
    const text = await res.text();
    return text.trim() === '' ? [] : (JSON.parse(text) as DicomJson[]);
  }
  const qs = (q?: Readonly<Record<string, string>>): string =>
    q && Object.keys(q).length > 0 ? `?${new URLSearchParams(q).toString()}` : '';
  async function parts(path: string, signal?: AbortSignal): Promise<Uint8Array[]> {
    const res = await request(path, { accept: DICOM_PARTS, ...(signal ? { signal } : {}) });
    const type = res.headers.get('content-type') ?? '';
    const body = new Uint8Array(await res.arrayBuffer());
    return parseMultipart(body, boundaryOf(type)).map((p) => p.body);
  }
  return {
    searchStudies: (query, signal) => json(`/studies${qs(query)}`, signal),
    searchSeries: (studyUid, query, signal) =>
      json(
        studyUid !== undefined
          ? `/studies/${encodeURIComponent(studyUid)}/series${qs(query)}`
          : `/series${qs(query)}`,
        signal
      ),
    searchInstances: (studyUid, seriesUid, signal) =>
      json(
        `/studies/${encodeURIComponent(studyUid)}/series/${encodeURIComponent(seriesUid)}/instances`,
        signal
      ),
    async retrieveSeries(studyUid, seriesUid, signal) {
      const bodies = await parts(
        `/studies/${encodeURIComponent(studyUid)}/series/${encodeURIComponent(seriesUid)}`,
        signal
      );
      return bodies.map((bytes, i) => ({ name: `${seriesUid}/${i + 1}`, bytes }));
    },
    async retrieveInstance(studyUid, seriesUid, sopUid, signal) {
      const bodies = await parts(
        `/studies/${encodeURIComponent(studyUid)}/series/${encodeURIComponent(seriesUid)}/instances/${encodeURIComponent(sopUid)}`,
        signal
      );
      if (bodies.length !== 1) {
        throw new DicomWebError(`WADO-RS instance ${sopUid}: ${bodies.length} parts`, 200);
      }
      return bodies[0]!;
    },
    async store(files, signal) {
      const { body, boundary } = buildMultipart(files, 'application/dicom');
      const res = await request('/studies', {
        method: 'POST',
        accept: 'application/dicom+json',
        body,
        contentType: `multipart/related; type="application/dicom"; boundary=${boundary}`,
        ...(signal ? { signal } : {}),
      });
      const text = await res.text();
      return text.trim() === '' ? {} : (JSON.parse(text) as DicomJson);
    },
  };
}
