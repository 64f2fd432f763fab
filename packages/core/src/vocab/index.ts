export * from './define.js';
export * from './diagnosis.js';
export * from './participant.js';
export * from './cmr.js';
export * from './care.js';
