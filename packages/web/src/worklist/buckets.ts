import { addDays } from '@cmr-mass/core';
import type { WorklistItem } from '../api/types.js';

/** The worklist's tabs. */
export const BUCKETS = ['today', 'week', 'overdue', 'missed', 'all'] as const;
export type Bucket = (typeof BUCKETS)[number];

/**
 * Which tabs a visit belongs to, as of `today`:
 * - today: open now and at or past its target date (call today);
 * - week: due, with the target date within the next seven days;
 * - overdue: past the target date, the window still open;
 * - missed: the window closed with no successful contact;
 * - all: every open visit (due, overdue, missed).
 */
export function bucketsOf(item: WorklistItem, today: string): Bucket[] {
  const out: Bucket[] = [];
  const open = item.status === 'due' || item.status === 'overdue';
  if (open && item.targetDate <= today) out.push('today');
  if (item.status === 'due' && item.targetDate > today && item.targetDate <= addDays(today, 6)) {
    out.push('week');
  }
  if (item.status === 'overdue') out.push('overdue');
  if (item.status === 'missed') out.push('missed');
  if (open || item.status === 'missed') out.push('all');
  return out;
}

/** The items of one tab, most urgent first (overdue closing soonest, then due, then missed). */
export function itemsOf(items: readonly WorklistItem[], bucket: Bucket, today: string): WorklistItem[] {
  const rank = { overdue: 0, due: 1, missed: 2 } as Record<string, number>;
  return items
    .filter((i) => bucketsOf(i, today).includes(bucket))
    .sort(
      (a, b) =>
        (rank[a.status] ?? 3) - (rank[b.status] ?? 3) ||
        (a.status === 'missed'
          ? b.daysToWindowEnd - a.daysToWindowEnd
          : a.daysToWindowEnd - b.daysToWindowEnd) ||
        a.studyId.localeCompare(b.studyId)
    );
}
