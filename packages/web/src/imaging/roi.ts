/** A point in image pixel coordinates: x to the right (columns), y down (rows); pixel (c, r) spans [c, c+1). */
export type Point = readonly [number, number];

/** What an ROI was drawn on. */
export type RoiLabel = 'lesion' | 'myocardium' | 'blood';

/** A region of interest drawn on an image. */
export type RoiShape =
  | { readonly kind: 'polygon'; readonly vertices: readonly Point[] }
  | {
      readonly kind: 'ellipse';
      readonly cx: number;
      readonly cy: number;
      readonly rx: number;
      readonly ry: number;
    };

/** A drawn ROI with its label. */
export interface Roi {
  readonly id: string;
  readonly label: RoiLabel;
  readonly shape: RoiShape;
}

/** Statistics of the finite pixels inside an ROI (the `cmr-mass roi` definitions). */
export interface RoiStats {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n - 1). */
  readonly sd: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** n x row spacing x column spacing. */
  readonly areaMm2: number;
}

/** True when the point is inside the polygon (even-odd rule). */
export function insidePolygon(x: number, y: number, v: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = v.length - 1; i < v.length; j = i++) {
    const [xi, yi] = v[i]!;
    const [xj, yj] = v[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * The pixels of an ROI as a mask (1 inside, 0 outside; rows x columns, row-major): a pixel is inside
 * when its centre is. The same mask can be sent as a label image (`LABELS.u8`).
 */
export function roiMask(shape: RoiShape, columns: number, rows: number): Uint8Array {
  const mask = new Uint8Array(columns * rows);
  for (let r = 0; r < rows; r++) {
    const y = r + 0.5;
    for (let c = 0; c < columns; c++) {
      const x = c + 0.5;
      let inside: boolean;
      if (shape.kind === 'ellipse') {
        const dx = shape.rx > 0 ? (x - shape.cx) / shape.rx : Number.POSITIVE_INFINITY;
        const dy = shape.ry > 0 ? (y - shape.cy) / shape.ry : Number.POSITIVE_INFINITY;
        inside = dx * dx + dy * dy <= 1;
      } else {
        inside = shape.vertices.length >= 3 && insidePolygon(x, y, shape.vertices);
      }
      if (inside) mask[r * columns + c] = 1;
    }
  }
  return mask;
}

/** Statistics of the finite values under a mask; null when no finite pixel is inside. */
export function roiStats(
  data: Float32Array,
  mask: Uint8Array,
  pixelSpacingMm: readonly [number, number] = [1, 1]
): RoiStats | null {
  const values: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const v = data[i] ?? Number.NaN;
    if (mask[i] === 1 && Number.isFinite(v)) values.push(v);
  }
  const n = values.length;
  if (n === 0) return null;
  values.sort((a, b) => a - b);
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const mid = n >> 1;
  const median = n % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
  return {
    n,
    mean,
    sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0,
    median,
    min: values[0]!,
    max: values[n - 1]!,
    areaMm2: n * pixelSpacingMm[0] * pixelSpacingMm[1],
  };
}

/** The outline of an ROI as vertices in pixel coordinates (an ellipse sampled at `steps` points). */
export function outline(shape: RoiShape, steps = 48): Point[] {
  if (shape.kind === 'polygon') return [...shape.vertices];
  const out: Point[] = [];
  for (let i = 0; i < steps; i++) {
    const a = (2 * Math.PI * i) / steps;
    out.push([shape.cx + shape.rx * Math.cos(a), shape.cy + shape.ry * Math.sin(a)]);
  }
  return out;
}

/** The ellipse inscribed in the box between two corners. */
export function ellipseFromCorners(a: Point, b: Point): RoiShape {
  return {
    kind: 'ellipse',
    cx: (a[0] + b[0]) / 2,
    cy: (a[1] + b[1]) / 2,
    rx: Math.abs(b[0] - a[0]) / 2,
    ry: Math.abs(b[1] - a[1]) / 2,
  };
}
