import { typesOfCategory, type FormName, type MassCategory } from '@cmr-mass/core';
import type { FormValues } from './payload.js';

/** A heading and the fields under it. */
export interface Section {
  /** Key under `fields.sections` in the dictionaries. */
  readonly title: string;
  readonly fields: readonly string[];
}

/** How one form is laid out, beyond what the generic renderer infers from the schema. */
export interface FormLayout {
  readonly sections: readonly Section[];
  /** Branching logic (REDCap's "show the field only if…"): a field shows when this is true or it has a value. */
  readonly showIf?: Readonly<Record<string, (v: FormValues) => boolean>>;
  /** Dependent choices: the codes offered for a field given the other values. */
  readonly optionsFor?: Readonly<Record<string, (v: FormValues) => readonly string[] | null>>;
  /** Fields the user does not type (set by the imaging viewer, shown read-only). */
  readonly readOnly?: readonly string[];
}

const is =
  (field: string, ...codes: string[]) =>
  (v: FormValues): boolean =>
    typeof v[field] === 'string' && codes.includes(v[field]);
const notEmpty =
  (field: string) =>
  (v: FormValues): boolean =>
    v[field] !== '' && v[field] !== null;
const specificTypes = (v: FormValues): readonly string[] | null =>
  typeof v.category === 'string' && v.category !== '' ? typesOfCategory(v.category as MassCategory) : null;
const reached = (v: FormValues): boolean => v.contactOutcome !== 'not_reached';

/** Per-form layout hints; a form without hints gets one section in schema order. */
export const LAYOUTS: Partial<Record<FormName, FormLayout>> = {
  participant: {
    sections: [
      { title: 'demographics', fields: ['recruitment', 'sex', 'birthYear', 'symptoms'] },
      {
        title: 'history',
        fields: [
          'knownExtracardiacCancer',
          'cancerSite',
          'atrialFibrillation',
          'priorMyocardialInfarction',
          'hypertension',
          'diabetes',
          'smoking',
        ],
      },
      { title: 'bodySize', fields: ['heightCm', 'weightKg', 'haematocrit', 'haematocritDate'] },
    ],
    showIf: { cancerSite: is('knownExtracardiacCancer', 'yes') },
  },
  eligibility: {
    sections: [
      { title: 'inclusion', fields: ['assessedDate', 'cmrScheduledOrDone', 'consent'] },
      {
        title: 'exclusion',
        fields: [
          'exclusionMassUndetermined',
          'exclusionFollowUpImpossible',
          'exclusionOther',
          'exclusionNote',
        ],
      },
    ],
  },
  cmr_exam: {
    sections: [
      {
        title: 'scan',
        fields: [
          'kind',
          'visitMonth',
          'examDate',
          'fieldStrengthT',
          'vendor',
          'scannerModel',
          'imageQuality',
          'studyInstanceUid',
        ],
      },
      { title: 'protocol', fields: ['sequences', 'contrastAgent', 'contrastDoseMmolPerKg', 'haematocrit'] },
      {
        title: 'function',
        fields: ['lvEdvMl', 'lvEsvMl', 'lvEfPercent', 'lvMassG', 'rvEdvMl', 'rvEsvMl', 'rvEfPercent'],
      },
      {
        title: 'mappingReference',
        fields: [
          'myocardiumT1NativeMs',
          'myocardiumT2Ms',
          'myocardiumEcv',
          'bloodT1NativeMs',
          'bloodT1PostMs',
        ],
      },
    ],
    showIf: {
      visitMonth: is('kind', 'follow_up'),
      contrastDoseMmolPerKg: (v) => v.contrastAgent !== 'none',
    },
  },
  lesion_finding: {
    sections: [
      {
        title: 'morphology',
        fields: [
          'location',
          'tissueLayer',
          'attachment',
          'sizeLongMm',
          'sizeShortMm',
          'sizeThirdMm',
          'shape',
          'margins',
          'mobility',
          'infiltration',
          'pericardialEffusion',
          'calcification',
          'coronaryEncasement',
        ],
      },
      {
        title: 'tissue',
        fields: [
          't1wSignal',
          't2wSignal',
          'fatSuppressionSignalLoss',
          'homogeneity',
          'firstPassPerfusion',
          'lgePattern',
          'nullingLongTi',
        ],
      },
      {
        title: 'quantitative',
        fields: [
          't1NativeMs',
          't1NativeSequence',
          't1NativeSource',
          't1NativeProvenance',
          't2Ms',
          't2Sequence',
          't2Source',
          't2Provenance',
          'ecv',
          'ecvSource',
          'ecvProvenance',
        ],
      },
    ],
    readOnly: ['t1NativeProvenance', 't2Provenance', 'ecvProvenance'],
    showIf: {
      t1NativeProvenance: notEmpty('t1NativeProvenance'),
      t2Provenance: notEmpty('t2Provenance'),
      ecvProvenance: notEmpty('ecvProvenance'),
    },
  },
  reading: {
    sections: [
      { title: 'diagnosis', fields: ['readDate', 'category', 'specificType', 'confidence', 'blinded'] },
    ],
    optionsFor: { specificType: specificTypes },
  },
  reference_diagnosis: {
    sections: [
      { title: 'diagnosis', fields: ['method', 'diagnosisDate', 'category', 'specificType', 'specimen'] },
    ],
    optionsFor: { specificType: specificTypes },
    showIf: { specimen: is('method', 'histopathology') },
  },
  treatment: {
    sections: [
      {
        title: 'treatment',
        fields: ['type', 'intent', 'startDate', 'endDate', 'resectionCompleteness', 'anticoagulant'],
      },
    ],
    showIf: {
      resectionCompleteness: is('type', 'surgical_resection'),
      anticoagulant: is('type', 'anticoagulation'),
    },
  },
  follow_up_visit: {
    sections: [
      { title: 'contactDetails', fields: ['visitMonth', 'contactDate', 'mode', 'contactOutcome'] },
      {
        title: 'clinical',
        fields: [
          'vitalStatus',
          'newEvents',
          'nyhaClass',
          'lvefPercent',
          'lvefMethod',
          'massCourse',
          'onAnticoagulation',
        ],
      },
    ],
    showIf: {
      vitalStatus: reached,
      newEvents: reached,
      nyhaClass: reached,
      lvefPercent: reached,
      lvefMethod: reached,
      massCourse: reached,
      onAnticoagulation: reached,
    },
  },
  outcome_event: {
    sections: [
      {
        title: 'event',
        fields: [
          'type',
          'eventDate',
          'deathCause',
          'embolismSite',
          'recurrenceSite',
          'aeGrade',
          'aeCategory',
          'source',
        ],
      },
    ],
    showIf: {
      deathCause: is('type', 'death'),
      embolismSite: is('type', 'thromboembolism'),
      recurrenceSite: is('type', 'recurrence'),
      aeGrade: is('type', 'adverse_event'),
      aeCategory: is('type', 'adverse_event'),
    },
  },
  identifiers: {
    sections: [
      { title: 'demographics', fields: ['fullName', 'hospitalRecordNumber', 'dateOfBirth'] },
      { title: 'contact', fields: ['phone', 'alternatePhone', 'email', 'address', 'contactNotes'] },
    ],
  },
};

/** The sections of a form: its layout's, then one more with any field the layout forgot. */
export function sectionsOf(form: FormName, allFields: readonly string[]): readonly Section[] {
  const layout = LAYOUTS[form];
  if (!layout) return [{ title: 'details', fields: allFields }];
  const placed = new Set(layout.sections.flatMap((s) => s.fields));
  const rest = allFields.filter((f) => !placed.has(f));
  return rest.length > 0 ? [...layout.sections, { title: 'details', fields: rest }] : layout.sections;
}
