import { drawText, GLYPH_HEIGHT, textWidth } from './bitmap-font.js';
import { colourAt, type ColourMap } from './colour-maps.js';
import { encodePngRgb } from './png.js';

/** How to render a preview. */
export interface PreviewOptions {
  /** Default `viridis`. */
  readonly colourMap?: ColourMap;
  /** Display window [low, high]; default 0 to a round number above the 95th percentile. */
  readonly range?: readonly [number, number];
  /** Per-pixel fit quality (R²) used to choose the default window ({@link displayRange}). */
  readonly quality?: Float32Array;
  /** Units shown with the title and colour bar, e.g. `ms`. */
  readonly units?: string;
  /** Title, e.g. `T1`. */
  readonly title?: string;
}

/** Smallest "round" number (1, 2, 2.5, 5 × 10^k) >= x. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x * (1 - 1e-12)) return m * p;
  return 10 * p;
}

/**
 * A display window for a map: [min(0, p1), niceCeil(p95)] of its finite values, so that outliers
 * (fluid, fat, noise in the lungs) do not wash out the contrast of the heart. With `quality` (e.g. R²), only pixels whose quality is at
 * least `minQuality` count, when there are at least 100 of them: poorly fitted background pixels
 * then do not set the window either.
 */
export function displayRange(
  values: Float32Array,
  quality?: Float32Array,
  minQuality = 0.9
): [number, number] {
  let finite: number[] = [];
  for (const v of values) if (Number.isFinite(v)) finite.push(v);
  if (quality && quality.length === values.length) {
    const good: number[] = [];
    for (let i = 0; i < values.length; i++) {
      if (Number.isFinite(values[i]!) && quality[i]! >= minQuality) good.push(values[i]!);
    }
    if (good.length >= 100) finite = good;
  }
  if (finite.length === 0) return [0, 1];
  finite.sort((a, b) => a - b);
  const p1 = finite[Math.floor(0.01 * (finite.length - 1))]!;
  const p95 = finite[Math.floor(0.95 * (finite.length - 1))]!;
  const lo = p1 < 0 ? -niceCeil(-p1) : 0;
  const hi = niceCeil(p95 > lo ? p95 : lo + 1);
  return [lo, hi];
}

function formatTick(v: number, span: number): string {
  if (span >= 50) return String(Math.round(v));
  if (span >= 5) return v.toFixed(1);
  return v.toFixed(2);
}

const WHITE = [255, 255, 255] as const;

/**
 * Renders a map as an RGB PNG with a colour bar, tick labels and a title with units. The map is
 * enlarged by an integer factor (nearest neighbour) to about 320 pixels; NaN pixels are black.
 *
 * @param values - row-major map, rows·columns
 * @param rows - image rows
 * @param columns - image columns
 * @param options - colour map, display range, title and units
 * @returns PNG bytes
 */
export function renderPreviewPng(
  values: Float32Array,
  rows: number,
  columns: number,
  options: PreviewOptions = {}
): Uint8Array {
  const map = options.colourMap ?? 'viridis';
  const [lo, hi] = options.range ?? displayRange(values, options.quality);
  const span = hi - lo || 1;
  const zoom = Math.max(1, Math.min(4, Math.round(320 / Math.max(rows, columns))));
  const font = rows * zoom >= 256 ? 2 : 1;
  const pad = 8;
  const titleH = GLYPH_HEIGHT * font + 2 * pad;
  const imgW = columns * zoom;
  const imgH = rows * zoom;
  const barW = 16;
  const ticks = 5;
  const labels = Array.from({ length: ticks + 1 }, (_, i) => formatTick(lo + (span * i) / ticks, span));
  const labelW = Math.max(...labels.map((l) => textWidth(l, font)));
  const width = pad + imgW + 2 * pad + barW + 6 + labelW + pad;
  const height = titleH + imgH + pad + Math.ceil((GLYPH_HEIGHT * font) / 2);
  const rgb = new Uint8Array(width * height * 3);
  // The map.
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const v = values[r * columns + c]!;
      if (!Number.isFinite(v)) continue;
      const [R, G, B] = colourAt(map, (v - lo) / span);
      for (let dy = 0; dy < zoom; dy++) {
        let o = ((titleH + r * zoom + dy) * width + pad + c * zoom) * 3;
        for (let dx = 0; dx < zoom; dx++) {
          rgb[o++] = R;
          rgb[o++] = G;
          rgb[o++] = B;
        }
      }
    }
  }
  // Colour bar, high values at the top.
  const barX = pad + imgW + 2 * pad;
  for (let y = 0; y < imgH; y++) {
    const [R, G, B] = colourAt(map, 1 - y / Math.max(1, imgH - 1));
    for (let x = 0; x < barW; x++) {
      const o = ((titleH + y) * width + barX + x) * 3;
      rgb[o] = R;
      rgb[o + 1] = G;
      rgb[o + 2] = B;
    }
  }
  // Ticks and labels.
  for (let i = 0; i <= ticks; i++) {
    const y = titleH + Math.round((imgH - 1) * (1 - i / ticks));
    // Tick marks on the bar's left edge, so that they cannot be read as minus signs.
    for (let x = barX - 4; x < barX; x++) {
      const o = (y * width + x) * 3;
      rgb[o] = 255;
      rgb[o + 1] = 255;
      rgb[o + 2] = 255;
    }
    drawText(
      rgb,
      width,
      height,
      barX + barW + 6,
      y - Math.floor((GLYPH_HEIGHT * font) / 2),
      labels[i]!,
      font,
      WHITE
    );
  }
  const title = `${options.title ?? ''}${options.units ? ` (${options.units})` : ''}`.trim();
  if (title) drawText(rgb, width, height, pad, pad, title, font, WHITE);
  return encodePngRgb(width, height, rgb);
}
