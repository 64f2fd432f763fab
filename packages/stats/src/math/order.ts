/**
 * Stable ascending order of a numeric key, as R's `order(x)`: ties keep their original order. Large
 * inputs use a least-significant-digit radix sort on the IEEE-754 bit pattern (linear time); small
 * ones a comparison sort.
 *
 * See: D. E. Knuth, The Art of Computer Programming, vol. 3, §5.2.5 (radix sorting).
 */

const RADIX_MIN = 2048;

/** Indices that sort `keys` ascending, stably. NaN keys go last. */
export function stableOrder(keys: ArrayLike<number>): Uint32Array {
  const n = keys.length;
  if (n < RADIX_MIN) {
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((a, b) => {
      const ka = keys[a]!;
      const kb = keys[b]!;
      if (ka < kb) return -1;
      if (ka > kb) return 1;
      if (Number.isNaN(ka) !== Number.isNaN(kb)) return Number.isNaN(ka) ? 1 : -1;
      return a - b;
    });
    return Uint32Array.from(idx);
  }
  // map doubles to unsigned integers that sort in the same order (hi, lo 32-bit halves)
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    f[i] = k === 0 ? 0 : k; // −0 sorts with +0
  }
  const u = new Uint32Array(f.buffer);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = u[2 * i + 1]!;
    const l = u[2 * i]!;
    if (Number.isNaN(f[i]!)) {
      hi[i] = 0xffffffff;
      lo[i] = 0xffffffff;
    } else if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  // LSD radix, 16-bit digits; keys travel with the indices so every pass reads sequentially
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let kh = hi;
  let kl = lo;
  let idx2 = new Uint32Array(n);
  let kh2 = new Uint32Array(n);
  let kl2 = new Uint32Array(n);
  const count = new Uint32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? kl : kh;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[((word[i]! >>> shift) & 0xffff) + 1]!++;
    let trivial = false;
    for (let b = 1; b <= 65536; b++) {
      if (count[b] === n) trivial = true;
      count[b]! += count[b - 1]!;
    }
    if (trivial) continue; // every key has the same digit: the order is unchanged
    for (let i = 0; i < n; i++) {
      const pos = count[(word[i]! >>> shift) & 0xffff]!++;
      idx2[pos] = idx[i]!;
      kh2[pos] = kh[i]!;
      kl2[pos] = kl[i]!;
    }
    [idx, idx2] = [idx2, idx];
    [kh, kh2] = [kh2, kh];
    [kl, kl2] = [kl2, kl];
  }
  return idx;
}
