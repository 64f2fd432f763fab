import type { FormName } from '@cmr-mass/core';
import type { AnyRecord } from '../api/types.js';
import { formatValue } from '../forms/format.js';
import type { Labels } from '../i18n/labels.js';
import { text } from '../app/text.js';

/** The fields that summarise a record of each form in one line, in order. */
const SUMMARY: Readonly<Record<FormName, readonly string[]>> = {
  participant: ['sex', 'birthYear', 'recruitment'],
  identifiers: ['fullName'],
  eligibility: ['consent', 'cmrScheduledOrDone'],
  cmr_exam: ['kind', 'visitMonth', 'fieldStrengthT', 'vendor', 'imageQuality'],
  lesion_finding: ['location', 'sizeLongMm', 'mobility', 'lgePattern'],
  reading: ['category', 'specificType', 'confidence'],
  reference_diagnosis: ['method', 'category', 'specificType'],
  treatment: ['type', 'intent', 'endDate'],
  follow_up_visit: ['visitMonth', 'mode', 'contactOutcome', 'vitalStatus'],
  outcome_event: ['type', 'deathCause', 'embolismSite', 'recurrenceSite', 'aeGrade'],
};

/** A one-line summary of a record for the timeline (filled fields only). */
export function summarise(l: Labels, form: FormName, r: AnyRecord): string {
  const parts: string[] = [];
  for (const f of SUMMARY[form]) {
    const v = r[f];
    if (v === null || v === undefined || v === '') continue;
    if (f === 'sizeLongMm') parts.push(`${text(v)} mm`);
    else if (f === 'birthYear') parts.push(text(v));
    else if (f === 'confidence') parts.push(`${l.field(form, f).split(' ')[0] ?? ''} ${text(v)}/5`);
    else if (typeof v === 'boolean') parts.push(`${l.field(form, f)}: ${formatValue(l, form, f, v)}`);
    else if (f === 'endDate') parts.push(`→ ${text(v)}`);
    else if (f === 'lgePattern') parts.push(`${l.tk('reader.lge')}: ${formatValue(l, form, f, v)}`);
    else parts.push(formatValue(l, form, f, v));
  }
  return parts.join(' · ');
}
