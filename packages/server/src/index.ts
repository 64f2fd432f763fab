/**
 * @cmr-mass/server: the registry's HTTP API (Fastify, OpenAPI from `core`'s zod schemas), its
 * authentication (argon2id passwords, database sessions, CSRF, API tokens), exports and the helpers
 * the `serve`, `start`, `user` and `export` commands use.
 */
export { buildApp, API_VERSION, type AppOptions } from './app.js';
export { startServer, type RunningServer, type ServeOptions } from './serve.js';
export { ImagingRunner, type RunnerOptions, type RunnerLog } from './imaging/runner.js';
export { createUser, updateUser, listUsers } from './auth/user-admin.js';
export { passwordWeakness, hashPassword, verifyPassword, MIN_PASSWORD_LENGTH } from './auth/passwords.js';
export { systemActor, actorOf, type PublicUser } from './auth/principal.js';
export { findUserByEmail } from './auth/user-store.js';
export { openExport, exportFiles, writeExportDir, auditExport, operatorActor, type ExportRequest } from './export/run.js';
export { codebookRows, codebookCsv } from './export/codebook.js';
export { shiftDays, dateShiftSalt } from './export/deidentify.js';
export { ensureDemoAccounts, DEMO_ACCOUNTS, type DemoAccount } from './demo/accounts.js';
export { DEFAULT_WEB_DIST } from './web/static.js';
export { resolveSiteId } from './registry/sites.js';
