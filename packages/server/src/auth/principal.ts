import type { Actor, Role } from '@cmr-mass/core';
import { z } from 'zod';

/** The columns of a user account that the server reads (no password hash). */
export interface UserFacts {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly siteId: string | null;
  readonly siteCode: string | null;
  readonly active: boolean;
  readonly expiresAt: string | null;
  readonly lockedUntil: string | null;
  readonly failedLoginCount: number;
  readonly lastLoginAt: string | null;
  readonly version: number;
  readonly createdAt: string;
}

/** Who is calling and how they proved it: a session cookie (with its CSRF token) or an API token. */
export type Principal =
  | {
      readonly via: 'session';
      readonly actor: Actor;
      readonly user: UserFacts;
      /** The SHA-256 of the session token (the sessions table's key). */
      readonly sessionId: string;
      readonly csrfToken: string;
    }
  | {
      readonly via: 'token';
      readonly actor: Actor;
      readonly user: UserFacts;
      readonly tokenId: string;
    };

/** The actor of a user, as the repositories want it (the e-mail is shown in the audit trail). */
export function actorOf(user: Pick<UserFacts, 'id' | 'role' | 'siteId' | 'email'>): Actor {
  return { userId: user.id, role: user.role, siteId: user.siteId, display: user.email };
}

/** True when the account may act now: active, not expired. */
export function accountUsable(user: Pick<UserFacts, 'active' | 'expiresAt'>, now: Date): boolean {
  return user.active && (user.expiresAt === null || user.expiresAt > now.toISOString());
}

/**
 * The actor recorded for events without a known user (a failed login with an unknown e-mail). Its
 * role is not one of the study's roles, so no access check can ever pass for it.
 */
export const ANONYMOUS: Actor = {
  userId: 'anonymous',
  role: 'anonymous' as unknown as Role,
  siteId: null,
  display: 'anonymous',
};

/** The actor of command-line administration (`cmr-mass user`, `cmr-mass start`). */
export function systemActor(display: string): Actor {
  return { userId: 'system', role: 'admin', siteId: null, display };
}

/** A user as the API returns it. */
export const publicUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  siteId: z.string().nullable(),
  siteCode: z.string().nullable(),
  active: z.boolean(),
  expiresAt: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  failedLoginCount: z.number(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type PublicUser = z.infer<typeof publicUser>;

/** The API view of a user. */
export function toPublicUser(u: UserFacts): PublicUser {
  return { ...u };
}
