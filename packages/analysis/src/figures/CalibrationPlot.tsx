import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { ReactElement } from 'react';
import { AxisBottom, AxisLeft, FigureTitle, Legend, Note, Svg } from './Frame.js';
import { figureLabel } from './labels.js';
import { AXIS_COLOUR, colour, MUTED_COLOUR, type Lang } from './theme.js';

/** One group of a calibration table: mean predicted risk, observed proportion and its 95% CI. */
export interface CalibrationPoint {
  readonly predicted: number;
  readonly observed: number;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly n: number;
}

/** Props of {@link CalibrationPlot}. */
export interface CalibrationPlotProps {
  readonly title: string;
  readonly points: readonly CalibrationPoint[];
  /** Legend text of the points, e.g. "Tenths of out-of-fold predicted risk". */
  readonly seriesLabel: string;
  readonly notes?: readonly string[];
  readonly lang?: Lang;
  readonly size?: number;
}

/**
 * Calibration plot: observed proportion against mean predicted risk per group (e.g. tenths of risk),
 * with 95% CIs of the observed proportions and the line of perfect calibration.
 */
export function CalibrationPlot(props: CalibrationPlotProps): ReactElement {
  const lang = props.lang ?? 'en';
  const size = props.size ?? 340;
  const left = 78;
  const top = 40;
  const width = left + size + 24 + 300;
  const notes = props.notes ?? [];
  const height = top + size + 56 + notes.length * 14 + 8;
  const x = scaleLinear()
    .domain([0, 1])
    .range([left, left + size]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([top + size, top]);
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const join = line<CalibrationPoint>()
    .x((p) => x(p.predicted))
    .y((p) => y(p.observed));
  return (
    <Svg width={width} height={height} title={props.title} description={notes.join(' ')}>
      <FigureTitle x={12} y={22} text={props.title} />
      <AxisLeft
        ticks={ticks.map((t) => ({ pos: y(t), label: `${Math.round(t * 100)}` }))}
        at={left}
        from={top}
        to={top + size}
        label={figureLabel('observedProportion', lang)}
        gridTo={left + size}
      />
      <AxisBottom
        ticks={ticks.map((t) => ({ pos: x(t), label: `${Math.round(t * 100)}` }))}
        at={top + size}
        from={left}
        to={left + size}
        label={figureLabel('predictedRisk', lang)}
      />
      <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} stroke={MUTED_COLOUR} strokeDasharray="3 3" />
      <path d={join([...props.points]) ?? ''} fill="none" stroke={colour(0)} strokeWidth={1.2} />
      {props.points.map((p, i) => (
        <g key={i}>
          {p.lower !== null && p.upper !== null ? (
            <line
              x1={x(p.predicted)}
              x2={x(p.predicted)}
              y1={y(p.lower)}
              y2={y(p.upper)}
              stroke={AXIS_COLOUR}
            />
          ) : null}
          <circle cx={x(p.predicted)} cy={y(p.observed)} r={4} fill={colour(0)} />
        </g>
      ))}
      <Legend
        x={left + size + 24}
        y={top + 12}
        items={[
          { label: props.seriesLabel, colour: colour(0) },
          { label: `${figureLabel('ci95', lang)} (vertical lines)`, colour: AXIS_COLOUR },
          { label: figureLabel('perfectCalibration', lang), colour: MUTED_COLOUR, dash: '3 3' },
        ]}
      />
      <Note x={left} y={top + size + 56} lines={notes} />
    </Svg>
  );
}
