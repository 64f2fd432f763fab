/**
 * Test helpers for code built on `@cmr-mass/db` (`import ... from '@cmr-mass/db/testing'`): fresh
 * databases per dialect, the dialect loop of the integration suite, a seeded two-site study.
 */
export {
  createTestDatabase,
  testDialects,
  postgresAdminUrl,
  withDatabaseName,
  type TestDatabase,
} from './test-database.js';
export { describeEachDialect, describeDialects, announceDialects } from './dialect-suite.js';
export {
  seedStudy,
  seedCasebook,
  fullInput,
  testContext,
  TEST_NOW,
  type TestStudy,
  type TestActors,
  type CasebookIds,
  type Parents,
} from './fixtures.js';
export { tamperWithDatabase } from './tamper.js';
