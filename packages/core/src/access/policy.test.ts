import { describe, expect, it } from 'vitest';
import { BLINDED_FORMS, canSeeReading, decide, exportMode, type Resource } from './policy.js';
import type { Actor } from './roles.js';
import { formNames } from '../schemas/forms.js';

const A = 'site-a';
const B = 'site-b';
const actor = (role: Actor['role'], siteId: string | null = null): Actor => ({
  userId: `u-${role}`,
  role,
  siteId,
  display: role,
});

describe('access policy', () => {
  it('keeps site staff inside their own site', () => {
    const c = actor('coordinator', A);
    for (const form of formNames) {
      expect(decide(c, 'update', form, A).allowed).toBe(true);
      expect(decide(c, 'read', form, B).allowed).toBe(false);
    }
  });

  it('denies a site role without a site everything clinical', () => {
    expect(decide(actor('investigator', null), 'read', 'participant', A).allowed).toBe(false);
  });

  it('blinds readers to reference, treatment, outcomes and identifiers, at every site', () => {
    const r = actor('reader');
    for (const form of BLINDED_FORMS) {
      expect(decide(r, 'read', form, A).allowed).toBe(false);
    }
    expect(decide(r, 'create', 'reading', A).allowed).toBe(true);
    expect(decide(r, 'create', 'participant', A).allowed).toBe(false);
    expect(decide(r, 'read', 'analysis', null).allowed).toBe(false);
  });

  it('lets monitors and statisticians read every site but change nothing, and never see identifiers', () => {
    for (const role of ['monitor', 'statistician', 'admin'] as const) {
      const a = actor(role);
      expect(decide(a, 'read', 'participant', B).allowed).toBe(true);
      expect(decide(a, 'read', 'identifiers', B).allowed).toBe(false);
      for (const action of ['create', 'update', 'delete'] as const) {
        expect(decide(a, action, 'follow_up_visit', B).allowed).toBe(false);
      }
    }
  });

  it('lets only monitors verify forms, at every site, never the identifiers', () => {
    const m = actor('monitor');
    for (const form of formNames) {
      expect(decide(m, 'verify', form, A).allowed).toBe(form !== 'identifiers');
      expect(decide(m, 'verify', form, B).allowed).toBe(form !== 'identifiers');
    }
    expect(decide(m, 'verify', 'imaging', A).allowed).toBe(false);
    expect(decide(m, 'update', 'cmr_exam', A).allowed).toBe(false);
    const others = [
      actor('admin'),
      actor('statistician'),
      actor('reader'),
      actor('reader', A),
      actor('investigator', A),
      actor('coordinator', A),
    ];
    for (const a of others) {
      for (const form of formNames) expect(decide(a, 'verify', form, A).allowed).toBe(false);
    }
    for (const resource of ['site', 'user', 'audit', 'export', 'analysis'] as const) {
      expect(decide(actor('admin'), 'verify', resource, null).allowed).toBe(false);
      expect(decide(m, 'verify', resource, null).allowed).toBe(false);
    }
  });

  it('reserves users and sites to administrators', () => {
    expect(decide(actor('admin'), 'create', 'user', null).allowed).toBe(true);
    expect(decide(actor('investigator', A), 'create', 'user', null).allowed).toBe(false);
    expect(decide(actor('investigator', A), 'update', 'site', A).allowed).toBe(false);
  });

  it('denies anything it does not know', () => {
    expect(decide(actor('admin'), 'read', 'nonsense' as Resource, null).allowed).toBe(false);
  });

  it('lets a reader see only their own readings', () => {
    expect(canSeeReading(actor('reader'), 'u-reader')).toBe(true);
    expect(canSeeReading(actor('reader'), 'someone-else')).toBe(false);
    expect(canSeeReading(actor('monitor'), 'someone-else')).toBe(true);
  });

  it('exports identified data only for site staff', () => {
    expect(exportMode(actor('coordinator', A))).toBe('identified');
    expect(exportMode(actor('statistician'))).toBe('deidentified');
    expect(exportMode(actor('reader'))).toBe('none');
  });
});
