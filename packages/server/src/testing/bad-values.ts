import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Generators of bad input for the property-based tests: values of every JSON kind plus the classic
 * traps (impossible dates, huge strings, huge numbers), kept only when the field's own schema refuses
 * them, and the ways to break a valid body: one field made invalid, one required field removed, one
 * unknown key added.
 */

/** Any JSON value a client could send, with the usual traps. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
  fc.constantFrom(
    '2025-02-30',
    '2025-13-01',
    '25-01-01',
    'yesterday',
    '',
    '   ',
    'x'.repeat(3000),
    '<script>alert(1)</script>',
    "Robert'); DROP TABLE participants;--",
    '00000000-0000-0000-0000-000000000000x',
    -1,
    0,
    1e12,
    [],
    {}
  )
);

/** A value that `schema` refuses. */
export function invalidFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  return anyJson.filter((v) => !schema.safeParse(v).success);
}

/** One way to break a valid body, and the field the error must name. */
export interface Breakage {
  readonly body: Record<string, unknown>;
  readonly field: string;
  readonly kind: 'invalid' | 'missing' | 'unknown';
}

/**
 * Breaks a valid body of a strict zod object schema in one place: an invalid value for one field, a
 * required field removed, or an unknown key added.
 */
export function breakages(
  schema: z.ZodObject,
  valid: Readonly<Record<string, unknown>>
): fc.Arbitrary<Breakage> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const fields = Object.keys(shape);
  const required = fields.filter((f) => !shape[f]!.safeParse(undefined).success);
  const invalid = fc
    .constantFrom(...fields)
    .chain((field) => invalidFor(shape[field]!).map((v): Breakage => ({ body: { ...valid, [field]: v }, field, kind: 'invalid' })));
  const unknown = fc
    .tuple(
      fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,15}$/).filter((k) => !(k in shape) && k !== '__proto__'),
      anyJson
    )
    .map(([k, v]): Breakage => ({ body: { ...valid, [k]: v }, field: k, kind: 'unknown' }));
  if (required.length === 0) return fc.oneof(invalid, unknown);
  const missing = fc.constantFrom(...required).map((field): Breakage => {
    const { [field]: _removed, ...body } = valid;
    return { body, field, kind: 'missing' };
  });
  return fc.oneof(invalid, missing, unknown);
}

/** True when the error names `field` (or a part of it, as `symptoms[0]` names `symptoms`). */
export function namesField(errorField: unknown, field: string): boolean {
  return (
    typeof errorField === 'string' &&
    (errorField === field || errorField.startsWith(`${field}[`) || errorField.startsWith(`${field}.`))
  );
}
