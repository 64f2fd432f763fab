/** How the pixels to fit were chosen, recorded in the sidecar. */
export interface MaskInfo {
  /** `labels`: a label image was given; `auto`: chosen from the signal; `all`: every pixel. */
  readonly kind: 'labels' | 'auto' | 'all';
  /** One sentence for the sidecar. */
  readonly description: string;
  /** Auto: the signal threshold (signal units). */
  readonly threshold?: number;
}

/** Fraction of the robust maximum below which a pixel's peak signal counts as background. */
export const AUTO_MASK_FRACTION = 0.05;

/**
 * Chooses the pixels that carry signal, from a slice's pixel-major signals: a pixel is kept when
 * its mean magnitude over the images reaches {@link AUTO_MASK_FRACTION} of the 99.5th percentile of
 * that per-pixel mean over the slice. Tissue keeps a mean of roughly half its recovered signal even
 * through the inversion null, while air and lung average their Rician noise floor (about 1.25 σ,
 * with a spread of σ/4 over 8 images), far below 5 % of the brightest tissue at any usable SNR. The
 * percentile keeps a few hot pixels from setting the scale. (SlicerT1_ECVMapping keeps pixels above
 * 10 % of the maximum; sh_molli uses a fixed signal range.)
 *
 * @param signals - `signals[p·n + i]`
 * @param n - samples per pixel
 * @returns a 0/1 mask and its description
 */
export function autoMask(signals: Float64Array, n: number): { mask: Uint8Array; info: MaskInfo } {
  const nPix = Math.floor(signals.length / n);
  const peak = new Float64Array(nPix);
  for (let p = 0; p < nPix; p++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += Math.abs(signals[p * n + i]!);
    peak[p] = m / n;
  }
  const sorted = Float64Array.from(peak).sort();
  const ref = sorted[Math.min(nPix - 1, Math.floor(0.995 * (nPix - 1)))] ?? 0;
  const threshold = AUTO_MASK_FRACTION * ref;
  const mask = new Uint8Array(nPix);
  for (let p = 0; p < nPix; p++) mask[p] = peak[p]! >= threshold && peak[p]! > 0 ? 1 : 0;
  return {
    mask,
    info: {
      kind: 'auto',
      description: `auto: pixels whose mean signal over the series is at least ${AUTO_MASK_FRACTION * 100}% of the 99.5th percentile of that mean (threshold ${threshold.toPrecision(4)})`,
      threshold,
    },
  };
}
