import { z } from 'zod';

/** One entry of a record's history (db's `HistoryEntry`): who, when, what changed field by field, why. */
export const historyEntry = z.object({
  seq: z.number().describe('position in the hash-chained audit trail'),
  at: z.string().describe('UTC timestamp'),
  actor: z.object({ id: z.string(), role: z.string(), display: z.string() }),
  action: z.string().describe('create, update, delete, withdraw, lost_to_follow_up, login, export...'),
  entity: z.string(),
  entityId: z.string().nullable(),
  participantId: z.string().nullable(),
  reason: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
