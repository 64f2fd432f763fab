import { categoryOfType, type MassType, type ReferenceMethod, type Specimen } from '@cmr-mass/core';
import type { Course } from './generate-events.js';
import type { FollowUp } from './generate-follow-up.js';
import type { CarePlan } from './generate-treatment.js';
import type { Rng } from './rng.js';

/** When and how the reference diagnosis was made, in days from the baseline CMR. */
export interface ReferencePlan {
  readonly method: ReferenceMethod;
  readonly day: number;
  readonly specimen: Specimen | null;
}

/**
 * The reference standard (architecture.md; clinical.md §2a Paolisso 2024: histology, or for thrombi
 * histology or radiological resolution under anticoagulation): histopathology of the resected
 * specimen or the biopsy; for a thrombus, the first imaging after it resolved (under anticoagulation)
 * or, if it persists, 6 months of follow-up; otherwise the first successful contact at least 6 months
 * after the baseline CMR (2 months for a malignant tumour without histology, whose course declares
 * it). A participant who dies first gets the diagnosis at death (20 % of malignant ones by autopsy)
 * [U]. Null while none is possible yet.
 */
export function planReference(
  rng: Rng,
  type: MassType,
  care: CarePlan,
  course: Course,
  followUp: FollowUp,
  todayDay: number
): ReferencePlan | null {
  const category = categoryOfType(type);
  const death = course.deathDay;
  const beforeDeath = (d: number): boolean => death === null || d < death;
  const autopsy = rng.chance(0.2);
  if (care.resectionDay !== null && care.resectionDay <= todayDay && beforeDeath(care.resectionDay)) {
    return { method: 'histopathology', day: care.resectionDay, specimen: 'resection' };
  }
  if (care.biopsy !== null && care.biopsy.day <= todayDay && beforeDeath(care.biopsy.day)) {
    return { method: 'histopathology', day: care.biopsy.day, specimen: care.biopsy.specimen };
  }
  const reached = followUp.contacts.filter((c) => c.reached && !c.reportsDeath);
  if (category === 'thrombus' && care.removalDay !== null) {
    const removal = care.removalDay;
    const seen = reached.find((c) => c.imaging !== null && c.day >= removal);
    if (seen) {
      return {
        method: care.anticoagulation !== null ? 'anticoagulation_resolution' : 'follow_up',
        day: seen.day,
        specimen: null,
      };
    }
  }
  const minDays = category === 'malignant_tumour' ? 60 : 180;
  const later = reached.find((c) => c.day >= minDays);
  if (later) return { method: 'follow_up', day: later.day, specimen: null };
  const told = followUp.contacts.find((c) => c.reportsDeath);
  if (told && death !== null) {
    if (category === 'malignant_tumour' && autopsy) {
      return { method: 'histopathology', day: death, specimen: 'autopsy' };
    }
    return { method: 'follow_up', day: death, specimen: null };
  }
  return null;
}
