import type { FormName } from '@cmr-mass/core';

/**
 * The study's access rules as a table, written from the issue and the protocol (not from `core`'s
 * code), which the access-matrix test turns into one HTTP case per role × endpoint × site:
 *
 * - admin: users and sites; reads study data of every site but no identifiers; no clinical edits;
 * - investigator, coordinator: everything of their own site, nothing of another;
 * - reader (central): reads participants, eligibility and the CMR forms of every site; records CMR
 *   exams, lesion findings and their own readings; blinded to identifiers, the reference diagnosis,
 *   treatments, follow-up and outcomes; no audit trail;
 * - monitor: reads every site (no identifiers), audit trail, edits nothing;
 * - statistician: reads de-identified data of every site, edits nothing, no audit trail.
 *
 * A cell says which sites a role reaches for that operation: `any`, `own` (its own site only) or
 * `none`.
 */
export type Reach = 'any' | 'own' | 'none';

/** The roles of the matrix, in column order. */
export const MATRIX_ROLES = ['admin', 'investigator', 'coordinator', 'reader', 'monitor', 'statistician'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/** A row: the reach of each role, in {@link MATRIX_ROLES} order. */
export type Row = readonly [Reach, Reach, Reach, Reach, Reach, Reach];

/** The operations on a form's records. */
export const FORM_OPS = ['list', 'read', 'history', 'create', 'update', 'delete'] as const;
export type FormOp = (typeof FORM_OPS)[number];

//                      admin   investigator coordinator reader  monitor statistician
const READ_ALL: Row = ['any', 'own', 'own', 'any', 'any', 'any'];
const READ_NOT_READER: Row = ['any', 'own', 'own', 'none', 'any', 'any'];
const SITE_ONLY: Row = ['none', 'own', 'own', 'none', 'none', 'none'];
const SITE_AND_READER: Row = ['none', 'own', 'own', 'any', 'none', 'none'];
const READER_ONLY: Row = ['none', 'none', 'none', 'any', 'none', 'none'];
const HISTORY: Row = ['any', 'own', 'own', 'none', 'any', 'none'];
const HISTORY_SITE_ONLY: Row = ['none', 'own', 'own', 'none', 'none', 'none'];

/** Form × operation → reach of each role. */
export const FORM_MATRIX: Readonly<Record<FormName, Readonly<Record<FormOp, Row>>>> = {
  participant: { list: READ_ALL, read: READ_ALL, history: HISTORY, create: SITE_ONLY, update: SITE_ONLY, delete: SITE_ONLY },
  identifiers: {
    list: SITE_ONLY,
    read: SITE_ONLY,
    history: HISTORY_SITE_ONLY,
    create: SITE_ONLY,
    update: SITE_ONLY,
    delete: SITE_ONLY,
  },
  eligibility: { list: READ_ALL, read: READ_ALL, history: HISTORY, create: SITE_ONLY, update: SITE_ONLY, delete: SITE_ONLY },
  cmr_exam: {
    list: READ_ALL,
    read: READ_ALL,
    history: HISTORY,
    create: SITE_AND_READER,
    update: SITE_AND_READER,
    delete: SITE_AND_READER,
  },
  lesion_finding: {
    list: READ_ALL,
    read: READ_ALL,
    history: HISTORY,
    create: SITE_AND_READER,
    update: SITE_AND_READER,
    delete: SITE_AND_READER,
  },
  // A reading belongs to its reader: only they change it (the target readings are the reader's).
  reading: {
    list: READ_ALL,
    read: READ_ALL,
    history: HISTORY,
    create: SITE_AND_READER,
    update: READER_ONLY,
    delete: READER_ONLY,
  },
  reference_diagnosis: {
    list: READ_NOT_READER,
    read: READ_NOT_READER,
    history: HISTORY,
    create: SITE_ONLY,
    update: SITE_ONLY,
    delete: SITE_ONLY,
  },
  treatment: {
    list: READ_NOT_READER,
    read: READ_NOT_READER,
    history: HISTORY,
    create: SITE_ONLY,
    update: SITE_ONLY,
    delete: SITE_ONLY,
  },
  follow_up_visit: {
    list: READ_NOT_READER,
    read: READ_NOT_READER,
    history: HISTORY,
    create: SITE_ONLY,
    update: SITE_ONLY,
    delete: SITE_ONLY,
  },
  outcome_event: {
    list: READ_NOT_READER,
    read: READ_NOT_READER,
    history: HISTORY,
    create: SITE_ONLY,
    update: SITE_ONLY,
    delete: SITE_ONLY,
  },
};

/** The other endpoints, by a name the test maps to a request. */
export const OTHER_MATRIX = {
  participantList: READ_ALL,
  casebook: READ_ALL,
  withdraw: SITE_ONLY,
  lostToFollowUp: SITE_ONLY,
  worklist: READ_NOT_READER,
  // Decision support: site staff, monitors, statisticians; readers after their own committed reading
  // (the target's reading is not committed); never administrators.
  suggestion: ['none', 'own', 'own', 'none', 'any', 'any'] as Row,
  exportCsv: ['none', 'own', 'own', 'none', 'any', 'any'] as Row,
  exportZip: ['none', 'own', 'own', 'none', 'any', 'any'] as Row,
  auditOfEntity: HISTORY,
} as const satisfies Record<string, Row>;

/** Endpoints without a site: allowed to a role or not. */
export const STUDY_MATRIX = {
  listSites: ['any', 'any', 'any', 'any', 'any', 'any'] as Row,
  createSite: ['any', 'none', 'none', 'none', 'none', 'none'] as Row,
  updateSite: ['any', 'none', 'none', 'none', 'none', 'none'] as Row,
  listUsers: ['any', 'none', 'none', 'none', 'none', 'none'] as Row,
  createUser: ['any', 'none', 'none', 'none', 'none', 'none'] as Row,
  updateUser: ['any', 'none', 'none', 'none', 'none', 'none'] as Row,
  me: ['any', 'any', 'any', 'any', 'any', 'any'] as Row,
  tokens: ['any', 'any', 'any', 'any', 'any', 'any'] as Row,
  analysisResults: ['any', 'any', 'any', 'none', 'any', 'any'] as Row,
} as const satisfies Record<string, Row>;

/** True when a role with `reach` may act at a site that is (or is not) its own. */
export function expectAllowed(reach: Reach, ownSite: boolean): boolean {
  return reach === 'any' || (reach === 'own' && ownSite);
}

/** The reach of a role in a row. */
export function reachOf(row: Row, role: MatrixRole): Reach {
  return row[MATRIX_ROLES.indexOf(role)]!;
}
