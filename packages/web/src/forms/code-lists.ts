import * as core from '@cmr-mass/core';
import type { CodeList } from '@cmr-mass/core';

function isCodeList(v: unknown): v is CodeList {
  return (
    v !== null &&
    typeof v === 'object' &&
    'entries' in v &&
    'codes' in v &&
    'name' in v &&
    typeof (v as { label?: unknown }).label === 'function'
  );
}

/** Every code list that core exports (its vocabulary and roles). */
export const ALL_CODE_LISTS: readonly CodeList[] = (Object.values(core) as unknown[]).filter(isCodeList);

const sameCodes = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((c, i) => c === b[i]);

/**
 * The code list whose codes are exactly `codes` (in order), so that a schema's `z.enum` finds the
 * English and Chinese labels core defines for it. Null for an enum with no code list.
 */
export function codeListFor(codes: readonly string[]): CodeList | null {
  return ALL_CODE_LISTS.find((l) => sameCodes(l.codes, codes)) ?? null;
}
