import type { FieldStrength, IsoDate, MappingSequence, Role, Vendor } from '@cmr-mass/core';
import type { SyntheticUser } from './types.js';

/** One scanner of a site. */
export interface Scanner {
  readonly fieldStrengthT: FieldStrength;
  readonly vendor: Vendor;
  readonly model: string;
  readonly t1Sequence: MappingSequence;
  readonly t2Sequence: MappingSequence;
}

/** A demo site: its code, name, country, time zone, when it joined, its share, and its scanners. */
export interface SiteSpec {
  readonly code: string;
  readonly name: string;
  readonly country: string;
  readonly timeZone: string;
  readonly startDate: IsoDate;
  readonly weight: number;
  readonly scanners: { readonly 3: Scanner; readonly 1.5: Scanner };
  /** Contrast-agent habits of the region. */
  readonly region: 'china' | 'international';
}

const s = (
  fieldStrengthT: FieldStrength,
  vendor: Vendor,
  model: string,
  t1Sequence: MappingSequence = 'molli',
  t2Sequence: MappingSequence = 't2prep_bssfp'
): Scanner => ({ fieldStrengthT, vendor, model, t1Sequence, t2Sequence });

/**
 * The default demo sites: six Chinese and two international hospitals, all fictitious (every name
 * starts with "DEMO"). The coordinating centre is the largest; sites join between 2008 and 2016; each
 * has a 3 T and a 1.5 T scanner of common vendors. Shares, dates and scanners are assumptions [U].
 */
export const DEFAULT_SITES: readonly SiteSpec[] = [
  {
    code: 'BJ01',
    name: 'DEMO Beijing Heart Hospital (synthetic)',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    startDate: '2008-01-01',
    weight: 0.24,
    scanners: { 3: s(3, 'siemens', 'MAGNETOM Skyra'), 1.5: s(1.5, 'siemens', 'MAGNETOM Avanto') },
    region: 'china',
  },
  {
    code: 'SH02',
    name: 'DEMO Shanghai Cardiovascular Centre (synthetic)',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    startDate: '2009-06-01',
    weight: 0.16,
    scanners: {
      3: s(3, 'philips', 'Ingenia', 'molli', 'gradient_spin_echo'),
      1.5: s(1.5, 'philips', 'Achieva', 'molli', 'gradient_spin_echo'),
    },
    region: 'china',
  },
  {
    code: 'GZ03',
    name: 'DEMO Guangzhou Heart Institute (synthetic)',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    startDate: '2011-03-01',
    weight: 0.12,
    scanners: { 3: s(3, 'ge', 'Discovery MR750'), 1.5: s(1.5, 'ge', 'SIGNA Artist') },
    region: 'china',
  },
  {
    code: 'CD04',
    name: 'DEMO Chengdu Cardiac Centre (synthetic)',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    startDate: '2013-09-01',
    weight: 0.1,
    scanners: { 3: s(3, 'united_imaging', 'uMR 790'), 1.5: s(1.5, 'siemens', 'MAGNETOM Aera') },
    region: 'china',
  },
  {
    code: 'WH05',
    name: 'DEMO Wuhan Heart Hospital (synthetic)',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    startDate: '2015-01-01',
    weight: 0.09,
    scanners: { 3: s(3, 'united_imaging', 'uMR 880'), 1.5: s(1.5, 'ge', 'SIGNA Artist') },
    region: 'china',
  },
  {
    code: 'HK06',
    name: 'DEMO Hong Kong Cardiac Imaging Centre (synthetic)',
    country: 'HK',
    timeZone: 'Asia/Hong_Kong',
    startDate: '2012-01-01',
    weight: 0.09,
    scanners: { 3: s(3, 'philips', 'Ingenia'), 1.5: s(1.5, 'siemens', 'MAGNETOM Aera') },
    region: 'international',
  },
  {
    code: 'LD07',
    name: 'DEMO London Cardiac MR Unit (synthetic)',
    country: 'GB',
    timeZone: 'Europe/London',
    startDate: '2010-01-01',
    weight: 0.11,
    scanners: {
      3: s(3, 'siemens', 'MAGNETOM Prisma', 'shmolli'),
      1.5: s(1.5, 'siemens', 'MAGNETOM Aera', 'shmolli'),
    },
    region: 'international',
  },
  {
    code: 'MN08',
    name: 'DEMO Minneapolis Heart Imaging (synthetic)',
    country: 'US',
    timeZone: 'America/Chicago',
    startDate: '2016-01-01',
    weight: 0.09,
    scanners: { 3: s(3, 'siemens', 'MAGNETOM Vida'), 1.5: s(1.5, 'ge', 'SIGNA Artist') },
    region: 'international',
  },
];

/** The e-mail domain of the demo users (RFC 2606 reserves `.example`). */
export const DEMO_EMAIL_DOMAIN = 'demo.cmr-mass.example';

/** The number of central (core-lab) readers. */
export const CENTRAL_READERS = 3;

/** The user key of a site's coordinator or investigator. */
export function siteUserKey(role: 'coordinator' | 'investigator', siteCode: string): string {
  return `${role}.${siteCode}`;
}

/** The user key of central reader `n` (1-based). */
export function readerKey(n: number): string {
  return `reader.${n}`;
}

/**
 * The demo users: an admin, an investigator and a coordinator per site, central readers, a monitor
 * and a statistician. E-mails are `role[.site]@demo.cmr-mass.example`.
 */
export function demoUsers(sites: readonly SiteSpec[]): SyntheticUser[] {
  const user = (key: string, role: Role, siteCode: string | null, displayName: string): SyntheticUser => ({
    key,
    email: `${key.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`,
    displayName,
    role,
    siteCode,
  });
  const out: SyntheticUser[] = [user('admin', 'admin', null, 'DEMO Administrator')];
  for (const site of sites) {
    out.push(
      user(
        siteUserKey('investigator', site.code),
        'investigator',
        site.code,
        `DEMO Investigator ${site.code}`
      ),
      user(siteUserKey('coordinator', site.code), 'coordinator', site.code, `DEMO Coordinator ${site.code}`)
    );
  }
  for (let n = 1; n <= CENTRAL_READERS; n++) {
    out.push(user(readerKey(n), 'reader', null, `DEMO Central Reader ${n}`));
  }
  out.push(
    user('monitor', 'monitor', null, 'DEMO Monitor'),
    user('statistician', 'statistician', null, 'DEMO Statistician')
  );
  return out;
}
