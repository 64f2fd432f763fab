/** Colour maps for previews. */
export const ColourMap = { viridis: 'viridis', magma: 'magma', grey: 'grey' } as const;
export type ColourMap = (typeof ColourMap)[keyof typeof ColourMap];

// Anchor colours at t = 0, 1/8, ..., 1 of matplotlib's perceptually uniform maps (van der Walt &
// Smith, 2015), linearly interpolated between anchors.
const ANCHORS: Readonly<Record<Exclude<ColourMap, 'grey'>, readonly number[]>> = {
  viridis: [0x440154, 0x472c7a, 0x3b518b, 0x2c718e, 0x21908d, 0x27ad81, 0x5cc863, 0xaadc32, 0xfde725],
  magma: [0x000004, 0x1c1044, 0x4f127b, 0x812581, 0xb5367a, 0xe55064, 0xfb8761, 0xfec287, 0xfcfdbf],
};

/**
 * The RGB colour of `t` in [0, 1] (clamped) in a colour map.
 *
 * @returns [r, g, b], each 0-255
 * @example
 * colourAt('grey', 0.5) // returns [128, 128, 128]
 */
export function colourAt(map: ColourMap, t: number): [number, number, number] {
  const u = t < 0 ? 0 : t > 1 ? 1 : Number.isFinite(t) ? t : 0;
  if (map === 'grey') {
    const v = Math.round(u * 255);
    return [v, v, v];
  }
  const a = ANCHORS[map];
  const x = u * (a.length - 1);
  const i = Math.min(a.length - 2, Math.floor(x));
  const f = x - i;
  const c0 = a[i]!;
  const c1 = a[i + 1]!;
  const ch = (shift: number): number =>
    Math.round(((c0 >> shift) & 255) * (1 - f) + ((c1 >> shift) & 255) * f);
  return [ch(16), ch(8), ch(0)];
}
