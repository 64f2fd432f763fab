import type { FormName } from '@cmr-mass/core';
import type { LightMyRequestResponse } from 'fastify';
import { FORM_PATHS } from '../routes/form-paths.js';
import type { FormOp } from './access-table.js';
import type { TestClient } from './client.js';
import type { Fixture, SiteCasebook } from './fixtures.js';

/**
 * The requests of the access matrix: for each form operation and each other endpoint, how to call it
 * at a site (A or B) as some client, with the records it needs made beforehand by their owner (the
 * site's coordinator, or the reader for readings).
 */

/** What a request builder gets: the fixture, the site, and owners who prepare targets. */
export interface MatrixWorld {
  readonly fx: Fixture;
  /** The coordinator of site A or B (owner of most records). */
  owner(site: 'A' | 'B'): TestClient;
  /** The reader (owner of readings). */
  readonly reader: TestClient;
  /** A counter, for values that must differ between cases. */
  next(): number;
}

type Rec = { id: string; version: number };

async function created(res: LightMyRequestResponse): Promise<Rec> {
  if (res.statusCode !== 201) throw new Error(`fixture create failed: ${res.statusCode} ${res.body}`);
  return Promise.resolve(res.json<{ record: Rec }>().record);
}

/** A new participant of the site (no other records), made by its coordinator. */
export async function freshParticipant(w: MatrixWorld, site: 'A' | 'B'): Promise<Rec> {
  const cb = w.fx[site];
  return created(await w.owner(site).post('/api/v1/participants', { siteId: cb.siteId, sex: 'male', birthYear: 1970 }));
}

/** A valid create body of each form, attached to a site's casebook. */
export function createBody(form: FormName, cb: SiteCasebook, bareParticipantId: string, n: number): Record<string, unknown> {
  const day = String(1 + (n % 27)).padStart(2, '0');
  switch (form) {
    case 'participant':
      return { siteId: cb.siteId, sex: 'female', birthYear: 1950 + (n % 40) };
    case 'identifiers':
      return { participantId: bareParticipantId, fullName: `Matrix ${n}` };
    case 'eligibility':
      return { participantId: bareParticipantId, assessedDate: '2025-06-01' };
    case 'cmr_exam':
      return { participantId: cb.participantId, kind: 'follow_up', examDate: `2025-09-${day}` };
    case 'lesion_finding':
      return { examId: cb.examId, location: 'right_atrium' };
    case 'reading':
      return { examId: cb.examId, lesionId: cb.lesionId, readDate: `2025-06-${10 + (n % 18)}`, category: 'thrombus' };
    case 'reference_diagnosis':
      return { participantId: cb.participantId, method: 'follow_up', diagnosisDate: `2025-08-${day}`, category: 'thrombus' };
    case 'treatment':
      return { participantId: cb.participantId, type: 'anticoagulation', startDate: `2025-08-${day}` };
    case 'follow_up_visit':
      return { participantId: cb.participantId, visitMonth: 3, contactDate: `2025-09-${day}`, mode: 'telephone', contactOutcome: 'not_reached' };
    case 'outcome_event':
      return { participantId: cb.participantId, type: 'hf_hospitalisation', eventDate: `2025-08-${day}`, source: 'relative' };
  }
}

/** A harmless change of each form (values vary with `n`, so that every update writes). */
function changeOf(form: FormName, n: number): Record<string, unknown> {
  switch (form) {
    case 'participant':
      return { heightCm: 150 + (n % 40) };
    case 'identifiers':
      return { address: `Street ${n}` };
    case 'eligibility':
      return { cmrScheduledOrDone: n % 2 === 0 };
    case 'cmr_exam':
      return { lvEfPercent: 40 + (n % 30) };
    case 'lesion_finding':
      return { sizeShortMm: 5 + (n % 20) };
    case 'reading':
      return { confidence: 1 + (n % 5) };
    case 'reference_diagnosis':
      return { specimen: n % 2 === 0 ? 'resection' : 'biopsy' };
    case 'treatment':
      return { endDate: `2025-08-${String(1 + (n % 27)).padStart(2, '0')}` };
    case 'follow_up_visit':
      return { lvefPercent: 40 + (n % 30) };
    case 'outcome_event':
      return { source: n % 2 === 0 ? 'participant' : 'medical_record' };
  }
}

/** The fixture record of a form at a site (the target of reads and updates). */
function fixtureId(form: FormName, cb: SiteCasebook): string {
  const ids: Record<FormName, string> = {
    participant: cb.participantId,
    identifiers: cb.identifiersId,
    eligibility: cb.eligibilityId,
    cmr_exam: cb.examId,
    lesion_finding: cb.findingId,
    reading: cb.readingId,
    reference_diagnosis: cb.referenceId,
    treatment: cb.treatmentId,
    follow_up_visit: cb.visitId,
    outcome_event: cb.eventId,
  };
  return ids[form];
}

/** A new record of a form at a site, made by its owner, for a delete case. */
async function deletable(w: MatrixWorld, form: FormName, site: 'A' | 'B'): Promise<Rec> {
  const cb = w.fx[site];
  const n = w.next();
  if (form === 'participant') return freshParticipant(w, site);
  const bare = form === 'identifiers' || form === 'eligibility' ? (await freshParticipant(w, site)).id : cb.participantId;
  const by = form === 'reading' ? w.reader : w.owner(site);
  return created(await by.post(`/api/v1/${FORM_PATHS[form]}`, createBody(form, cb, bare, n)));
}

/** The current version of a fixture record, read by its site's coordinator. */
async function versionOf(w: MatrixWorld, form: FormName, site: 'A' | 'B', id: string): Promise<number> {
  const res = await w.owner(site).get(`/api/v1/${FORM_PATHS[form]}/${id}`);
  if (res.statusCode !== 200) throw new Error(`fixture read failed: ${res.statusCode} ${res.body}`);
  return res.json<{ version: number }>().version;
}

/**
 * Runs a form operation at a site as `as`. Creates of identifiers and eligibility (one per
 * participant) go to a new participant each time, so that no create is a duplicate.
 */
export async function runFormOp(
  w: MatrixWorld,
  as: TestClient,
  form: FormName,
  op: FormOp,
  site: 'A' | 'B'
): Promise<LightMyRequestResponse> {
  const cb = w.fx[site];
  const base = `/api/v1/${FORM_PATHS[form]}`;
  const id = fixtureId(form, cb);
  switch (op) {
    case 'list':
      return form === 'participant'
        ? as.get(`${base}?site=${cb.siteCode}&q=${cb.studyId}`)
        : as.get(`${base}?participantId=${cb.participantId}`);
    case 'read':
      return as.get(`${base}/${id}`);
    case 'history':
      return as.get(`${base}/${id}/history`);
    case 'create': {
      const bare = form === 'identifiers' || form === 'eligibility' ? (await freshParticipant(w, site)).id : cb.participantId;
      return as.post(base, createBody(form, cb, bare, w.next()));
    }
    case 'update': {
      const version = await versionOf(w, form, site, id);
      return as.patch(`${base}/${id}`, { version, reason: 'access matrix test', ...changeOf(form, w.next()) });
    }
    case 'delete': {
      const target = await deletable(w, form, site);
      return as.del(`${base}/${target.id}`, { version: target.version, reason: 'access matrix test' });
    }
  }
}

/** The other site-bound endpoints of the matrix. */
export async function runOtherOp(
  w: MatrixWorld,
  as: TestClient,
  op: string,
  site: 'A' | 'B'
): Promise<LightMyRequestResponse> {
  const cb = w.fx[site];
  switch (op) {
    case 'participantList':
      return as.get(`/api/v1/participants?site=${cb.siteCode}`);
    case 'casebook':
      return as.get(`/api/v1/participants/${cb.participantId}/casebook`);
    case 'withdraw': {
      const p = await freshParticipant(w, site);
      return as.post(`/api/v1/participants/${p.id}/withdraw`, {
        version: p.version,
        date: '2026-05-01',
        reasonCode: 'other',
        reason: 'access matrix test',
      });
    }
    case 'lostToFollowUp': {
      const p = await freshParticipant(w, site);
      return as.post(`/api/v1/participants/${p.id}/lost-to-follow-up`, {
        version: p.version,
        date: '2026-05-01',
        reason: 'access matrix test',
      });
    }
    case 'worklist':
      return as.get(`/api/v1/worklist?site=${cb.siteCode}`);
    case 'suggestion':
      return as.get(`/api/v1/lesion-findings/${cb.findingId}/suggestion`);
    case 'exportCsv':
      return as.get(`/api/v1/exports/participants.csv?site=${cb.siteCode}`);
    case 'exportZip':
      return as.get(`/api/v1/exports.zip?site=${cb.siteCode}`);
    case 'auditOfEntity':
      return as.get(`/api/v1/audit?entity=participant&entityId=${cb.participantId}`);
    default:
      throw new Error(`unknown matrix operation ${op}`);
  }
}
