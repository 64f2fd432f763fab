/** A point in pixel coordinates: x along columns, y along rows; pixel (r, c) has its centre at (c, r). */
export type PixelPoint = readonly [x: number, y: number];

/**
 * Rasterises a polygon: a pixel is inside when its centre is inside the polygon by the even-odd
 * rule (crossing test, as in the web app's canvas). Vertices are in pixel coordinates, the polygon
 * closes itself.
 *
 * @param rows - image rows
 * @param columns - image columns
 * @param vertices - at least 3 points
 * @returns a rows·columns 0/1 mask
 * @example
 * // A 4x4 square covering pixel centres 1..2 in both directions:
 * polygonMask(4, 4, [[0.5, 0.5], [2.5, 0.5], [2.5, 2.5], [0.5, 2.5]]) // 4 pixels set
 */
export function polygonMask(rows: number, columns: number, vertices: readonly PixelPoint[]): Uint8Array {
  if (vertices.length < 3) {
    throw new RangeError(`vertices: a polygon needs at least 3 (got ${vertices.length})`);
  }
  for (const [i, v] of vertices.entries()) {
    if (!Number.isFinite(v[0]) || !Number.isFinite(v[1])) throw new RangeError(`vertices[${i}]: not finite`);
  }
  const mask = new Uint8Array(rows * columns);
  const xs: number[] = [];
  for (let r = 0; r < rows; r++) {
    // Crossings of the scanline y = r with every edge, then fill between pairs.
    xs.length = 0;
    for (let i = 0, j = vertices.length - 1; i < vertices.length; j = i++) {
      const [xi, yi] = vertices[i]!;
      const [xj, yj] = vertices[j]!;
      if (yi > r !== yj > r) xs.push(xi + ((r - yi) * (xj - xi)) / (yj - yi));
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil(xs[k]!));
      const to = Math.min(columns - 1, Math.floor(xs[k + 1]!));
      for (let c = from; c <= to; c++) {
        // Centres exactly on the right edge are outside (half-open, so shared edges count once).
        if (c === xs[k + 1]) continue;
        mask[r * columns + c] = 1;
      }
    }
  }
  return mask;
}

/** An ellipse in pixel coordinates. */
export interface Ellipse {
  /** Centre, column direction. */
  readonly cx: number;
  /** Centre, row direction. */
  readonly cy: number;
  /** Semi-axis along x (before rotation), pixels. */
  readonly rx: number;
  /** Semi-axis along y (before rotation), pixels. */
  readonly ry: number;
  /** Rotation, degrees, from +x towards +y. Default 0. */
  readonly angleDeg?: number;
}

/**
 * Rasterises an ellipse: pixels whose centre satisfies `(u/rx)² + (v/ry)² <= 1` in the ellipse's
 * rotated frame.
 *
 * @returns a rows·columns 0/1 mask
 */
export function ellipseMask(rows: number, columns: number, e: Ellipse): Uint8Array {
  if (!(e.rx > 0 && e.ry > 0)) throw new RangeError('ellipse: rx and ry must be positive');
  const a = ((e.angleDeg ?? 0) * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const mask = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const dx = c - e.cx;
      const dy = r - e.cy;
      const u = dx * cos + dy * sin;
      const v = -dx * sin + dy * cos;
      if ((u / e.rx) ** 2 + (v / e.ry) ** 2 <= 1) mask[r * columns + c] = 1;
    }
  }
  return mask;
}
