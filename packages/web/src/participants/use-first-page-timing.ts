import { useEffect, useRef, useState } from 'react';

/** Timings the end-to-end run reads (`window.__cmrMassTimings`). */
declare global {
  interface Window {
    __cmrMassTimings?: { firstPageMs?: number; lastFilterMs?: number };
  }
}

interface Start {
  readonly key: string;
  readonly at: number;
  readonly first: boolean;
  done: boolean;
}

/**
 * Measures how long the participant list takes to show a page: from mount (the first page) or from
 * a change of filters (`filterKey`) until the rows for those filters (`dataKey`) are rendered.
 */
export function useFirstPageTiming(filterKey: string, dataKey: string | null): number | null {
  const start = useRef<Start | null>(null);
  const [ms, setMs] = useState<number | null>(null);
  useEffect(() => {
    start.current = { key: filterKey, at: performance.now(), first: start.current === null, done: false };
  }, [filterKey]);
  useEffect(() => {
    const s = start.current;
    if (!s || s.done || dataKey !== s.key) return;
    s.done = true;
    const took = Math.round(performance.now() - s.at);
    setMs(took);
    window.__cmrMassTimings = {
      ...window.__cmrMassTimings,
      ...(s.first ? { firstPageMs: took } : { lastFilterMs: took }),
    };
  }, [dataKey, filterKey]);
  return ms;
}
