/** The colour maps of the viewer. */
export type ColourMapName = 'gray' | 't1' | 't2' | 'ecv';

type Stop = readonly [number, number, number, number];

/**
 * Colour stops (position 0-1, then r, g, b 0-255), interpolated linearly: grey for source images;
 * for T1 a blue-cyan-yellow-red ramp, for T2 a black-red-yellow-white ramp, for ECV a dark-blue to
 * green to yellow ramp. Chosen so that higher values are brighter and neighbouring values stay
 * distinguishable; not a vendor's look-up table.
 */
const STOPS: Readonly<Record<ColourMapName, readonly Stop[]>> = {
  gray: [
    [0, 0, 0, 0],
    [1, 255, 255, 255],
  ],
  t1: [
    [0, 0, 0, 40],
    [0.2, 20, 40, 200],
    [0.45, 0, 190, 210],
    [0.65, 130, 220, 60],
    [0.82, 250, 210, 30],
    [1, 220, 30, 20],
  ],
  t2: [
    [0, 0, 0, 0],
    [0.35, 170, 20, 10],
    [0.7, 250, 170, 20],
    [1, 255, 255, 230],
  ],
  ecv: [
    [0, 40, 10, 80],
    [0.3, 50, 80, 160],
    [0.6, 30, 170, 130],
    [0.85, 180, 220, 50],
    [1, 250, 240, 30],
  ],
};

const cache = new Map<ColourMapName, Uint8Array>();

/** A 256-entry look-up table (r, g, b per entry) of a colour map. */
export function lookUpTable(name: ColourMapName): Uint8Array {
  const hit = cache.get(name);
  if (hit) return hit;
  const stops = STOPS[name];
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const x = i / 255;
    let k = 0;
    while (k < stops.length - 2 && x > (stops[k + 1]?.[0] ?? 1)) k++;
    const a = stops[k] ?? stops[0]!;
    const b = stops[k + 1] ?? a;
    const span = b[0] - a[0];
    const f = span > 0 ? Math.min(1, Math.max(0, (x - a[0]) / span)) : 0;
    for (let c = 1; c <= 3; c++) {
      lut[i * 3 + c - 1] = Math.round((a[c] ?? 0) + f * ((b[c] ?? 0) - (a[c] ?? 0)));
    }
  }
  cache.set(name, lut);
  return lut;
}

/** The CSS colour of a position 0-1 in a colour map (for the colour bar). */
export function cssColour(name: ColourMapName, t: number): string {
  const lut = lookUpTable(name);
  const i = Math.max(0, Math.min(255, Math.round(t * 255))) * 3;
  return `rgb(${lut[i] ?? 0},${lut[i + 1] ?? 0},${lut[i + 2] ?? 0})`;
}
