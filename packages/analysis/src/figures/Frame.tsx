import type { ReactElement, ReactNode } from 'react';
import {
  AXIS_COLOUR,
  FONT_FAMILY,
  textWidth,
  FONT_SIZE,
  GRID_COLOUR,
  MUTED_COLOUR,
  SMALL_FONT_SIZE,
  TEXT_COLOUR,
  TITLE_FONT_SIZE,
} from './theme.js';

/** Props of {@link Svg}. */
export interface SvgProps {
  readonly width: number;
  readonly height: number;
  /** Shown as the figure's accessible title (and by browsers as a tooltip). */
  readonly title: string;
  /** A longer text description for screen readers. */
  readonly description?: string;
  readonly children?: ReactNode;
}

/**
 * The root of every figure: a standalone SVG (with `xmlns`, so that the file opens on its own), a
 * `<title>` and `<desc>` for accessibility, and a white background for print.
 */
export function Svg({ width, height, title, description, children }: SvgProps): ReactElement {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      fontFamily={FONT_FAMILY}
      fontSize={FONT_SIZE}
      fill={TEXT_COLOUR}
    >
      <title>{title}</title>
      {description ? <desc>{description}</desc> : null}
      <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
      {children}
    </svg>
  );
}

/** A figure title at the top left. */
export function FigureTitle({
  x,
  y,
  text,
}: {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}): ReactElement {
  return (
    <text x={x} y={y} fontSize={TITLE_FONT_SIZE} fontWeight="bold">
      {text}
    </text>
  );
}

/** Props of {@link AxisBottom} and {@link AxisLeft}. */
export interface AxisProps {
  /** Tick positions in pixels and their labels. */
  readonly ticks: readonly { readonly pos: number; readonly label: string }[];
  /** The axis line's other coordinate (y for the bottom axis, x for the left). */
  readonly at: number;
  readonly from: number;
  readonly to: number;
  /** The axis title, with its unit. */
  readonly label: string;
  /** Draws light grid lines across the plot up to this coordinate. */
  readonly gridTo?: number;
}

/** A horizontal axis below the plot with ticks, labels and a title. */
export function AxisBottom({ ticks, at, from, to, label, gridTo }: AxisProps): ReactElement {
  return (
    <g>
      {gridTo !== undefined
        ? ticks.map((t) => (
            <line key={`g${t.pos}`} x1={t.pos} x2={t.pos} y1={gridTo} y2={at} stroke={GRID_COLOUR} />
          ))
        : null}
      <line x1={from} x2={to} y1={at} y2={at} stroke={AXIS_COLOUR} />
      {ticks.map((t) => (
        <g key={t.pos}>
          <line x1={t.pos} x2={t.pos} y1={at} y2={at + 5} stroke={AXIS_COLOUR} />
          <text x={t.pos} y={at + 18} textAnchor="middle" fontSize={SMALL_FONT_SIZE}>
            {t.label}
          </text>
        </g>
      ))}
      <text x={(from + to) / 2} y={at + 36} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

/** A vertical axis left of the plot with ticks, labels and a rotated title. */
export function AxisLeft({ ticks, at, from, to, label, gridTo }: AxisProps): ReactElement {
  const mid = (from + to) / 2;
  return (
    <g>
      {gridTo !== undefined
        ? ticks.map((t) => (
            <line key={`g${t.pos}`} x1={at} x2={gridTo} y1={t.pos} y2={t.pos} stroke={GRID_COLOUR} />
          ))
        : null}
      <line x1={at} x2={at} y1={from} y2={to} stroke={AXIS_COLOUR} />
      {ticks.map((t) => (
        <g key={t.pos}>
          <line x1={at - 5} x2={at} y1={t.pos} y2={t.pos} stroke={AXIS_COLOUR} />
          <text x={at - 8} y={t.pos + 4} textAnchor="end" fontSize={SMALL_FONT_SIZE}>
            {t.label}
          </text>
        </g>
      ))}
      <text x={at - 46} y={mid} textAnchor="middle" transform={`rotate(-90 ${at - 46} ${mid})`}>
        {label}
      </text>
    </g>
  );
}

/** A legend entry: a line sample (with dash pattern) and its label. */
export interface LegendItem {
  readonly label: string;
  readonly colour: string;
  readonly dash?: string;
  /** Draws a filled square instead of a line sample (bar charts). */
  readonly swatch?: boolean;
}

/** A vertical legend box. */
export function Legend({
  x,
  y,
  items,
}: {
  readonly x: number;
  readonly y: number;
  readonly items: readonly LegendItem[];
}): ReactElement {
  return (
    <g>
      {items.map((item, i) => (
        <g key={item.label} transform={`translate(${x} ${y + i * 17})`}>
          {item.swatch ? (
            <rect x={0} y={-9} width={14} height={10} fill={item.colour} />
          ) : (
            <line
              x1={0}
              x2={22}
              y1={-4}
              y2={-4}
              stroke={item.colour}
              strokeWidth={2.2}
              strokeDasharray={item.dash || undefined}
            />
          )}
          <text x={item.swatch ? 20 : 28} y={0} fontSize={SMALL_FONT_SIZE}>
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** A short note in muted small type (methods, p-values under a plot). */
export function Note({
  x,
  y,
  lines,
  anchor = 'start',
}: {
  readonly x: number;
  readonly y: number;
  readonly lines: readonly string[];
  readonly anchor?: 'start' | 'end' | 'middle';
}): ReactElement {
  return (
    <text x={x} y={y} fontSize={SMALL_FONT_SIZE} fill={MUTED_COLOUR} textAnchor={anchor}>
      {lines.map((l, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : 14}>
          {l}
        </tspan>
      ))}
    </text>
  );
}

/** A legend laid out in one row (wrapping to more rows past `maxWidth`), for above a plot. */
export function LegendRow({
  x,
  y,
  items,
  maxWidth,
}: {
  readonly x: number;
  readonly y: number;
  readonly items: readonly LegendItem[];
  readonly maxWidth: number;
}): ReactElement {
  let cx = 0;
  let row = 0;
  const placed = items.map((item) => {
    const w = (item.swatch ? 20 : 28) + textWidth(item.label, SMALL_FONT_SIZE) + 18;
    if (cx > 0 && cx + w > maxWidth) {
      cx = 0;
      row++;
    }
    const at = { item, dx: cx, dy: row * 17 };
    cx += w;
    return at;
  });
  return (
    <g>
      {placed.map(({ item, dx, dy }) => (
        <Legend key={item.label} x={x + dx} y={y + dy} items={[item]} />
      ))}
    </g>
  );
}

/** Rows a {@link LegendRow} needs. */
export function legendRows(items: readonly LegendItem[], maxWidth: number): number {
  let cx = 0;
  let rows = items.length > 0 ? 1 : 0;
  for (const item of items) {
    const w = (item.swatch ? 20 : 28) + textWidth(item.label, SMALL_FONT_SIZE) + 18;
    if (cx > 0 && cx + w > maxWidth) {
      cx = 0;
      rows++;
    }
    cx += w;
  }
  return rows;
}
