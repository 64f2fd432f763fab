/**
 * Calendar dates as ISO 8601 strings (`YYYY-MM-DD`), computed in UTC so that no time zone or
 * daylight-saving change moves a study date. Pure functions; no `Date.now()` inside.
 */

/** An ISO 8601 calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written `YYYY-MM-DD` (rejects 2025-02-30). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/**
 * Days since 1970-01-01 of the proleptic Gregorian date y-m-d (m 1-12; d may run past the month's
 * end, as `Date.UTC` allows). Integer arithmetic, no `Date` object.
 *
 * See: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (days_from_civil).
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The year, month (1-12) and day of a day number since 1970-01-01 (Hinnant's civil_from_days). */
function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** The digits of `YYYY-MM-DD` as numbers, or null when `s` is not written so. */
function parseDigits(s: string): [number, number, number] | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  return [y, m, d];
}

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of a year 0-9999, month and day. */
function isoOf(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`;
}

/** Days since 1970-01-01 of an ISO date. */
export function toEpochDay(date: IsoDate): number {
  const p = parseDigits(date);
  if (!p) throw new RangeError(`toEpochDay: not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = p;
  if (m >= 1 && m <= 12) return daysFromCivil(y, m, d);
  // A month outside 1-12 rolls over as Date.UTC rolls it (the regex admits 00-99).
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The ISO date of a day number since 1970-01-01. */
export function fromEpochDay(day: number): IsoDate {
  const [y, m, d] = civilFromDays(day);
  if (y >= 0 && y <= 9999) return isoOf(y, m, d);
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** `date` plus `days` days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * `date` plus `months` calendar months; a day that does not exist in the target month is clamped to
 * its last day (2025-01-31 + 1 month = 2025-02-28), as R's lubridate `%m+%` and most EDC schedulers do.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const p = parseDigits(date);
  if (!p) throw new RangeError(`addMonths: not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = p;
  const mo = m - 1 + months;
  const targetYear = y + Math.floor(mo / 12);
  const targetMonth = (((mo % 12) + 12) % 12) + 1; // 1-12
  return fromEpochDay(
    daysFromCivil(targetYear, targetMonth, Math.min(d, daysInMonth(targetYear, targetMonth)))
  );
}

/** Days in month `m` (1-12) of year `y`, Gregorian. */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The later of two dates (either may be missing). */
export function maxDate(a: IsoDate | null | undefined, b: IsoDate | null | undefined): IsoDate | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a >= b ? a : b;
}

/** The earlier of two dates (either may be missing). */
export function minDate(a: IsoDate | null | undefined, b: IsoDate | null | undefined): IsoDate | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a <= b ? a : b;
}

/** Completed years of age on `date` for someone born in `birthYear` (only the year is known: mid-year assumed). */
export function ageAt(birthYear: number, date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return year - birthYear - (month < 7 ? 1 : 0);
}
