import type { DeleteBody, FormName, LostToFollowUpBody, WithdrawBody } from '@cmr-mass/core';
import { ApiClient, type ProgressFn, type Query } from './client.js';
import { FORM_PATH } from './paths.js';
import type {
  CasebookResponse,
  HistoryEntry,
  Meta,
  Page,
  ParticipantFilters,
  ParticipantRow,
  RecordOf,
  SessionInfo,
  SiteRow,
  Suggestion,
  Worklist,
  WriteResult,
} from './types.js';

/** Paging of a form list. */
export interface ListQuery {
  readonly participantId?: string;
  readonly examId?: string;
  readonly page?: number;
  readonly pageSize?: number;
}

/** Filters of the follow-up worklist. */
export interface WorklistQuery {
  readonly site?: string;
  readonly from?: string;
  readonly to?: string;
  readonly status?: string;
}

/**
 * The API of `packages/server` (`/api/v1`), one typed method per endpoint. Errors are the typed
 * errors of `errors.ts`.
 */
export class Api {
  constructor(readonly http: ApiClient = new ApiClient()) {}

  meta(): Promise<Meta> {
    return this.http.get<Meta>('/v1/meta');
  }

  async login(email: string, password: string): Promise<SessionInfo> {
    const s = await this.http.post<SessionInfo>('/v1/auth/login', { email, password });
    this.http.setCsrfToken(s.csrfToken ?? null);
    return s;
  }

  async logout(): Promise<void> {
    try {
      await this.http.post('/v1/auth/logout');
    } finally {
      this.http.setCsrfToken(null);
    }
  }

  /** The current session (null when not logged in). Accepts `{user, csrfToken}` or a bare user. */
  async me(): Promise<SessionInfo | null> {
    try {
      const r = await this.http.get<SessionInfo | SessionInfo['user']>('/v1/auth/me');
      const s: SessionInfo = 'user' in r ? r : { user: r };
      if (s.csrfToken) this.http.setCsrfToken(s.csrfToken);
      return s;
    } catch (e) {
      if (e instanceof Error && (e.name === 'UnauthenticatedError' || e.name === 'NotFoundError')) {
        return null;
      }
      throw e;
    }
  }

  sites(): Promise<readonly SiteRow[]> {
    return this.http
      .get<readonly SiteRow[] | { items: readonly SiteRow[] }>('/v1/sites')
      .then((r) => ('items' in r ? r.items : r));
  }

  participants(f: ParticipantFilters, signal?: AbortSignal): Promise<Page<ParticipantRow>> {
    return this.http.get<Page<ParticipantRow>>('/v1/participants', f as Query, signal);
  }

  casebook(participantId: string): Promise<CasebookResponse> {
    return this.http.get<CasebookResponse>(`/v1/participants/${encodeURIComponent(participantId)}/casebook`);
  }

  list<F extends FormName>(form: F, q: ListQuery = {}): Promise<Page<RecordOf<F>>> {
    return this.http.get<Page<RecordOf<F>>>(`/v1/${FORM_PATH[form]}`, q as Query);
  }

  get<F extends FormName>(form: F, id: string): Promise<RecordOf<F>> {
    return this.http.get<RecordOf<F>>(`/v1/${FORM_PATH[form]}/${encodeURIComponent(id)}`);
  }

  create<F extends FormName>(
    form: F,
    body: Readonly<Record<string, unknown>>
  ): Promise<WriteResult<RecordOf<F>>> {
    return this.http.post<WriteResult<RecordOf<F>>>(`/v1/${FORM_PATH[form]}`, body);
  }

  /** Changes a record: `{version, reason?, ...changes}`. */
  update<F extends FormName>(
    form: F,
    id: string,
    body: Readonly<Record<string, unknown>>
  ): Promise<WriteResult<RecordOf<F>>> {
    return this.http.patch<WriteResult<RecordOf<F>>>(
      `/v1/${FORM_PATH[form]}/${encodeURIComponent(id)}`,
      body
    );
  }

  remove<F extends FormName>(form: F, id: string, body: DeleteBody): Promise<WriteResult<RecordOf<F>>> {
    return this.http.delete<WriteResult<RecordOf<F>>>(
      `/v1/${FORM_PATH[form]}/${encodeURIComponent(id)}`,
      body
    );
  }

  history(form: FormName, id: string): Promise<readonly HistoryEntry[]> {
    return this.http
      .get<readonly HistoryEntry[] | { items: readonly HistoryEntry[] }>(
        `/v1/${FORM_PATH[form]}/${encodeURIComponent(id)}/history`
      )
      .then((r) => ('items' in r ? r.items : r));
  }

  withdraw(participantId: string, body: WithdrawBody): Promise<WriteResult<RecordOf<'participant'>>> {
    return this.http.post(`/v1/participants/${encodeURIComponent(participantId)}/withdraw`, body);
  }

  lostToFollowUp(
    participantId: string,
    body: LostToFollowUpBody
  ): Promise<WriteResult<RecordOf<'participant'>>> {
    return this.http.post(`/v1/participants/${encodeURIComponent(participantId)}/lost-to-follow-up`, body);
  }

  worklist(q: WorklistQuery): Promise<Worklist> {
    return this.http
      .get<Worklist | Worklist['items']>('/v1/worklist', { pageSize: 500, ...q })
      .then((r) => (Array.isArray(r) ? { items: r } : (r as Worklist)));
  }

  suggestion(lesionFindingId: string): Promise<Suggestion> {
    return this.http.get<Suggestion>(`/v1/lesion-findings/${encodeURIComponent(lesionFindingId)}/suggestion`);
  }

  analysisResults(): Promise<unknown> {
    return this.http.get<unknown>('/v1/analysis/results');
  }

  /** Audit trail of the study (admin, monitor), newest last. */
  auditTrail(q: Query = {}): Promise<readonly HistoryEntry[]> {
    return this.http
      .get<readonly HistoryEntry[] | { items: readonly HistoryEntry[] }>('/v1/audit', q)
      .then((r) => ('items' in r ? r.items : r));
  }

  /** Uploads the files of a DICOM series for an exam, with progress. */
  uploadSeries<T>(examId: string, files: readonly File[], onProgress?: ProgressFn): Promise<T> {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    return this.http.upload<T>(`/v1/cmr-exams/${encodeURIComponent(examId)}/dicom`, form, onProgress);
  }
}
