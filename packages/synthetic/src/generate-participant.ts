import {
  type CancerSite,
  type IsoDate,
  type MassCategory,
  type Sex,
  type Smoking,
  type Symptom,
  toEpochDay,
  fromEpochDay,
  addDays,
} from '@cmr-mass/core';
import type { AgeModel, TypeProfile } from './profiles/index.js';
import type { Rng, Weighted } from './rng.js';
import type { SiteSpec } from './sites.js';
import type { CreateBody } from './types.js';

/** A participant's drawn characteristics (what the participant form records, and more). */
export interface Person {
  readonly sex: Sex;
  readonly ageYears: number;
  readonly dateOfBirth: IsoDate;
  readonly birthYear: number;
  readonly knownCancer: boolean;
  readonly cancerSite: CancerSite | null;
  readonly atrialFibrillation: boolean;
  readonly priorMi: boolean;
  readonly hypertension: boolean;
  readonly diabetes: boolean;
  readonly smoking: Smoking;
  readonly heightCm: number;
  readonly weightKg: number;
  readonly haematocrit: number;
  readonly lvef: number;
  readonly symptoms: readonly Symptom[];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

function drawAge(rng: Rng, m: AgeModel): number {
  if ('mixture' in m) return drawAge(rng, rng.pick(m.mixture));
  return rng.truncNormal(m.mean, m.sd, m.min, m.max);
}

// Sites of a known cancer other than a cardiac metastasis's own primary [U].
const CANCER_SITES: Weighted<CancerSite> = [
  ['lung', 0.25],
  ['breast', 0.2],
  ['gastrointestinal', 0.2],
  ['lymphoma_haem', 0.1],
  ['renal', 0.05],
  ['other', 0.2],
];

/**
 * Draws a person for a mass type at a baseline date: sex, age and comorbidities from the type's
 * demographics (clinical.md §5b), and from assumptions [U] documented in the README: smoking by sex
 * (lung-cancer patients smoke more), hypertension and diabetes rising with age, body size by region
 * and age, haematocrit by sex (lower with cancer).
 */
export function drawPerson(
  rng: Rng,
  profile: TypeProfile,
  category: MassCategory,
  baselineDate: IsoDate,
  site: SiteSpec
): Person {
  const d = profile.demographics;
  const sex: Sex = rng.chance(d.male) ? 'male' : 'female';
  const ageYears = drawAge(rng, d.age);
  const ageDays = Math.floor(ageYears * 365.25);
  const dateOfBirth = fromEpochDay(toEpochDay(baselineDate) - ageDays);
  const birthYear = Number(dateOfBirth.slice(0, 4));
  const adult = ageYears >= 18;
  const knownCancer = adult && rng.chance(d.knownCancer);
  const cancerSite = knownCancer ? (d.cancerSite ?? rng.pick(CANCER_SITES)) : null;
  const atrialFibrillation = adult && rng.chance(d.atrialFibrillation);
  const priorMi = adult && rng.chance(d.priorMi);
  const hypertension = adult && rng.chance(clamp(0.1 + (0.5 * (ageYears - 30)) / 50, 0.03, 0.65));
  const diabetes = adult && rng.chance(clamp(0.04 + (0.2 * (ageYears - 30)) / 50, 0.01, 0.25));
  let smoking: Smoking = 'never';
  if (ageYears >= 16) {
    const heavy = profile.type === 'metastasis_lung';
    smoking = rng.pick<Smoking>(
      heavy
        ? [
            ['never', 0.2],
            ['former', 0.45],
            ['current', 0.35],
          ]
        : sex === 'male'
          ? [
              ['never', 0.45],
              ['former', 0.3],
              ['current', 0.25],
            ]
          : [
              ['never', 0.85],
              ['former', 0.1],
              ['current', 0.05],
            ]
    );
  }
  let heightCm: number;
  let weightKg: number;
  if (adult) {
    const tall = site.region === 'international' ? 5 : 0;
    heightCm = rng.normal(sex === 'male' ? 171 + tall : 159 + tall, sex === 'male' ? 7 : 6);
    const bmi = rng.truncNormal(site.region === 'international' ? 27 : 24, 4, 16, 45);
    weightKg = bmi * (heightCm / 100) ** 2;
  } else {
    heightCm = ageYears < 1 ? 50 + 25 * ageYears : 75 + 6.2 * (ageYears - 1);
    heightCm *= rng.truncNormal(1, 0.04, 0.88, 1.12);
    weightKg = rng.truncNormal(16.5, 1.5, 12, 24) * (heightCm / 100) ** 2;
  }
  const hctMean =
    (adult ? (sex === 'male' ? 0.44 : 0.4) : 0.37) - (category === 'malignant_tumour' ? 0.03 : 0);
  const haematocrit = Math.round(rng.truncNormal(hctMean, 0.03, 0.26, 0.54) * 100) / 100;
  const lvef = Math.round(rng.truncNormal(d.lvef[0], d.lvef[1], 15, 78));
  const symptoms = d.symptoms.filter(([, p]) => rng.chance(p)).map(([sym]) => sym);
  return {
    sex,
    ageYears,
    dateOfBirth,
    birthYear,
    knownCancer,
    cancerSite,
    atrialFibrillation,
    priorMi,
    hypertension,
    diabetes,
    smoking,
    heightCm: round1(heightCm),
    weightKg: round1(weightKg),
    haematocrit,
    lvef,
    symptoms: symptoms.length > 0 ? symptoms : ['incidental'],
  };
}

/** The participant form's create body (the site id is the cohort's). */
export function participantBody(
  p: Person,
  siteId: string,
  recruitment: 'prospective' | 'retrospective',
  baselineDate: IsoDate
): CreateBody<'participant'> {
  return {
    siteId,
    recruitment,
    sex: p.sex,
    birthYear: p.birthYear,
    symptoms: [...p.symptoms],
    knownExtracardiacCancer: p.knownCancer,
    cancerSite: p.cancerSite,
    atrialFibrillation: p.atrialFibrillation,
    priorMyocardialInfarction: p.priorMi,
    hypertension: p.hypertension,
    diabetes: p.diabetes,
    smoking: p.smoking,
    heightCm: p.heightCm,
    weightKg: p.weightKg,
    haematocrit: p.haematocrit,
    haematocritDate: baselineDate,
    formStatus: 'complete',
  };
}

const CN_SURNAMES = [
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Yang',
  'Huang',
  'Zhao',
  'Wu',
  'Zhou',
  'Xu',
  'Sun',
];
const CN_GIVEN = [
  'Wei',
  'Fang',
  'Min',
  'Jing',
  'Qiang',
  'Lei',
  'Jun',
  'Yan',
  'Jie',
  'Tao',
  'Ming',
  'Xia',
  'Ping',
  'Hui',
];
const EN_SURNAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Wilson',
  'Evans',
  'Walker',
  'Wright',
  'Green',
  'Hall',
];
const EN_GIVEN = [
  'Alex',
  'Sam',
  'Jo',
  'Chris',
  'Pat',
  'Robin',
  'Jamie',
  'Casey',
  'Morgan',
  'Taylor',
  'Jordan',
];

/** A telephone number from a range that cannot be dialled (or is reserved for fiction). */
function fakePhone(rng: Rng, country: string): string {
  const n = (digits: number): string => String(rng.int(0, 10 ** digits - 1)).padStart(digits, '0');
  switch (country) {
    case 'GB':
      return `+44 7700 900${n(3)}`; // Ofcom's range for drama
    case 'US':
      return `+1 612 555 01${n(2)}`; // 555-0100..0199, reserved for fiction
    case 'HK':
      return `+852 0000 ${n(4)}`;
    default:
      return `+86 000 0000 ${n(4)}`; // no Chinese number starts with 000
  }
}

/**
 * Direct identifiers, all clearly fake: names start with "DEMO", record numbers with "DEMO-", phone
 * numbers from undiallable or fiction-reserved ranges, e-mails at example.org (RFC 2606).
 */
export function identifiersBody(
  rng: Rng,
  participantId: string,
  p: Person,
  site: SiteSpec,
  serial: number
): CreateBody<'identifiers'> {
  const cn = site.region === 'china' || site.country === 'HK';
  const surname = rng.oneOf(cn ? CN_SURNAMES : EN_SURNAMES);
  const given = rng.oneOf(cn ? CN_GIVEN : EN_GIVEN);
  const withEmail = rng.chance(0.3);
  return {
    participantId,
    fullName: cn ? `DEMO ${surname} ${given}` : `DEMO ${given} ${surname}`,
    hospitalRecordNumber: `DEMO-${site.code}-${String(serial).padStart(6, '0')}`,
    dateOfBirth: p.dateOfBirth,
    phone: fakePhone(rng, site.country),
    alternatePhone: rng.chance(0.3) ? fakePhone(rng, site.country) : null,
    email: withEmail ? `demo.${given.toLowerCase()}.${serial}@example.org` : null,
    address: `${rng.int(1, 300)} Demo Road (synthetic), ${site.name.replace(/^DEMO /, '').split(' ')[0] ?? ''}`,
    contactNotes: rng.chance(0.2) ? 'Synthetic participant: prefers calls after 18:00.' : null,
    formStatus: 'complete',
  };
}

/** Why a participant is excluded, if they are (decided in `cohort.ts`). */
export type Exclusion = 'consent_declined' | 'follow_up_impossible' | 'mass_undetermined';

/**
 * The eligibility form: prospective participants are assessed in the two weeks before their CMR and
 * give written consent; retrospective ones are assessed from the records within a month after it, and
 * the ethics committee waived consent for most (80 %) [U].
 */
export function eligibilityBody(
  rng: Rng,
  participantId: string,
  recruitment: 'prospective' | 'retrospective',
  baselineDate: IsoDate,
  today: IsoDate,
  exclusion: Exclusion | null
): CreateBody<'eligibility'> {
  let assessedDate =
    recruitment === 'prospective'
      ? addDays(baselineDate, -rng.int(0, 14))
      : addDays(baselineDate, rng.int(0, 30));
  if (exclusion === 'mass_undetermined') assessedDate = addDays(baselineDate, rng.int(180, 365));
  if (assessedDate > today) assessedDate = today;
  const consent =
    exclusion === 'consent_declined'
      ? 'declined'
      : recruitment === 'prospective' || rng.chance(0.2)
        ? 'written'
        : 'waived_retrospective';
  return {
    participantId,
    assessedDate,
    cmrScheduledOrDone: true,
    consent,
    exclusionMassUndetermined: exclusion === 'mass_undetermined',
    exclusionFollowUpImpossible: exclusion === 'follow_up_impossible',
    exclusionOther: false,
    exclusionNote:
      exclusion === 'mass_undetermined'
        ? 'No histology and no conclusive follow-up (synthetic).'
        : exclusion === 'follow_up_impossible'
          ? 'Lives abroad; no follow-up possible (synthetic).'
          : null,
    formStatus: 'complete',
  };
}
