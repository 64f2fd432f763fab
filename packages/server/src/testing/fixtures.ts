import { randomUUID } from 'node:crypto';
import type { Actor, Role } from '@cmr-mass/core';
import { Repository, type DbHandle, type RepoContext } from '@cmr-mass/db';
import { systemActor } from '../auth/principal.js';
import { createUser } from '../auth/user-admin.js';

/**
 * A small registry for the server's tests: two sites (A and B), one account per role (site roles at
 * both sites), and at each site a participant with a complete casebook (eligibility, identifiers,
 * baseline CMR with a lesion, a blinded reading, reference diagnosis, treatment, follow-up contact
 * and an outcome event). Everything is written through `db`'s repositories, at a fixed clock.
 */

/** The test clock: 2026-06-01 08:00 UTC. */
export const TEST_NOW = new Date('2026-06-01T08:00:00.000Z');
export const testClock = (): Date => TEST_NOW;

/** The password of every test account. */
export const TEST_PASSWORD = 'Test-password-1';

/** The accounts of the fixture, by key. */
export const TEST_USERS = {
  admin: { role: 'admin', site: null },
  investigatorA: { role: 'investigator', site: 'A' },
  coordinatorA: { role: 'coordinator', site: 'A' },
  investigatorB: { role: 'investigator', site: 'B' },
  coordinatorB: { role: 'coordinator', site: 'B' },
  reader: { role: 'reader', site: null },
  monitor: { role: 'monitor', site: null },
  statistician: { role: 'statistician', site: null },
} as const satisfies Record<string, { role: Role; site: 'A' | 'B' | null }>;
export type TestUserKey = keyof typeof TEST_USERS;

/** The e-mail of a test account. */
export const emailOf = (key: TestUserKey): string => `${key.toLowerCase()}@test.cmr-mass.example`;

/** The records of one site's participant. */
export interface SiteCasebook {
  readonly siteId: string;
  readonly siteCode: string;
  readonly participantId: string;
  readonly studyId: string;
  readonly identifiersId: string;
  readonly eligibilityId: string;
  readonly examId: string;
  readonly lesionId: string;
  readonly findingId: string;
  readonly readingId: string;
  readonly referenceId: string;
  readonly treatmentId: string;
  readonly visitId: string;
  readonly eventId: string;
}

/** The whole fixture. */
export interface Fixture {
  readonly users: Readonly<Record<TestUserKey, { readonly id: string; readonly email: string; readonly actor: Actor }>>;
  readonly A: SiteCasebook;
  readonly B: SiteCasebook;
}

function repoFor(handle: DbHandle, actor: Actor): Repository {
  const ctx: RepoContext = { actor, now: testClock, newId: randomUUID };
  return new Repository(handle, ctx);
}

/** Creates one participant's complete casebook at a site, as its coordinator (and the reader). */
export async function seedCasebook(
  handle: DbHandle,
  coordinator: Actor,
  reader: Actor,
  site: { readonly id: string; readonly code: string },
  baselineDate = '2025-06-10'
): Promise<SiteCasebook> {
  const c = repoFor(handle, coordinator);
  const r = repoFor(handle, reader);
  const p = await c.create('participant', {
    siteId: site.id,
    recruitment: 'prospective',
    sex: 'female',
    birthYear: 1965,
    knownExtracardiacCancer: false,
    atrialFibrillation: false,
    priorMyocardialInfarction: false,
  });
  const pid = p.record.id;
  const ids = await c.create('identifiers', {
    participantId: pid,
    fullName: `Test Person ${site.code}`,
    hospitalRecordNumber: `MRN-${site.code}-1`,
    phone: '+86 10 1234 5678',
    contactNotes: 'call after 6 pm',
  });
  const elig = await c.create('eligibility', {
    participantId: pid,
    assessedDate: baselineDate,
    cmrScheduledOrDone: true,
    consent: 'written',
    exclusionNote: 'none, free text',
  });
  const exam = await c.create('cmr_exam', {
    participantId: pid,
    kind: 'baseline',
    examDate: baselineDate,
    fieldStrengthT: 3,
    vendor: 'siemens',
    scannerModel: 'Skyra (free text)',
    contrastAgent: 'gadobutrol',
    imageQuality: 'good',
  });
  const finding = await r.create('lesion_finding', {
    examId: exam.record.id,
    location: 'left_atrium',
    attachment: 'pedunculated',
    sizeLongMm: 32,
    shape: 'oval',
    mobility: 'mobile',
    infiltration: false,
    pericardialEffusion: 'none',
    homogeneity: 'heterogeneous',
    firstPassPerfusion: 'mild',
    lgePattern: 'heterogeneous',
  });
  const lesionId = finding.record.lesionId;
  const reading = await r.create('reading', {
    examId: exam.record.id,
    lesionId,
    readDate: baselineDate,
    category: 'benign_tumour',
    specificType: 'myxoma',
    confidence: 4,
  });
  const ref = await c.create('reference_diagnosis', {
    participantId: pid,
    lesionId,
    method: 'histopathology',
    diagnosisDate: '2025-07-01',
    category: 'benign_tumour',
    specificType: 'myxoma',
  });
  const treat = await c.create('treatment', {
    participantId: pid,
    lesionId,
    type: 'surgical_resection',
    intent: 'curative',
    startDate: '2025-07-01',
  });
  const visit = await c.create('follow_up_visit', {
    participantId: pid,
    visitMonth: 1,
    contactDate: '2025-07-12',
    mode: 'telephone',
    contactOutcome: 'reached',
    vitalStatus: 'alive',
    newEvents: true,
  });
  const event = await c.create('outcome_event', {
    participantId: pid,
    visitId: visit.record.id,
    type: 'adverse_event',
    eventDate: '2025-07-05',
    source: 'medical_record',
  });
  return {
    siteId: site.id,
    siteCode: site.code,
    participantId: pid,
    studyId: p.record.studyId,
    identifiersId: ids.record.id,
    eligibilityId: elig.record.id,
    examId: exam.record.id,
    lesionId,
    findingId: finding.record.id,
    readingId: reading.record.id,
    referenceId: ref.record.id,
    treatmentId: treat.record.id,
    visitId: visit.record.id,
    eventId: event.record.id,
  };
}

/** Creates the fixture in an empty, migrated database. */
export async function seedFixture(handle: DbHandle): Promise<Fixture> {
  const system: RepoContext = { actor: systemActor('test fixture'), now: testClock, newId: randomUUID };
  const admin = new Repository(handle, system);
  const siteA = await admin.createSite({ code: 'AA01', name: 'Test site A', country: 'CN', timeZone: 'UTC' });
  const siteB = await admin.createSite({ code: 'BB02', name: 'Test site B', country: 'GB', timeZone: 'UTC' });
  const users = {} as Record<TestUserKey, { id: string; email: string; actor: Actor }>;
  for (const [key, spec] of Object.entries(TEST_USERS) as [TestUserKey, (typeof TEST_USERS)[TestUserKey]][]) {
    const siteId = spec.site === 'A' ? siteA.id : spec.site === 'B' ? siteB.id : null;
    const u = await createUser(handle, system, { email: emailOf(key), role: spec.role, siteId, password: TEST_PASSWORD });
    users[key] = { id: u.id, email: u.email, actor: { userId: u.id, role: spec.role, siteId, display: u.email } };
  }
  const A = await seedCasebook(handle, users.coordinatorA.actor, users.reader.actor, siteA);
  const B = await seedCasebook(handle, users.coordinatorB.actor, users.reader.actor, siteB);
  return { users, A, B };
}
