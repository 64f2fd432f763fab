import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageAt, daysBetween, fromEpochDay, isIsoDate, toEpochDay } from './dates.js';

describe('dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-01')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
  });
  it('counts days across a leap year and round-trips epoch days', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-01-01')).toBe(-366);
    expect(fromEpochDay(toEpochDay('2031-07-15'))).toBe('2031-07-15');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2022-05-10', 36)).toBe('2025-05-10');
  });
  it('computes age from a birth year assuming mid-year birth', () => {
    expect(ageAt(1960, '2020-03-01')).toBe(59);
    expect(ageAt(1960, '2020-09-01')).toBe(60);
  });
  it('agrees with JavaScript Date arithmetic on every day from 1900 to 2200 (the integer algorithms)', () => {
    const DAY = 86_400_000;
    const viaDate = {
      to: (d: string): number => Math.round(Date.parse(`${d}T00:00:00Z`) / DAY),
      from: (n: number): string => new Date(n * DAY).toISOString().slice(0, 10),
      addMonths: (d: string, k: number): string => {
        const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
        const mo = m - 1 + k;
        const ty = y + Math.floor(mo / 12);
        const tm = ((mo % 12) + 12) % 12;
        const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
        return new Date(Date.UTC(ty, tm, Math.min(dd, last))).toISOString().slice(0, 10);
      },
    };
    for (let n = viaDate.to('1900-01-01'); n <= viaDate.to('2200-12-31'); n++) {
      const iso = viaDate.from(n);
      if (fromEpochDay(n) !== iso || toEpochDay(iso) !== n) throw new Error(`day ${n}: ${iso}`);
    }
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 60_000 }), fc.integer({ min: -480, max: 480 }), (n, k) => {
        const d = viaDate.from(n);
        expect(addMonths(d, k)).toBe(viaDate.addMonths(d, k));
      }),
      { numRuns: 2000, seed: 7 }
    );
    expect(() => toEpochDay('2025-1-01')).toThrow(RangeError);
    expect(() => addMonths('20250101', 1)).toThrow(RangeError);
  });
});
