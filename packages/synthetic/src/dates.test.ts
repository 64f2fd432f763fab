import { addDays, daysBetween, fromEpochDay, toEpochDay } from '@cmr-mass/core';
import { describe, expect, it } from 'vitest';
import { daysFrom, epochDay, isoOfDay, plusDays } from './dates.js';

describe('fast dates', () => {
  it("agree with core's Date-based helpers over 1900-2100", () => {
    for (let day = toEpochDay('1900-01-01'); day <= toEpochDay('2100-12-31'); day += 1) {
      const iso = fromEpochDay(day);
      if (isoOfDay(day) !== iso || epochDay(iso) !== day) {
        expect([isoOfDay(day), epochDay(iso)]).toEqual([iso, day]);
      }
    }
    expect(plusDays('2024-02-28', 1)).toBe(addDays('2024-02-28', 1));
    expect(plusDays('2023-12-31', 60)).toBe(addDays('2023-12-31', 60));
    expect(daysFrom('2008-01-01', '2026-06-01')).toBe(daysBetween('2008-01-01', '2026-06-01'));
  });
});
