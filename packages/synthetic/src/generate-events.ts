import {
  categoryOfType,
  isSecondaryType,
  type AeCategory,
  type AeGrade,
  type DeathCause,
  type EmbolismSite,
  type EventType,
  type MassType,
  type RecurrenceSite,
} from '@cmr-mass/core';
import type { LesionFeatures } from './generate-exam.js';
import type { Person } from './generate-participant.js';
import type { CarePlan } from './generate-treatment.js';
import { courseOf, SHENOY_HR, SHENOY_MEAN_MULTIPLIER } from './profiles/index.js';
import type { Rng, Weighted } from './rng.js';

/** One outcome event, in days from the baseline CMR, with its coded details. */
export interface EventDraw {
  readonly type: EventType;
  readonly day: number;
  readonly deathCause?: DeathCause;
  readonly embolismSite?: EmbolismSite;
  readonly recurrenceSite?: RecurrenceSite;
  readonly aeGrade?: AeGrade;
  readonly aeCategory?: AeCategory;
}

/** The natural history of one participant: every event that happens within the horizon. */
export interface Course {
  readonly deathDay: number | null;
  /** Death included; sorted by day. Nothing but the death is on or after the day of death. */
  readonly events: readonly EventDraw[];
  /** First recurrence or progression (the mass grows back or grows). */
  readonly regrowthDay: number | null;
  readonly dysfunctionDay: number | null;
  readonly hfDay: number | null;
}

/** A span with a constant hazard (events per day). */
interface Piece {
  readonly from: number;
  readonly to: number;
  readonly rate: number;
}

const YEAR = 365.25;

/**
 * The first event time under a piecewise-constant hazard (inverse cumulative hazard; consumes one
 * draw whatever the result, so that later draws do not shift). Null when none happens by the last piece.
 */
function firstTime(rng: Rng, pieces: readonly Piece[]): number | null {
  let target = rng.exponential(1);
  for (const p of pieces) {
    if (p.to <= p.from || p.rate <= 0) continue;
    const h = p.rate * (p.to - p.from);
    if (target <= h) return p.from + target / p.rate;
    target -= h;
  }
  return null;
}

const GRADES: Weighted<AeGrade> = [
  ['2', 0.5],
  ['3', 0.4],
  ['4', 0.1],
];

/**
 * Draws what happens after the baseline CMR, up to `horizonDays` (clinical.md §5b; the hazards are in
 * `profiles/course.ts`, the README lists them):
 * - death: the first of background mortality (Shenoy's rate for the category, scaled by Shenoy's
 *   hazard ratios for age, smoking, LVEF and extracardiac cancer), tumour-specific death (Weibull by
 *   type; palliative care only shortens it by 40 %, an R0 resection of a primary lengthens it by 50 %
 *   [U]) and 30-day operative mortality;
 * - thromboembolism: an early excess (thrombus: 5 % in 90 days; myxoma until resection), then a
 *   constant rate; ×2.5 for a thrombus without anticoagulation (clinical.md §5b "~10 % stroke without
 *   anticoagulation"), ×3 for a mobile fibroelastoma left in place (Gowda: mobility predicts
 *   embolism), ×0.2 once a tumour is resected, +1 %/y with atrial fibrillation [U];
 * - recurrence after removal (after 90 days; 30 for a thrombus) or progression while in place;
 * - heart-failure hospitalisation (×2 with LVEF < 40 %), progressive dysfunction (×2 with
 *   chemotherapy for breast cancer or lymphoma: anthracyclines), adverse events of treatments.
 */
export function drawCourse(
  rng: Rng,
  type: MassType,
  person: Person,
  care: CarePlan,
  lesion: LesionFeatures | null,
  horizonDays: number
): Course {
  const course = courseOf(type);
  const category = categoryOfType(type);
  const secondary = isSecondaryType(type);
  const H = horizonDays;

  // Death.
  const m =
    SHENOY_HR.agePer5y ** ((person.ageYears - 60) / 5) *
    (person.smoking === 'never' ? 1 : SHENOY_HR.smoking) *
    SHENOY_HR.lvefPer5Down ** (Math.max(0, 60 - person.lvef) / 5) *
    (person.knownCancer && !secondary ? SHENOY_HR.cancer : 1);
  const background = firstTime(rng, [
    { from: 0, to: H, rate: (course.backgroundAnnual * m) / SHENOY_MEAN_MULTIPLIER / YEAR },
  ]);
  let tumourDeath: number | null = null;
  const cured = rng.next();
  const weibullU = rng.weibull(1, 1);
  if (course.tumour !== null && cured >= course.tumour.cured) {
    let median = course.tumour.medianMonths * (YEAR / 12);
    if (care.palliativeOnly) median *= 0.6;
    if (!secondary && care.resection === 'r0') median *= 1.5;
    const scale = median / Math.log(2) ** (1 / course.tumour.shape);
    // weibullU is a unit exponential; transform it to Weibull(shape, scale).
    tumourDeath = scale * weibullU ** (1 / course.tumour.shape);
  }
  let surgicalDeath: number | null = null;
  const surgical = rng.next();
  const surgicalDay = rng.int(1, 30);
  if (care.resectionDay !== null && surgical < course.surgicalDeath) {
    surgicalDeath = care.resectionDay + surgicalDay;
  }
  const causeU = rng.fork('cause');
  let deathDay: number | null = null;
  let deathCause: DeathCause = 'unknown';
  for (const [t, cause] of [
    [
      background,
      person.knownCancer && causeU.chance(0.5) ? 'cancer' : causeU.pick(courseOf('no_mass').deathCauses),
    ],
    [tumourDeath, causeU.pick(course.deathCauses)],
    [surgicalDeath, 'procedural'],
  ] as const) {
    if (t !== null && t <= H && (deathDay === null || Math.ceil(t) < deathDay)) {
      deathDay = Math.max(1, Math.ceil(t));
      deathCause = cause;
    }
  }
  const end = deathDay ?? H;
  const events: EventDraw[] = [];
  const add = (e: EventDraw): void => {
    if (e.day >= 1 && e.day < end) events.push(e);
  };
  const at = (t: number | null): number | null => (t === null ? null : Math.ceil(t));

  // Thromboembolism.
  const removal = care.removalDay;
  const tumourRemoved = removal !== null && category !== 'thrombus';
  let teRate = course.teAnnual / YEAR + (person.atrialFibrillation ? 0.01 / YEAR : 0);
  if (category === 'thrombus' && care.anticoagulation === null) teRate *= 2.5;
  const mobile = lesion !== null && lesion.mobility !== 'immobile';
  if (type === 'papillary_fibroelastoma' && mobile) teRate *= 3;
  const pieces: Piece[] = [];
  let from = 0;
  if (course.teEarly !== null) {
    let earlyEnd = course.teEarly.days;
    if (tumourRemoved) earlyEnd = Math.min(earlyEnd, removal);
    const early = -Math.log(1 - course.teEarly.probability) / course.teEarly.days;
    pieces.push({
      from: 0,
      to: earlyEnd,
      rate: early * (category === 'thrombus' && care.anticoagulation === null ? 2.5 : 1),
    });
    from = earlyEnd;
  }
  if (tumourRemoved && removal > from) {
    pieces.push({ from, to: removal, rate: teRate }, { from: removal, to: end, rate: teRate * 0.2 });
  } else {
    pieces.push({ from, to: end, rate: tumourRemoved ? teRate * 0.2 : teRate });
  }
  const teDay = at(firstTime(rng, pieces));
  const siteRng = rng.fork('te-site');
  if (teDay !== null) {
    const right =
      lesion !== null &&
      ['right_atrium', 'right_ventricle', 'tricuspid_valve', 'vena_cava', 'pulmonary_artery'].includes(
        lesion.location ?? ''
      );
    add({
      type: 'thromboembolism',
      day: teDay,
      embolismSite:
        right || category === 'malignant_tumour'
          ? siteRng.pick<EmbolismSite>([
              ['pulmonary', 0.5],
              ['stroke_tia', 0.3],
              ['systemic_arterial', 0.2],
            ])
          : siteRng.pick<EmbolismSite>([
              ['stroke_tia', 0.6],
              ['systemic_arterial', 0.25],
              ['coronary', 0.05],
              ['other', 0.1],
            ]),
    });
  }

  // Recurrence after removal, or progression in place.
  const regrowth =
    removal !== null
      ? firstTime(rng, [
          {
            from: removal + (category === 'thrombus' ? 30 : 90),
            to: end,
            rate: course.recurrenceAnnual / YEAR,
          },
        ])
      : firstTime(rng, [
          { from: 0, to: end, rate: (course.progressionAnnual * (care.chemo !== null ? 0.6 : 1)) / YEAR },
        ]);
  const regrowthDay = at(regrowth);
  const recurrenceSite: RecurrenceSite =
    category === 'malignant_tumour'
      ? rng.pick<RecurrenceSite>([
          ['local', 0.5],
          ['cardiac_other', 0.2],
          ['distant', 0.3],
        ])
      : rng.chance(0.85)
        ? 'local'
        : 'cardiac_other';
  if (regrowthDay !== null) add({ type: 'recurrence', day: regrowthDay, recurrenceSite });

  // Heart failure and progressive dysfunction.
  const hfDay = at(
    firstTime(rng, [{ from: 0, to: end, rate: (course.hfAnnual * (person.lvef < 40 ? 2 : 1)) / YEAR }])
  );
  if (hfDay !== null) add({ type: 'hf_hospitalisation', day: hfDay });
  const cardiotoxic =
    care.chemo !== null && ['metastasis_breast', 'metastasis_lymphoma', 'lymphoma_primary'].includes(type);
  const dysDay = at(
    firstTime(rng, [{ from: 0, to: end, rate: (course.dysfunctionAnnual * (cardiotoxic ? 2 : 1)) / YEAR }])
  );
  if (dysDay !== null) add({ type: 'progressive_dysfunction', day: dysDay });

  // Adverse events of treatments [U]: 8 % procedural complications within 30 days of surgery; major
  // bleeding 3 %/y on anticoagulation; drug toxicity in 30 % of chemotherapy courses; 5 % after
  // radiotherapy. At most two are kept.
  const aes: EventDraw[] = [];
  const ae = (day: number | null, cat: AeCategory): void => {
    const grade = rng.pick(GRADES);
    if (day !== null && day >= 1 && day < end) {
      aes.push({ type: 'adverse_event', day, aeCategory: cat, aeGrade: grade });
    }
  };
  const surgeryAe = rng.chance(0.08);
  ae(
    care.resectionDay !== null && surgeryAe ? care.resectionDay + rng.int(1, 30) : null,
    'procedural_complication'
  );
  const ac = care.anticoagulation;
  ae(
    ac === null
      ? null
      : at(firstTime(rng, [{ from: Math.max(0, ac.start), to: ac.end ?? end, rate: 0.03 / YEAR }])),
    'bleeding'
  );
  const chemoAe = rng.chance(0.3);
  const ch = care.chemo;
  ae(ch !== null && chemoAe ? ch.start + rng.int(7, 90) : null, 'drug_toxicity');
  const rt = care.treatments.find((x) => x.type === 'radiotherapy');
  const rtAe = rng.chance(0.05);
  ae(rt !== undefined && rtAe ? rt.startDay + rng.int(7, 60) : null, 'other');
  for (const a of aes.sort((x, y) => x.day - y.day).slice(0, 2)) add(a);

  if (deathDay !== null) events.push({ type: 'death', day: deathDay, deathCause });
  events.sort((a, b) => a.day - b.day || (a.type === 'death' ? 1 : b.type === 'death' ? -1 : 0));
  return {
    deathDay,
    events,
    regrowthDay: regrowthDay !== null && regrowthDay < end ? regrowthDay : null,
    dysfunctionDay: dysDay !== null && dysDay < end ? dysDay : null,
    hfDay: hfDay !== null && hfDay < end ? hfDay : null,
  };
}
