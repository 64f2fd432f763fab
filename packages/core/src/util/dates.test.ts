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
});
