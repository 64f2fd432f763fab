import { type IsoDate, type MassType, daysBetween, addDays } from '@cmr-mass/core';
import { generateBaseline } from './generate-baseline.js';
import {
  cmrPlan,
  followUpRecords,
  referenceRecords,
  treatmentRecords,
  type CourseContext,
} from './generate-course-records.js';
import { drawCourse } from './generate-events.js';
import { drawFollowUp } from './generate-follow-up.js';
import {
  drawPerson,
  eligibilityBody,
  identifiersBody,
  participantBody,
  type Exclusion,
} from './generate-participant.js';
import { planReference } from './generate-reference.js';
import { planCare } from './generate-treatment.js';
import { CATEGORY_MIX, profileOf, TYPE_MIX } from './profiles/index.js';
import { Rng } from './rng.js';
import { siteUserKey, type SiteSpec } from './sites.js';
import type { SyntheticParticipant, SyntheticRecord } from './types.js';

/** Baseline CMRs from this date on are prospective; before it, retrospective (README "Dates") [U]. */
export const PROSPECTIVE_FROM: IsoDate = '2024-01-01';

/**
 * How far after the baseline CMR the course is simulated: 36 months plus the last visit's window and
 * a margin (nothing later can be learned at a scheduled contact).
 */
export const HORIZON_DAYS = 1096 + 120;

/** What one participant is generated from. */
export interface ParticipantInput {
  readonly seed: number;
  readonly index: number;
  readonly site: SiteSpec;
  readonly siteId: string;
  readonly baselineDate: IsoDate;
  readonly today: IsoDate;
  /** A per-site serial number for the hospital record number. */
  readonly serial: number;
}

/**
 * Exclusions for the STARD flow diagram [U]: 4 % of prospective participants decline consent (no data
 * beyond eligibility); 1 % cannot be followed (baseline CMR only); 1.5 % of those with a mass stay
 * undetermined after 6-12 months (baseline CMR and readings, no reference diagnosis).
 */
function drawExclusion(
  rng: Rng,
  prospective: boolean,
  hasMass: boolean,
  baselineDate: IsoDate,
  today: IsoDate
): Exclusion | null {
  const u = rng.next();
  if (prospective && u < 0.04) return 'consent_declined';
  const v = rng.next();
  if (v < 0.01) return 'follow_up_impossible';
  if (hasMass && v < 0.025 && addDays(baselineDate, 365) <= today) return 'mass_undetermined';
  return null;
}

/**
 * Generates one participant's casebook: who they are, the baseline CMR and its readings, and for the
 * enrolled, treatment, reference diagnosis, follow-up contacts, outcome events and follow-up CMRs.
 * Every draw comes from a stream seeded by (seed, index), forked by purpose, so a participant does not
 * change when another one does.
 */
export function generateParticipant(input: ParticipantInput): SyntheticParticipant {
  const { seed, index, site, baselineDate, today } = input;
  const rng = new Rng(seed, 'participant', index);
  const ids = rng.fork('ids');
  const typeRng = rng.fork('type');
  const category = typeRng.pick(CATEGORY_MIX);
  const type: MassType = typeRng.pick(TYPE_MIX[category]);
  const profile = profileOf(type);
  const prospective = baselineDate >= PROSPECTIVE_FROM;
  const recruitment = prospective ? 'prospective' : 'retrospective';
  const exclusion = drawExclusion(
    rng.fork('exclusion'),
    prospective,
    category !== 'no_mass',
    baselineDate,
    today
  );
  const person = drawPerson(rng.fork('person'), profile, category, baselineDate, site);
  const participantId = ids.uuid();
  const coordinator = siteUserKey('coordinator', site.code);
  const records: SyntheticRecord[] = [
    {
      form: 'participant',
      id: participantId,
      by: coordinator,
      data: participantBody(person, input.siteId, recruitment, baselineDate),
    },
    {
      form: 'identifiers',
      id: ids.uuid(),
      by: coordinator,
      data: identifiersBody(rng.fork('identifiers'), participantId, person, site, input.serial),
    },
    {
      form: 'eligibility',
      id: ids.uuid(),
      by: coordinator,
      data: eligibilityBody(
        rng.fork('eligibility'),
        participantId,
        recruitment,
        baselineDate,
        today,
        exclusion
      ),
    },
  ];
  const truthBase = {
    massType: type,
    category,
    age: person.ageYears,
    baselineDate,
    exclusion,
  };
  if (exclusion === 'consent_declined') {
    return {
      id: participantId,
      siteCode: site.code,
      coordinator,
      records,
      withdrawal: null,
      lostToFollowUp: null,
      truth: { ...truthBase, atypical: false, deathDate: null, eventDays: {} },
    };
  }
  const baseline = generateBaseline(
    rng.fork('baseline'),
    ids,
    type,
    participantId,
    person,
    site,
    baselineDate,
    today,
    coordinator
  );
  records.push(...baseline.records);
  if (exclusion !== null) {
    return {
      id: participantId,
      siteCode: site.code,
      coordinator,
      records,
      withdrawal: null,
      lostToFollowUp: null,
      truth: { ...truthBase, atypical: baseline.mimic !== null, deathDate: null, eventDays: {} },
    };
  }
  const todayDay = daysBetween(baselineDate, today);
  const index0 = baseline.lesions[0]?.features ?? null;
  const care = planCare(rng.fork('care'), type, index0, person, baselineDate);
  const course = drawCourse(rng.fork('course'), type, person, care, index0, HORIZON_DAYS);
  const followUp = drawFollowUp(
    rng.fork('follow-up'),
    baselineDate,
    today,
    !prospective,
    course,
    cmrPlan(rng.fork('imaging'), type, care)
  );
  const ctx: CourseContext = {
    rng: rng.fork('records'),
    ids,
    type,
    participantId,
    person,
    site,
    baselineDate,
    todayDay,
    coordinator,
    baseline,
    care,
    course,
    followUp,
  };
  let reference = planReference(rng.fork('reference'), type, care, course, followUp, todayDay);
  if (reference !== null && followUp.withdrawal !== null && reference.day > followUp.withdrawal.day) {
    reference = null;
  }
  records.push(...referenceRecords(ctx, reference), ...treatmentRecords(ctx), ...followUpRecords(ctx));
  const lost = followUp.lost;
  const withdrawal =
    followUp.withdrawal !== null && (lost === null || followUp.withdrawal.day < lost.day)
      ? followUp.withdrawal
      : null;
  const deathDay = course.deathDay !== null && course.deathDay <= todayDay ? course.deathDay : null;
  const eventDays: Partial<Record<string, number>> = {};
  for (const e of course.events) {
    if (e.day <= todayDay && eventDays[e.type] === undefined) eventDays[e.type] = e.day;
  }
  return {
    id: participantId,
    siteCode: site.code,
    coordinator,
    records,
    withdrawal:
      withdrawal === null
        ? null
        : {
            date: addDays(baselineDate, withdrawal.day),
            reasonCode: withdrawal.reasonCode,
            reason: withdrawal.reason,
          },
    lostToFollowUp:
      lost === null || withdrawal !== null
        ? null
        : {
            date: addDays(baselineDate, lost.day),
            reason: 'Not reached at two consecutive visits (synthetic).',
          },
    truth: {
      ...truthBase,
      atypical: baseline.mimic !== null,
      deathDate: deathDay === null ? null : addDays(baselineDate, deathDay),
      eventDays,
    },
  };
}
