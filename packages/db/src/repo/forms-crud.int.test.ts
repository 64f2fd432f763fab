import { formNames, forms, isDomainError, type FormName } from '@cmr-mass/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.js';
import { describeEachDialect } from '../testing/dialect-suite.js';
import { fullInput, seedCasebook, seedStudy, type CasebookIds, type TestStudy } from '../testing/fixtures.js';
import { codecOf } from './form-codec.js';

const idOf = (form: FormName, ids: CasebookIds): string =>
  ({
    participant: ids.participant,
    identifiers: ids.identifiers,
    eligibility: ids.eligibility,
    cmr_exam: ids.exam,
    lesion_finding: ids.finding,
    reading: ids.reading,
    reference_diagnosis: ids.reference,
    treatment: ids.treatment,
    follow_up_visit: ids.visit,
    outcome_event: ids.event,
  })[form];

describeEachDialect('form CRUD', (db) => {
  let study: TestStudy;
  let ids: CasebookIds;
  beforeAll(async () => {
    study = await seedStudy(db().handle);
    ids = await seedCasebook(study);
  });

  it('stores every field of every form and reads it back unchanged, valid for core', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const reader = study.repo(study.actors.readerCentral);
    for (const form of formNames) {
      const repo = form === 'reading' ? reader : staff;
      const record = (await repo.get(form, idOf(form, ids))) as Record<string, unknown>;
      const input = fullInput(form, {
        siteId: study.siteA.id,
        participantId: ids.participant,
        examId: ids.exam,
        lesionId: ids.lesion,
        visitId: ids.visit,
      });
      for (const [k, v] of Object.entries(input)) expect([form, k, record[k]]).toEqual([form, k, v]);
      const schema =
        form === 'participant' || form === 'lesion_finding' || form === 'reading' ? null : forms[form].record;
      if (schema) expect(schema.safeParse(record).success).toBe(true);
      expect(record.version).toBeGreaterThanOrEqual(1);
      expect(record.deletedAt).toBeNull();
    }
  });

  it('sets the fields the server owns: study ID, status, lesion label, reader', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const p = await staff.get('participant', ids.participant);
    expect(p.studyId).toBe(`${study.siteA.code}-0001`);
    expect(p.status).toBe('enrolled');
    const f = await staff.get('lesion_finding', ids.finding);
    expect(f.lesionLabel).toBe('L1');
    expect(f.participantId).toBe(ids.participant);
    const r = await study.repo(study.actors.readerCentral).get('reading', ids.reading);
    expect(r.readerId).toBe(study.actors.readerCentral.userId);
  });

  it('gives a second lesion L2 and keeps a lesion identity across exams', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const f2 = await staff.create('lesion_finding', { examId: ids.exam, sizeLongMm: 12 });
    expect(f2.record.lesionLabel).toBe('L2');
    const follow = await staff.create('cmr_exam', {
      participantId: ids.participant,
      kind: 'follow_up',
      visitMonth: 1,
      examDate: '2025-05-28',
    });
    const again = await staff.create('lesion_finding', {
      examId: follow.record.id,
      lesionId: ids.lesion,
      sizeLongMm: 30,
    });
    expect(again.record.lesionLabel).toBe('L1');
    expect(again.record.lesionId).toBe(ids.lesion);
    await expect(
      staff.create('lesion_finding', { examId: follow.record.id, lesionId: ids.lesion })
    ).rejects.toMatchObject({
      code: 'duplicate',
    });
  });

  it('updates only what changed, bumps the version and audits the diff with the reason', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const before = await staff.get('treatment', ids.treatment);
    const r = await staff.update('treatment', ids.treatment, {
      version: before.version,
      endDate: '2025-05-16',
      reason: 'discharge date corrected from the letter',
    });
    expect(r.record.version).toBe(before.version + 1);
    expect(r.record.endDate).toBe('2025-05-16');
    expect(r.record.formStatus).toBe('complete');
    const h = await staff.history('treatment', ids.treatment);
    const last = h[h.length - 1]!;
    expect(last.action).toBe('update');
    expect(last.reason).toBe('discharge date corrected from the letter');
    expect(last.changes).toEqual([
      { field: 'endDate', before: '2025-05-15', after: '2025-05-16' },
      { field: 'version', before: before.version, after: before.version + 1 },
    ]);
  });

  it('writes nothing for an update that changes nothing', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const e = await staff.get('cmr_exam', ids.exam);
    const r = await staff.update('cmr_exam', ids.exam, { version: e.version, vendor: e.vendor });
    expect(r.record.version).toBe(e.version);
  });

  it('soft-deletes with a reason: the record is hidden, kept, and its history says why', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const t = await staff.create('treatment', {
      participantId: ids.participant,
      type: 'anticoagulation',
      startDate: '2025-05-20',
      anticoagulant: 'doac',
    });
    await staff.remove('treatment', t.record.id, { version: 1, reason: 'entered for the wrong participant' });
    await expect(staff.get('treatment', t.record.id)).rejects.toMatchObject({ code: 'not_found' });
    const kept = await staff.get('treatment', t.record.id, { includeDeleted: true });
    expect(kept.deletedAt).not.toBeNull();
    expect(kept.version).toBe(2);
    const list = await staff.list('treatment', { participantId: ids.participant });
    expect(list.items.map((x) => x.id)).not.toContain(t.record.id);
    const h = await staff.history('treatment', t.record.id);
    expect(h.map((x) => x.action)).toEqual(['create', 'delete']);
    expect(h[1]!.reason).toBe('entered for the wrong participant');
    await expect(
      staff.remove('treatment', ids.treatment, { version: 99, reason: 'x' })
    ).rejects.toMatchObject({ code: 'bad_request', field: 'reason' });
    await expect(
      staff.remove('treatment', ids.treatment, { version: 1, reason: 'a good reason', extra: 1 } as never)
    ).rejects.toMatchObject({ code: 'bad_request', field: 'extra' });
    await expect(staff.remove('treatment', ids.treatment, false as never)).rejects.toMatchObject({
      code: 'bad_request',
    });
  });

  it('refuses to delete an exam that still has findings', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const e = await staff.get('cmr_exam', ids.exam);
    await expect(
      staff.remove('cmr_exam', ids.exam, { version: e.version, reason: 'duplicate exam' })
    ).rejects.toMatchObject({
      code: 'invalid_state',
    });
  });

  it('lists with paging and a total', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    await seedCasebook(study);
    const page1 = await staff.list('participant', { limit: 1 });
    const page2 = await staff.list('participant', { limit: 1, offset: 1 });
    expect(page1.total).toBeGreaterThanOrEqual(2);
    expect(page1.items[0]!.id).not.toBe(page2.items[0]!.id);
    const enrolled = await staff.list('participant', { status: 'enrolled' });
    expect(enrolled.items.every((p) => p.status === 'enrolled')).toBe(true);
  });

  it('refuses unknown and malformed input naming the field, and writes nothing', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const before = await verifyAuditChain(db().handle);
    const bad = [
      { participantId: ids.participant, kind: 'baseline', examDate: '2025-02-30' },
      { participantId: ids.participant, kind: 'baseline', examDate: '2025-05-01', lvEfPercent: 'sixty' },
      { participantId: ids.participant, kind: 'baseline', examDate: '2025-05-01', colour: 'blue' },
    ];
    const fields: string[] = [];
    for (const input of bad) {
      try {
        await staff.create('cmr_exam', input as never);
        throw new Error('accepted');
      } catch (e) {
        expect(isDomainError(e, 'bad_request')).toBe(true);
        if (isDomainError(e)) fields.push(e.field ?? '');
      }
    }
    expect(fields).toEqual(['examDate', 'lvEfPercent', 'colour']);
    expect((await verifyAuditChain(db().handle)).rows).toBe(before.rows);
  });

  describe('columns', () => {
    it('match the fields of core for every form table (a new field needs a migration)', async () => {
      const tables = await db().handle.db.introspection.getTables();
      for (const form of formNames) {
        const codec = codecOf(form);
        const t = tables.find((x) => x.name === codec.table);
        expect(t, codec.table).toBeDefined();
        const columns = t!.columns.map((c) => c.name).sort();
        expect([form, columns]).toEqual([form, codec.fields.map((f) => f.column).sort()]);
      }
    });
  });
});
