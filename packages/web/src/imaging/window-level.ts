/** Display window: values from `level - width/2` to `level + width/2` span the colour map. */
export interface WindowLevel {
  readonly width: number;
  readonly level: number;
}

/**
 * Paints a float image into RGBA pixels through a window and a look-up table. Non-finite pixels (not
 * fitted) are transparent, so that the background shows they carry no value.
 */
export function paint(data: Float32Array, wl: WindowLevel, lut: Uint8Array, out: Uint8ClampedArray): void {
  const lo = wl.level - wl.width / 2;
  const scale = wl.width > 0 ? 255 / wl.width : 0;
  for (let i = 0, o = 0; i < data.length; i++, o += 4) {
    const v = data[i] ?? Number.NaN;
    if (!Number.isFinite(v)) {
      out[o] = 0;
      out[o + 1] = 0;
      out[o + 2] = 0;
      out[o + 3] = 0;
      continue;
    }
    const k = Math.max(0, Math.min(255, Math.round((v - lo) * scale))) * 3;
    out[o] = lut[k] ?? 0;
    out[o + 1] = lut[k + 1] ?? 0;
    out[o + 2] = lut[k + 2] ?? 0;
    out[o + 3] = 255;
  }
}

/** The value at a fraction `q` (0-1) of the sorted finite values (nearest rank). */
function quantile(sorted: Float32Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i] ?? Number.NaN;
}

/**
 * A starting window from the data: the 1st to 99th percentile of the finite values (robust to a few
 * extreme pixels), or a unit window for a flat or empty image.
 */
export function autoWindow(data: Float32Array): WindowLevel {
  const finite = data.filter((v) => Number.isFinite(v)).sort();
  const lo = quantile(finite, 0.01);
  const hi = quantile(finite, 0.99);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { width: 1, level: 0.5 };
  if (hi - lo <= 0) return { width: Math.max(1, Math.abs(lo)), level: lo };
  return { width: hi - lo, level: (hi + lo) / 2 };
}
