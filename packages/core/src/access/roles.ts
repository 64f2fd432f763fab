import { defineCodeList, type CodeOf } from '../vocab/define.js';

/**
 * The roles of the study (registry.md: REDCap user rights and data access groups, OpenClinica's study
 * and site roles). Site roles see only their own site; the others see every site, within their rights.
 */
export const Role = defineCodeList('role', [
  ['admin', 'Administrator (users and sites; no clinical edits)', '管理员（用户与中心；不可编辑临床数据）'],
  ['investigator', 'Site investigator', '中心研究者'],
  ['coordinator', 'Study coordinator', '研究协调员'],
  ['reader', 'CMR reader (blinded)', 'CMR阅片者（盲法）'],
  ['monitor', 'Monitor (reads all sites, cannot edit)', '监查员（可查看所有中心，不可编辑）'],
  ['statistician', 'Statistician (de-identified data, read-only)', '统计师（去标识化数据，只读）'],
] as const);
export type Role = CodeOf<typeof Role>;

/** Roles that belong to one site and reach only its participants. */
export const SITE_ROLES: readonly Role[] = ['investigator', 'coordinator'];

/** True for a role that must have a site. */
export function isSiteRole(role: Role): boolean {
  return SITE_ROLES.includes(role);
}

/**
 * Who is acting: the user, their role and, for site roles (and site readers), their site. Built by the
 * server from the session or API token; passed to every repository call.
 */
export interface Actor {
  readonly userId: string;
  readonly role: Role;
  /** The user's site; null for study-wide roles (admin, monitor, statistician, central readers). */
  readonly siteId: string | null;
  /** For the audit trail: the e-mail or name shown to people. */
  readonly display: string;
}
