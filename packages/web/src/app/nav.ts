import { decide, type Actor, type Role } from '@cmr-mass/core';
import type { SessionUser } from '../api/types.js';

/** A page of the application. */
export type PageKey = 'worklist' | 'participants' | 'readingQueue' | 'analysis' | 'audit' | 'admin';

/** One item of the navigation. */
export interface NavItem {
  readonly key: PageKey;
  readonly path: string;
  /** Alt+key shortcut. */
  readonly hotkey?: string;
}

const ITEMS: Readonly<Record<PageKey, NavItem>> = {
  worklist: { key: 'worklist', path: '/worklist', hotkey: 'w' },
  participants: { key: 'participants', path: '/participants', hotkey: 'p' },
  readingQueue: { key: 'readingQueue', path: '/reading', hotkey: 'r' },
  analysis: { key: 'analysis', path: '/analysis', hotkey: 'a' },
  audit: { key: 'audit', path: '/audit', hotkey: 'h' },
  admin: { key: 'admin', path: '/admin', hotkey: 'u' },
};

/** The pages of each role, in menu order (the first is the role's home page). */
const PAGES: Readonly<Record<Role, readonly PageKey[]>> = {
  coordinator: ['worklist', 'participants', 'analysis'],
  investigator: ['worklist', 'participants', 'analysis'],
  // Blinded: no participant casebooks (reference, treatment, outcomes), no results.
  reader: ['readingQueue'],
  monitor: ['participants', 'worklist', 'audit', 'analysis'],
  statistician: ['analysis', 'participants'],
  admin: ['admin', 'audit', 'participants'],
};

/** The navigation of a role (mirrors core's access policy; the server enforces it). */
export function navFor(role: Role): readonly NavItem[] {
  return PAGES[role].map((k) => ITEMS[k]);
}

/** The page a role lands on after logging in. */
export function homeOf(role: Role): string {
  return ITEMS[PAGES[role][0] ?? 'participants'].path;
}

/** True when the role has this page. */
export function hasPage(role: Role, key: PageKey): boolean {
  return PAGES[role].includes(key);
}

/** The user as core's access predicates see them. */
export function actorOf(user: SessionUser): Actor {
  return { userId: user.id, role: user.role, siteId: user.siteId, display: user.displayName ?? user.email };
}

/** True when the user may do `action` on a form of a participant at `siteId` (core's `decide`). */
export function can(
  user: SessionUser,
  action: 'read' | 'create' | 'update' | 'delete',
  resource: Parameters<typeof decide>[2],
  siteId: string | null
): boolean {
  return decide(actorOf(user), action, resource, siteId).allowed;
}
