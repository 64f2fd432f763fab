/**
 * Column names are snake_case; the records of `core` are camelCase. These convert one to the other,
 * in types and at run time. Digits stay with the word before them (`t1NativeMs` is `t1_native_ms`).
 */

/** The snake_case spelling of a camelCase name, as a type. */
export type Snake<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Uppercase<H> ? (H extends Lowercase<H> ? H : `_${Lowercase<H>}`) : H}${Snake<T>}`
  : S;

/** The camelCase spelling of a snake_case name, as a type. */
export type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;

const snakeCache = new Map<string, string>();
const camelCache = new Map<string, string>();

/** `fieldStrengthT` → `field_strength_t`. */
export function toSnake(name: string): string {
  let s = snakeCache.get(name);
  if (s === undefined) {
    s = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    snakeCache.set(name, s);
  }
  return s;
}

/** `field_strength_t` → `fieldStrengthT`. */
export function toCamel(name: string): string {
  let s = camelCache.get(name);
  if (s === undefined) {
    s = name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    camelCache.set(name, s);
  }
  return s;
}
