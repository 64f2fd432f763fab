import { describe, expect, it } from 'vitest';
import type { WorklistItem } from '../api/types.js';
import { bucketsOf, itemsOf } from './buckets.js';

const item = (over: Partial<WorklistItem>): WorklistItem => ({
  participantId: 'p',
  studyId: 'BJ01-0001',
  month: 3,
  targetDate: '2026-03-15',
  windowStart: '2026-03-01',
  windowEnd: '2026-03-29',
  status: 'due',
  daysToWindowEnd: 14,
  failedAttempts: 0,
  ...over,
});

describe('worklist tabs', () => {
  const today = '2026-03-15';
  it('puts each visit where a coordinator looks for it', () => {
    expect(bucketsOf(item({}), today)).toEqual(['today', 'all']);
    expect(bucketsOf(item({ targetDate: '2026-03-19' }), today)).toEqual(['week', 'all']);
    expect(bucketsOf(item({ targetDate: '2026-03-30' }), today)).toEqual(['all']);
    expect(bucketsOf(item({ status: 'overdue', targetDate: '2026-03-10' }), today)).toEqual([
      'today',
      'overdue',
      'all',
    ]);
    expect(bucketsOf(item({ status: 'missed', daysToWindowEnd: -3 }), today)).toEqual(['missed', 'all']);
    expect(bucketsOf(item({ status: 'done' }), today)).toEqual([]);
  });

  it('sorts by urgency: overdue closing soonest, then due, then missed', () => {
    const items = [
      item({ studyId: 'A', status: 'missed', daysToWindowEnd: -5 }),
      item({ studyId: 'B', status: 'due', daysToWindowEnd: 10 }),
      item({ studyId: 'C', status: 'overdue', targetDate: '2026-03-01', daysToWindowEnd: 9 }),
      item({ studyId: 'D', status: 'overdue', targetDate: '2026-03-01', daysToWindowEnd: 2 }),
    ];
    expect(itemsOf(items, 'all', today).map((i) => i.studyId)).toEqual(['D', 'C', 'B', 'A']);
  });
});
