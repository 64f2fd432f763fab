import { badRequest, type FormName, type RuleViolation } from '@cmr-mass/core';
import type { Transaction } from 'kysely';
import { appendStampedAudit, type StampedAuditEvent } from '../audit/append.js';
import type { DbHandle } from '../handle/open.js';
import type { DB } from '../schema/tables.js';
import { loadCasebookFacts, type CasebookFacts } from './casebook-dates.js';
import type { RepoContext } from './context.js';
import { codecOf, type FormRecords } from './form-codec.js';
import { examOf, type CreateLookups, type WriteTarget } from './form-hooks.js';
import { createFormRecord, type CreateEnv, type WriteResult } from './form-writer.js';
import { insertLesion } from './lesions.js';
import { loadParticipantForWrite, type ParticipantState } from './participant-state.js';
import { enrolParticipant } from './participants.js';
import type { CreateInput } from './repository.js';
import {
  loadEligibilityFacts,
  statusFrom,
  storeStatus,
  STATUS_FORMS,
  type EligibilityFacts,
} from './status.js';
import { txOf, type Tx } from './unit-of-work.js';

type Rec = Readonly<Record<string, unknown>>;

/** Creates records inside a {@link registryBatch}, each by its own author at its own time. */
export interface RegistryBatch {
  /**
   * Creates a record as `ctx.actor` at `ctx.now()`, with the access check, validation, plausibility
   * rules, status derivation and audit rows of `Repository.create`. Calls must not overlap (await
   * each); a failure fails the whole batch.
   */
  create<F extends FormName>(
    ctx: RepoContext,
    form: F,
    input: CreateInput<F>
  ): Promise<WriteResult<FormRecords[F]>>;
}

/** What the batch knows of one participant's casebook: read once, then kept up to date in memory. */
interface CasebookState {
  participant: ParticipantState;
  facts: CasebookFacts;
  violations: readonly RuleViolation[] | undefined;
  eligibility: EligibilityFacts | null;
  hasIdentifiers: boolean;
  /** Live exams: id → field strength. */
  readonly exams: Map<string, number | null>;
  /** Every lesion of the participant (labels count from them): id → label. */
  readonly lesions: Map<string, string>;
  /** `examId|lesionId` of live lesion findings. */
  readonly findings: Set<string>;
  /** Live follow-up contacts. */
  readonly visits: Set<string>;
}

/** The state of a participant just enrolled: an empty casebook. */
function newState(participant: ParticipantState): CasebookState {
  return {
    participant,
    facts: {
      birthYear: participant.birthYear,
      withdrawnDate: null,
      exams: [],
      readings: [],
      references: [],
      treatments: [],
      visits: [],
      events: [],
      visitFacts: [],
    },
    violations: undefined,
    eligibility: null,
    hasIdentifiers: false,
    exams: new Map(),
    lesions: new Map(),
    findings: new Set(),
    visits: new Set(),
  };
}

/** The state of a stored participant, read from the database (and locked on PostgreSQL). */
async function loadState(tx: Tx, participantId: string): Promise<CasebookState> {
  const participant = await loadParticipantForWrite(tx, participantId);
  const id = participant.id;
  const facts = await loadCasebookFacts(tx, participant);
  const eligibility = await loadEligibilityFacts(tx, id);
  const identifiers = await tx.db
    .selectFrom('participant_identifiers')
    .select('id')
    .where('participant_id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const exams = await tx.db
    .selectFrom('cmr_exams')
    .select(['id', 'field_strength_t'])
    .where('participant_id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  const lesions = await tx.db
    .selectFrom('lesions')
    .select(['id', 'label'])
    .where('participant_id', '=', id)
    .execute();
  const findings = await tx.db
    .selectFrom('lesion_findings')
    .select(['exam_id', 'lesion_id'])
    .where('participant_id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  const visits = await tx.db
    .selectFrom('follow_up_visits')
    .select('id')
    .where('participant_id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  return {
    participant,
    facts,
    violations: undefined,
    eligibility,
    hasIdentifiers: identifiers !== undefined,
    exams: new Map(exams.map((e) => [e.id, e.field_strength_t])),
    lesions: new Map(lesions.map((l) => [l.id, l.label])),
    findings: new Set(findings.map((f) => `${f.exam_id}|${f.lesion_id}`)),
    visits: new Set(visits.map((v) => v.id)),
  };
}

const ELIGIBILITY_COLUMNS = [
  'cmr_scheduled_or_done',
  'consent',
  'exclusion_mass_undetermined',
  'exclusion_follow_up_impossible',
  'exclusion_other',
] as const;

/** Every participant the batch has touched, and the owner of each exam it knows. */
class BatchRegistry {
  readonly #states = new Map<string, CasebookState>();
  readonly #examOwner = new Map<string, string>();

  add(s: CasebookState): void {
    this.#states.set(s.participant.id, s);
    for (const examId of s.exams.keys()) this.#examOwner.set(examId, s.participant.id);
  }

  /** The state of the participant a new record belongs to (read on first use). */
  async stateFor(tx: Tx, form: FormName, body: Rec): Promise<CasebookState> {
    let participantId: string;
    if (form === 'lesion_finding' || form === 'reading') {
      const examId = String(body.examId);
      participantId = this.#examOwner.get(examId) ?? (await examOf(tx, examId)).participantId;
    } else {
      participantId = String(body.participantId);
    }
    let s = this.#states.get(participantId);
    if (!s) {
      s = await loadState(tx, participantId);
      this.add(s);
    }
    return s;
  }

  examCreated(s: CasebookState, examId: string, fieldStrengthT: number | null): void {
    s.exams.set(examId, fieldStrengthT);
    this.#examOwner.set(examId, s.participant.id);
  }
}

/** The {@link CreateEnv} of one create in a batch: its facts from (and its record into) the batch's memory. */
function batchEnv(registry: BatchRegistry): CreateEnv {
  let current: CasebookState | null = null;
  const state = (): CasebookState => {
    if (!current) throw new Error('registry batch: resolve must run first');
    return current;
  };
  const lookups = (tx: Tx): CreateLookups => ({
    hasLive: (table) =>
      Promise.resolve(
        table === 'participant_identifiers' ? state().hasIdentifiers : state().eligibility !== null
      ),
    lesionOf(_p, lesionId) {
      const label = state().lesions.get(lesionId);
      if (label === undefined) throw badRequest('is not a lesion of this participant', 'lesionId');
      return Promise.resolve({ id: lesionId, label });
    },
    async createLesion(p) {
      const s = state();
      const lesion = await insertLesion(tx, p, `L${s.lesions.size + 1}`);
      s.lesions.set(lesion.id, lesion.label);
      return lesion;
    },
    hasFindings: (examId, lesionId) => Promise.resolve(state().findings.has(`${examId}|${lesionId}`)),
    visitOwner: (visitId) => Promise.resolve(state().visits.has(visitId) ? state().participant.id : null),
  });
  return {
    async resolve(tx, form, body): Promise<WriteTarget> {
      const s = await registry.stateFor(tx, form, body);
      current = s;
      if (form === 'lesion_finding' || form === 'reading') {
        const examId = String(body.examId);
        if (!s.exams.has(examId)) throw badRequest('is not a CMR exam of the registry', 'examId');
        return {
          participant: s.participant,
          fieldStrengthT: (s.exams.get(examId) ?? null) as WriteTarget['fieldStrengthT'],
        };
      }
      return { participant: s.participant, fieldStrengthT: null };
    },
    lookups,
    casebook: () => {
      const s = state();
      return Promise.resolve(
        s.violations ? { facts: s.facts, violations: s.violations } : { facts: s.facts }
      );
    },
    async afterCreate(tx, _p, form, record, checked) {
      const s = state();
      if (checked.casebook) {
        s.facts = checked.casebook;
        s.violations = checked.violations ?? undefined;
      }
      const id = String(record.id);
      switch (form) {
        case 'identifiers':
          s.hasIdentifiers = true;
          break;
        case 'eligibility': {
          const row = codecOf('eligibility').toRow(record) as Record<string, unknown>;
          s.eligibility = Object.fromEntries(
            ELIGIBILITY_COLUMNS.map((c) => [c, row[c] ?? null])
          ) as unknown as EligibilityFacts;
          break;
        }
        case 'cmr_exam':
          registry.examCreated(s, id, (record.fieldStrengthT as number | null) ?? null);
          break;
        case 'lesion_finding':
          s.findings.add(`${String(record.examId)}|${String(record.lesionId)}`);
          break;
        case 'follow_up_visit':
          s.visits.add(id);
          break;
        default:
          break;
      }
      if (STATUS_FORMS.has(form)) {
        const status = statusFrom(s.facts, s.eligibility, s.participant);
        if (status !== s.participant.status) {
          s.participant = await storeStatus(tx, s.participant, status, form);
        }
      }
    },
  };
}

/**
 * Writes many records, of one participant or many, in one transaction: each participant's row is read
 * (and on PostgreSQL locked) once and its casebook facts once, then every record is checked against
 * them in memory and inserted, with its own author and time in the audit trail. The checks are those
 * of `Repository.create`, record by record, in the same order; what changes is that one transaction,
 * a handful of reads and one audit append serve them all (a bulk import, or the synthetic demo
 * cohort). Participants may be enrolled in the batch and written to at once. Atomic: when any record
 * fails, or `work` throws, nothing of the batch is written.
 */
export async function registryBatch<T>(
  handle: DbHandle,
  work: (batch: RegistryBatch) => Promise<T>
): Promise<T> {
  return handle.db.transaction().execute(async (trx: Transaction<DB>) => {
    const events: StampedAuditEvent[] = [];
    const registry = new BatchRegistry();
    const failed: { error: Error | null } = { error: null };
    let busy = false;
    const txFor = (ctx: RepoContext): Tx => {
      const at = ctx.now().toISOString();
      return txOf(trx, handle.dialect, ctx, at, (event) => {
        events.push({ actor: ctx.actor, at, event });
      });
    };
    const batch: RegistryBatch = {
      async create(ctx, form, input) {
        if (failed.error !== null) {
          throw new Error('an earlier record of this batch failed: nothing will be written');
        }
        if (busy) throw new Error('registry batch: await each create before the next');
        busy = true;
        const tx = txFor(ctx);
        try {
          if (form === 'participant') {
            const { written, state } = await enrolParticipant(tx, input);
            registry.add(newState(state));
            return written as WriteResult<FormRecords[typeof form]>;
          }
          const r = await createFormRecord(tx, form, input, batchEnv(registry));
          return r as WriteResult<FormRecords[typeof form]>;
        } catch (e) {
          failed.error = e instanceof Error ? e : new Error('a record of the batch failed', { cause: e });
          throw e;
        } finally {
          busy = false;
        }
      },
    };
    const result = await work(batch);
    if (failed.error !== null) throw failed.error;
    await appendStampedAudit(trx, handle.dialect, events);
    return result;
  });
}
