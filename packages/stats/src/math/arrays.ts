/**
 * Plain loops for copying and gathering numeric arrays. `TypedArray.from(src, fn)` and
 * `Array.from(typedArray)` go through the iterator protocol in V8 and are several times slower than a
 * loop, which matters at N = 100,000.
 */

/** `out[k] = src[idx[k]]` as a Float64Array. */
export function gatherFloat64(src: ArrayLike<number>, idx: ArrayLike<number>): Float64Array {
  const out = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = src[idx[k]!]!;
  return out;
}

/** `out[k] = src[idx[k]]` as an Int32Array. */
export function gatherInt32(src: ArrayLike<number>, idx: ArrayLike<number>): Int32Array {
  const out = new Int32Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = src[idx[k]!]!;
  return out;
}

/** `out[k] = src[idx[k]]` as a Uint8Array. */
export function gatherUint8(src: ArrayLike<number>, idx: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = src[idx[k]!]!;
  return out;
}

/** A Float64Array copy of any array-like of numbers. */
export function toFloat64(src: ArrayLike<number>): Float64Array {
  const out = new Float64Array(src.length);
  for (let k = 0; k < src.length; k++) out[k] = src[k]!;
  return out;
}

/** A plain array copy of a typed array (or any array-like). */
export function toArray(src: ArrayLike<number>, start = 0, end = src.length): number[] {
  const out = new Array<number>(end - start);
  for (let k = start; k < end; k++) out[k - start] = src[k]!;
  return out;
}
