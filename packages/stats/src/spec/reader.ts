import { StatsInputError } from '../errors.js';
import { childPath, isJsonObject, jsonType, type JsonObject, type JsonValue } from './json.js';

/**
 * Reads the keys of one JSON object of a spec, checking types and naming the offending path in every
 * error (`conf_int`, `levels`, `directions[1]`). Validation happens here, once, at the boundary.
 */
export class SpecReader {
  constructor(
    readonly obj: JsonObject,
    /** Path of `obj` inside the spec (`""` for the spec itself). */
    readonly path = ''
  ) {}

  /** The path of one key of this object. */
  at(key: string): string {
    return childPath(this.path, key);
  }

  has(key: string): boolean {
    return Object.hasOwn(this.obj, key);
  }

  /** Rejects any key not in `allowed` (this catches typos). */
  onlyKeys(allowed: readonly string[]): void {
    for (const key of Object.keys(this.obj)) {
      if (!allowed.includes(key)) {
        throw new StatsInputError(this.at(key), `unknown key '${key}' (allowed: ${allowed.join(', ')})`);
      }
    }
  }

  required(key: string): JsonValue {
    if (!this.has(key)) throw new StatsInputError(this.at(key), `required key '${key}' is missing`);
    return this.obj[key]!;
  }

  string(key: string): string {
    const v = this.required(key);
    if (typeof v !== 'string') {
      throw new StatsInputError(this.at(key), `${key} must be a string, not ${jsonType(v)}`);
    }
    return v;
  }

  optionalString(key: string): string | undefined {
    return this.has(key) ? this.string(key) : undefined;
  }

  /** One of the given strings. */
  choice<T extends string>(key: string, allowed: readonly T[], fallback?: T): T {
    if (!this.has(key)) {
      if (fallback !== undefined) return fallback;
      this.required(key);
    }
    const v = this.obj[key];
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      throw new StatsInputError(
        this.at(key),
        `${key} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`
      );
    }
    return v as T;
  }

  number(key: string, check?: (v: number) => boolean, rule?: string): number {
    const v = this.required(key);
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new StatsInputError(this.at(key), `${key} must be a finite number, not ${jsonType(v)}`);
    }
    if (check && !check(v)) {
      throw new StatsInputError(this.at(key), `${key} must be ${rule ?? 'valid'} (got ${v})`);
    }
    return v;
  }

  optionalNumber(key: string, fallback: number, check?: (v: number) => boolean, rule?: string): number {
    return this.has(key) ? this.number(key, check, rule) : fallback;
  }

  boolean(key: string, fallback: boolean): boolean {
    if (!this.has(key)) return fallback;
    const v = this.obj[key];
    if (typeof v !== 'boolean') {
      throw new StatsInputError(this.at(key), `${key} must be true or false, not ${jsonType(v)}`);
    }
    return v;
  }

  array(key: string): JsonValue[] {
    const v = this.required(key);
    if (!Array.isArray(v)) {
      throw new StatsInputError(this.at(key), `${key} must be an array, not ${jsonType(v)}`);
    }
    return v;
  }

  object(key: string): SpecReader {
    const v = this.required(key);
    if (!isJsonObject(v)) {
      throw new StatsInputError(this.at(key), `${key} must be an object, not ${jsonType(v)}`);
    }
    return new SpecReader(v, this.at(key));
  }

  /** An array of strings; `minLength`/`exactLength` checked. */
  stringArray(key: string, opts: { minLength?: number; exactLength?: number } = {}): string[] {
    const arr = this.array(key);
    if (opts.exactLength !== undefined && arr.length !== opts.exactLength) {
      throw new StatsInputError(this.at(key), `${key} must have exactly ${opts.exactLength} elements`);
    }
    if (opts.minLength !== undefined && arr.length < opts.minLength) {
      throw new StatsInputError(this.at(key), `${key} must have at least ${opts.minLength} element(s)`);
    }
    return arr.map((v, i) => {
      if (typeof v !== 'string') {
        throw new StatsInputError(
          childPath(this.at(key), i),
          `${key}[${i}] must be a string, not ${jsonType(v)}`
        );
      }
      return v;
    });
  }

  /** An array of finite numbers, each passing `check`. */
  numberArray(
    key: string,
    opts: { minLength?: number; check?: (v: number) => boolean; rule?: string } = {}
  ): number[] {
    const arr = this.array(key);
    if (opts.minLength !== undefined && arr.length < opts.minLength) {
      throw new StatsInputError(this.at(key), `${key} must have at least ${opts.minLength} element(s)`);
    }
    return arr.map((v, i) => {
      const path = childPath(this.at(key), i);
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new StatsInputError(path, `${key}[${i}] must be a finite number, not ${jsonType(v)}`);
      }
      if (opts.check && !opts.check(v)) {
        throw new StatsInputError(path, `${key}[${i}] must be ${opts.rule ?? 'valid'} (got ${v})`);
      }
      return v;
    });
  }
}
