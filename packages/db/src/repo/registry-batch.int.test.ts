import { formNames, isDomainError, type Actor, type FormName } from '@cmr-mass/core';
import { beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.js';
import { dumpDatabaseText } from '../backup/logical-dump.js';
import { describeEachDialect } from '../testing/dialect-suite.js';
import {
  fullInput,
  seedCasebook,
  seedStudy,
  testContext,
  type CasebookIds,
  type Parents,
  type TestStudy,
} from '../testing/fixtures.js';
import type { RepoContext } from './context.js';
import { registryBatch, type RegistryBatch } from './registry-batch.js';

type Rec = Record<string, unknown>;
const input = (form: FormName, p: Parents): never => fullInput(form, p) as never;

/** Fields that differ between two writes of the same data: ids, stamps and the study number. */
const VOLATILE = new Set([
  'id',
  'participantId',
  'examId',
  'lesionId',
  'visitId',
  'readerId',
  'studyId',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
]);
const stable = (r: Rec): Rec => Object.fromEntries(Object.entries(r).filter(([k]) => !VOLATILE.has(k)));

/** Writes the fixture casebook in one batch, as seedCasebook does one create at a time. */
async function batchCasebook(b: RegistryBatch, staff: RepoContext, reader: RepoContext, siteId: string) {
  const participant = (await b.create(staff, 'participant', input('participant', { siteId }))).record.id;
  await b.create(staff, 'identifiers', input('identifiers', { participantId: participant }));
  await b.create(staff, 'eligibility', input('eligibility', { participantId: participant }));
  const exam = (await b.create(staff, 'cmr_exam', input('cmr_exam', { participantId: participant }))).record
    .id;
  const f = (await b.create(staff, 'lesion_finding', input('lesion_finding', { examId: exam }))).record;
  await b.create(reader, 'reading', input('reading', { examId: exam, lesionId: f.lesionId }));
  await b.create(
    staff,
    'reference_diagnosis',
    input('reference_diagnosis', { participantId: participant, lesionId: f.lesionId })
  );
  await b.create(
    staff,
    'treatment',
    input('treatment', { participantId: participant, lesionId: f.lesionId })
  );
  const visit = (
    await b.create(staff, 'follow_up_visit', input('follow_up_visit', { participantId: participant }))
  ).record.id;
  await b.create(
    staff,
    'outcome_event',
    input('outcome_event', { participantId: participant, visitId: visit })
  );
  return participant;
}

describeEachDialect('registry batch', (db) => {
  let study: TestStudy;
  let single: CasebookIds;
  let staff: RepoContext;
  let reader: RepoContext;
  beforeAll(async () => {
    study = await seedStudy(db().handle);
    single = await seedCasebook(study);
    staff = testContext(study.actors.coordinatorA);
    reader = testContext(study.actors.readerCentral);
  });

  /** Every live record of a participant's casebook, form by form, without ids and stamps. */
  async function casebookOf(participantId: string): Promise<Record<string, Rec[]>> {
    const repo = study.repo(study.actors.investigatorA);
    const out: Record<string, Rec[]> = {};
    for (const form of formNames.filter((f) => f !== 'participant')) {
      const page = await repo.list(form, { participantId, limit: 100 });
      out[form] = page.items.map((r) => stable(r as unknown as Rec));
    }
    out.participant = [stable(await repo.get('participant', participantId))];
    return out;
  }

  /** The audit rows of a participant as (actor, action, entity, reason), in order. */
  async function auditOf(participantId: string): Promise<string[]> {
    const rows = await study.handle.db
      .selectFrom('audit_log')
      .select(['actor_id', 'action', 'entity', 'reason'])
      .where('participant_id', '=', participantId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => `${r.actor_id} ${r.action} ${r.entity} ${r.reason ?? ''}`);
  }

  it('stores the same casebook, status and audit rows as one create at a time, in one transaction', async () => {
    const participant = await registryBatch(study.handle, (b) =>
      batchCasebook(b, staff, reader, study.siteA.id)
    );
    expect(await casebookOf(participant)).toEqual(await casebookOf(single.participant));
    expect(await auditOf(participant)).toEqual(await auditOf(single.participant));
    const chain = await verifyAuditChain(study.handle);
    expect(chain.ok).toBe(true);
  });

  it('writes to a stored participant: its lesions, exams and contacts are known to the batch', async () => {
    const before = await study.repo(study.actors.coordinatorA).get('participant', single.participant);
    const later: RepoContext = testContext(study.actors.coordinatorA, new Date('2025-06-01T11:00:00Z'));
    const added = await registryBatch(study.handle, async (b) => {
      const exam = await b.create(later, 'cmr_exam', {
        participantId: single.participant,
        kind: 'follow_up',
        examDate: '2025-05-30',
        fieldStrengthT: 1.5,
      } as never);
      const finding = await b.create(later, 'lesion_finding', {
        examId: exam.record.id,
        lesionId: single.lesion,
        sizeLongMm: 18,
      });
      const event = await b.create(later, 'outcome_event', {
        participantId: single.participant,
        visitId: single.visit,
        type: 'hf_hospitalisation',
        eventDate: '2025-05-29',
      } as never);
      return { exam: exam.record, finding: finding.record, event: event.record };
    });
    expect(added.finding.lesionId).toBe(single.lesion);
    expect(added.finding.lesionLabel).toBe('L1');
    expect(added.event.visitId).toBe(single.visit);
    const after = await study.repo(study.actors.coordinatorA).get('participant', single.participant);
    expect(after.status).toBe(before.status);
  });

  /** A valid treatment of the single-create participant (with `extra` fields). */
  const treatment = (extra: Record<string, unknown> = {}): never =>
    ({ participantId: single.participant, type: 'conservative', startDate: '2025-05-21', ...extra }) as never;

  async function refusedUnchanged(work: (b: RegistryBatch) => Promise<unknown>) {
    const before = await dumpDatabaseText(study.handle);
    let error: unknown;
    try {
      await registryBatch(study.handle, work);
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error), String(error)).toBe(true);
    expect(await dumpDatabaseText(study.handle)).toBe(before);
    return error as { code: string; field?: string };
  }

  it('writes nothing at all when one record of the batch is refused (the good ones before it included)', async () => {
    const e = await refusedUnchanged(async (b) => {
      const p = (await b.create(staff, 'participant', input('participant', { siteId: study.siteA.id })))
        .record.id;
      const exam = (await b.create(staff, 'cmr_exam', input('cmr_exam', { participantId: p }))).record.id;
      await b.create(staff, 'lesion_finding', { examId: exam, sizeLongMm: 20, sizeShortMm: 30 });
    });
    expect(e.code).toBe('implausible');
    expect(e.field).toBe('sizeShortMm');
  });

  it('checks the dates of the whole casebook, including records written earlier in the batch', async () => {
    const e = await refusedUnchanged(async (b) => {
      const p = (await b.create(staff, 'participant', input('participant', { siteId: study.siteA.id })))
        .record.id;
      await b.create(staff, 'cmr_exam', input('cmr_exam', { participantId: p }));
      await b.create(staff, 'outcome_event', {
        participantId: p,
        type: 'death',
        eventDate: '2001-01-01',
      } as never);
    });
    expect(e.code).toBe('implausible');
    expect(e.field).toBe('eventDate');
  });

  it('checks each record’s author: access, blinding of readers, other sites', async () => {
    const otherSite: Actor = study.actors.coordinatorB;
    const e1 = await refusedUnchanged((b) => b.create(testContext(otherSite), 'treatment', treatment()));
    expect(e1.code).toBe('forbidden');
    const e2 = await refusedUnchanged((b) => b.create(reader, 'treatment', treatment()));
    expect(e2.code).toBe('forbidden');
  });

  it('refuses a second finding of a lesion on one exam, and a lesion or contact of someone else', async () => {
    const other = await seedCasebook(study);
    const dup = await refusedUnchanged((b) =>
      b.create(staff, 'lesion_finding', { examId: single.exam, lesionId: single.lesion })
    );
    expect(dup.code).toBe('duplicate');
    expect(dup.field).toBe('lesionId');
    const lesion = await refusedUnchanged((b) =>
      b.create(staff, 'treatment', treatment({ lesionId: other.lesion }))
    );
    expect(lesion.field).toBe('lesionId');
    const visit = await refusedUnchanged((b) =>
      b.create(staff, 'outcome_event', {
        participantId: single.participant,
        visitId: other.visit,
        type: 'hf_hospitalisation',
        eventDate: '2025-05-20',
      } as never)
    );
    expect(visit.field).toBe('visitId');
  });
});
