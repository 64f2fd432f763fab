import { daysBetween, type IsoDate } from '../util/dates.js';
import type { EventType } from '../vocab/care.js';

/**
 * Follow-up is censored at last contact or at 36 months, whichever comes first (analysis-dataset.md):
 * 36 months = 1,096 days (3 x 365.25, rounded up).
 */
export const HORIZON_DAYS = 1096;

/** One endpoint's time and status. */
export interface TimeToEvent {
  /** Days from the baseline CMR to the event or to censoring. */
  readonly time: number;
  /** 1 when the event happened within the horizon. */
  readonly event: 0 | 1;
}

/** An endpoint with death as a competing risk: 0 censored, 1 the event, 2 death first. */
export interface CompetingTimeToEvent {
  readonly time: number;
  readonly status: 0 | 1 | 2;
}

/** The survival endpoints of one participant (analysis-dataset.md column names in comments). */
export interface Endpoints {
  /** `time_death_days`, `event_death`. */
  readonly death: TimeToEvent;
  /** `time_recurrence_days`, `event_recurrence`; `event_recurrence_cr` is `recurrenceCr.status`. */
  readonly recurrence: TimeToEvent;
  readonly recurrenceCr: CompetingTimeToEvent;
  /** `time_te_days`, `event_te`; `event_te_cr`. */
  readonly thromboembolism: TimeToEvent;
  readonly thromboembolismCr: CompetingTimeToEvent;
  /** First of death, recurrence, thromboembolism, heart-failure hospitalisation, progressive dysfunction. */
  readonly composite: TimeToEvent;
  /** Days of follow-up within the horizon: to death or last contact. */
  readonly followUpDays: number;
}

/** The facts the endpoints are computed from. */
export interface EndpointInput {
  readonly baselineDate: IsoDate;
  /** Outcome events (any order; those before the baseline or after the horizon are ignored). */
  readonly events: readonly { readonly type: EventType; readonly eventDate: IsoDate }[];
  /** The latest date the participant is known to have been alive or dead (last successful contact, exam, event). */
  readonly lastContactDate: IsoDate | null;
  readonly horizonDays?: number;
}

/** Event types that count towards the composite endpoint. */
export const COMPOSITE_EVENTS: readonly EventType[] = [
  'death',
  'recurrence',
  'thromboembolism',
  'hf_hospitalisation',
  'progressive_dysfunction',
];

function firstDay(input: EndpointInput, types: readonly EventType[], horizon: number): number | null {
  let best: number | null = null;
  for (const e of input.events) {
    if (!types.includes(e.type)) continue;
    const d = daysBetween(input.baselineDate, e.eventDate);
    if (d < 0 || d > horizon) continue;
    if (best === null || d < best) best = d;
  }
  return best;
}

/**
 * Time-to-event data for the prognostic question: days from the baseline CMR to each endpoint, or
 * to censoring at last contact within the horizon (36 months). A participant who died is followed to
 * death. An event on the day of the CMR has time 0.
 */
export function endpoints(input: EndpointInput): Endpoints {
  const horizon = input.horizonDays ?? HORIZON_DAYS;
  const deathDay = firstDay(input, ['death'], horizon);
  let lastDay = input.lastContactDate ? daysBetween(input.baselineDate, input.lastContactDate) : 0;
  for (const e of input.events) {
    const d = daysBetween(input.baselineDate, e.eventDate);
    if (d > lastDay) lastDay = d;
  }
  const censor = deathDay ?? Math.max(0, Math.min(lastDay, horizon));

  const simple = (types: readonly EventType[]): TimeToEvent => {
    const d = firstDay(input, types, horizon);
    return d === null ? { time: censor, event: 0 } : { time: d, event: 1 };
  };
  const competing = (type: EventType): CompetingTimeToEvent => {
    const d = firstDay(input, [type], horizon);
    if (d !== null && (deathDay === null || d <= deathDay)) return { time: d, status: 1 };
    if (deathDay !== null) return { time: deathDay, status: 2 };
    return { time: censor, status: 0 };
  };
  const recurrenceCr = competing('recurrence');
  const thromboembolismCr = competing('thromboembolism');
  return {
    death: simple(['death']),
    recurrence: simple(['recurrence']),
    recurrenceCr,
    thromboembolism: simple(['thromboembolism']),
    thromboembolismCr,
    composite: simple(COMPOSITE_EVENTS),
    followUpDays: censor,
  };
}

/** Prognosis at 36 months (architecture.md, "Cohorts"). */
export type Prognosis = 'favourable' | 'unfavourable' | 'unknown';

/**
 * Favourable or unfavourable prognosis at 36 months: unfavourable when a composite event (death,
 * recurrence, thromboembolism, heart-failure hospitalisation, progressive dysfunction) happened
 * within 36 months; favourable when none did and follow-up reached the 36-month visit window
 * (`completeFromDays`, by default 36 months minus its 60-day window); unknown otherwise (not yet
 * followed that long, or lost).
 */
export function prognosisAt36Months(e: Endpoints, completeFromDays = HORIZON_DAYS - 60): Prognosis {
  if (e.composite.event === 1) return 'unfavourable';
  if (e.followUpDays >= completeFromDays) return 'favourable';
  return 'unknown';
}
