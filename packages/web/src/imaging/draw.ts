import { outline, type Point, type Roi, type RoiLabel } from './roi.js';
import { toScreen, type View } from './view.js';

/** The outline colour of each ROI label. */
export const ROI_COLOUR: Readonly<Record<RoiLabel, string>> = {
  lesion: '#ff3b30',
  myocardium: '#34c759',
  blood: '#0a84ff',
};

/** Draws the image (already painted into `bitmap`) and the ROIs on the canvas. */
export function drawScene(
  ctx: CanvasRenderingContext2D,
  bitmap: CanvasImageSource,
  columns: number,
  rows: number,
  view: View,
  rois: readonly Roi[],
  selected: string | null,
  draft: readonly Point[] | null,
  draftColour: string
): void {
  const { width, height } = ctx.canvas;
  ctx.save();
  ctx.fillStyle = '#111';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(bitmap, view.panX, view.panY, columns * view.zoom, rows * view.zoom);
  for (const r of rois) {
    path(ctx, view, outline(r.shape), true, ROI_COLOUR[r.label], r.id === selected ? 3 : 1.5);
  }
  if (draft && draft.length > 0) path(ctx, view, draft, false, draftColour, 1.5, true);
  ctx.restore();
}

function path(
  ctx: CanvasRenderingContext2D,
  view: View,
  pts: readonly Point[],
  closed: boolean,
  colour: string,
  width: number,
  dashed = false
): void {
  if (pts.length === 0) return;
  ctx.beginPath();
  pts.forEach((p, i) => {
    const [x, y] = toScreen(view, p);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  if (closed) ctx.closePath();
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.setLineDash(dashed ? [4, 3] : []);
  ctx.stroke();
  if (dashed) {
    for (const p of pts) {
      const [x, y] = toScreen(view, p);
      ctx.fillStyle = colour;
      ctx.fillRect(x - 2, y - 2, 4, 4);
    }
  }
}
