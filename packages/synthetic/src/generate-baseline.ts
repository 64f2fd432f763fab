import { categoryOfType, type IsoDate, type MassType, addDays } from '@cmr-mass/core';
import {
  drawExamSetup,
  drawLesionFeatures,
  drawQuantFor,
  examBody,
  lesionBody,
  type ExamSetup,
  type LesionFeatures,
} from './generate-exam.js';
import type { Person } from './generate-participant.js';
import { readLesion, secondRead, type ReaderCall } from './generate-readings.js';
import { ATYPICAL_SHARE, MIMICS, profileOf, type Appearance } from './profiles/index.js';
import type { LesionQuant, ReferenceValues } from './quant.js';
import type { Rng } from './rng.js';
import { CENTRAL_READERS, readerKey, type SiteSpec } from './sites.js';
import type { SyntheticRecord, UserKey } from './types.js';

/** A lesion seen on the baseline CMR. */
export interface BaselineLesion {
  readonly id: string;
  readonly features: LesionFeatures;
  readonly quant: LesionQuant;
}

/** The baseline CMR of a participant and what the readers made of it. */
export interface Baseline {
  readonly examId: string;
  readonly setup: ExamSetup;
  readonly reference: ReferenceValues;
  readonly lesions: readonly BaselineLesion[];
  /** The type the lesions look like when atypical (null when typical). */
  readonly mimic: MassType | null;
  /** The first reader (who also records the lesion findings); null when not read yet. */
  readonly reader: UserKey | null;
  readonly records: readonly SyntheticRecord[];
}

/** Share of baseline exams read by a second central reader, for inter-reader agreement [U]. */
export const SECOND_READER_SHARE = 0.25;

/**
 * The baseline CMR: the exam (by the site's coordinator), its lesions (1, sometimes 2, drawn from the
 * type's profile or, for an atypical case, from the profile of the type it mimics) recorded by the
 * first central reader, and the blinded readings: the first reader about a week after the exam
 * (log-normal, median 7 days), a second reader on a quarter of the exams about three weeks later [U].
 * Nothing dated after today is recorded (a recent exam may still await its reading).
 */
export function generateBaseline(
  rng: Rng,
  ids: Rng,
  type: MassType,
  participantId: string,
  person: Person,
  site: SiteSpec,
  baselineDate: IsoDate,
  today: IsoDate,
  coordinator: UserKey
): Baseline {
  const category = categoryOfType(type);
  const profile = profileOf(type);
  const setup = drawExamSetup(rng.fork('setup'), site, baselineDate);
  const examId = ids.uuid();
  const { body, reference } = examBody(
    rng.fork('exam'),
    setup,
    participantId,
    'baseline',
    null,
    baselineDate,
    person,
    person.lvef,
    category
  );
  const records: SyntheticRecord[] = [{ form: 'cmr_exam', id: examId, by: coordinator, data: body }];

  const lr = rng.fork('lesions');
  const atypical = lr.chance(ATYPICAL_SHARE[category]);
  const mimic = atypical ? lr.pick(MIMICS[category]) : null;
  let appearance: Appearance = profile.appearance;
  if (mimic !== null) {
    const a = profileOf(mimic).appearance;
    appearance = {
      ...a,
      location: profile.appearance.location,
      layer: profile.appearance.layer,
      sizeMm: profile.appearance.sizeMm,
    };
  }
  const count = category === 'no_mass' ? 0 : 1 + (lr.chance(profile.appearance.secondLesion) ? 1 : 0);
  const lesions: BaselineLesion[] = [];
  for (let i = 0; i < count; i++) {
    const features = drawLesionFeatures(lr, appearance, setup);
    const quant = drawQuantFor(lr, profile, reference, setup, features.sizeLongMm ?? 0);
    lesions.push({ id: ids.uuid(), features, quant });
  }

  const rr = rng.fork('readings');
  const firstN = rr.int(1, CENTRAL_READERS);
  const secondN = ((firstN + rr.int(0, CENTRAL_READERS - 2)) % CENTRAL_READERS) + 1;
  const readDate = addDays(baselineDate, Math.round(rr.logNormal(7, 0.8)));
  const second = rr.chance(SECOND_READER_SHARE);
  const readDate2 = addDays(readDate, Math.round(rr.logNormal(20, 0.6)));
  if (readDate > today) return { examId, setup, reference, lesions, mimic, reader: null, records };

  const reader = readerKey(firstN);
  for (const l of lesions) {
    records.push({
      form: 'lesion_finding',
      id: ids.uuid(),
      by: reader,
      lesionKey: l.id,
      data: lesionBody(examId, undefined, l.features, l.quant, setup),
    });
  }
  const readingRecord = (
    by: UserKey,
    date: IsoDate,
    lesionId: string | null,
    call: ReaderCall
  ): SyntheticRecord => ({
    form: 'reading',
    id: ids.uuid(),
    by,
    data: {
      examId,
      lesionId: call.category === 'no_mass' ? null : lesionId,
      readDate: date,
      category: call.category,
      specificType: call.specificType,
      confidence: call.confidence,
      blinded: true,
      formStatus: 'complete',
    },
  });
  const noMass: ReaderCall = { category: 'no_mass', specificType: 'no_mass', confidence: 5 };
  const firstCalls =
    lesions.length === 0 ? [noMass] : lesions.map(() => readLesion(rr, type, mimic, setup.quality));
  const secondCalls = firstCalls.map((c) =>
    lesions.length === 0 ? noMass : secondRead(rr, c, type, mimic, setup.quality)
  );
  const emit = (by: UserKey, date: IsoDate, calls: readonly ReaderCall[]): void => {
    let saidNoMass = false;
    calls.forEach((call, i) => {
      if (call.category === 'no_mass') {
        if (saidNoMass) return;
        saidNoMass = true;
      }
      records.push(readingRecord(by, date, lesions[i]?.id ?? null, call));
    });
  };
  emit(reader, readDate, firstCalls);
  if (second && readDate2 <= today) emit(readerKey(secondN), readDate2, secondCalls);
  return { examId, setup, reference, lesions, mimic, reader, records };
}
