import {
  categoryOfType,
  type IsoDate,
  type MassCourse,
  type MassType,
  type NyhaClass,
  type VisitMonth,
  addDays,
} from '@cmr-mass/core';
import type { Baseline } from './generate-baseline.js';
import type { Course } from './generate-events.js';
import { drawExamSetup, drawQuantFor, examBody, lesionBody } from './generate-exam.js';
import type { Contact, FollowUp } from './generate-follow-up.js';
import type { Person } from './generate-participant.js';
import type { ReferencePlan } from './generate-reference.js';
import type { CarePlan } from './generate-treatment.js';
import { profileOf } from './profiles/index.js';
import type { Rng } from './rng.js';
import type { SiteSpec } from './sites.js';
import type { SyntheticRecord, UserKey } from './types.js';

/** What the record builders share. */
export interface CourseContext {
  readonly rng: Rng;
  readonly ids: Rng;
  readonly type: MassType;
  readonly participantId: string;
  readonly person: Person;
  readonly site: SiteSpec;
  readonly baselineDate: IsoDate;
  readonly todayDay: number;
  readonly coordinator: UserKey;
  readonly baseline: Baseline;
  readonly care: CarePlan;
  readonly course: Course;
  readonly followUp: FollowUp;
}

const day = (c: CourseContext, d: number): IsoDate => addDays(c.baselineDate, d);

/**
 * Treatment records: those started by today and before death (and before a withdrawal); an end
 * after today is left open, an end after death is the day of death.
 */
export function treatmentRecords(c: CourseContext): SyntheticRecord[] {
  const stop = Math.min(c.course.deathDay ?? Infinity, c.followUp.withdrawal?.day ?? Infinity);
  const lesionId = c.baseline.lesions[0]?.id ?? null;
  const out: SyntheticRecord[] = [];
  for (const t of c.care.treatments) {
    if (t.startDay > c.todayDay || t.startDay >= stop) continue;
    let end = t.endDay;
    if (c.course.deathDay !== null && (end === null || end > c.course.deathDay)) end = c.course.deathDay;
    if (end !== null && end > c.todayDay) end = null;
    out.push({
      form: 'treatment',
      id: c.ids.uuid(),
      by: c.coordinator,
      data: {
        participantId: c.participantId,
        lesionId,
        type: t.type,
        intent: t.intent,
        startDate: day(c, t.startDay),
        endDate: end === null ? null : day(c, end),
        resectionCompleteness: t.resection ?? null,
        anticoagulant: t.anticoagulant ?? null,
        formStatus: 'complete',
      },
    });
  }
  return out;
}

/** Reference-diagnosis records: one per baseline lesion, or one without a lesion for "no mass". */
export function referenceRecords(c: CourseContext, plan: ReferencePlan | null): SyntheticRecord[] {
  if (plan === null) return [];
  const category = categoryOfType(c.type);
  const targets = c.baseline.lesions.length === 0 ? [null] : c.baseline.lesions.map((l) => l.id);
  return targets.map((lesionId) => ({
    form: 'reference_diagnosis',
    id: c.ids.uuid(),
    by: c.coordinator,
    data: {
      participantId: c.participantId,
      lesionId,
      method: plan.method,
      diagnosisDate: day(c, plan.day),
      category,
      specificType: c.type,
      specimen: plan.specimen,
      formStatus: 'complete',
    },
  }));
}

/** The state of the mass on a day: gone, growing, shrinking or unchanged. */
function massState(c: CourseContext, d: number): MassCourse {
  const { care, course } = c;
  if (course.regrowthDay !== null && course.regrowthDay <= d) return 'larger';
  if (care.removalDay !== null && care.removalDay <= d) return 'resolved';
  if (categoryOfType(c.type) === 'thrombus' && care.anticoagulation !== null && d > 30) return 'smaller';
  if (c.type === 'rhabdomyoma' && d > 180) return 'smaller';
  if (care.chemo !== null && d > care.chemo.start + 60) return 'smaller';
  return 'stable';
}

const nyha = (r: Rng, lvef: number, hf: boolean): NyhaClass => {
  const base: NyhaClass = r.pick<NyhaClass>(
    lvef >= 50
      ? [
          ['i', 0.75],
          ['ii', 0.25],
        ]
      : lvef >= 40
        ? [
            ['i', 0.3],
            ['ii', 0.5],
            ['iii', 0.2],
          ]
        : [
            ['ii', 0.4],
            ['iii', 0.45],
            ['iv', 0.15],
          ]
  );
  const worse = r.chance(0.5);
  if (!hf || !worse) return base;
  return base === 'i' ? 'ii' : base === 'ii' ? 'iii' : 'iv';
};

/** A follow-up CMR's records: the exam and a finding for each lesion still there, same lesion ids. */
function followUpExam(
  c: CourseContext,
  contact: Contact,
  lvef: number,
  state: MassCourse
): SyntheticRecord[] {
  const r = c.rng.fork(`fu-exam-${contact.month}`);
  const setup = drawExamSetup(r, c.site, contact.date, c.baseline.setup.scanner.fieldStrengthT);
  const examId = c.ids.uuid();
  const category = categoryOfType(c.type);
  const { body, reference } = examBody(
    r,
    setup,
    c.participantId,
    'follow_up',
    contact.month,
    contact.date,
    c.person,
    lvef,
    category
  );
  const out: SyntheticRecord[] = [{ form: 'cmr_exam', id: examId, by: c.coordinator, data: body }];
  if (state === 'resolved' || c.baseline.reader === null) return out;
  const recurred = state === 'larger' && c.care.removalDay !== null;
  const factor =
    state === 'larger'
      ? recurred
        ? r.uniform(0.3, 0.7)
        : r.uniform(1.2, 1.6)
      : state === 'smaller'
        ? r.uniform(0.4, 0.8)
        : r.uniform(0.9, 1.1);
  for (const l of c.baseline.lesions) {
    const scale = (x: number | null | undefined): number | null =>
      x == null ? null : Math.max(2, Math.min(180, Math.round(x * factor)));
    const long = scale(l.features.sizeLongMm) ?? 2;
    const features = {
      ...l.features,
      sizeLongMm: long,
      sizeShortMm: Math.min(long, scale(l.features.sizeShortMm) ?? long),
      sizeThirdMm: Math.min(long, scale(l.features.sizeThirdMm) ?? long),
      firstPassPerfusion:
        setup.contrast === 'none' ? ('not_assessed' as const) : l.features.firstPassPerfusion,
      lgePattern: setup.contrast === 'none' ? ('not_assessed' as const) : l.features.lgePattern,
      nullingLongTi: setup.contrast === 'none' ? ('not_assessed' as const) : l.features.nullingLongTi,
    };
    const quant = drawQuantFor(r, profileOf(c.type), reference, setup, long);
    out.push({
      form: 'lesion_finding',
      id: c.ids.uuid(),
      by: c.baseline.reader,
      lesionKey: l.id,
      data: lesionBody(examId, l.id, features, quant, setup),
    });
  }
  return out;
}

/**
 * Follow-up contacts in order, each followed by the outcome events learned at it (everything since
 * the previous successful contact; at the contact that reports a death, everything up to the death)
 * and by the follow-up CMR done at it. Events never learned of (after the last contact, or after a
 * loss or withdrawal) are not recorded.
 */
export function followUpRecords(c: CourseContext): SyntheticRecord[] {
  const out: SyntheticRecord[] = [];
  const r = c.rng.fork('contacts');
  const category = categoryOfType(c.type);
  let learnedTo = -1;
  const ac = c.care.anticoagulation;
  for (const contact of c.followUp.contacts) {
    const id = c.ids.uuid();
    if (!contact.reached) {
      out.push({
        form: 'follow_up_visit',
        id,
        by: c.coordinator,
        data: {
          participantId: c.participantId,
          visitMonth: contact.month,
          contactDate: contact.date,
          mode: contact.mode,
          contactOutcome: 'not_reached',
          vitalStatus: 'unknown',
          newEvents: false,
          formStatus: 'complete',
        },
      });
      continue;
    }
    const upTo = contact.reportsDeath ? (c.course.deathDay ?? contact.day) : contact.day;
    const learned = c.course.events.filter((e) => e.day > learnedTo && e.day <= upTo);
    learnedTo = upTo;
    const d = contact.day;
    const dysfunction = c.course.dysfunctionDay !== null && c.course.dysfunctionDay <= d;
    const lvef = Math.round(
      Math.min(80, Math.max(10, c.person.lvef + (dysfunction ? -r.int(10, 20) : 0) + r.normal(0, 3)))
    );
    const state = massState(c, d);
    const imaged = contact.imaging !== null;
    const withNyha = r.chance(contact.mode === 'electronic_record' ? 0.5 : 0.9);
    const nyhaClass = nyha(r, lvef, c.course.hfDay !== null && c.course.hfDay <= d);
    out.push({
      form: 'follow_up_visit',
      id,
      by: c.coordinator,
      data: contact.reportsDeath
        ? {
            participantId: c.participantId,
            visitMonth: contact.month,
            contactDate: contact.date,
            mode: contact.mode,
            contactOutcome: 'reached',
            vitalStatus: 'dead',
            newEvents: true,
            formStatus: 'complete',
          }
        : {
            participantId: c.participantId,
            visitMonth: contact.month,
            contactDate: contact.date,
            mode: contact.mode,
            contactOutcome: 'reached',
            vitalStatus: 'alive',
            newEvents: learned.length > 0,
            nyhaClass: withNyha ? nyhaClass : null,
            lvefPercent: imaged ? lvef : null,
            lvefMethod: imaged ? (contact.imaging === 'cmr' ? 'cmr' : 'echo') : null,
            massCourse:
              category === 'no_mass'
                ? null
                : imaged
                  ? category === 'pseudomass'
                    ? 'stable'
                    : state
                  : 'not_imaged',
            onAnticoagulation: ac !== null && ac.start <= d && (ac.end === null || ac.end >= d),
            formStatus: 'complete',
          },
    });
    for (const e of learned) {
      out.push({
        form: 'outcome_event',
        id: c.ids.uuid(),
        by: c.coordinator,
        data: {
          participantId: c.participantId,
          visitId: id,
          type: e.type,
          eventDate: day(c, e.day),
          deathCause: e.deathCause ?? null,
          embolismSite: e.embolismSite ?? null,
          recurrenceSite: e.recurrenceSite ?? null,
          aeGrade: e.aeGrade ?? null,
          aeCategory: e.aeCategory ?? null,
          source:
            e.type === 'death'
              ? contact.mode === 'electronic_record'
                ? r.pick([
                    ['medical_record', 0.7],
                    ['death_registry', 0.3],
                  ] as const)
                : r.pick([
                    ['relative', 0.6],
                    ['medical_record', 0.3],
                    ['death_registry', 0.1],
                  ] as const)
              : contact.mode === 'electronic_record'
                ? 'medical_record'
                : r.pick([
                    ['medical_record', 0.6],
                    ['participant', 0.4],
                  ] as const),
          formStatus: 'complete',
        },
      });
    }
    if (contact.imaging === 'cmr') out.push(...followUpExam(c, contact, lvef, state));
  }
  return out;
}

/** The visit months at which a follow-up CMR is wanted (README "Follow-up CMR") [U]. */
export function cmrPlan(rng: Rng, type: MassType, care: CarePlan): (month: VisitMonth, d: number) => boolean {
  const u = new Map<VisitMonth, number>([1, 3, 6, 12, 24, 36].map((m) => [m as VisitMonth, rng.next()]));
  const category = categoryOfType(type);
  return (month, d) => {
    const x = u.get(month) ?? 1;
    if (care.resectionDay !== null && d <= care.resectionDay) return false;
    switch (category) {
      case 'thrombus':
        return (
          (month === 3 && x < 0.6) ||
          (month === 6 && x < 0.5 && (care.removalDay === null || care.removalDay > 100))
        );
      case 'benign_tumour':
        return month === 12 && x < (care.resectionDay !== null ? 0.4 : 0.5);
      case 'malignant_tumour':
        return care.resectionDay !== null ? month === 12 && x < 0.4 : month === 3 && x < 0.5;
      case 'other_non_neoplastic':
        return month === 12 && x < (type === 'pericardial_cyst' && care.resectionDay === null ? 0.3 : 0.4);
      default:
        return false;
    }
  };
}
