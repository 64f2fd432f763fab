import { z } from 'zod';
import { code, id, int, isoDate, note, num, opt, siteCode, studyId } from './common.js';
import { defineForm } from './define-form.js';
import { CancerSite, ParticipantStatus, Sex, Smoking, Symptom, WithdrawalReason } from '../vocab/index.js';

/**
 * A study site (REDCap's data access group): the hospital that enrols participants. Its code prefixes
 * the study IDs of its participants.
 */
export const siteCreate = z.strictObject({
  code: siteCode,
  name: z.string().trim().min(2).max(200),
  country: z.string().regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166 two-letter country code' }),
  /** IANA time zone of the site, for "today" in its worklist. */
  timeZone: z.string().min(1).max(64).default('UTC'),
  active: z.boolean().default(true),
});
export type SiteCreate = z.infer<typeof siteCreate>;
export const site = siteCreate.extend({ id, version: z.number().int().min(1) });
export type Site = z.infer<typeof site>;

/** Whether the participant was enrolled before or after the baseline CMR (STARD item 5). */
export const Recruitment = { prospective: 'prospective', retrospective: 'retrospective' } as const;
export type Recruitment = (typeof Recruitment)[keyof typeof Recruitment];

/**
 * The participant: pseudonymous study data only. Direct identifiers live in the separate
 * `identifiers` form, which stays at the site.
 */
export const participantForm = defineForm({
  name: 'participant',
  label: { en: 'Participant', zh: '受试者' },
  parent: { siteId: id },
  fields: {
    recruitment: opt(
      z.enum(['prospective', 'retrospective'], { error: 'must be prospective or retrospective' })
    ),
    sex: opt(code(Sex)),
    birthYear: opt(int(1900, 2100)),
    symptoms: z.array(code(Symptom)).max(9).default([]),
    knownExtracardiacCancer: opt(z.boolean()),
    cancerSite: opt(code(CancerSite)),
    atrialFibrillation: opt(z.boolean()),
    priorMyocardialInfarction: opt(z.boolean()),
    hypertension: opt(z.boolean()),
    diabetes: opt(z.boolean()),
    smoking: opt(code(Smoking)),
    heightCm: opt(num(30, 250, 'cm')),
    weightKg: opt(num(1, 350, 'kg')),
    /** Haematocrit as a fraction (0.42, not 42 %); needed for ECV. */
    haematocrit: opt(num(0.05, 0.8)),
    haematocritDate: opt(isoDate),
  },
  requiredWhenComplete: [
    'recruitment',
    'sex',
    'birthYear',
    'knownExtracardiacCancer',
    'atrialFibrillation',
    'priorMyocardialInfarction',
  ],
});

/** Fields the server sets on a participant; never in a create or update body. */
export const participantServerFields = {
  studyId,
  status: code(ParticipantStatus),
  withdrawnDate: isoDate.nullable(),
  withdrawalReason: code(WithdrawalReason).nullable(),
  lostToFollowUpDate: isoDate.nullable(),
};
export const participantRecord = participantForm.record.extend(participantServerFields);
export type Participant = z.infer<typeof participantRecord>;
export type ParticipantCreate = z.input<typeof participantForm.create>;
export type ParticipantUpdate = z.input<typeof participantForm.update>;

/** Withdrawing a participant (consent withdrawn, investigator decision...). */
export const withdrawBody = z.strictObject({
  version: z.number().int().min(1),
  date: isoDate,
  reasonCode: code(WithdrawalReason),
  reason: z.string().trim().min(3, { error: 'give a reason of at least 3 characters' }).max(500),
});
export type WithdrawBody = z.infer<typeof withdrawBody>;

/** Declaring a participant lost to follow-up after repeated failed contacts. */
export const lostToFollowUpBody = z.strictObject({
  version: z.number().int().min(1),
  date: isoDate,
  reason: z.string().trim().min(3, { error: 'give a reason of at least 3 characters' }).max(500),
});
export type LostToFollowUpBody = z.infer<typeof lostToFollowUpBody>;

/**
 * Direct identifiers, kept apart from the study data: only the participant's own site (investigator,
 * coordinator) can read or change them, and no export outside the site contains them.
 */
export const identifiersForm = defineForm({
  name: 'identifiers',
  label: { en: 'Identifiers and contact', zh: '身份信息与联系方式' },
  parent: { participantId: id },
  fields: {
    fullName: opt(z.string().trim().min(1).max(200)),
    hospitalRecordNumber: opt(z.string().trim().min(1).max(64)),
    dateOfBirth: opt(isoDate),
    phone: opt(
      z
        .string()
        .trim()
        .regex(/^[+0-9 ()-]{5,32}$/, { error: 'must be a phone number' })
    ),
    alternatePhone: opt(
      z
        .string()
        .trim()
        .regex(/^[+0-9 ()-]{5,32}$/, { error: 'must be a phone number' })
    ),
    email: opt(z.email({ error: 'must be an e-mail address' })),
    address: opt(z.string().trim().max(500)),
    /** How and when to reach the participant (best time to call, a relative to ask). */
    contactNotes: opt(note),
  },
  requiredWhenComplete: ['fullName', 'hospitalRecordNumber'],
});
export type Identifiers = z.infer<typeof identifiersForm.record>;
