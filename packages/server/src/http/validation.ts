import type { ErrorBody } from '@cmr-mass/core';
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import type { z } from 'zod';
import { InputError } from './errors.js';

/** One problem with the input, named by its field path. */
export interface Issue {
  readonly field: string;
  readonly message: string;
}

/** `a.b[2].c` from a zod path (the same notation `db` uses in its errors). */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** The issues of a zod error; an unknown key is named itself, not its parent object. */
export function issuesOf(error: z.ZodError, prefix = ''): Issue[] {
  return error.issues.map((i) => {
    const keys = (i as { keys?: readonly string[] }).keys;
    const path = keys && keys.length > 0 ? [...i.path, keys[0]!] : i.path;
    const f = fieldPath(path);
    const field = prefix === '' ? (f === '' ? '(body)' : f) : f === '' ? prefix : `${prefix}.${f}`;
    return { field, message: i.message };
  });
}

/** A 400 `bad_request` body naming the first field at fault and listing every issue. */
export function badInput(issues: readonly Issue[]): ErrorBody {
  const first = issues[0] ?? { field: '(body)', message: 'invalid input' };
  return { code: 'bad_request', message: first.message, field: first.field, issues };
}

/** Query string and path parameters are named as they are, without a prefix. */
const PART_PREFIX: Readonly<Record<string, string>> = { body: '', querystring: '', params: '', headers: '' };

/**
 * Validates bodies, query strings and path parameters with the zod schemas given in the routes (the
 * same schemas as `core`'s), returning the parsed value (defaults applied) or a 400 naming the field.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const prefix = PART_PREFIX[httpPart ?? 'body'] ?? '';
  return (data: unknown) => {
    const r = schema.safeParse(data);
    if (r.success) return { value: r.data };
    const issues = issuesOf(r.error, prefix);
    return { error: new InputError(badInput(issues)) };
  };
};

/**
 * Responses are written with `JSON.stringify`: the handlers already return what the repositories let
 * the actor see, and the zod response schemas serve the OpenAPI document only.
 */
export const jsonSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data) => JSON.stringify(data);

/** Parses `input` with `schema` or throws a 400 naming the field (for handlers called outside routes). */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new InputError(badInput(issuesOf(r.error)));
}
