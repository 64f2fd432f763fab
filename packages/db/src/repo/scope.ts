import { decide, forbidden, reachesSite, type Action, type Actor, type Resource } from '@cmr-mass/core';

/** The sites whose data an actor may reach at all. */
export type SiteScope =
  { readonly kind: 'all' } | { readonly kind: 'site'; readonly siteId: string } | { readonly kind: 'none' };

/** A site id that no site has: reaching it means reaching every site. */
const ANY_OTHER_SITE = '\u0000another-site';

/** Which sites `actor` reaches, from `core`'s `reachesSite`. */
export function siteScope(actor: Actor): SiteScope {
  if (reachesSite(actor, ANY_OTHER_SITE)) return { kind: 'all' };
  return actor.siteId !== null && reachesSite(actor, actor.siteId)
    ? { kind: 'site', siteId: actor.siteId }
    : { kind: 'none' };
}

/**
 * Throws `forbidden` (with `core`'s reason) unless `decide(actor, action, resource, siteId)` allows
 * it. Deny by default: `core` grants, this only enforces.
 */
export function requireAccess(actor: Actor, action: Action, resource: Resource, siteId: string | null): void {
  const d = decide(actor, action, resource, siteId);
  if (!d.allowed) throw forbidden(`${actor.role} may not ${action} ${resource}: ${d.reason}`);
}

/** True when `decide` allows it. */
export function allowed(actor: Actor, action: Action, resource: Resource, siteId: string | null): boolean {
  return decide(actor, action, resource, siteId).allowed;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The last date computed per time zone, valid for the minute it was computed in. */
const lastDate = new Map<string, { readonly minute: number; readonly date: string }>();

/**
 * The calendar date (`YYYY-MM-DD`) of `at` in the IANA time zone `timeZone` (UTC if unknown). Every
 * time zone's offset is a whole number of minutes, so the date is cached for the minute.
 */
export function dateIn(at: Date, timeZone: string): string {
  const minute = Math.floor(at.getTime() / 60_000);
  const hit = lastDate.get(timeZone);
  if (hit?.minute === minute) return hit.date;
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'UTC',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    }
    formatters.set(timeZone, f);
  }
  const date = f.format(at);
  lastDate.set(timeZone, { minute, date });
  return date;
}
