import { scaleLinear } from 'd3-scale';
import type { ReactElement } from 'react';
import { AxisBottom, FigureTitle, LegendRow, legendRows, Note, Svg } from './Frame.js';
import { AXIS_COLOUR, colour, SMALL_FONT_SIZE, textWidth, type Lang } from './theme.js';

/** One series of bars: a value per category, optionally with 95% limits. */
export interface BarSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
  readonly lower?: readonly (number | null)[];
  readonly upper?: readonly (number | null)[];
}

/** Props of {@link BarChart}. */
export interface BarChartProps {
  readonly title: string;
  /** One row of bars per category, top to bottom. */
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  /** Grouped bars side by side, or segments stacked to a total. */
  readonly mode?: 'grouped' | 'stacked';
  /** The value axis title, with its unit. */
  readonly valueLabel: string;
  /** Values are proportions (0-1) shown as percentages. */
  readonly percent?: boolean;
  /** Upper end of the value axis (default: the largest value or total). */
  readonly max?: number;
  /** Text at the end of each category's bars, e.g. "85/100". */
  readonly annotations?: readonly string[];
  readonly notes?: readonly string[];
  readonly lang?: Lang;
  readonly width?: number;
}

/**
 * Horizontal bar chart, grouped or stacked, with optional 95% confidence whiskers and per-category
 * annotations; categories on the left so that long labels stay readable.
 */
export function BarChart(props: BarChartProps): ReactElement {
  const mode = props.mode ?? 'grouped';
  const width = props.width ?? 720;
  const left =
    18 + Math.min(260, Math.max(...props.categories.map((c) => textWidth(c, SMALL_FONT_SIZE)), 40));
  const annW = props.annotations
    ? Math.max(...props.annotations.map((a) => textWidth(a, SMALL_FONT_SIZE))) + 16
    : 16;
  const right = width - annW - 10;
  const top = 40;
  const k = props.series.length;
  const barH = mode === 'stacked' || k === 1 ? 16 : 11;
  const groupH = (mode === 'stacked' ? barH : barH * k) + 12;
  const plotBottom = top + props.categories.length * groupH;
  const legendItems = props.series.map((s, j) => ({ label: s.label, colour: colour(j), swatch: true }));
  const legendH = k > 1 ? legendRows(legendItems, width - left - 20) : 0;
  const notes = props.notes ?? [];
  const height = plotBottom + 48 + legendH * 17 + notes.length * 14 + 10;
  const totals = props.categories.map((_, i) =>
    mode === 'stacked'
      ? props.series.reduce((a, s) => a + (s.values[i] ?? 0), 0)
      : Math.max(0, ...props.series.map((s) => Math.max(s.values[i] ?? 0, s.upper?.[i] ?? 0)))
  );
  const max = props.max ?? (props.percent ? Math.min(1, Math.max(...totals, 0.01)) : Math.max(...totals, 1));
  const x = scaleLinear().domain([0, max]).range([left, right]).nice();
  const ticks = x
    .ticks(6)
    .map((t) => ({ pos: x(t), label: props.percent ? `${Math.round(t * 100)}` : String(t) }));
  return (
    <Svg width={width} height={height} title={props.title} description={notes.join(' ')}>
      <FigureTitle x={12} y={22} text={props.title} />
      {props.categories.map((c, i) => {
        const gy = top + i * groupH + 6;
        let acc = 0;
        return (
          <g key={c}>
            <text
              x={left - 8}
              y={gy + (mode === 'stacked' || k === 1 ? barH : barH * k) / 2 + 4}
              textAnchor="end"
              fontSize={SMALL_FONT_SIZE}
            >
              {c}
            </text>
            {props.series.map((s, j) => {
              const v = s.values[i];
              if (v === null || v === undefined) return null;
              const y0 = mode === 'stacked' ? gy : gy + j * barH;
              const x0 = mode === 'stacked' ? x(acc) : x(0);
              const x1 = mode === 'stacked' ? x(acc + v) : x(v);
              if (mode === 'stacked') acc += v;
              const lo = s.lower?.[i];
              const hi = s.upper?.[i];
              return (
                <g key={s.label}>
                  <rect
                    x={x0}
                    y={y0}
                    width={Math.max(0, x1 - x0)}
                    height={barH - 2}
                    fill={colour(j)}
                    fillOpacity={0.85}
                    stroke="#ffffff"
                    strokeWidth={0.5}
                  />
                  {lo !== null && lo !== undefined && hi !== null && hi !== undefined ? (
                    <g stroke={AXIS_COLOUR}>
                      <line x1={x(lo)} x2={x(hi)} y1={y0 + barH / 2 - 1} y2={y0 + barH / 2 - 1} />
                      <line x1={x(lo)} x2={x(lo)} y1={y0 + 2} y2={y0 + barH - 4} />
                      <line x1={x(hi)} x2={x(hi)} y1={y0 + 2} y2={y0 + barH - 4} />
                    </g>
                  ) : null}
                </g>
              );
            })}
            {props.annotations?.[i] ? (
              <text
                x={right + 8}
                y={gy + (mode === 'stacked' || k === 1 ? barH : barH * k) / 2 + 4}
                fontSize={SMALL_FONT_SIZE}
              >
                {props.annotations[i]}
              </text>
            ) : null}
          </g>
        );
      })}
      <AxisBottom
        ticks={ticks}
        at={plotBottom}
        from={left}
        to={right}
        label={props.valueLabel}
        gridTo={top}
      />
      {k > 1 ? (
        <LegendRow x={left} y={plotBottom + 56} items={legendItems} maxWidth={width - left - 20} />
      ) : null}
      <Note x={12} y={plotBottom + 50 + legendH * 17 + 10} lines={notes} />
    </Svg>
  );
}
