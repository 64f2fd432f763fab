/**
 * A snapshot straight from a generated synthetic cohort, without a database: what the loader would
 * store, record for record (server fields filled as the repositories fill them). For tests and the
 * benchmark at 100,000 participants, where loading a database first would measure the database.
 */
import type {
  Casebook,
  CmrExam,
  Eligibility,
  FollowUpVisit,
  LesionFinding,
  OutcomeEvent,
  Participant,
  Reading,
  ReferenceDiagnosis,
  Treatment,
} from '@cmr-mass/core';
import type { SyntheticCohort, SyntheticParticipant } from '@cmr-mass/synthetic';
import { makeSnapshot, type StudySnapshot } from '../snapshot/snapshot.js';

type Rec = Record<string, unknown>;

/** Defaults of the create schemas that a create body may leave out. */
const DEFAULTS: Readonly<Record<string, Rec>> = {
  participant: { symptoms: [] },
  eligibility: {
    exclusionMassUndetermined: false,
    exclusionFollowUpImpossible: false,
    exclusionOther: false,
  },
  cmr_exam: { sequences: [] },
  reading: { blinded: true },
};

function casebookOf(p: SyntheticParticipant, studyId: string, stamp: () => string): Casebook {
  const meta = (id: string, by: string): Rec => {
    const at = stamp();
    return {
      id,
      version: 1,
      formStatus: 'complete',
      createdAt: at,
      updatedAt: at,
      createdBy: by,
      updatedBy: by,
      deletedAt: null,
    };
  };
  const lists: Record<string, Rec[]> = {};
  const labels = new Map<string, string>();
  let participant: Rec | null = null;
  for (const r of p.records) {
    const data: Rec = { ...DEFAULTS[r.form], ...(r.data as Rec), ...meta(r.id, r.by) };
    if (r.form === 'participant') {
      participant = {
        ...data,
        studyId,
        status: 'enrolled',
        withdrawnDate: p.withdrawal?.date ?? null,
        withdrawalReason: p.withdrawal?.reasonCode ?? null,
        lostToFollowUpDate: p.lostToFollowUp?.date ?? null,
      };
      continue;
    }
    if (r.form === 'identifiers') continue;
    if (r.form === 'lesion_finding') {
      const lesion = (typeof data.lesionId === 'string' ? data.lesionId : r.lesionKey) ?? r.id;
      if (!labels.has(lesion)) labels.set(lesion, `L${labels.size + 1}`);
      Object.assign(data, { lesionId: lesion, lesionLabel: labels.get(lesion), participantId: p.id });
    }
    if (r.form === 'reading') Object.assign(data, { participantId: p.id, readerId: r.by });
    (lists[r.form] ??= []).push(data);
  }
  if (!participant) throw new Error(`synthetic participant ${p.id} has no participant record`);
  const list = <T>(form: string): T[] => (lists[form] ?? []) as unknown as T[];
  return {
    participant: participant as unknown as Participant,
    siteCode: p.siteCode,
    eligibility: list<Eligibility>('eligibility')[0] ?? null,
    exams: list<CmrExam>('cmr_exam'),
    findings: list<LesionFinding>('lesion_finding'),
    readings: list<Reading>('reading'),
    references: list<ReferenceDiagnosis>('reference_diagnosis'),
    treatments: list<Treatment>('treatment'),
    visits: list<FollowUpVisit>('follow_up_visit'),
    events: list<OutcomeEvent>('outcome_event'),
  };
}

/**
 * The snapshot of a synthetic cohort as if loaded: study IDs numbered per site in the cohort's order
 * (`SITE-0001`...), records stamped one millisecond apart from noon of the cohort's "today", taken
 * at the end of that day. Records are not re-validated (the generator validates them).
 */
export function snapshotFromSynthetic(cohort: SyntheticCohort): StudySnapshot {
  const next = new Map<string, number>();
  let ms = Date.parse(`${cohort.meta.today}T12:00:00.000Z`);
  const stamp = (): string => new Date(ms++).toISOString();
  const casebooks = cohort.participants.map((p) => {
    const n = (next.get(p.siteCode) ?? 0) + 1;
    next.set(p.siteCode, n);
    return casebookOf(p, `${p.siteCode}-${String(n).padStart(4, '0')}`, stamp);
  });
  return makeSnapshot({
    sites: cohort.sites.map((s) => ({ code: s.create.code, name: s.create.name, country: s.create.country })),
    casebooks,
    takenAt: `${cohort.meta.today}T23:59:59.000Z`,
    key: `synthetic:seed=${cohort.meta.seed}:n=${cohort.meta.participants}:today=${cohort.meta.today}`,
    synthetic: { label: cohort.meta.label },
  });
}
