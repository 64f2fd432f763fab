import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { ReactElement } from 'react';
import { AxisBottom, AxisLeft, FigureTitle, Legend, Note, Svg } from './Frame.js';
import { figureLabel } from './labels.js';
import { colour, dash, MUTED_COLOUR, type Lang } from './theme.js';

/** One ROC curve. */
export interface RocCurve {
  /** Legend text, normally with the AUC and its CI, e.g. "Native T1: AUC 0.81 (0.77-0.85)". */
  readonly label: string;
  /** Points of the curve (sensitivity and specificity as proportions), in threshold order. */
  readonly points: readonly { readonly sensitivity: number; readonly specificity: number }[];
  /** The Youden-optimal point, marked on the curve. */
  readonly best?: { readonly sensitivity: number; readonly specificity: number } | null;
}

/** Props of {@link RocPlot}. */
export interface RocPlotProps {
  readonly title: string;
  readonly curves: readonly RocCurve[];
  /** Lines under the plot: the method, the comparisons. */
  readonly notes?: readonly string[];
  readonly lang?: Lang;
  /** Side of the square plot area in pixels. */
  readonly size?: number;
}

/**
 * ROC curves in the unit square: sensitivity against 1 − specificity (both in %), the chance
 * diagonal, each curve's Youden point, and a legend carrying the AUCs with their CIs.
 */
export function RocPlot(props: RocPlotProps): ReactElement {
  const lang = props.lang ?? 'en';
  const size = props.size ?? 340;
  const left = 78;
  const top = 40;
  const legendW = 330;
  const width = left + size + 24 + legendW;
  const notes = props.notes ?? [];
  const height = top + size + 56 + notes.length * 14 + 8;
  const x = scaleLinear()
    .domain([0, 1])
    .range([left, left + size]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([top + size, top]);
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const path = line<{ readonly sensitivity: number; readonly specificity: number }>()
    .x((p) => x(1 - p.specificity))
    .y((p) => y(p.sensitivity));
  return (
    <Svg width={width} height={height} title={props.title} description={notes.join(' ')}>
      <FigureTitle x={12} y={22} text={props.title} />
      <AxisLeft
        ticks={ticks.map((t) => ({ pos: y(t), label: `${Math.round(t * 100)}` }))}
        at={left}
        from={top}
        to={top + size}
        label={figureLabel('sensitivity', lang)}
        gridTo={left + size}
      />
      <AxisBottom
        ticks={ticks.map((t) => ({ pos: x(t), label: `${Math.round(t * 100)}` }))}
        at={top + size}
        from={left}
        to={left + size}
        label={figureLabel('oneMinusSpecificity', lang)}
      />
      <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} stroke={MUTED_COLOUR} strokeDasharray="3 3" />
      {props.curves.map((c, i) => (
        <g key={c.label}>
          <path
            d={
              path(
                [...c.points].sort(
                  (a, b) => 1 - a.specificity - (1 - b.specificity) || a.sensitivity - b.sensitivity
                )
              ) ?? ''
            }
            fill="none"
            stroke={colour(i)}
            strokeWidth={2}
            strokeDasharray={dash(i) || undefined}
          />
          {c.best ? (
            <circle
              cx={x(1 - c.best.specificity)}
              cy={y(c.best.sensitivity)}
              r={4}
              fill="#ffffff"
              stroke={colour(i)}
              strokeWidth={2}
            />
          ) : null}
        </g>
      ))}
      <Legend
        x={left + size + 24}
        y={top + 12}
        items={[
          ...props.curves.map((c, i) => ({ label: c.label, colour: colour(i), dash: dash(i) })),
          { label: figureLabel('chance', lang), colour: MUTED_COLOUR, dash: '3 3' },
        ]}
      />
      <Note x={left} y={top + size + 56} lines={notes} />
    </Svg>
  );
}
