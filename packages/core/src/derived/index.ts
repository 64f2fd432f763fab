export * from './cohorts.js';
export * from './time-to-event.js';
export * from './schedule.js';
export * from './status.js';
export * from './casebook.js';
export * from './analysis-row.js';
