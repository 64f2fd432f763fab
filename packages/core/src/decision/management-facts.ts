import { sideOfLocation } from '../vocab/cmr.js';
import type { DecisionInput, FindingKey } from './input.js';

/** A yes/no fact read for a management modifier, with the fields it comes from (`null` when unknown). */
export interface Fact {
  readonly value: boolean | null;
  readonly fields: readonly FindingKey[];
}

const fact = (value: boolean | null, ...fields: FindingKey[]): Fact => ({ value, fields });

/** Symptoms other than "incidental" were recorded (null when no symptoms were recorded). */
export function symptomatic(input: DecisionInput): Fact {
  const s = input.context.symptoms;
  return fact(s === null ? null : s.some((x) => x !== 'incidental'), 'symptoms');
}

/** An embolic event was among the presenting symptoms. */
export function embolic(input: DecisionInput): Fact {
  const s = input.context.symptoms;
  return fact(s === null ? null : s.includes('embolic_event'), 'symptoms');
}

/** The lesion is on the left side of the heart (`sideOfLocation`). */
export function leftSided(input: DecisionInput): Fact {
  const loc = input.lesion?.location ?? null;
  return fact(loc === null ? null : sideOfLocation(loc) === 'left', 'location');
}

/** The lesion is mobile or prolapsing. */
export function mobile(input: DecisionInput): Fact {
  const m = input.lesion?.mobility ?? null;
  return fact(m === null ? null : m !== 'immobile', 'mobility');
}

/** The largest diameter is above `mm`. */
export function largerThan(input: DecisionInput, mm: number): Fact {
  const s = input.lesion?.sizeLongMm ?? null;
  return fact(s === null ? null : s > mm, 'sizeLongMm');
}

/** The largest diameter is `mm` or more. */
export function atLeast(input: DecisionInput, mm: number): Fact {
  const s = input.lesion?.sizeLongMm ?? null;
  return fact(s === null ? null : s >= mm, 'sizeLongMm');
}

/** LVEF below `percent`. */
export function lvefBelow(input: DecisionInput, percent: number): Fact {
  const ef = input.context.lvEfPercent;
  return fact(ef === null ? null : ef < percent, 'lvEfPercent');
}

/** More than one lesion on the exam. */
export function multipleLesions(input: DecisionInput): Fact {
  const n = input.context.lesionsOnExam;
  return fact(n === null ? null : n >= 2, 'lesionsOnExam');
}

/** A large pericardial effusion. */
export function largeEffusion(input: DecisionInput): Fact {
  const e = input.lesion?.pericardialEffusion ?? null;
  return fact(e === null ? null : e === 'large', 'pericardialEffusion');
}

/** A condition the study's forms do not record (decided by the clinician or at follow-up). */
export const NOT_IN_FORMS: Fact = { value: null, fields: [] };

/**
 * Any of the facts: true when one is true, false when all are false, null otherwise (a missing fact
 * could still make it true).
 */
export function anyOf(facts: readonly Fact[]): Fact {
  const fields = [...new Set(facts.flatMap((f) => f.fields))];
  if (facts.some((f) => f.value === true)) return { value: true, fields };
  if (facts.every((f) => f.value === false)) return { value: false, fields };
  return { value: null, fields };
}
