import { isDomainError, type DomainError } from '@cmr-mass/core';
import { beforeAll, expect, it } from 'vitest';
import { dumpDatabaseText } from '../backup/logical-dump.js';
import { describeEachDialect } from '../testing/dialect-suite.js';
import { seedCasebook, seedStudy, type CasebookIds, type TestStudy } from '../testing/fixtures.js';

/** Runs `write`, expects a DomainError, and checks that not one byte of the database changed. */
async function refusedUnchanged(study: TestStudy, write: () => Promise<unknown>): Promise<DomainError> {
  const before = await dumpDatabaseText(study.handle);
  let error: unknown;
  try {
    await write();
  } catch (e) {
    error = e;
  }
  expect(isDomainError(error), String(error)).toBe(true);
  expect(await dumpDatabaseText(study.handle)).toBe(before);
  return error as DomainError;
}

describeEachDialect('write rules', (db) => {
  let study: TestStudy;
  let ids: CasebookIds;
  beforeAll(async () => {
    study = await seedStudy(db().handle);
    ids = await seedCasebook(study);
  });

  it('gives the second of two writers of the same version a conflict, and loses nothing', async () => {
    const alice = study.repo(study.actors.coordinatorA);
    const bob = study.repo(study.actors.investigatorA);
    const exam = await alice.get('cmr_exam', ids.exam);
    const reason = 'corrected from the report';
    await alice.update('cmr_exam', ids.exam, { version: exam.version, lvMassG: 120, reason });
    const e = await refusedUnchanged(study, () =>
      bob.update('cmr_exam', ids.exam, { version: exam.version, lvMassG: 130, reason })
    );
    expect(e.code).toBe('version_conflict');
    expect(e.status).toBe(409);
    expect((e.body.current as { lvMassG: number }).lvMassG).toBe(120);
    expect((await bob.get('cmr_exam', ids.exam)).lvMassG).toBe(120);
  });

  it('requires a reason to change a form saved as complete', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const v = await staff.get('follow_up_visit', ids.visit);
    const e = await refusedUnchanged(study, () =>
      staff.update('follow_up_visit', ids.visit, { version: v.version, nyhaClass: 'ii' })
    );
    expect(e.code).toBe('reason_required');
    expect(e.field).toBe('reason');
    const ok = await staff.update('follow_up_visit', ids.visit, {
      version: v.version,
      nyhaClass: 'ii',
      reason: 'typo',
    });
    expect(ok.record.nyhaClass).toBe('ii');
  });

  it('does not require a reason while a form is incomplete', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const t = await staff.create('treatment', {
      participantId: ids.participant,
      type: 'conservative',
      startDate: '2025-05-21',
    });
    const r = await staff.update('treatment', t.record.id, { version: 1, intent: 'palliative' });
    expect(r.record.version).toBe(2);
  });

  it('refuses a value that breaks a record rule, naming the field, and changes nothing', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const e = await refusedUnchanged(study, () =>
      staff.create('lesion_finding', { examId: ids.exam, sizeLongMm: 20, sizeShortMm: 30 })
    );
    expect(e.code).toBe('implausible');
    expect(e.status).toBe(422);
    expect(e.field).toBe('sizeShortMm');
    expect(e.message).toContain('sizeShortMm');
  });

  it('refuses a range broken at the exam field strength (T1 at 3 T)', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const exam = await staff.get('cmr_exam', ids.exam);
    const e = await refusedUnchanged(study, () =>
      staff.update('cmr_exam', ids.exam, {
        version: exam.version,
        myocardiumT1NativeMs: 2500,
        reason: 'remeasured',
      })
    );
    expect(e.field).toBe('myocardiumT1NativeMs');
    expect(e.message).toContain('3 T');
  });

  it('refuses a date that breaks the casebook order, naming the field, and changes nothing', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const e = await refusedUnchanged(study, () =>
      staff.create('follow_up_visit', {
        participantId: ids.participant,
        contactDate: '2025-04-01',
        mode: 'telephone',
        contactOutcome: 'reached',
      })
    );
    expect(e.code).toBe('implausible');
    expect(e.field).toBe('contactDate');
    expect(e.message).toContain('before the baseline CMR');
    const exam = await staff.get('cmr_exam', ids.exam);
    const moved = await refusedUnchanged(study, () =>
      staff.update('cmr_exam', ids.exam, {
        version: exam.version,
        examDate: '2025-05-31',
        reason: 'wrong date',
      })
    );
    expect(moved.code).toBe('implausible');
  });

  it('refuses a second baseline exam and dates after today', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const second = await refusedUnchanged(study, () =>
      staff.create('cmr_exam', { participantId: ids.participant, kind: 'baseline', examDate: '2025-05-03' })
    );
    expect(second.field).toBe('kind');
    const future = await refusedUnchanged(study, () =>
      staff.create('outcome_event', {
        participantId: ids.participant,
        type: 'recurrence',
        eventDate: '2025-06-02',
      })
    );
    expect(future.field).toBe('eventDate');
  });

  it('refuses to save as complete while a required field is missing, naming it', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const e = await refusedUnchanged(study, () =>
      staff.create('treatment', {
        participantId: ids.participant,
        type: 'conservative',
        startDate: '2025-05-21',
        formStatus: 'complete',
      })
    );
    expect(e.code).toBe('implausible');
    expect(e.field).toBe('intent');
  });

  it('refuses verified from site staff (only monitors verify)', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const e = await refusedUnchanged(study, () =>
      staff.create('treatment', {
        participantId: ids.participant,
        type: 'conservative',
        intent: 'palliative',
        startDate: '2025-05-21',
        formStatus: 'verified',
      })
    );
    expect(e.field).toBe('formStatus');
  });

  it('returns warnings for soft checks and stores the record', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const r = await staff.create('cmr_exam', {
      participantId: ids.participant,
      kind: 'follow_up',
      visitMonth: 1,
      examDate: '2025-05-29',
      fieldStrengthT: 3,
      myocardiumT2Ms: 70,
    });
    expect(r.warnings.map((w) => w.field)).toContain('myocardiumT2Ms');
    expect((await staff.get('cmr_exam', r.record.id)).myocardiumT2Ms).toBe(70);
  });

  it('refuses links across participants', async () => {
    const other = await seedCasebook(study);
    const staff = study.repo(study.actors.coordinatorA);
    const e = await refusedUnchanged(study, () =>
      staff.create('treatment', {
        participantId: ids.participant,
        lesionId: other.lesion,
        type: 'conservative',
        startDate: '2025-05-21',
      })
    );
    expect(e.field).toBe('lesionId');
    const v = await refusedUnchanged(study, () =>
      staff.create('outcome_event', {
        participantId: ids.participant,
        visitId: other.visit,
        type: 'recurrence',
        eventDate: '2025-05-26',
      })
    );
    expect(v.field).toBe('visitId');
  });

  it('derives the status: completed at death; withdrawn participants take no new data', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const c = await seedCasebook(study);
    await staff.create('outcome_event', {
      participantId: c.participant,
      type: 'death',
      eventDate: '2025-05-31',
      deathCause: 'cardiovascular',
      source: 'relative',
    });
    expect((await staff.get('participant', c.participant)).status).toBe('completed');

    const w = await seedCasebook(study);
    const p = await staff.get('participant', w.participant);
    const bad = await refusedUnchanged(study, () =>
      staff.withdraw(w.participant, {
        version: p.version,
        date: '2025-05-29',
        reasonCode: 'participant_request',
        reason: 'asked',
      })
    );
    expect(bad.field).toBe('contactDate');
    const done = await staff.withdraw(w.participant, {
      version: p.version,
      date: '2025-05-31',
      reasonCode: 'participant_request',
      reason: 'withdrew consent by phone',
    });
    expect(done.record.status).toBe('withdrawn');
    expect(done.record.withdrawalReason).toBe('participant_request');
    const refused = await refusedUnchanged(study, () =>
      staff.create('treatment', {
        participantId: w.participant,
        type: 'conservative',
        startDate: '2025-05-21',
      })
    );
    expect(refused.code).toBe('invalid_state');
    const h = await staff.history('participant', w.participant);
    expect(h.at(-1)).toMatchObject({ action: 'withdraw', reason: 'withdrew consent by phone' });
  });

  it('declares a participant lost to follow-up', async () => {
    const staff = study.repo(study.actors.coordinatorA);
    const c = await seedCasebook(study);
    const p = await staff.get('participant', c.participant);
    const r = await staff.markLostToFollowUp(c.participant, {
      version: p.version,
      date: '2025-05-31',
      reason: 'three failed calls',
    });
    expect(r.record.status).toBe('lost_to_follow_up');
    expect(r.record.lostToFollowUpDate).toBe('2025-05-31');
  });

  it('allocates study IDs per site in order', async () => {
    const b = study.repo(study.actors.coordinatorB);
    const first = await b.create('participant', { siteId: study.siteB.id });
    const second = await b.create('participant', { siteId: study.siteB.id });
    const n1 = Number(first.record.studyId.split('-')[1]);
    expect(second.record.studyId).toBe(`${study.siteB.code}-${String(n1 + 1).padStart(4, '0')}`);
  });
});
