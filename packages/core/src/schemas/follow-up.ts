import { z } from 'zod';
import { code, id, isoDate, num, opt } from './common.js';
import { visitMonth } from './cmr-exam.js';
import { defineForm } from './define-form.js';
import {
  AeCategory,
  AeGrade,
  ContactMode,
  ContactOutcome,
  DeathCause,
  EmbolismSite,
  EventType,
  LvefMethod,
  NyhaClass,
  RecurrenceSite,
  VitalStatus,
} from '../vocab/index.js';

/** The state of the mass at a follow-up contact, where imaging was done. */
export const MassCourse = {
  resolved: 'resolved',
  smaller: 'smaller',
  stable: 'stable',
  larger: 'larger',
  not_imaged: 'not_imaged',
} as const;
export type MassCourse = (typeof MassCourse)[keyof typeof MassCourse];

/**
 * A follow-up contact: a scheduled visit (1, 3, 6, 12, 24, 36 months after the baseline CMR) or an
 * unscheduled one, by outpatient visit, telephone or electronic record. A contact that failed is
 * recorded too (`contactOutcome: not_reached`), so that missed visits and losses are documented.
 * Outcome events found at the contact are recorded as separate `outcome_event` records.
 */
export const followUpVisitForm = defineForm({
  name: 'follow_up_visit',
  label: { en: 'Follow-up contact', zh: '随访' },
  parent: { participantId: id },
  fields: {
    /** The scheduled visit this contact fulfils; null for an unscheduled contact. */
    visitMonth: opt(visitMonth),
    contactDate: isoDate,
    mode: code(ContactMode),
    contactOutcome: code(ContactOutcome),
    vitalStatus: opt(code(VitalStatus)),
    /** Any new event since the last contact (each recorded as an outcome event). */
    newEvents: opt(z.boolean()),
    nyhaClass: opt(code(NyhaClass)),
    lvefPercent: opt(num(1, 95, '%')),
    lvefMethod: opt(code(LvefMethod)),
    massCourse: opt(z.enum(Object.values(MassCourse) as [MassCourse, ...MassCourse[]])),
    onAnticoagulation: opt(z.boolean()),
  },
  requiredWhenComplete: ['vitalStatus', 'newEvents'],
});
export type FollowUpVisit = z.infer<typeof followUpVisitForm.record>;

/** An outcome event, dated: the endpoints of the study's prognostic question. */
export const outcomeEventForm = defineForm({
  name: 'outcome_event',
  label: { en: 'Outcome event', zh: '结局事件' },
  parent: {
    participantId: id,
    /** The follow-up contact at which the event was learned of, if any. */
    visitId: id.nullable().optional(),
  },
  fields: {
    type: code(EventType),
    eventDate: isoDate,
    deathCause: opt(code(DeathCause)),
    embolismSite: opt(code(EmbolismSite)),
    recurrenceSite: opt(code(RecurrenceSite)),
    aeGrade: opt(code(AeGrade)),
    aeCategory: opt(code(AeCategory)),
    /** How the event was confirmed. */
    source: opt(z.enum(['medical_record', 'participant', 'relative', 'death_registry'])),
  },
  requiredWhenComplete: ['source'],
});
export type OutcomeEvent = z.infer<typeof outcomeEventForm.record>;
