import type { IsoDate } from '@cmr-mass/core';

/**
 * Fast calendar arithmetic for the generator (tens of thousands of dates per cohort): epoch days and
 * ISO dates converted with integer arithmetic only, after Howard Hinnant's `days_from_civil` and
 * `civil_from_days` (See: https://howardhinnant.github.io/date_algorithms.html). Agrees with core's
 * `toEpochDay` / `fromEpochDay` (tested), which go through `Date`.
 */

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (no validation: the generator makes only valid ones). */
export function epochDay(date: IsoDate): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The `YYYY-MM-DD` date of a day number since 1970-01-01 (years 0-9999). */
export function isoOfDay(day: number): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** `date` plus `days` days. */
export function plusDays(date: IsoDate, days: number): IsoDate {
  return isoOfDay(epochDay(date) + days);
}

/** Whole days from `a` to `b`. */
export function daysFrom(a: IsoDate, b: IsoDate): number {
  return epochDay(b) - epochDay(a);
}
