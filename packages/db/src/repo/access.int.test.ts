import {
  BLINDED_FORMS,
  canSeeReading,
  decide,
  formNames,
  isDomainError,
  type Action,
  type Actor,
  type FormName,
} from '@cmr-mass/core';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../testing/dialect-suite.js';
import { seedCasebook, seedStudy, type CasebookIds, type TestStudy } from '../testing/fixtures.js';
import type { Repository } from './repository.js';

const ACTIONS: readonly Action[] = ['read', 'create', 'update', 'delete'];

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

/** A create body that passes parsing and the access check, then fails a later check (nothing is written). */
function createProbe(form: FormName, siteId: string, ids: CasebookIds): Record<string, unknown> {
  const v = { formStatus: 'verified' };
  switch (form) {
    case 'participant':
      return { siteId, ...v };
    case 'identifiers':
    case 'eligibility':
      return form === 'eligibility'
        ? { participantId: ids.participant, assessedDate: '2025-04-01', ...v }
        : { participantId: ids.participant, ...v };
    case 'cmr_exam':
      return { participantId: ids.participant, kind: 'follow_up', examDate: '2025-05-20', ...v };
    case 'lesion_finding':
      return { examId: ids.exam, ...v };
    case 'reading':
      return { examId: ids.exam, lesionId: ids.lesion, readDate: '2025-05-11', category: 'thrombus', ...v };
    case 'reference_diagnosis':
      return {
        participantId: ids.participant,
        method: 'follow_up',
        diagnosisDate: '2025-05-20',
        category: 'thrombus',
        ...v,
      };
    case 'treatment':
      return { participantId: ids.participant, type: 'conservative', startDate: '2025-05-20', ...v };
    case 'follow_up_visit':
      return {
        participantId: ids.participant,
        contactDate: '2025-05-20',
        mode: 'telephone',
        contactOutcome: 'reached',
        ...v,
      };
    case 'outcome_event':
      return { participantId: ids.participant, type: 'recurrence', eventDate: '2025-05-20', ...v };
  }
}

/** Tries `action`; true when access let it through (whatever later check stopped it), false when forbidden. */
async function attempt(
  repo: Repository,
  action: Action,
  form: FormName,
  siteId: string,
  ids: CasebookIds
): Promise<boolean> {
  const id = idOf(form, ids);
  try {
    if (action === 'read') await repo.get(form, id);
    if (action === 'create') await repo.create(form, createProbe(form, siteId, ids) as never);
    if (action === 'update') await repo.update(form, id, { version: 999, reason: 'probe' });
    if (action === 'delete') await repo.remove(form, id, { version: 999, reason: 'probe' });
    return true;
  } catch (e) {
    if (isDomainError(e, 'forbidden')) return false;
    if (isDomainError(e) && e.code !== 'not_found') return true;
    throw e;
  }
}

describeEachDialect('access in the repositories', (db) => {
  let study: TestStudy;
  let a: CasebookIds;
  let b: CasebookIds;
  beforeAll(async () => {
    study = await seedStudy(db().handle);
    a = await seedCasebook(study, 'A');
    b = await seedCasebook(study, 'B');
  });

  it("enforces core's policy for every role x own/other site x read/create/update/delete x form", async () => {
    const readerOfSeeds = study.actors.readerCentral.userId;
    const expected = (actor: Actor, action: Action, form: FormName, siteId: string): boolean => {
      if (!decide(actor, action, form, siteId).allowed) return false;
      if (form !== 'reading' || action === 'create') return true;
      return action === 'read' ? canSeeReading(actor, readerOfSeeds) : actor.userId === readerOfSeeds;
    };
    const mismatches: string[] = [];
    let checked = 0;
    for (const actor of Object.values<Actor>(study.actors as unknown as Record<string, Actor>)) {
      const repo = study.repo(actor);
      for (const [siteId, ids] of [
        [study.siteA.id, a],
        [study.siteB.id, b],
      ] as const) {
        for (const form of formNames) {
          for (const action of ACTIONS) {
            const want = expected(actor, action, form, siteId);
            const got = await attempt(repo, action, form, siteId, ids);
            checked += 1;
            if (got !== want) {
              mismatches.push(
                `${actor.userId} ${action} ${form} at ${siteId === study.siteA.id ? 'A' : 'B'}: got ${got}, want ${want}`
              );
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(Object.keys(study.actors).length * 2 * formNames.length * ACTIONS.length);
  });

  it('keeps site staff to their own site in lists', async () => {
    const coordA = study.repo(study.actors.coordinatorA);
    const mine = await coordA.list('participant');
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((p) => p.siteId === study.siteA.id)).toBe(true);
    await expect(coordA.list('participant', { siteId: study.siteB.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const exams = await coordA.list('cmr_exam');
    expect(exams.items.map((e) => e.participantId)).not.toContain(b.participant);
    const all = await study.repo(study.actors.monitor).list('participant');
    expect(new Set(all.items.map((p) => p.siteId))).toEqual(new Set([study.siteA.id, study.siteB.id]));
  });

  it('blinds readers: no reference, treatment, outcome or identifier data, in reads, lists or history', async () => {
    const reader = study.repo(study.actors.readerCentral);
    for (const form of BLINDED_FORMS) {
      await expect(reader.list(form)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(reader.get(form, idOf(form, a))).rejects.toMatchObject({ code: 'forbidden' });
      await expect(reader.history(form, idOf(form, a))).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(reader.auditTrail()).rejects.toMatchObject({ code: 'forbidden' });
    const p = (await reader.get('participant', a.participant)) as Record<string, unknown>;
    for (const k of Object.keys(p)) expect(k).not.toMatch(/reference|treatment|outcome|fullName|hospital/i);
    expect(p.status).toBeNull();
    expect(p.lostToFollowUpDate).toBeNull();
    const listed = await reader.list('participant');
    expect(listed.items.every((x) => x.status === null)).toBe(true);
    await expect(reader.list('participant', { status: 'completed' })).rejects.toMatchObject({
      code: 'forbidden',
      field: 'status',
    });
    const staffView = await study.repo(study.actors.coordinatorA).get('participant', a.participant);
    expect(staffView.status).toBe('enrolled');
  });

  it('shows a reader only their own readings', async () => {
    const r2 = study.repo(study.actors.readerCentral2);
    const own = await r2.create('reading', {
      examId: a.exam,
      lesionId: a.lesion,
      readDate: '2025-05-12',
      category: 'thrombus',
      specificType: 'thrombus',
    });
    const list = await r2.list('reading', { examId: a.exam });
    expect(list.items.map((x) => x.id)).toEqual([own.record.id]);
    await expect(r2.get('reading', a.reading)).rejects.toMatchObject({ code: 'forbidden' });
    const monitorSees = await study.repo(study.actors.monitor).list('reading', { examId: a.exam });
    expect(monitorSees.items.map((x) => x.id).sort()).toEqual([a.reading, own.record.id].sort());
    await expect(
      study.repo(study.actors.readerCentral).update('reading', own.record.id, { version: 1, confidence: 2 })
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('gives statisticians de-identified data: no identifiers, no free text', async () => {
    const stat = study.repo(study.actors.statistician);
    await expect(stat.get('identifiers', a.identifiers)).rejects.toMatchObject({ code: 'forbidden' });
    const e = await stat.get('eligibility', a.eligibility);
    expect(e.exclusionNote).toBeNull();
    const exam = await stat.get('cmr_exam', a.exam);
    expect(exam.scannerModel).toBeNull();
    expect(exam.lvEdvMl).toBe(140);
    const staffSees = await study.repo(study.actors.coordinatorA).get('eligibility', a.eligibility);
    expect(staffSees.exclusionNote).toBe('none applies');
  });

  it("lets site staff read their own records' history, and monitors every site's but not identifiers", async () => {
    const coordA = study.repo(study.actors.coordinatorA);
    expect((await coordA.history('cmr_exam', a.exam)).length).toBeGreaterThan(0);
    await expect(coordA.history('cmr_exam', b.exam)).rejects.toMatchObject({ code: 'forbidden' });
    const monitor = study.repo(study.actors.monitor);
    expect((await monitor.history('cmr_exam', b.exam))[0]!.action).toBe('create');
    await expect(monitor.history('identifiers', a.identifiers)).rejects.toMatchObject({ code: 'forbidden' });
    const trail = await monitor.auditTrail({ limit: 1000 });
    expect(trail.some((x) => x.entity === 'identifiers')).toBe(false);
    const mine = await coordA.auditTrail({ limit: 1000 });
    expect(mine.length).toBeGreaterThan(0);
  });

  it('reserves sites and study settings to administrators', async () => {
    const coord = study.repo(study.actors.coordinatorA);
    await expect(coord.createSite({ code: 'ZZ99', name: 'Nope', country: 'CN' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(coord.setStudyMeta('synthetic', true)).rejects.toMatchObject({ code: 'forbidden' });
    const admin = study.repo(study.actors.admin);
    await admin.setStudyMeta('synthetic', true);
    expect(await coord.isSynthetic()).toBe(true);
    expect((await coord.listSites()).length).toBeGreaterThanOrEqual(2);
  });
});
