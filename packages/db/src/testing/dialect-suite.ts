import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Dialect } from '../handle/open.js';
import { createTestDatabase, testDialects, type TestDatabase } from './test-database.js';

let announced = false;

/** Says once per test file which dialects run, and that PostgreSQL was skipped when it was. */
export function announceDialects(): void {
  if (announced) return;
  announced = true;
  const dialects = testDialects();
  const line = dialects.includes('postgres')
    ? '[db] integration suite runs on: sqlite, postgres (DATABASE_URL is set)'
    : '[db] integration suite runs on: sqlite. PostgreSQL SKIPPED: DATABASE_URL is not set';
  console.log(line);
}

/**
 * Runs the same suite on every dialect (kysely's test pattern): `describe('NAME on sqlite')` and,
 * when `DATABASE_URL` is set, `describe('NAME on postgres')`, each with its own fresh database. When
 * PostgreSQL is not available, a skipped test says so in the report.
 */
export function describeEachDialect(
  name: string,
  suite: (db: () => TestDatabase, dialect: Dialect) => void
): void {
  announceDialects();
  const dialects = testDialects();
  for (const dialect of dialects) {
    describe(`${name} on ${dialect}`, () => {
      let tdb: TestDatabase | undefined;
      beforeAll(async () => {
        tdb = await createTestDatabase(dialect);
      });
      afterAll(async () => {
        await tdb?.dispose();
      });
      suite(() => {
        if (!tdb) throw new Error('the test database is not ready');
        return tdb;
      }, dialect);
    });
  }
  if (!dialects.includes('postgres')) {
    describe(`${name} on postgres`, () => {
      it.skip('SKIPPED: DATABASE_URL is not set (set it to run this suite on PostgreSQL)', () => undefined);
    });
  }
}

/**
 * Like {@link describeEachDialect}, for suites that make their own databases (one per test): the
 * suite gets only the dialect.
 */
export function describeDialects(name: string, suite: (dialect: Dialect) => void): void {
  announceDialects();
  const dialects = testDialects();
  for (const dialect of dialects) {
    describe(`${name} on ${dialect}`, () => {
      suite(dialect);
    });
  }
  if (!dialects.includes('postgres')) {
    describe(`${name} on postgres`, () => {
      it.skip('SKIPPED: DATABASE_URL is not set (set it to run this suite on PostgreSQL)', () => undefined);
    });
  }
}
