const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date (`YYYY-MM-DD`) of `at` in the IANA time zone `timeZone` (UTC when the zone is
 * unknown): "today" at a site, for its worklist and schedules, as `db` computes it for its checks.
 */
export function dateIn(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    const opts = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    try {
      f = new Intl.DateTimeFormat('en-CA', { ...opts, timeZone });
    } catch {
      f = new Intl.DateTimeFormat('en-CA', { ...opts, timeZone: 'UTC' });
    }
    formatters.set(timeZone, f);
  }
  return f.format(at);
}
