/**
 * A small seeded pseudo-random number generator and the draws the synthetic cohort needs. Everything
 * the generator produces comes from here, so that one seed always gives the same cohort on every
 * machine and Node version (no `Math.random`, no floating-point library calls whose last digits may
 * differ: only `Math.log`, `Math.sqrt`, `Math.cos`, `Math.exp` and `Math.pow`, which V8 computes with
 * its own portable fdlibm port).
 *
 * The core is xoshiro128** 1.1 (Blackman D, Vigna S. "Scrambled linear pseudorandom number
 * generators", ACM TOMS 2021;47(4):36; See: https://prng.di.unimi.it/xoshiro128starstar.c), seeded
 * through SplitMix32 as the authors recommend, so that nearby seeds give unrelated streams.
 */

/** FNV-1a, 32 bits, of a string (Fowler, Noll, Vo; See: http://www.isthe.com/chongo/tech/comp/fnv/). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One SplitMix32 step: returns the next state and a well-mixed 32-bit output. */
function splitMix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** A weighted choice: `[value, weight]` pairs; weights need not sum to 1 but must not all be 0. */
export type Weighted<T> = readonly (readonly [T, number])[];

/**
 * A seeded generator. Not cryptographic. `fork(label)` makes an independent child stream, so that
 * adding a draw in one part of the generator does not shift the draws of another part.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** Seeds from one or more 32-bit words (numbers are taken modulo 2^32; strings are hashed). */
  constructor(...seed: readonly (number | string)[]) {
    let st = 0x2545f491;
    for (const part of seed) {
      const word = typeof part === 'string' ? hashString(part) : mixNumber(part);
      // Absorb each part through SplitMix32's non-linear output, so that parts do not cancel
      // (with a linear step, (42, 1) and (43, 0) would give the same stream).
      st = splitMix32((st ^ word) | 0)[1] | 0;
      st = splitMix32(st)[1] | 0;
    }
    let out: number;
    [st, out] = splitMix32(st);
    this.s0 = out;
    [st, out] = splitMix32(st);
    this.s1 = out;
    [st, out] = splitMix32(st);
    this.s2 = out;
    [, out] = splitMix32(st);
    this.s3 = out;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform number in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** An independent child stream named by `label` (consumes one draw of this stream). */
  fork(label: string): Rng {
    return new Rng(this.nextUint32(), label);
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** A uniform integer in [lo, hi] (both included). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A standard normal deviate (Box-Muller; one of the pair is discarded to keep the stream simple). */
  standardNormal(): number {
    let u = this.next();
    while (u <= Number.MIN_VALUE) u = this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A normal deviate with mean `mu` and standard deviation `sd`. */
  normal(mu: number, sd: number): number {
    return mu + sd * this.standardNormal();
  }

  /** A normal deviate truncated to [lo, hi] by rejection (falls back to clamping after 64 tries). */
  truncNormal(mu: number, sd: number, lo: number, hi: number): number {
    for (let i = 0; i < 64; i++) {
      const x = this.normal(mu, sd);
      if (x >= lo && x <= hi) return x;
    }
    return Math.min(hi, Math.max(lo, mu));
  }

  /** A log-normal deviate given its median and the standard deviation of its logarithm. */
  logNormal(median: number, sdLog: number): number {
    return median * Math.exp(sdLog * this.standardNormal());
  }

  /** An exponential waiting time with the given rate (events per unit time); Infinity for rate 0. */
  exponential(rate: number): number {
    if (rate <= 0) return Infinity;
    return -Math.log(1 - this.next()) / rate;
  }

  /**
   * A Weibull waiting time with survival S(t) = exp(-(t / scale)^shape) (inverse-transform sampling;
   * Bender R, Augustin T, Blettner M. Stat Med 2005;24:1713-23).
   */
  weibull(shape: number, scale: number): number {
    return scale * Math.pow(-Math.log(1 - this.next()), 1 / shape);
  }

  /** One value chosen with the given weights. */
  pick<T>(choices: Weighted<T>): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    if (!(total > 0)) throw new RangeError('Rng.pick: the weights sum to zero');
    let u = this.next() * total;
    for (const [value, w] of choices) {
      if (u < w) return value;
      u -= w;
    }
    return choices[choices.length - 1]![0];
  }

  /** One element of a non-empty array, uniformly. */
  oneOf<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.oneOf: no items');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** 10 bytes from this stream (the random part of a version 7 UUID). */
  bytes10(): Uint8Array {
    const out = new Uint8Array(10);
    const w = [this.nextUint32(), this.nextUint32(), this.nextUint32()];
    for (let i = 0; i < 10; i++) out[i] = (w[i >> 2]! >>> ((i & 3) * 8)) & 0xff;
    return out;
  }

  /** A random RFC 9562 version-4 UUID (the version and variant bits set, the rest from this stream). */
  uuid(): string {
    const w = [this.nextUint32(), this.nextUint32(), this.nextUint32(), this.nextUint32()];
    w[1] = ((w[1]! & 0xffff0fff) | 0x00004000) >>> 0;
    w[2] = ((w[2]! & 0x3fffffff) | 0x80000000) >>> 0;
    const hex = w.map((x) => x.toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** Folds a safe integer (or any finite number) into 32 bits, keeping its high bits. */
function mixNumber(n: number): number {
  if (!Number.isFinite(n)) return hashString(String(n));
  const lo = n >>> 0;
  const hi = Math.floor(n / 4294967296) >>> 0;
  return (lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0;
}
