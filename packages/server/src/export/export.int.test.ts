import { crc32 } from 'node:zlib';
import { ANALYSIS_PARTICIPANT_COLUMNS, ANALYSIS_READING_COLUMNS } from '@cmr-mass/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { client, loginAs, type TestClient } from '../testing/client.js';
import { csvObjects, parseCsv, readZip } from '../testing/csv-zip.js';
import { emailOf, seedCasebook, seedFixture, testClock, TEST_PASSWORD, type Fixture } from '../testing/fixtures.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../testing/test-db.js';
import { DATE_SHIFT_SALT_KEY, MAX_SHIFT_DAYS, shiftDays } from './deidentify.js';

/** The columns analysis-dataset.md names (copied from the document, not from the code). */
const DOC_PARTICIPANT_COLUMNS = `participant_id site sex age baseline_cmr_date field_strength_t n_lesions index_lesion_id
  ref_method ref_category ref_type neoplastic malignant secondary cmr_category cmr_neoplastic cmr_malignant size_max_mm
  infiltration pericardial_effusion fpp lge_pattern sessile polylobate heterogeneous_enhancement t1_native_ms t2_ms ecv
  mass_score treatment time_death_days event_death time_recurrence_days event_recurrence event_recurrence_cr
  time_te_days event_te event_te_cr time_composite_days event_composite prognosis_36m visits_done`.split(/\s+/);
const DOC_READING_COLUMNS = `lesion_id participant_id reader_id blinded cmr_category cmr_type cmr_neoplastic cmr_malignant
  confidence ref_category ref_type`.split(/\s+/);

const days = (a: string, b: string): number => (Date.parse(a) - Date.parse(b)) / 86_400_000;

for (const dialect of testDialects()) {
  describe(`exports on ${dialect}`, () => {
    let tdb: TestDatabase;
    let app: FastifyInstance;
    let fx: Fixture;
    let coord: TestClient;
    let monitor: TestClient;
    let statistician: TestClient;

    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      fx = await seedFixture(tdb.handle);
      await seedCasebook(tdb.handle, fx.users.coordinatorA.actor, fx.users.reader.actor, { id: fx.A.siteId, code: 'AA01' }, '2024-03-15');
      app = await buildApp({ handle: tdb.handle, clock: testClock, webDist: null, loginRateLimit: { max: 1000 } });
      coord = client(app, await loginAs(app, emailOf('coordinatorA'), TEST_PASSWORD));
      monitor = client(app, await loginAs(app, emailOf('monitor'), TEST_PASSWORD));
      statistician = client(app, await loginAs(app, emailOf('statistician'), TEST_PASSWORD));
    });
    afterAll(async () => {
      await app.close();
      await tdb.dispose();
    });

    const csv = async (c: TestClient, url: string): Promise<string> => {
      const res = await c.get(url);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      return res.body;
    };

    it('names the analysis columns exactly as analysis-dataset.md', async () => {
      const header = parseCsv(await csv(coord, '/api/v1/exports/analysis_participants.csv'))[0]!;
      expect(header).toEqual([...ANALYSIS_PARTICIPANT_COLUMNS]);
      for (const c of DOC_PARTICIPANT_COLUMNS) expect(header).toContain(c);
      const readings = parseCsv(await csv(coord, '/api/v1/exports/analysis_readings.csv'))[0]!;
      expect(readings).toEqual(DOC_READING_COLUMNS);
      expect(readings).toEqual([...ANALYSIS_READING_COLUMNS]);
    });

    it("exports the site's identified data to its staff, with the derived variables", async () => {
      const rows = csvObjects(await csv(coord, '/api/v1/exports/analysis_participants.csv'));
      expect(rows.map((r) => r.site)).toEqual(['AA01', 'AA01']);
      const a = rows.find((r) => r.participant_id === fx.A.studyId)!;
      expect(a).toMatchObject({
        baseline_cmr_date: '2025-06-10',
        ref_category: 'benign_tumour',
        neoplastic: '1',
        malignant: '0',
        secondary: 'NA',
        treatment: 'surgical_resection',
        event_death: '0',
      });
      const ids = csvObjects(await csv(coord, '/api/v1/exports/participant_identifiers.csv'));
      expect(ids[0]).toMatchObject({ full_name: 'Test Person AA01', study_id: expect.stringMatching(/^AA01-/) as unknown });
      const exams = csvObjects(await csv(coord, '/api/v1/exports/cmr_exams.csv'));
      expect(exams.every((e) => e.site === 'AA01' && e.scanner_model === 'Skyra (free text)')).toBe(true);
    });

    it('de-identifies for monitors and statisticians: no identifiers, no free text, dates shifted per participant', async () => {
      const list = (await monitor.get('/api/v1/exports')).json<{ deidentified: boolean; files: { file: string }[] }>();
      expect(list.deidentified).toBe(true);
      expect(list.files.map((f) => f.file)).not.toContain('participant_identifiers.csv');
      expect((await monitor.get('/api/v1/exports/participant_identifiers.csv')).statusCode).toBe(404);
      const salt = await tdb.handle.db.selectFrom('study_meta').select('value').where('key', '=', DATE_SHIFT_SALT_KEY).executeTakeFirstOrThrow();
      const secret = JSON.parse(salt.value) as string;

      const realExams = csvObjects(await csv(coord, '/api/v1/exports/cmr_exams.csv'));
      const realVisits = csvObjects(await csv(coord, '/api/v1/exports/follow_up_visits.csv'));
      const exams = csvObjects(await csv(statistician, '/api/v1/exports/cmr_exams.csv?deidentify=0'));
      const visits = csvObjects(await csv(monitor, '/api/v1/exports/follow_up_visits.csv'));
      const analysis = csvObjects(await csv(monitor, '/api/v1/exports/analysis_participants.csv'));
      const eligibility = await csv(monitor, '/api/v1/exports/eligibility.csv');
      for (const header of [Object.keys(exams[0]!), Object.keys(visits[0]!), parseCsv(eligibility)[0]!]) {
        for (const gone of ['scanner_model', 'exclusion_note', 'created_at', 'updated_by', 'study_instance_uid', 'birth_year']) {
          expect(header).not.toContain(gone);
        }
      }
      expect(eligibility).not.toContain('free text');
      const shifts = new Map<string, number>();
      for (const e of exams) {
        const real = realExams.find((r) => r.id === e.id);
        if (!real) continue;
        const shift = days(real.exam_date!, e.exam_date!);
        expect(shift).toBeGreaterThanOrEqual(0);
        expect(shift).toBeLessThanOrEqual(MAX_SHIFT_DAYS);
        expect(shift).toBe(shiftDays(secret, e.study_id!));
        shifts.set(e.study_id!, shift);
      }
      expect(shifts.size).toBe(2);
      for (const v of visits) {
        const real = realVisits.find((r) => r.id === v.id);
        if (real) expect(days(real.contact_date!, v.contact_date!)).toBe(shifts.get(v.study_id!));
      }
      for (const a of analysis) {
        if (!shifts.has(a.participant_id!)) continue;
        const real = realExams.find((r) => r.study_id === a.participant_id && r.kind === 'baseline')!;
        expect(days(real.exam_date!, a.baseline_cmr_date!)).toBe(shifts.get(a.participant_id!));
      }
      const zip = readZip((await monitor.get('/api/v1/exports.zip')).rawPayload);
      expect([...zip.keys()]).toContain('codebook.csv');
      expect(zip.get('follow_up_visits.csv')!.toString('utf8')).toBe(await csv(monitor, '/api/v1/exports/follow_up_visits.csv'));
    });

    it('has a codebook row, with label and type, for every column of every file', async () => {
      for (const who of [coord, monitor]) {
        const list = (await who.get('/api/v1/exports')).json<{ files: { file: string; url: string }[] }>();
        const codebook = csvObjects(await csv(who, list.files.find((f) => f.file === 'codebook.csv')!.url));
        for (const f of list.files) {
          const header = parseCsv(await csv(who, f.url))[0]!;
          for (const column of header) {
            const entry = codebook.find((c) => c.file === f.file && c.column === column);
            expect(entry, `${f.file}:${column}`).toBeDefined();
            expect(entry!.label).not.toBe('');
            expect(entry!.type).toMatch(/^(id|string|code|integer|number|boolean|date|datetime|list|json)$/);
          }
        }
      }
    });

    it('audits every export and refuses other sites and other roles', async () => {
      const before = await tdb.handle.db.selectFrom('audit_log').select('seq').where('action', '=', 'export').execute();
      await csv(coord, '/api/v1/exports/treatments.csv');
      const after = await tdb.handle.db
        .selectFrom('audit_log')
        .select(['entity_id', 'actor_id', 'after'])
        .where('action', '=', 'export')
        .orderBy('seq')
        .execute();
      expect(after.length).toBe(before.length + 1);
      expect(after[after.length - 1]).toMatchObject({ entity_id: 'treatments.csv', actor_id: fx.users.coordinatorA.id });
      expect((await coord.get('/api/v1/exports/treatments.csv?site=BB02')).statusCode).toBe(403);
      const admin = client(app, await loginAs(app, emailOf('admin'), TEST_PASSWORD));
      expect((await admin.get('/api/v1/exports/treatments.csv')).statusCode).toBe(403);
    });

    it('writes a valid ZIP (CRCs match)', async () => {
      const res = await coord.get('/api/v1/exports.zip');
      expect(res.headers['content-type']).toBe('application/zip');
      const zip = res.rawPayload;
      const entries = readZip(zip);
      expect(entries.size).toBeGreaterThanOrEqual(13);
      let p = zip.readUInt32LE(zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
      for (const [, data] of entries) {
        expect(zip.readUInt32LE(p + 16)).toBe(crc32(data) >>> 0);
        p += 46 + zip.readUInt16LE(p + 28);
      }
    });
  });
}
