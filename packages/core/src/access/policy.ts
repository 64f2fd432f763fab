import type { FormName } from '../schemas/define-form.js';
import type { Actor, Role } from './roles.js';

/**
 * Access decisions as pure predicates (style.md §3, after medplum's `satisfiedAccessPolicy`). The
 * repositories in `db` call these for every read and write; the UI only mirrors them. Anything not
 * granted here is denied.
 *
 * `verify` is source data verification (SDV): a monitor confirms a form saved as complete against the
 * source documents, which marks it `verified` without changing its data. Only monitors verify, at every
 * site, every form but the direct identifiers (which they may not see).
 *
 * See: ICH E6(R3) Good Clinical Practice, section 3.11.4 (monitoring, source data verification).
 */
export type Action = 'read' | 'create' | 'update' | 'delete' | 'verify';

/** What an action applies to: a form, or one of the study's administrative resources. */
export type Resource = FormName | 'site' | 'user' | 'audit' | 'export' | 'analysis' | 'imaging';

/** The outcome of an access check, with the reason for people and for the audit trail. */
export interface Decision {
  readonly allowed: boolean;
  readonly reason: string;
}

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** Forms a blinded reader must never see: the reference standard, treatment, outcomes, identifiers. */
export const BLINDED_FORMS: readonly FormName[] = [
  'identifiers',
  'reference_diagnosis',
  'treatment',
  'follow_up_visit',
  'outcome_event',
];

/** Forms a reader records: the CMR exam, its lesions and the reader's own diagnosis. */
const READER_WRITABLE: readonly Resource[] = ['cmr_exam', 'lesion_finding', 'reading', 'imaging'];

const CLINICAL: readonly Resource[] = [
  'participant',
  'identifiers',
  'eligibility',
  'cmr_exam',
  'lesion_finding',
  'reading',
  'reference_diagnosis',
  'treatment',
  'follow_up_visit',
  'outcome_event',
  'imaging',
];

/** True when the resource belongs to a participant (and so to a site). */
export function isClinical(resource: Resource): boolean {
  return CLINICAL.includes(resource);
}

/** True when the actor may reach data of `siteId` at all. */
export function reachesSite(actor: Actor, siteId: string | null): boolean {
  if (actor.role === 'investigator' || actor.role === 'coordinator') {
    return actor.siteId !== null && actor.siteId === siteId;
  }
  if (actor.role === 'reader') {
    // A site reader reads their site; a central core-lab reader (no site) reads every site.
    return actor.siteId === null || actor.siteId === siteId;
  }
  return true;
}

function clinicalDecision(actor: Actor, action: Action, resource: Resource): Decision {
  const role: Role = actor.role;
  switch (role) {
    case 'investigator':
    case 'coordinator':
      return allow(`${role} works on the clinical data of their own site`);
    case 'reader':
      if (BLINDED_FORMS.includes(resource as FormName)) {
        return deny('readers are blinded to identifiers, the reference diagnosis, treatments and outcomes');
      }
      if (action === 'read') return allow('readers read the CMR data they report');
      if (READER_WRITABLE.includes(resource)) return allow('readers record CMR findings and diagnoses');
      return deny('readers record only CMR exams, lesions, imaging and their own diagnoses');
    case 'monitor':
    case 'statistician':
    case 'admin':
      if (resource === 'identifiers') return deny('direct identifiers stay with the site');
      if (action !== 'read') return deny(`${role} cannot change clinical data`);
      return allow(`${role} reads the study data of every site`);
  }
}

/** Source data verification: monitors verify the forms of every site, except the identifiers. */
function verifyDecision(actor: Actor, resource: Resource): Decision {
  if (actor.role !== 'monitor') return deny('only a monitor verifies forms against the source');
  if (resource === 'identifiers') return deny('direct identifiers stay with the site');
  if (resource === 'imaging' || !isClinical(resource)) return deny('only case-report forms are verified');
  return allow('monitors verify the forms of every site against the source');
}

/**
 * Decides whether `actor` may do `action` on `resource` belonging to the site `siteId` (null for
 * study-wide resources such as users). Deny by default.
 */
export function decide(actor: Actor, action: Action, resource: Resource, siteId: string | null): Decision {
  if (action === 'verify') {
    if (isClinical(resource) && !reachesSite(actor, siteId)) return deny('this record belongs to another site');
    return verifyDecision(actor, resource);
  }
  if (isClinical(resource)) {
    if (!reachesSite(actor, siteId)) return deny('this record belongs to another site');
    return clinicalDecision(actor, action, resource);
  }
  switch (resource) {
    case 'site':
      if (actor.role === 'admin') return allow('administrators manage sites');
      if (action === 'read') return allow('everyone may see the list of sites');
      return deny('only administrators manage sites');
    case 'user':
      if (actor.role === 'admin') return allow('administrators manage users');
      return deny('only administrators manage users');
    case 'audit':
      if (action !== 'read') return deny('the audit trail is append-only');
      if (actor.role === 'admin' || actor.role === 'monitor') {
        return allow(`${actor.role} reads the audit trail`);
      }
      if ((actor.role === 'investigator' || actor.role === 'coordinator') && reachesSite(actor, siteId)) {
        return allow('site staff read the history of their own records');
      }
      return deny('your role cannot read the audit trail');
    case 'export':
      return exportMode(actor) === 'none' ? deny('your role cannot export data') : allow('export allowed');
    case 'analysis':
      if (actor.role === 'reader') return deny('readers are blinded to the study results');
      return action === 'read' ? allow('study results are aggregate') : deny('results are read-only');
    default:
      return deny('not granted');
  }
}

/** What kind of export a role may make: with identifiers (site staff, own site only), de-identified, or none. */
export function exportMode(actor: Actor): 'identified' | 'deidentified' | 'none' {
  switch (actor.role) {
    case 'investigator':
    case 'coordinator':
      return 'identified';
    case 'monitor':
    case 'statistician':
      return 'deidentified';
    case 'admin':
    case 'reader':
      return 'none';
  }
}

/** True when everything this actor reads must be de-identified (no identifiers, no free text, shifted dates). */
export function mustDeidentify(actor: Actor): boolean {
  return actor.role === 'statistician';
}

/**
 * A reader sees only their own readings (so that a second reader stays independent of the first);
 * everyone else who may read readings sees all of them.
 */
export function canSeeReading(actor: Actor, readerId: string): boolean {
  return actor.role !== 'reader' || actor.userId === readerId;
}

/**
 * Decision support is shown to a reader only after they have committed (saved as complete) their own
 * diagnosis of that exam, so that readers stay blinded and the study measures CMR, not the software.
 */
export function canSeeSuggestion(actor: Actor, ownReadingCommitted: boolean): boolean {
  if (actor.role === 'reader') return ownReadingCommitted;
  return (
    actor.role === 'investigator' ||
    actor.role === 'coordinator' ||
    actor.role === 'monitor' ||
    actor.role === 'statistician'
  );
}
