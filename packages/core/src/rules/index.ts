export * from './types.js';
export * from './ranges.js';
export * from './record-rules.js';
export * from './casebook-rules.js';
