import type { FormName } from '../schemas/define-form.js';
import type { FieldStrength } from '../vocab/cmr.js';
import { categoryOfType, type MassCategory, type MassType } from '../vocab/diagnosis.js';
import type { IsoDate } from '../util/dates.js';
import {
  boundsFor,
  HAEMATOCRIT,
  MASS_DIAMETER_MM,
  MAX_AGE_YEARS,
  type Bounds,
  type QuantityKind,
} from './ranges.js';
import type { RuleViolation } from './types.js';

/** What a single-record check needs to know beyond the record itself. */
export interface RecordContext {
  /** Today at the site (dates after it are refused). */
  readonly today: IsoDate;
  /** Field strength of the exam the record belongs to (CMR exam, lesion finding), if known. */
  readonly fieldStrengthT?: FieldStrength | null;
  /** The participant's year of birth, if known. */
  readonly birthYear?: number | null;
}

type Rec = Readonly<Record<string, unknown>>;

const num = (r: Rec, f: string): number | null => (typeof r[f] === 'number' ? r[f] : null);
const str = (r: Rec, f: string): string | null => (typeof r[f] === 'string' ? r[f] : null);
const has = (r: Rec, f: string): boolean => r[f] !== null && r[f] !== undefined;

const fmt = (v: number, unit: string): string => (unit ? `${v} ${unit}` : `${v}`);

/** Hard and soft range checks of one numeric field. */
function range(out: RuleViolation[], r: Rec, field: string, bounds: Bounds, what: string, at = ''): void {
  const v = num(r, field);
  if (v === null) return;
  const [lo, hi] = bounds.hard;
  if (v < lo || v > hi) {
    out.push({
      rule: `${field}_range`,
      severity: 'error',
      field,
      message: `${what} must be between ${fmt(lo, bounds.unit)} and ${fmt(hi, bounds.unit)}${at} (got ${fmt(v, bounds.unit)})`,
    });
  } else if (bounds.typical && (v < bounds.typical[0] || v > bounds.typical[1])) {
    out.push({
      rule: `${field}_typical`,
      severity: 'warning',
      field,
      message: `${what} of ${fmt(v, bounds.unit)} is outside the typical ${fmt(bounds.typical[0], bounds.unit)}-${fmt(bounds.typical[1], bounds.unit)}${at}: please check`,
    });
  }
}

function quantity(
  out: RuleViolation[],
  r: Rec,
  field: string,
  kind: QuantityKind,
  what: string,
  ctx: RecordContext
): void {
  const fs = ctx.fieldStrengthT ?? null;
  range(out, r, field, boundsFor(kind, fs), what, fs === null ? '' : ` at ${fs} T`);
}

function notInFuture(out: RuleViolation[], r: Rec, fields: readonly string[], today: IsoDate): void {
  for (const f of fields) {
    const d = str(r, f);
    if (d !== null && d > today) {
      out.push({
        rule: 'date_not_in_future',
        severity: 'error',
        field: f,
        message: `${f} ${d} is after today (${today})`,
      });
    }
  }
}

function onlyWhen(out: RuleViolation[], r: Rec, field: string, ok: boolean, when: string): void {
  if (has(r, field) && !ok) {
    out.push({
      rule: `${field}_only_when`,
      severity: 'error',
      field,
      message: `${field} applies only ${when}`,
    });
  }
}

function typeMatchesCategory(out: RuleViolation[], r: Rec): void {
  const type = str(r, 'specificType') as MassType | null;
  const category = str(r, 'category') as MassCategory | null;
  if (type !== null && category !== null && categoryOfType(type) !== category) {
    out.push({
      rule: 'type_in_category',
      severity: 'error',
      field: 'specificType',
      message: `specificType ${type} is a ${categoryOfType(type)}, not a ${category}`,
    });
  }
}

function quantWithProvenance(
  out: RuleViolation[],
  r: Rec,
  value: string,
  prefix: string,
  needsSequence: boolean
): void {
  if (!has(r, value)) return;
  if (needsSequence && !has(r, `${prefix}Sequence`)) {
    out.push({
      rule: 'quant_sequence',
      severity: 'error',
      field: `${prefix}Sequence`,
      message: `${prefix}Sequence is required with ${value}`,
    });
  }
  if (!has(r, `${prefix}Source`)) {
    out.push({
      rule: 'quant_source',
      severity: 'error',
      field: `${prefix}Source`,
      message: `${prefix}Source (typed or computed) is required with ${value}`,
    });
  } else if (r[`${prefix}Source`] === 'computed' && !has(r, `${prefix}Provenance`)) {
    out.push({
      rule: 'quant_provenance',
      severity: 'error',
      field: `${prefix}Provenance`,
      message: `a computed ${value} needs its provenance (map and ROI)`,
    });
  }
}

/**
 * Checks one record of a form on its own (ranges, internal consistency, dates not in the future).
 * Rules that relate records to each other (dates in order across the casebook) are in
 * `checkCasebook`. Returns every violation; an empty array means the record is plausible.
 */
export function checkRecord(form: FormName, r: Rec, ctx: RecordContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  const year = Number(ctx.today.slice(0, 4));
  switch (form) {
    case 'participant': {
      const by = num(r, 'birthYear');
      if (by !== null && (by > year || by < year - MAX_AGE_YEARS)) {
        out.push({
          rule: 'birth_year_range',
          severity: 'error',
          field: 'birthYear',
          message: `birthYear must be between ${year - MAX_AGE_YEARS} and ${year} (got ${by})`,
        });
      }
      range(out, r, 'haematocrit', HAEMATOCRIT, 'haematocrit (a fraction, e.g. 0.42, not a percent)');
      notInFuture(out, r, ['haematocritDate'], ctx.today);
      onlyWhen(
        out,
        r,
        'cancerSite',
        r.knownExtracardiacCancer === true,
        'when knownExtracardiacCancer is true'
      );
      const h = num(r, 'heightCm');
      const w = num(r, 'weightKg');
      if (h !== null && w !== null) {
        const bmi = w / (h / 100) ** 2;
        if (bmi < 10 || bmi > 70) {
          out.push({
            rule: 'bmi_typical',
            severity: 'warning',
            field: 'weightKg',
            message: `height ${h} cm and weight ${w} kg give a BMI of ${bmi.toFixed(1)}: please check`,
          });
        }
      }
      break;
    }
    case 'identifiers': {
      notInFuture(out, r, ['dateOfBirth'], ctx.today);
      const dob = str(r, 'dateOfBirth');
      if (dob !== null && ctx.birthYear != null && Number(dob.slice(0, 4)) !== ctx.birthYear) {
        out.push({
          rule: 'dob_matches_birth_year',
          severity: 'error',
          field: 'dateOfBirth',
          message: `dateOfBirth ${dob} does not match the participant's birthYear ${ctx.birthYear}`,
        });
      }
      break;
    }
    case 'eligibility':
      notInFuture(out, r, ['assessedDate'], ctx.today);
      break;
    case 'cmr_exam': {
      notInFuture(out, r, ['examDate'], ctx.today);
      if (r.kind === 'baseline' && has(r, 'visitMonth')) {
        out.push({
          rule: 'baseline_no_visit',
          severity: 'error',
          field: 'visitMonth',
          message: 'a baseline exam does not belong to a follow-up visit',
        });
      }
      for (const [esv, edv] of [
        ['lvEsvMl', 'lvEdvMl'],
        ['rvEsvMl', 'rvEdvMl'],
      ] as const) {
        const s = num(r, esv);
        const d = num(r, edv);
        if (s !== null && d !== null && s >= d) {
          out.push({
            rule: 'esv_below_edv',
            severity: 'error',
            field: esv,
            message: `${esv} (${s} ml) must be less than ${edv} (${d} ml)`,
          });
        }
      }
      const ef = num(r, 'lvEfPercent');
      const lvs = num(r, 'lvEsvMl');
      const lvd = num(r, 'lvEdvMl');
      if (ef !== null && lvs !== null && lvd !== null && lvs < lvd) {
        const fromVolumes = (100 * (lvd - lvs)) / lvd;
        if (Math.abs(fromVolumes - ef) > 5) {
          out.push({
            rule: 'ef_matches_volumes',
            severity: 'warning',
            field: 'lvEfPercent',
            message: `lvEfPercent ${ef} % differs from (EDV - ESV) / EDV = ${fromVolumes.toFixed(1)} %`,
          });
        }
      }
      if (r.contrastAgent === 'none' && (num(r, 'contrastDoseMmolPerKg') ?? 0) > 0) {
        out.push({
          rule: 'dose_without_agent',
          severity: 'error',
          field: 'contrastDoseMmolPerKg',
          message: 'a contrast dose was given but contrastAgent is none',
        });
      }
      range(out, r, 'haematocrit', HAEMATOCRIT, 'haematocrit (a fraction, e.g. 0.42, not a percent)');
      quantity(out, r, 'myocardiumT1NativeMs', 't1_native_myocardium', 'myocardial native T1', ctx);
      quantity(out, r, 'myocardiumT2Ms', 't2_myocardium', 'myocardial T2', ctx);
      quantity(out, r, 'myocardiumEcv', 'ecv_myocardium', 'myocardial ECV', ctx);
      quantity(out, r, 'bloodT1NativeMs', 't1_native_blood', 'blood native T1', ctx);
      quantity(out, r, 'bloodT1PostMs', 't1_post', 'blood post-contrast T1', ctx);
      const bPre = num(r, 'bloodT1NativeMs');
      const bPost = num(r, 'bloodT1PostMs');
      if (bPre !== null && bPost !== null && bPost >= bPre) {
        out.push({
          rule: 'post_below_native',
          severity: 'error',
          field: 'bloodT1PostMs',
          message: `post-contrast blood T1 (${bPost} ms) must be shorter than native (${bPre} ms)`,
        });
      }
      break;
    }
    case 'lesion_finding': {
      range(out, r, 'sizeLongMm', MASS_DIAMETER_MM, 'the largest diameter');
      const long = num(r, 'sizeLongMm');
      for (const f of ['sizeShortMm', 'sizeThirdMm'] as const) {
        const v = num(r, f);
        if (v !== null && long !== null && v > long) {
          out.push({
            rule: 'largest_diameter_first',
            severity: 'error',
            field: f,
            message: `${f} (${v} mm) is larger than sizeLongMm (${long} mm): give the largest diameter first`,
          });
        }
        if (v !== null && long === null) {
          out.push({
            rule: 'largest_diameter_first',
            severity: 'error',
            field: 'sizeLongMm',
            message: `sizeLongMm is required when ${f} is given`,
          });
        }
      }
      if (r.attachment === 'pedunculated' && r.tissueLayer === 'intramural') {
        out.push({
          rule: 'attachment_layer',
          severity: 'error',
          field: 'attachment',
          message: 'an intramural lesion cannot be pedunculated',
        });
      }
      quantity(out, r, 't1NativeMs', 't1_native_mass', 'native T1 of the lesion', ctx);
      quantity(out, r, 't2Ms', 't2_mass', 'T2 of the lesion', ctx);
      quantity(out, r, 'ecv', 'ecv_mass', 'ECV of the lesion (a fraction)', ctx);
      quantWithProvenance(out, r, 't1NativeMs', 't1Native', true);
      quantWithProvenance(out, r, 't2Ms', 't2', true);
      quantWithProvenance(out, r, 'ecv', 'ecv', false);
      break;
    }
    case 'reading':
      notInFuture(out, r, ['readDate'], ctx.today);
      typeMatchesCategory(out, r);
      if (r.category === 'no_mass' && has(r, 'lesionId')) {
        out.push({
          rule: 'no_mass_no_lesion',
          severity: 'error',
          field: 'category',
          message: 'a reading of a lesion cannot be "no mass"',
        });
      }
      if (r.category !== 'no_mass' && r.category !== undefined && !has(r, 'lesionId')) {
        out.push({
          rule: 'mass_needs_lesion',
          severity: 'error',
          field: 'lesionId',
          message: `a reading of ${str(r, 'category') ?? 'a mass'} must name the lesion read`,
        });
      }
      break;
    case 'reference_diagnosis':
      notInFuture(out, r, ['diagnosisDate'], ctx.today);
      typeMatchesCategory(out, r);
      onlyWhen(out, r, 'specimen', r.method === 'histopathology', 'to a histopathological diagnosis');
      if (r.method === 'anticoagulation_resolution' && has(r, 'category') && r.category !== 'thrombus') {
        out.push({
          rule: 'resolution_is_thrombus',
          severity: 'error',
          field: 'category',
          message: 'resolution under anticoagulation establishes a thrombus',
        });
      }
      break;
    case 'treatment': {
      notInFuture(out, r, ['startDate', 'endDate'], ctx.today);
      const s = str(r, 'startDate');
      const e = str(r, 'endDate');
      if (s !== null && e !== null && e < s) {
        out.push({
          rule: 'end_after_start',
          severity: 'error',
          field: 'endDate',
          message: `endDate ${e} is before startDate ${s}`,
        });
      }
      onlyWhen(out, r, 'resectionCompleteness', r.type === 'surgical_resection', 'to a surgical resection');
      onlyWhen(out, r, 'anticoagulant', r.type === 'anticoagulation', 'to anticoagulation');
      break;
    }
    case 'follow_up_visit':
      notInFuture(out, r, ['contactDate'], ctx.today);
      if (r.contactOutcome === 'not_reached') {
        for (const f of ['vitalStatus', 'nyhaClass', 'lvefPercent', 'massCourse'] as const) {
          if (has(r, f) && !(f === 'vitalStatus' && r[f] === 'unknown')) {
            out.push({
              rule: 'not_reached_no_data',
              severity: 'error',
              field: f,
              message: `${f} cannot be recorded when the participant was not reached`,
            });
          }
        }
      }
      onlyWhen(out, r, 'lvefMethod', has(r, 'lvefPercent'), 'when lvefPercent is given');
      break;
    case 'outcome_event':
      notInFuture(out, r, ['eventDate'], ctx.today);
      onlyWhen(out, r, 'deathCause', r.type === 'death', 'to a death');
      onlyWhen(out, r, 'embolismSite', r.type === 'thromboembolism', 'to a thromboembolism');
      onlyWhen(out, r, 'recurrenceSite', r.type === 'recurrence', 'to a recurrence');
      onlyWhen(out, r, 'aeGrade', r.type === 'adverse_event', 'to an adverse event');
      onlyWhen(out, r, 'aeCategory', r.type === 'adverse_event', 'to an adverse event');
      break;
  }
  return out;
}
