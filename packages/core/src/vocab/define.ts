/**
 * A code list: the allowed values of a categorical field, in display order, each with its labels in
 * English and Chinese. Codes are stable snake_case strings stored in the database and written to
 * exports; labels are for people. One definition feeds the zod schemas, the forms, the codebook and
 * the report (REDCap's "Choices" column, CDISC ODM's `CodeList`).
 */
export interface CodeListEntry<C extends string = string> {
  readonly code: C;
  readonly en: string;
  readonly zh: string;
}

/** A named, ordered set of codes with labels. */
export interface CodeList<C extends string = string> {
  /** Stable name, used in the codebook (e.g. `lge_pattern`). */
  readonly name: string;
  readonly entries: readonly CodeListEntry<C>[];
  /** The codes in order, as a non-empty tuple for `z.enum`. */
  readonly codes: readonly [C, ...C[]];
  /** The English or Chinese label of a code. */
  label(code: C, lang?: Lang): string;
  /** True when `value` is one of the codes. */
  has(value: unknown): value is C;
}

/** The languages the application speaks. */
export const Lang = { en: 'en', zh: 'zh' } as const;
export type Lang = (typeof Lang)[keyof typeof Lang];

/**
 * Defines a code list. The entries are `[code, English, Chinese]` triples.
 *
 * @example
 * const Sex = defineCodeList('sex', [['female', 'Female', '女'], ['male', 'Male', '男']] as const);
 * Sex.codes // ['female', 'male']
 */
export function defineCodeList<const C extends string>(
  name: string,
  triples: readonly (readonly [C, string, string])[]
): CodeList<C> {
  if (triples.length === 0) {
    throw new Error(`defineCodeList: ${name} has no entries`);
  }
  const entries = Object.freeze(triples.map(([code, en, zh]) => Object.freeze({ code, en, zh })));
  const codes = entries.map((e) => e.code) as unknown as readonly [C, ...C[]];
  if (new Set(codes).size !== codes.length) {
    throw new Error(`defineCodeList: ${name} has duplicate codes`);
  }
  const byCode = new Map(entries.map((e) => [e.code as string, e]));
  return Object.freeze({
    name,
    entries,
    codes,
    label: (code: C, lang: Lang = 'en'): string => byCode.get(code)?.[lang] ?? code,
    has: (value: unknown): value is C => typeof value === 'string' && byCode.has(value),
  });
}

/** The code type of a code list. */
export type CodeOf<L> = L extends CodeList<infer C> ? C : never;
