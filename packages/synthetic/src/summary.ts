import {
  categoryOfType,
  daysBetween,
  deriveParticipantStatus,
  eligibilityDecision,
  followUpSchedule,
  type MassCategory,
  type ParticipantStatus,
  type VisitStatus,
} from '@cmr-mass/core';
import type { CreateBody, SyntheticCohort, SyntheticParticipant } from './types.js';

type Of<F extends SyntheticParticipant['records'][number]['form']> = Extract<
  SyntheticParticipant['records'][number],
  { form: F }
>;

function recordsOf<F extends SyntheticParticipant['records'][number]['form']>(
  p: SyntheticParticipant,
  form: F
): Of<F>[] {
  return p.records.filter((r): r is Of<F> => r.form === form);
}

/** The status the registry will derive for a generated participant (core's `deriveParticipantStatus`). */
export function expectedStatus(p: SyntheticParticipant): ParticipantStatus {
  const elig = recordsOf(p, 'eligibility')[0];
  const death = recordsOf(p, 'outcome_event').find((e) => e.data.type === 'death');
  return deriveParticipantStatus({
    eligibility: elig
      ? eligibilityDecision(elig.data as Parameters<typeof eligibilityDecision>[0]).decision
      : null,
    withdrawnDate: p.withdrawal?.date ?? null,
    lostToFollowUpDate: p.lostToFollowUp?.date ?? null,
    deathDate: death?.data.eventDate ?? null,
    finalVisitDone: recordsOf(p, 'follow_up_visit').some(
      (v) => v.data.visitMonth === 36 && v.data.contactOutcome === 'reached'
    ),
  });
}

/** A proportion with its numerator and denominator. */
export interface Share {
  readonly n: number;
  readonly of: number;
  readonly value: number;
}
const share = (n: number, of: number): Share => ({ n, of, value: of === 0 ? NaN : n / of });

/** The first blinded reading of the index (largest) baseline lesion, and the reference diagnosis. */
export interface IndexPair {
  readonly participant: SyntheticParticipant;
  readonly reading: CreateBody<'reading'>;
  readonly second: CreateBody<'reading'> | null;
  readonly reference: CreateBody<'reference_diagnosis'>;
}

/** Pairs each enrolled participant's first reading of the index lesion with the reference diagnosis. */
export function indexPairs(cohort: SyntheticCohort): IndexPair[] {
  const out: IndexPair[] = [];
  for (const p of cohort.participants) {
    const base = recordsOf(p, 'cmr_exam').find((e) => e.data.kind === 'baseline');
    if (!base) continue;
    const findings = recordsOf(p, 'lesion_finding').filter((f) => f.data.examId === base.id);
    const index = [...findings].sort((a, b) => (b.data.sizeLongMm ?? 0) - (a.data.sizeLongMm ?? 0))[0];
    const lesion = index?.lesionKey ?? null;
    const reads = recordsOf(p, 'reading').filter(
      (r) => r.data.examId === base.id && (r.data.lesionId == null || r.data.lesionId === lesion)
    );
    const firstBy = reads[0]?.by;
    const first = reads[0];
    const second = reads.find((r) => r.by !== firstBy);
    const ref =
      recordsOf(p, 'reference_diagnosis').find((r) => (r.data.lesionId ?? null) === lesion) ??
      recordsOf(p, 'reference_diagnosis')[0];
    if (first && ref) {
      out.push({ participant: p, reading: first.data, second: second?.data ?? null, reference: ref.data });
    }
  }
  return out;
}

/** Cohen's kappa of two raters over categories (Cohen 1960). */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): number {
  const n = pairs.length;
  if (n === 0) return NaN;
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  let pe = 0;
  for (const [k, v] of a) pe += (v / n) * ((b.get(k) ?? 0) / n);
  return pe === 1 ? 1 : (agree / n - pe) / (1 - pe);
}

/** Kaplan-Meier survival at given days (Kaplan & Meier, JASA 1958;53:457-81). */
export function kmSurvival(
  data: readonly { time: number; event: boolean }[],
  at: readonly number[]
): number[] {
  const times = [...new Set(data.filter((d) => d.event).map((d) => d.time))].sort((x, y) => x - y);
  let s = 1;
  const curve: [number, number][] = [];
  for (const t of times) {
    const atRisk = data.filter((d) => d.time >= t).length;
    const deaths = data.filter((d) => d.event && d.time === t).length;
    s *= 1 - deaths / atRisk;
    curve.push([t, s]);
  }
  return at.map((x) => {
    let v = 1;
    for (const [t, sv] of curve) if (t <= x) v = sv;
    return v;
  });
}

/** Survival data (days from baseline to recorded death or last contact) by true category. */
export function survivalByCategory(
  cohort: SyntheticCohort
): Map<MassCategory, { time: number; event: boolean }[]> {
  const out = new Map<MassCategory, { time: number; event: boolean }[]>();
  for (const p of cohort.participants) {
    if (p.truth.exclusion !== null) continue;
    const b = p.truth.baselineDate;
    const death = recordsOf(p, 'outcome_event').find((e) => e.data.type === 'death');
    let last = 0;
    for (const v of recordsOf(p, 'follow_up_visit')) {
      if (v.data.contactOutcome === 'reached') last = Math.max(last, daysBetween(b, v.data.contactDate));
    }
    const row = death
      ? { time: daysBetween(b, death.data.eventDate), event: true }
      : { time: last, event: false };
    const cat = categoryOfType(p.truth.massType);
    out.set(cat, [...(out.get(cat) ?? []), row]);
  }
  return out;
}

/** The figures the README and `cmr-mass demo` report. */
export interface CohortSummary {
  readonly participants: number;
  readonly bySite: Readonly<Record<string, number>>;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly bySiteAndStatus: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly byCategory: Readonly<Record<string, number>>;
  readonly records: number;
  readonly firstReaderAccuracy: Share;
  readonly benignVsMalignantAmongTumours: Share;
  readonly readerAgreement: Share;
  readonly readerKappa: number;
  /** Kaplan-Meier mortality at 1 and 3 years by true category (recorded data). */
  readonly mortality: Readonly<
    Record<string, { readonly oneYear: number; readonly threeYears: number; readonly n: number }>
  >;
  /** Scheduled visits by status as of today (core's `followUpSchedule`), enrolled participants. */
  readonly visits: Readonly<Record<VisitStatus, number>>;
}

const inc = (m: Record<string, number>, k: string, by = 1): void => {
  m[k] = (m[k] ?? 0) + by;
};

/** Summarises a cohort: counts, case mix, reader accuracy and agreement, mortality, visit statuses. */
export function summarizeCohort(cohort: SyntheticCohort): CohortSummary {
  const bySite: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  const bySiteAndStatus: Record<string, Record<string, number>> = {};
  const byCategory: Record<string, number> = {};
  const visits: Record<VisitStatus, number> = {
    upcoming: 0,
    due: 0,
    overdue: 0,
    missed: 0,
    done: 0,
    done_out_of_window: 0,
    not_required: 0,
  };
  let records = 0;
  for (const p of cohort.participants) {
    const status = expectedStatus(p);
    inc(bySite, p.siteCode);
    inc(byStatus, status);
    inc((bySiteAndStatus[p.siteCode] ??= {}), status);
    inc(byCategory, p.truth.category);
    records += p.records.length;
    if (status === 'excluded' || status === 'withdrawn') continue;
    const death = recordsOf(p, 'outcome_event').find((e) => e.data.type === 'death');
    for (const v of followUpSchedule({
      baselineDate: p.truth.baselineDate,
      today: cohort.meta.today,
      contacts: recordsOf(p, 'follow_up_visit').map((c) => ({
        id: c.id,
        visitMonth: c.data.visitMonth ?? null,
        contactDate: c.data.contactDate,
        contactOutcome: c.data.contactOutcome,
      })),
      deathDate: death?.data.eventDate ?? null,
      lostToFollowUpDate: p.lostToFollowUp?.date ?? null,
    })) {
      visits[v.status]++;
    }
  }
  const pairs = indexPairs(cohort);
  const right = pairs.filter((x) => x.reading.category === x.reference.category).length;
  const tumours = pairs.filter(
    (x) => x.reference.category === 'benign_tumour' || x.reference.category === 'malignant_tumour'
  );
  const bmRight = tumours.filter(
    (x) => (x.reading.category === 'malignant_tumour') === (x.reference.category === 'malignant_tumour')
  ).length;
  const doubly = pairs.filter((x) => x.second !== null);
  const agree = doubly.filter((x) => x.second?.category === x.reading.category).length;
  const mortality: Record<string, { oneYear: number; threeYears: number; n: number }> = {};
  for (const [cat, data] of survivalByCategory(cohort)) {
    const [s1, s3] = kmSurvival(data, [365, 1096]);
    mortality[cat] = { oneYear: 1 - (s1 ?? 1), threeYears: 1 - (s3 ?? 1), n: data.length };
  }
  return {
    participants: cohort.participants.length,
    bySite,
    byStatus,
    bySiteAndStatus,
    byCategory,
    records,
    firstReaderAccuracy: share(right, pairs.length),
    benignVsMalignantAmongTumours: share(bmRight, tumours.length),
    readerAgreement: share(agree, doubly.length),
    readerKappa: cohenKappa(doubly.map((x) => [x.reading.category, x.second!.category] as const)),
    mortality,
    visits,
  };
}
