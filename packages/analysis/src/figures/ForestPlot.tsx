import { scaleLog } from 'd3-scale';
import type { ReactElement } from 'react';
import { AxisBottom, FigureTitle, Note, Svg } from './Frame.js';
import { figureLabel } from './labels.js';
import { AXIS_COLOUR, colour, MUTED_COLOUR, SMALL_FONT_SIZE, textWidth, type Lang } from './theme.js';

/** One row of a forest plot: an estimate with its interval, or a heading without one. */
export interface ForestRow {
  readonly label: string;
  /** Ratio estimate (HR, OR) and its 95% limits; null for a heading or a non-estimable row. */
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** The text printed right of the plot, e.g. "2.31 (1.52-3.50)". */
  readonly text: string;
  /** A p-value text, e.g. "0.003". */
  readonly p?: string;
  /** Which series (e.g. 0 univariable, 1 multivariable) the row belongs to, for colour. */
  readonly series?: number;
  readonly heading?: boolean;
  /** Indentation level of the label (0 for headings, 1 for rows under a heading). */
  readonly indent?: number;
}

/** Props of {@link ForestPlot}. */
export interface ForestPlotProps {
  readonly title: string;
  readonly rows: readonly ForestRow[];
  /** The x-axis title, with "log scale" (default: hazard ratio). */
  readonly xLabel?: string;
  /** Column headings over the text columns, e.g. "HR (95% CI)" and "p". */
  readonly estimateHeading?: string;
  readonly notes?: readonly string[];
  /** Legend text per series. */
  readonly series?: readonly string[];
  readonly lang?: Lang;
  readonly width?: number;
}

const ROW_H = 21;

function niceTicks(lo: number, hi: number): number[] {
  const candidates = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 4, 5, 10, 20, 50, 100, 200, 500];
  const inside = candidates.filter((t) => t >= lo && t <= hi);
  if (inside.length <= 7) return inside;
  return inside.filter((t) => [0.01, 0.1, 0.25, 0.5, 1, 2, 4, 10, 100].includes(t));
}

/**
 * A forest plot of ratio estimates (hazard or odds ratios) on a log axis: a square and a 95% CI line
 * per row, a reference line at 1, the estimates and p-values as text on the right. Intervals running
 * off the axis end in an arrow.
 */
export function ForestPlot(props: ForestPlotProps): ReactElement {
  const lang = props.lang ?? 'en';
  const width = props.width ?? 760;
  const labelW = Math.min(
    320,
    Math.max(...props.rows.map((r) => textWidth(r.label, SMALL_FONT_SIZE) + (r.indent ?? 0) * 14), 80) + 16
  );
  const left = 12 + labelW;
  const textW = 190;
  const plotRight = width - textW - 12;
  const top = 54;
  const notes = props.notes ?? [];
  const seriesH = props.series && props.series.length > 1 ? 18 : 0;
  const plotBottom = top + props.rows.length * ROW_H + 6;
  const height = plotBottom + 50 + seriesH + notes.length * 14 + 10;
  const finite = props.rows
    .flatMap((r) => [r.lower, r.upper, r.estimate])
    .filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  const lo = Math.max(0.01, Math.min(0.5, ...finite.map((v) => v * 0.9)));
  const hi = Math.min(500, Math.max(2, ...finite.map((v) => v * 1.1)));
  const x = scaleLog().domain([lo, hi]).range([left, plotRight]).clamp(true);
  const ticks = niceTicks(lo, hi).map((t) => ({ pos: x(t), label: String(t) }));
  return (
    <Svg width={width} height={height} title={props.title} description={notes.join(' ')}>
      <FigureTitle x={12} y={22} text={props.title} />
      <text x={plotRight + 12} y={top - 12} fontSize={SMALL_FONT_SIZE} fontWeight="bold">
        {props.estimateHeading ?? figureLabel('estimateCi', lang)}
      </text>
      <text x={width - 14} y={top - 12} fontSize={SMALL_FONT_SIZE} fontWeight="bold" textAnchor="end">
        p
      </text>
      <line x1={x(1)} x2={x(1)} y1={top - 4} y2={plotBottom} stroke={AXIS_COLOUR} />
      {props.rows.map((r, i) => {
        const cy = top + i * ROW_H + ROW_H / 2;
        const c = colour(r.series ?? 0);
        const ok =
          r.estimate !== null &&
          r.lower !== null &&
          r.upper !== null &&
          Number.isFinite(r.estimate) &&
          r.estimate > 0;
        return (
          <g key={`${i}-${r.label}`}>
            <text
              x={12 + (r.indent ?? 0) * 14}
              y={cy + 4}
              fontSize={SMALL_FONT_SIZE}
              fontWeight={r.heading ? 'bold' : 'normal'}
            >
              {r.label}
            </text>
            {ok ? (
              <g>
                <line
                  x1={x(Math.max(lo, r.lower))}
                  x2={x(Math.min(hi, Number.isFinite(r.upper) ? r.upper : hi))}
                  y1={cy}
                  y2={cy}
                  stroke={c}
                  strokeWidth={1.6}
                />
                {r.lower < lo ? (
                  <path
                    d={`M${x(lo) + 6},${cy - 4} L${x(lo)},${cy} L${x(lo) + 6},${cy + 4}`}
                    fill="none"
                    stroke={c}
                  />
                ) : null}
                {!Number.isFinite(r.upper) || r.upper > hi ? (
                  <path
                    d={`M${x(hi) - 6},${cy - 4} L${x(hi)},${cy} L${x(hi) - 6},${cy + 4}`}
                    fill="none"
                    stroke={c}
                  />
                ) : null}
                <rect x={x(r.estimate) - 4} y={cy - 4} width={8} height={8} fill={c} />
              </g>
            ) : null}
            <text
              x={plotRight + 12}
              y={cy + 4}
              fontSize={SMALL_FONT_SIZE}
              fill={ok || r.heading ? undefined : MUTED_COLOUR}
            >
              {r.text}
            </text>
            <text x={width - 14} y={cy + 4} fontSize={SMALL_FONT_SIZE} textAnchor="end">
              {r.p ?? ''}
            </text>
          </g>
        );
      })}
      <AxisBottom
        ticks={ticks}
        at={plotBottom}
        from={left}
        to={plotRight}
        label={props.xLabel ?? figureLabel('hazardRatio', lang)}
      />
      {props.series && props.series.length > 1 ? (
        <g>
          {props.series.map((s, i) => (
            <g key={s}>
              <rect x={left + i * 170} y={plotBottom + 46} width={8} height={8} fill={colour(i)} />
              <text x={left + i * 170 + 14} y={plotBottom + 54} fontSize={SMALL_FONT_SIZE}>
                {s}
              </text>
            </g>
          ))}
        </g>
      ) : null}
      <Note x={12} y={plotBottom + 50 + seriesH + 10} lines={notes} />
    </Svg>
  );
}
