/** The `prev_hash` of the first audit row: 64 zeros (there is nothing before it). */
export const GENESIS_HASH = '0'.repeat(64);
