/**
 * Double-double arithmetic: a number as an unevaluated sum hi + lo of two doubles (about 106 bits),
 * for sums whose terms cancel (a variance that is a small difference of large second moments). Only
 * what the package needs: add a double, add a product of doubles, scale by a double.
 *
 * See: T. J. Dekker (1971), "A floating-point technique for extending the available precision",
 * Numer Math 18:224-242; D. E. Knuth, TAOCP vol. 2, §4.2.2 (TwoSum).
 */

/** A double-double accumulator (mutable). */
export interface DoubleDouble {
  hi: number;
  lo: number;
}

/** A new double-double equal to `x`. */
export function dd(x = 0): DoubleDouble {
  return { hi: x, lo: 0 };
}

const SPLITTER = 134217729; // 2^27 + 1

/** a·b as hi + lo exactly (Dekker's TwoProduct with Veltkamp splitting; no overflow handling). */
function twoProd(a: number, b: number): [number, number] {
  const p = a * b;
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return [p, al * bl - (p - ah * bh - al * bh - ah * bl)];
}

/** acc += hi + lo (the two parts of an exact value). */
function addParts(acc: DoubleDouble, hi: number, lo: number): void {
  const s = acc.hi + hi;
  const bb = s - acc.hi;
  const e = acc.hi - (s - bb) + (hi - bb);
  const t = e + acc.lo + lo;
  acc.hi = s + t;
  acc.lo = t - (acc.hi - s);
}

/** acc += x. */
export function ddAdd(acc: DoubleDouble, x: number): void {
  addParts(acc, x, 0);
}

/** acc += a·b, the product exact. */
export function ddAddProduct(acc: DoubleDouble, a: number, b: number): void {
  const [p, e] = twoProd(a, b);
  addParts(acc, p, e);
}

/** acc += w·x where x is a double-double (w·x.hi exact, w·x.lo rounded once). */
export function ddAddScaled(acc: DoubleDouble, w: number, x: DoubleDouble): void {
  const [p, e] = twoProd(w, x.hi);
  addParts(acc, p, e + w * x.lo);
}

/** The value rounded to a double. */
export function ddValue(x: DoubleDouble): number {
  return x.hi + x.lo;
}
