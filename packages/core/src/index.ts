export * from './errors.js';
export * from './vocab/index.js';
export * from './schemas/index.js';
export * from './util/dates.js';
export * from './access/index.js';
export * from './rules/index.js';
export * from './derived/index.js';
export * from './decision/index.js';
