import { Box, Text } from '@mantine/core';
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactElement,
} from 'react';
import { useTranslation } from 'react-i18next';
import { lookUpTable, type ColourMapName } from './colormap.js';
import { drawScene, ROI_COLOUR } from './draw.js';
import { ellipseFromCorners, type Point, type Roi, type RoiLabel, type RoiShape } from './roi.js';
import { fitView, toImage, zoomAt, type View } from './view.js';
import { paint, type WindowLevel } from './window-level.js';

/** A float image: a source image or a T1/T2/ECV map (NaN where not fitted). */
export interface MapImage {
  readonly name: string;
  readonly data: Float32Array;
  readonly columns: number;
  readonly rows: number;
  /** Row spacing, column spacing. */
  readonly pixelSpacingMm?: readonly [number, number];
  /** `ms`, `fraction` or '' for a source image. */
  readonly units: string;
}

/** The drawing tool. */
export type Tool = 'pan' | 'polygon' | 'ellipse';

/** Props of the viewer. */
export interface MapViewerProps {
  readonly image: MapImage;
  readonly colourMap: ColourMapName;
  readonly windowLevel: WindowLevel;
  readonly onWindowLevel: (wl: WindowLevel) => void;
  /** The view; null fits the image to the canvas. */
  readonly view: View | null;
  readonly onView: (v: View) => void;
  readonly tool: Tool;
  readonly drawLabel: RoiLabel;
  readonly rois: readonly Roi[];
  readonly selectedRoi?: string | null;
  readonly onRoiDrawn: (shape: RoiShape) => void;
  readonly width?: number;
  readonly height?: number;
}

/**
 * A canvas viewer of one float image: colour map, window/level (drag with the pan tool, or the
 * sliders), zoom (wheel, + and -), pan (shift-drag or arrow keys), and polygon or ellipse ROIs in
 * pixel coordinates. The value under the pointer is shown below.
 */
export function MapViewer(p: MapViewerProps): ReactElement {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const W = p.width ?? 512;
  const H = p.height ?? 512;
  const { image } = p;
  const view = p.view ?? fitView(image.columns, image.rows, W, H);
  const [draft, setDraft] = useState<Point[] | null>(null);
  const [hover, setHover] = useState<Point | null>(null);
  const drag = useRef<{
    kind: 'wl' | 'pan' | 'ellipse';
    x: number;
    y: number;
    wl: WindowLevel;
    view: View;
    start: Point;
  } | null>(null);

  const bitmap = useMemo(() => {
    if (typeof document === 'undefined') return null;
    const c = document.createElement('canvas');
    c.width = image.columns;
    c.height = image.rows;
    const ctx = c.getContext('2d');
    if (!ctx) return null;
    const img = ctx.createImageData(image.columns, image.rows);
    paint(image.data, p.windowLevel, lookUpTable(p.colourMap), img.data);
    ctx.putImageData(img, 0, 0);
    return c;
  }, [image, p.windowLevel, p.colourMap]);

  const rubber = draft && hover && p.tool === 'polygon' ? [...draft, hover] : draft;
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !bitmap) return;
    drawScene(
      ctx,
      bitmap,
      image.columns,
      image.rows,
      view,
      p.rois,
      p.selectedRoi ?? null,
      rubber,
      ROI_COLOUR[p.drawLabel]
    );
  });

  const local = (e: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) * W) / (r.width || W), ((e.clientY - r.top) * H) / (r.height || H)];
  };
  const finishPolygon = (): void => {
    if (draft && draft.length >= 3) p.onRoiDrawn({ kind: 'polygon', vertices: draft });
    setDraft(null);
  };

  const onDown = (e: PointerEvent<HTMLCanvasElement>): void => {
    e.currentTarget.focus();
    const [sx, sy] = local(e);
    const pt = toImage(view, sx, sy);
    if (p.tool === 'polygon') {
      if (e.detail >= 2) finishPolygon();
      else setDraft([...(draft ?? []), pt]);
      return;
    }
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const kind = p.tool === 'ellipse' ? 'ellipse' : e.shiftKey || e.button !== 0 ? 'pan' : 'wl';
    drag.current = { kind, x: sx, y: sy, wl: p.windowLevel, view, start: pt };
  };
  const onMove = (e: PointerEvent<HTMLCanvasElement>): void => {
    const [sx, sy] = local(e);
    const pt = toImage(view, sx, sy);
    setHover(pt);
    const d = drag.current;
    if (!d) return;
    const dx = sx - d.x;
    const dy = sy - d.y;
    if (d.kind === 'pan') p.onView({ ...d.view, panX: d.view.panX + dx, panY: d.view.panY + dy });
    else if (d.kind === 'wl') {
      const width = Math.max(1e-6, d.wl.width * Math.exp(dx / 200));
      p.onWindowLevel({ width, level: d.wl.level - (dy / H) * d.wl.width });
    } else setDraft(ellipseOutline(d.start, pt));
  };
  const onUp = (e: PointerEvent<HTMLCanvasElement>): void => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.kind !== 'ellipse') return;
    const [sx, sy] = local(e);
    const end = toImage(view, sx, sy);
    setDraft(null);
    if (Math.abs(end[0] - d.start[0]) >= 1 && Math.abs(end[1] - d.start[1]) >= 1) {
      p.onRoiDrawn(ellipseFromCorners(d.start, end));
    }
  };
  const onKey = (e: KeyboardEvent<HTMLCanvasElement>): void => {
    const step = 20;
    const map: Record<string, () => void> = {
      Enter: finishPolygon,
      Escape: () => {
        setDraft(null);
      },
      Backspace: () => {
        setDraft(draft && draft.length > 1 ? draft.slice(0, -1) : null);
      },
      '+': () => {
        p.onView(zoomAt(view, 1.25, W / 2, H / 2));
      },
      '=': () => {
        p.onView(zoomAt(view, 1.25, W / 2, H / 2));
      },
      '-': () => {
        p.onView(zoomAt(view, 0.8, W / 2, H / 2));
      },
      '0': () => {
        p.onView(fitView(image.columns, image.rows, W, H));
      },
      ArrowLeft: () => {
        p.onView({ ...view, panX: view.panX + step });
      },
      ArrowRight: () => {
        p.onView({ ...view, panX: view.panX - step });
      },
      ArrowUp: () => {
        p.onView({ ...view, panY: view.panY + step });
      },
      ArrowDown: () => {
        p.onView({ ...view, panY: view.panY - step });
      },
    };
    const fn = map[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    }
  };

  const hx = hover ? Math.floor(hover[0]) : -1;
  const hy = hover ? Math.floor(hover[1]) : -1;
  const inside = hx >= 0 && hy >= 0 && hx < image.columns && hy < image.rows;
  const value = inside ? image.data[hy * image.columns + hx] : undefined;
  return (
    <Box>
      <canvas
        ref={canvas}
        width={W}
        height={H}
        tabIndex={0}
        role="img"
        aria-label={t('imaging.viewer', { name: image.name })}
        data-testid="map-canvas"
        style={{
          width: W,
          height: H,
          cursor: p.tool === 'pan' ? 'grab' : 'crosshair',
          touchAction: 'none',
          display: 'block',
        }}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerLeave={() => {
          setHover(null);
        }}
        onDoubleClick={finishPolygon}
        onWheel={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          p.onView(zoomAt(view, e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top));
        }}
        onKeyDown={onKey}
        onContextMenu={(e) => {
          e.preventDefault();
        }}
      />
      <Text size="xs" c="dimmed" ff="monospace" h={18} data-testid="pixel-readout">
        {inside
          ? t('imaging.pixel', {
              x: hx,
              y: hy,
              value:
                value !== undefined && Number.isFinite(value) ? `${formatNumber(value)} ${image.units}` : '—',
            })
          : ''}
      </Text>
    </Box>
  );
}

function ellipseOutline(a: Point, b: Point): Point[] {
  const s = ellipseFromCorners(a, b);
  if (s.kind !== 'ellipse') return [];
  const pts: Point[] = [];
  for (let i = 0; i <= 48; i++) {
    const ang = (2 * Math.PI * i) / 48;
    pts.push([s.cx + s.rx * Math.cos(ang), s.cy + s.ry * Math.sin(ang)]);
  }
  return pts;
}

/** A number with 3 significant digits after the point for fractions, whole numbers otherwise. */
export function formatNumber(v: number): string {
  return Math.abs(v) < 10 ? v.toFixed(3) : v.toFixed(0);
}
