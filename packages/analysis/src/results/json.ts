/**
 * Canonical JSON of the results: object keys sorted (so that two runs diff cleanly), arrays in
 * order, and non-finite numbers written as R's strings ("NaN", "Inf", "-Inf") as the stats fixtures do.
 */

function canonical(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (value === Number.POSITIVE_INFINITY) return 'Inf';
    if (value === Number.NEGATIVE_INFINITY) return '-Inf';
    return value;
  }
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Readonly<Record<string, unknown>>)[k];
      if (v !== undefined && typeof v !== 'function') out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

/** The canonical JSON text of a value, indented by `indent` spaces, with a final newline. */
export function canonicalJson(value: unknown, indent = 1): string {
  return `${JSON.stringify(canonical(value), null, indent)}\n`;
}

/** A copy of results.json's value without its timestamps (`generated_at`), for comparing two runs. */
export function withoutTimestamps(json: string): unknown {
  const v = JSON.parse(json) as Record<string, unknown>;
  delete v.generated_at;
  return v;
}
