import { decide, forbidden, reachesSite, type Action, type Actor, type Resource } from '@cmr-mass/core';

/**
 * Access checks for the server-side helpers that read the database directly (the participant list
 * with its extra filters, bulk casebooks for exports and the worklist, users). They enforce `core`'s
 * predicates exactly as `db`'s repositories do: `core` grants, this only enforces; deny by default.
 */

/** The sites whose data an actor may reach at all. */
export type SiteScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'site'; readonly siteId: string }
  | { readonly kind: 'none' };

/** A site id that no site has: reaching it means reaching every site. */
const ANY_OTHER_SITE = '\u0000another-site';

/** Which sites `actor` reaches, from `core`'s `reachesSite`. */
export function siteScope(actor: Actor): SiteScope {
  if (reachesSite(actor, ANY_OTHER_SITE)) return { kind: 'all' };
  return actor.siteId !== null && reachesSite(actor, actor.siteId)
    ? { kind: 'site', siteId: actor.siteId }
    : { kind: 'none' };
}

/** Throws `forbidden` with `core`'s reason unless `decide` allows it. */
export function requireAccess(actor: Actor, action: Action, resource: Resource, siteId: string | null): void {
  const d = decide(actor, action, resource, siteId);
  if (!d.allowed) throw forbidden(`${actor.role} may not ${action} ${resource}: ${d.reason}`);
}

/** True when `decide` allows it. */
export function allowed(actor: Actor, action: Action, resource: Resource, siteId: string | null): boolean {
  return decide(actor, action, resource, siteId).allowed;
}

/**
 * The one site a request works on: site staff always their own (asking for another is forbidden);
 * study-wide roles the site asked for, or every site (null).
 */
export function effectiveSite(actor: Actor, requested: string | undefined): string | null {
  const scope = siteScope(actor);
  if (scope.kind === 'none') throw forbidden('your account has no site');
  if (scope.kind === 'site') {
    if (requested !== undefined && requested !== scope.siteId) throw forbidden('site staff see only their own site');
    return scope.siteId;
  }
  return requested ?? null;
}
