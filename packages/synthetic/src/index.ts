export * from './rng.js';
export * from './types.js';
export * from './sites.js';
export * from './cohort.js';
export * from './validate.js';
export * from './summary.js';
export * from './load.js';
export * from './db-summary.js';
