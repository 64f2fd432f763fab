import {
  analysisParticipantRow,
  baselineExam,
  deathDate,
  followUpSchedule,
  formNames,
  indexFinding,
  type AnalysisParticipantRow,
  type Casebook,
  type FormName,
  type ScheduledVisit,
} from '@cmr-mass/core';
import type { FormRecords } from '@cmr-mass/db';
import type { RequestContext } from '../context.js';
import { allowed } from './access.js';
import { isBlinded, presentParticipant } from './blinding.js';
import { referenceFlags } from './cohorts.js';
import { dateIn } from './dates.js';

/** The participant's timeline as the web app shows it: every record the actor may see, schedule, derived values. */
export interface CasebookView {
  readonly participant: Record<string, unknown>;
  readonly siteCode: string;
  readonly identifiers: FormRecords['identifiers'] | null;
  readonly eligibility: FormRecords['eligibility'] | null;
  readonly exams: readonly FormRecords['cmr_exam'][];
  readonly findings: readonly FormRecords['lesion_finding'][];
  readonly readings: readonly FormRecords['reading'][];
  readonly references: readonly FormRecords['reference_diagnosis'][];
  readonly treatments: readonly FormRecords['treatment'][];
  readonly visits: readonly FormRecords['follow_up_visit'][];
  readonly events: readonly FormRecords['outcome_event'][];
  /** The forms the actor may not see (their lists are empty, whatever the data). */
  readonly hidden: readonly FormName[];
  /** The follow-up schedule as of today at the site; null for a blinded reader or without a baseline CMR. */
  readonly schedule: readonly ScheduledVisit[] | null;
  /** Derived variables (analysis-dataset.md names); for a blinded reader only the CMR ones. */
  readonly derived: Partial<AnalysisParticipantRow> & { readonly blinded: boolean };
}

/**
 * Builds the casebook of one participant through the request's repository (so every record passes the
 * same access checks as a single read), with `core`'s follow-up schedule and derived variables.
 */
export async function casebookView(ctx: RequestContext, participantId: string): Promise<CasebookView> {
  const participant = await ctx.repo.get('participant', participantId);
  const site = await ctx.repo.getSite(participant.siteId);
  const visible = (f: FormName): boolean => allowed(ctx.actor, 'read', f, participant.siteId);
  const hidden = formNames.filter((f) => f !== 'participant' && !visible(f));
  const all = async <F extends FormName>(form: F): Promise<FormRecords[F][]> => {
    if (!visible(form)) return [];
    const out: FormRecords[F][] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await ctx.repo.list(form, { participantId, limit: 1000, offset });
      out.push(...page.items);
      if (out.length >= page.total || page.items.length === 0) return out;
    }
  };
  const [identifiers, eligibility, exams, findings, readings, references, treatments, visits, events] = await Promise.all([
    all('identifiers'),
    all('eligibility'),
    all('cmr_exam'),
    all('lesion_finding'),
    all('reading'),
    all('reference_diagnosis'),
    all('treatment'),
    all('follow_up_visit'),
    all('outcome_event'),
  ]);
  const cb: Casebook = {
    participant,
    siteCode: site.code,
    eligibility: eligibility[0] ?? null,
    exams,
    findings,
    readings,
    references,
    treatments,
    visits,
    events,
  };
  const today = dateIn(ctx.deps.clock(), site.timeZone);
  const blinded = isBlinded(ctx.actor);
  const base = baselineExam(cb);
  const schedule =
    blinded || !visible('follow_up_visit') || !base
      ? null
      : followUpSchedule({
          baselineDate: base.examDate,
          today,
          contacts: visits.map((v) => ({
            id: v.id,
            visitMonth: v.visitMonth ?? null,
            contactDate: v.contactDate,
            contactOutcome: v.contactOutcome,
          })),
          deathDate: deathDate(cb),
          withdrawnDate: participant.withdrawnDate,
          lostToFollowUpDate: participant.lostToFollowUpDate,
        });
  let derived: CasebookView['derived'];
  if (blinded) {
    const index = indexFinding(cb);
    derived = {
      blinded: true,
      participant_id: participant.studyId,
      site: site.code,
      baseline_cmr_date: base?.examDate ?? null,
      field_strength_t: base?.fieldStrengthT ?? null,
      n_lesions: base ? findings.filter((f) => f.examId === base.id).length : 0,
      index_lesion_id: index?.lesionId ?? null,
    };
  } else {
    const flags = referenceFlags(cb);
    derived = { blinded: false, ...analysisParticipantRow(cb, { today }), ...flags };
  }
  return {
    participant: presentParticipant(ctx.actor, participant),
    siteCode: site.code,
    identifiers: identifiers[0] ?? null,
    eligibility: cb.eligibility,
    exams,
    findings,
    readings,
    references,
    treatments,
    visits,
    events,
    hidden,
    schedule,
    derived,
  };
}
