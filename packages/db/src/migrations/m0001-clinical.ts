import type { Kysely } from 'kysely';
import {
  createFormTable,
  createIndex,
  int,
  real,
  text,
  toExam,
  toLesion,
  toParticipant,
  addColumns,
  META_COLUMNS,
} from './ddl.js';

/**
 * The case-report-form tables (migration 0001, part 2). The columns are written out here, frozen with
 * the migration; a test checks that they match the fields of `core`'s forms.
 */
export async function createClinicalTables(db: Kysely<unknown>): Promise<void> {
  await addColumns(
    db.schema
      .createTable('participants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id')),
    [
      text('study_id', 'nn'),
      text('status', 'nn'),
      text('withdrawn_date'),
      text('withdrawal_reason'),
      text('lost_to_follow_up_date'),
      text('recruitment'),
      text('sex'),
      int('birth_year'),
      text('symptoms', 'nn'),
      int('known_extracardiac_cancer'),
      text('cancer_site'),
      int('atrial_fibrillation'),
      int('prior_myocardial_infarction'),
      int('hypertension'),
      int('diabetes'),
      text('smoking'),
      real('height_cm'),
      real('weight_kg'),
      real('haematocrit'),
      text('haematocrit_date'),
      ...META_COLUMNS,
    ]
  ).execute();
  await createIndex(db, 'participants', ['study_id'], { unique: true });
  await createIndex(db, 'participants', ['site_id', 'status']);
  await createIndex(db, 'participants', ['status']);
  await createIndex(db, 'participants', ['created_at']);

  await createFormTable(
    db,
    'participant_identifiers',
    [toParticipant],
    [
      text('full_name'),
      text('hospital_record_number'),
      text('date_of_birth'),
      text('phone'),
      text('alternate_phone'),
      text('email'),
      text('address'),
      text('contact_notes'),
    ]
  );
  await createIndex(db, 'participant_identifiers', ['participant_id'], { unique: true, liveOnly: true });
  await createIndex(db, 'participant_identifiers', ['hospital_record_number']);

  await createFormTable(
    db,
    'eligibility',
    [toParticipant],
    [
      text('assessed_date', 'nn'),
      int('cmr_scheduled_or_done'),
      text('consent'),
      int('exclusion_mass_undetermined', 'nn'),
      int('exclusion_follow_up_impossible', 'nn'),
      int('exclusion_other', 'nn'),
      text('exclusion_note'),
    ]
  );
  await createIndex(db, 'eligibility', ['participant_id'], { unique: true, liveOnly: true });

  await createFormTable(
    db,
    'cmr_exams',
    [toParticipant],
    [
      text('kind', 'nn'),
      int('visit_month'),
      text('exam_date', 'nn'),
      real('field_strength_t'),
      text('vendor'),
      text('scanner_model'),
      text('sequences', 'nn'),
      text('contrast_agent'),
      real('contrast_dose_mmol_per_kg'),
      real('lv_edv_ml'),
      real('lv_esv_ml'),
      real('lv_ef_percent'),
      real('lv_mass_g'),
      real('rv_edv_ml'),
      real('rv_esv_ml'),
      real('rv_ef_percent'),
      text('image_quality'),
      text('study_instance_uid'),
      real('haematocrit'),
      real('myocardium_t1_native_ms'),
      real('myocardium_t2_ms'),
      real('myocardium_ecv'),
      real('blood_t1_native_ms'),
      real('blood_t1_post_ms'),
    ]
  );
  await createIndex(db, 'cmr_exams', ['participant_id']);
  await createIndex(db, 'cmr_exams', ['exam_date']);

  await db.schema
    .createTable('lesions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await createIndex(db, 'lesions', ['participant_id', 'label'], { unique: true });

  await createFormTable(
    db,
    'lesion_findings',
    [toExam, toLesion(true), toParticipant],
    [
      text('lesion_label', 'nn'),
      text('location'),
      text('tissue_layer'),
      text('attachment'),
      real('size_long_mm'),
      real('size_short_mm'),
      real('size_third_mm'),
      text('shape'),
      text('margins'),
      text('mobility'),
      int('infiltration'),
      text('pericardial_effusion'),
      text('t1w_signal'),
      text('t2w_signal'),
      text('fat_suppression_signal_loss'),
      text('homogeneity'),
      text('first_pass_perfusion'),
      text('lge_pattern'),
      text('nulling_long_ti'),
      int('calcification'),
      int('coronary_encasement'),
      real('t1_native_ms'),
      text('t1_native_sequence'),
      text('t1_native_source'),
      text('t1_native_provenance'),
      real('t2_ms'),
      text('t2_sequence'),
      text('t2_source'),
      text('t2_provenance'),
      real('ecv'),
      text('ecv_source'),
      text('ecv_provenance'),
    ]
  );
  await createIndex(db, 'lesion_findings', ['exam_id', 'lesion_id'], { unique: true, liveOnly: true });
  await createIndex(db, 'lesion_findings', ['participant_id']);
  await createIndex(db, 'lesion_findings', ['lesion_id']);

  await createFormTable(
    db,
    'readings',
    [toExam, toLesion(false), toParticipant],
    [
      text('reader_id', 'nn'),
      text('read_date', 'nn'),
      text('category', 'nn'),
      text('specific_type'),
      int('confidence'),
      int('blinded', 'nn'),
    ]
  );
  await createIndex(db, 'readings', ['exam_id']);
  await createIndex(db, 'readings', ['participant_id']);
  await createIndex(db, 'readings', ['reader_id']);

  await createFormTable(
    db,
    'reference_diagnoses',
    [toParticipant, toLesion(false)],
    [
      text('method', 'nn'),
      text('diagnosis_date', 'nn'),
      text('category', 'nn'),
      text('specific_type'),
      text('specimen'),
    ]
  );
  await createIndex(db, 'reference_diagnoses', ['participant_id']);

  await createFormTable(
    db,
    'treatments',
    [toParticipant, toLesion(false)],
    [
      text('type', 'nn'),
      text('intent'),
      text('start_date', 'nn'),
      text('end_date'),
      text('resection_completeness'),
      text('anticoagulant'),
    ]
  );
  await createIndex(db, 'treatments', ['participant_id']);

  await createFormTable(
    db,
    'follow_up_visits',
    [toParticipant],
    [
      int('visit_month'),
      text('contact_date', 'nn'),
      text('mode', 'nn'),
      text('contact_outcome', 'nn'),
      text('vital_status'),
      int('new_events'),
      text('nyha_class'),
      real('lvef_percent'),
      text('lvef_method'),
      text('mass_course'),
      int('on_anticoagulation'),
    ]
  );
  await createIndex(db, 'follow_up_visits', ['participant_id', 'visit_month']);
  await createIndex(db, 'follow_up_visits', ['contact_date']);

  await createFormTable(
    db,
    'outcome_events',
    [toParticipant, { column: 'visit_id', table: 'follow_up_visits', notNull: false }],
    [
      text('type', 'nn'),
      text('event_date', 'nn'),
      text('death_cause'),
      text('embolism_site'),
      text('recurrence_site'),
      text('ae_grade'),
      text('ae_category'),
      text('source'),
    ]
  );
  await createIndex(db, 'outcome_events', ['participant_id']);
  await createIndex(db, 'outcome_events', ['type', 'event_date']);
}

/** Drops what {@link createClinicalTables} created, children first. */
export async function dropClinicalTables(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'outcome_events',
    'follow_up_visits',
    'treatments',
    'reference_diagnoses',
    'readings',
    'lesion_findings',
    'lesions',
    'cmr_exams',
    'eligibility',
    'participant_identifiers',
    'participants',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
