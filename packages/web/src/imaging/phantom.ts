import type { MapImage } from './MapViewer.js';

/**
 * A synthetic T1 map for demonstrations and tests, made in the browser (no patient data): a
 * myocardium-like ring (T1 about 1200 ms at 3 T), a blood pool inside it (about 1900 ms), a lesion
 * (about 1500 ms) in the wall, background not fitted (NaN), and deterministic noise.
 */
export function phantomT1(size = 128): MapImage {
  const data = new Float32Array(size * size);
  let seed = 12345;
  const noise = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed / 0x7fffffff - 0.5) * 40;
  };
  const c = size / 2;
  for (let r = 0; r < size; r++) {
    for (let k = 0; k < size; k++) {
      const d = Math.hypot(k + 0.5 - c, r + 0.5 - c) / size;
      const lesion = Math.hypot(k + 0.5 - c * 1.42, r + 0.5 - c) / size < 0.07;
      let v = Number.NaN;
      if (lesion) v = 1500;
      else if (d < 0.2) v = 1900;
      else if (d < 0.3) v = 1200;
      else if (d < 0.42) v = 400;
      data[r * size + k] = Number.isNaN(v) ? v : v + noise();
    }
  }
  return { name: 'phantom T1', data, columns: size, rows: size, pixelSpacingMm: [1.4, 1.4], units: 'ms' };
}
