import { isDomainError } from '@cmr-mass/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.js';
import { openDatabase, type DbHandle } from '../handle/open.js';
import { describeEachDialect } from '../testing/dialect-suite.js';
import {
  seedCasebook,
  seedStudy,
  testContext,
  type CasebookIds,
  type TestStudy,
} from '../testing/fixtures.js';
import { Repository } from './repository.js';

describeEachDialect('concurrent writers', (db, dialect) => {
  let study: TestStudy;
  let ids: CasebookIds;
  /** On PostgreSQL, three "app servers" (each its own pool) write to the same database. */
  let servers: DbHandle[] = [];
  beforeAll(async () => {
    study = await seedStudy(db().handle);
    ids = await seedCasebook(study);
    servers =
      dialect === 'postgres' ? [0, 1, 2].map(() => openDatabase(db().url, { poolSize: 4 })) : [db().handle];
  });
  afterAll(async () => {
    if (dialect === 'postgres') for (const s of servers) await s.close();
  });
  const repoOn = (i: number, actor = study.actors.coordinatorA): Repository =>
    new Repository(servers[i % servers.length]!, testContext(actor));

  it('keep the audit chain whole and contiguous', async () => {
    const before = await verifyAuditChain(db().handle);
    const n = 60;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        repoOn(i).create('treatment', {
          participantId: ids.participant,
          type: 'conservative',
          startDate: '2025-05-21',
        })
      )
    );
    const after = await verifyAuditChain(db().handle);
    expect(after.ok).toBe(true);
    expect(after.rows).toBe(before.rows + n);
    expect(after.head.seq).toBe(after.rows);
  });

  it('allocate every study ID of a site once, without gaps', async () => {
    const n = 30;
    const created = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        repoOn(i, study.actors.coordinatorB).create('participant', { siteId: study.siteB.id })
      )
    );
    const numbers = created.map((c) => Number(c.record.studyId.split('-')[1])).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(n);
    expect(numbers[n - 1]! - numbers[0]!).toBe(n - 1);
    expect((await verifyAuditChain(db().handle)).ok).toBe(true);
  });

  it('label new lesions L2, L3... once each', async () => {
    const exam = await repoOn(0).create('cmr_exam', {
      participantId: ids.participant,
      kind: 'follow_up',
      visitMonth: 1,
      examDate: '2025-05-27',
    });
    const n = 8;
    const found = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        repoOn(i).create('lesion_finding', { examId: exam.record.id, sizeLongMm: 10 + i })
      )
    );
    expect(found.map((f) => f.record.lesionLabel).sort()).toEqual(
      Array.from({ length: n }, (_, i) => `L${i + 2}`).sort()
    );
  });

  it('let exactly one of many writers of the same version win; the others get a conflict', async () => {
    const exam = await repoOn(0).get('cmr_exam', ids.exam);
    const n = 10;
    const outcomes = await Promise.allSettled(
      Array.from({ length: n }, (_, i) =>
        repoOn(i).update('cmr_exam', ids.exam, {
          version: exam.version,
          lvMassG: 100 + i,
          reason: `writer ${i}`,
        })
      )
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.status === 'rejected');
    expect(won).toHaveLength(1);
    for (const l of lost) {
      expect(isDomainError(l.reason, 'version_conflict')).toBe(true);
    }
    const winner = (won[0] as PromiseFulfilledResult<{ record: { lvMassG: number | null } }>).value.record
      .lvMassG;
    const stored = await repoOn(1).get('cmr_exam', ids.exam);
    expect(stored.lvMassG).toBe(winner);
    expect(stored.version).toBe(exam.version + 1);
    const h = await repoOn(0).history('cmr_exam', ids.exam);
    expect(
      h.filter(
        (e) => e.action === 'update' && e.changes.some((c) => c.field === 'lvMassG' && c.after === winner)
      )
    ).toHaveLength(1);
  });

  it('roll back a failing write without disturbing the ones committed with it', async () => {
    const before = await verifyAuditChain(db().handle);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        repoOn(i).create('treatment', {
          participantId: ids.participant,
          type: 'conservative',
          startDate: i % 3 === 0 ? '2099-01-01' : '2025-05-21',
        })
      )
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    expect(ok).toBe(8);
    const after = await verifyAuditChain(db().handle);
    expect(after.ok).toBe(true);
    expect(after.rows).toBe(before.rows + 8);
  });
});
