import { useCallback, useEffect, useRef, useState } from 'react';

/** Timings the end-to-end run reads (`window.__cmrMassTimings`), in milliseconds. */
export interface ListTimings {
  /** From navigation start (the page load) to the first rows painted in this document. */
  firstPageSinceNavigationMs?: number;
  /** From the list page's mount to its first rows painted. */
  firstPageMs?: number;
  /** From the last change of a filter (the user's input) to the matching rows painted. */
  lastFilterMs?: number;
  /** When the last measured rows were painted (`performance.now()`, from navigation start). */
  shownAt?: number;
}

declare global {
  interface Window {
    __cmrMassTimings?: ListTimings;
  }
}

interface Pending {
  readonly kind: 'first' | 'filter';
  readonly at: number;
  /** The filters shown when the change started (the change is done when other rows are shown). */
  readonly fromKey: string | null;
}

/** Calls `fn` once the browser has painted the current frame (rAF, then a task after the paint). */
function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => {
    setTimeout(fn, 0);
  });
}

/** The list's timing, and the call that starts timing a change of filters. */
export interface ListTiming {
  /** Milliseconds of the last measurement (first page or last filter), or null before one. */
  readonly ms: number | null;
  /** Call when the user changes a filter, before the change is applied. */
  readonly startFilter: () => void;
}

/**
 * Measures how long the participant list takes to show rows: the first page from the page's mount
 * (and from navigation start, for a page load), and each change of filters from the user's input,
 * until the rows of the wanted filters (`wantedKey`) are on screen (`shownKey`, null while the
 * previous page stands in) and painted.
 */
export function useListTiming(wantedKey: string, shownKey: string | null): ListTiming {
  const [mountedAt] = useState(() => performance.now());
  const pending = useRef<Pending | null>({ kind: 'first', at: mountedAt, fromKey: null });
  const live = useRef(true);
  const [ms, setMs] = useState<number | null>(null);
  const shownRef = useRef<string | null>(shownKey);
  useEffect(() => {
    shownRef.current = shownKey;
  }, [shownKey]);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const startFilter = useCallback(() => {
    pending.current = { kind: 'filter', at: performance.now(), fromKey: shownRef.current };
  }, []);
  useEffect(() => {
    const p = pending.current;
    if (!p || shownKey === null || shownKey !== wantedKey || shownKey === p.fromKey) return;
    pending.current = null;
    afterPaint(() => {
      const now = performance.now();
      const took = Math.round(now - p.at);
      if (live.current) setMs(took);
      const prev = window.__cmrMassTimings ?? {};
      window.__cmrMassTimings =
        p.kind === 'first'
          ? {
              ...prev,
              firstPageMs: took,
              firstPageSinceNavigationMs: prev.firstPageSinceNavigationMs ?? Math.round(now),
              shownAt: now,
            }
          : { ...prev, lastFilterMs: took, shownAt: now };
    });
  }, [shownKey, wantedKey]);
  return { ms, startFilter };
}
