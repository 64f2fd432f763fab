/** The parts of the analysis results (results.json) the dashboard reads; the rest is passed through. */
export interface ResultsLike {
  readonly snapshot: {
    readonly key: string;
    readonly taken_at: string;
    readonly today: string;
    readonly synthetic: string | null;
  };
  readonly index: readonly {
    readonly id: string;
    readonly status: string;
    readonly n: number;
    readonly events: number | null;
    readonly message: string | null;
  }[];
  readonly [section: string]: unknown;
}

/** True when a value has the shape of the analysis results. */
export function isResults(v: unknown): v is ResultsLike {
  if (v === null || typeof v !== 'object') return false;
  const r = v as Partial<ResultsLike>;
  return typeof r.snapshot === 'object' && r.snapshot !== null && Array.isArray(r.index);
}
