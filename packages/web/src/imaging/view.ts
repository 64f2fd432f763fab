import type { Point } from './roi.js';

/** How the image sits on the canvas: screen pixels per image pixel, and where the image's origin is. */
export interface View {
  readonly zoom: number;
  readonly panX: number;
  readonly panY: number;
}

/** The view that fits the whole image in the canvas, centred. */
export function fitView(columns: number, rows: number, width: number, height: number): View {
  const zoom = Math.max(0.01, Math.min(width / columns, height / rows));
  return { zoom, panX: (width - columns * zoom) / 2, panY: (height - rows * zoom) / 2 };
}

/** Image coordinates of a canvas point. */
export function toImage(v: View, sx: number, sy: number): Point {
  return [(sx - v.panX) / v.zoom, (sy - v.panY) / v.zoom];
}

/** Canvas coordinates of an image point. */
export function toScreen(v: View, p: Point): Point {
  return [p[0] * v.zoom + v.panX, p[1] * v.zoom + v.panY];
}

/** Zooms by `factor` keeping the canvas point (sx, sy) over the same image point. */
export function zoomAt(v: View, factor: number, sx: number, sy: number): View {
  const zoom = Math.min(64, Math.max(0.05, v.zoom * factor));
  const f = zoom / v.zoom;
  return { zoom, panX: sx - (sx - v.panX) * f, panY: sy - (sy - v.panY) * f };
}
