import { describe, expect, it } from 'vitest';
import { dateIn } from './scope.js';

describe('dateIn', () => {
  it('gives the calendar date in the site time zone', () => {
    const at = new Date('2025-03-01T20:30:00Z');
    expect(dateIn(at, 'Asia/Shanghai')).toBe('2025-03-02');
    expect(dateIn(at, 'Europe/Berlin')).toBe('2025-03-01');
    expect(dateIn(at, 'America/Los_Angeles')).toBe('2025-03-01');
    expect(dateIn(new Date('2025-03-01T15:59:59Z'), 'Asia/Shanghai')).toBe('2025-03-01');
    expect(dateIn(new Date('2025-03-01T16:00:00Z'), 'Asia/Shanghai')).toBe('2025-03-02');
  });
  it('falls back to UTC for an unknown zone', () => {
    expect(dateIn(new Date('2025-03-01T23:30:00Z'), 'Mars/Olympus')).toBe('2025-03-01');
  });
});
