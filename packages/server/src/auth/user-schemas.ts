import { code, id, isoDateTime, Role } from '@cmr-mass/core';
import { z } from 'zod';

/** An e-mail as a login name (stored in lower case). */
export const emailField = z.email({ error: 'must be an e-mail address' }).max(254);

/** The body of a new account (administrators; `cmr-mass user add`). */
export const userCreateBody = z.strictObject({
  email: emailField,
  displayName: z.string().trim().min(1).max(200).optional(),
  role: code(Role),
  /** The site of a site role (required for investigators and coordinators; optional for readers). */
  siteId: id.nullable().optional(),
  /** The first password (at least 10 characters, two kinds of character). */
  password: z.string().min(1).max(256),
  /** When the account stops working (REDCap user expiration); null for never. */
  expiresAt: isoDateTime.nullable().optional(),
  active: z.boolean().optional(),
});
export type UserCreateBody = z.infer<typeof userCreateBody>;

/** The body of a change to an account: role, site, active, expiry, a new password, or a lock-out reset. */
export const userUpdateBody = z.strictObject({
  version: z.number({ error: 'must be the version you read (a whole number)' }).int().min(1),
  displayName: z.string().trim().min(1).max(200).optional(),
  role: code(Role).optional(),
  siteId: id.nullable().optional(),
  active: z.boolean().optional(),
  expiresAt: isoDateTime.nullable().optional(),
  /** Sets a new password (and ends the user's sessions). */
  password: z.string().min(1).max(256).optional(),
  /** Clears failed logins and a lock-out. */
  resetLockout: z.literal(true).optional(),
});
export type UserUpdateBody = z.infer<typeof userUpdateBody>;

/** The body of a login (the example is a demo account, which `npm start` creates). */
export const loginBody = z
  .strictObject({
    email: z.string().min(1, { error: 'give your e-mail' }).max(254),
    password: z.string().min(1, { error: 'give your password' }).max(256),
  })
  .meta({ example: { email: 'coordinator.bj01@demo.cmr-mass.example', password: 'demo-coordinator' } });

/** The body of a new personal API token. */
export const tokenCreateBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** When the token stops working; null or absent for never (revoke it instead). */
  expiresAt: isoDateTime.nullable().optional(),
});
