import { DomainError } from '@cmr-mass/core';

/** The parts of a zod schema this module uses. */
export interface Parser<T> {
  safeParse(input: unknown):
    | { readonly success: true; readonly data: T }
    | {
        readonly success: false;
        readonly error: {
          readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
        };
      };
}

/** The type a zod schema accepts. */
export type InputOf<S> = S extends { readonly _zod: { readonly input: infer I } } ? I : unknown;

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

/**
 * Parses input with a schema of `core`; on failure throws a `bad_request` DomainError naming the first
 * field at fault (and listing every issue). Unknown keys are errors naming the key.
 */
export function parseInput<T>(schema: Parser<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => {
    const unknownKeys = (i as { keys?: readonly string[] }).keys;
    const field =
      unknownKeys && unknownKeys.length > 0 ? fieldPath([...i.path, unknownKeys[0]!]) : fieldPath(i.path);
    return { field: field === '' ? '(body)' : field, message: i.message };
  });
  const first = issues[0] ?? { field: '(body)', message: 'invalid input' };
  throw new DomainError({ code: 'bad_request', message: first.message, field: first.field, issues });
}
