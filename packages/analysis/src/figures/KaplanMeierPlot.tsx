import { scaleLinear } from 'd3-scale';
import { area, curveStepAfter, line } from 'd3-shape';
import type { ReactElement } from 'react';
import { AxisBottom, AxisLeft, FigureTitle, LegendRow, legendRows, Note, Svg } from './Frame.js';
import { figureLabel } from './labels.js';
import { AXIS_COLOUR, colour, dash, SMALL_FONT_SIZE, textWidth, type Lang } from './theme.js';

/** A step function over time: a Kaplan-Meier survival curve or a cumulative-incidence curve. */
export interface StepCurve {
  readonly label: string;
  /** Times of the steps (days), ascending. */
  readonly time: readonly number[];
  /** The value after each step (a probability, 0-1); null where not estimable. */
  readonly value: readonly (number | null)[];
  /** Pointwise 95% confidence limits (optional). */
  readonly lower?: readonly (number | null)[];
  readonly upper?: readonly (number | null)[];
  /** Times at which participants were censored (drawn as small ticks). */
  readonly censored?: readonly number[];
}

/** A table of numbers at risk under the plot. */
export interface RiskTable {
  /** The times of the columns (days), normally the x ticks. */
  readonly times: readonly number[];
  /** One row per curve, in the curves' order. */
  readonly rows: readonly { readonly label: string; readonly counts: readonly number[] }[];
}

/** Props of {@link KaplanMeierPlot} (and {@link CumulativeIncidencePlot}). */
export interface KaplanMeierPlotProps {
  readonly title: string;
  readonly curves: readonly StepCurve[];
  /** Numbers at risk; omitted only where none can be given. */
  readonly riskTable?: RiskTable;
  /** Right end of the time axis (days). */
  readonly xMax: number;
  /** Tick positions (days) and their labels (e.g. months). */
  readonly xTicks: readonly number[];
  readonly xTickLabels: readonly string[];
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Lines under the plot: the test and the method. */
  readonly notes?: readonly string[];
  readonly showCi?: boolean;
  /** Curves start at 1 and fall (survival), or start at 0 and rise (cumulative incidence). */
  readonly kind?: 'survival' | 'incidence';
  /** Upper end of the y axis for cumulative incidence (0-1); survival always shows 0-100 %. */
  readonly yMax?: number;
  readonly lang?: Lang;
  readonly width?: number;
}

const PLOT_HEIGHT = 290;

/** The points of a step curve starting at time 0 (value 1 for survival, 0 for incidence). */
function stepPoints(
  c: StepCurve,
  start: number,
  values: readonly (number | null)[]
): [number, number | null][] {
  const pts: [number, number | null][] = [[0, start]];
  c.time.forEach((t, i) => pts.push([t, values[i] ?? null]));
  return pts;
}

/**
 * A Kaplan-Meier plot with its risk table: step curves with optional 95% confidence bands, censoring
 * ticks, a legend, notes for the test, and the numbers at risk under the time axis aligned with its
 * ticks (as journals require). Also draws cumulative-incidence curves (`kind: 'incidence'`).
 */
export function KaplanMeierPlot(props: KaplanMeierPlotProps): ReactElement {
  const lang = props.lang ?? 'en';
  const kind = props.kind ?? 'survival';
  const width = props.width ?? 720;
  const labelW = Math.max(
    ...props.curves.map((c) => textWidth(c.label, SMALL_FONT_SIZE)),
    textWidth(figureLabel('numberAtRisk', lang), SMALL_FONT_SIZE) - 20,
    40
  );
  const left = Math.max(78, labelW + 40);
  const right = 28;
  const legendItems = [
    ...props.curves.map((c, i) => ({ label: c.label, colour: colour(i), dash: dash(i) })),
    ...(props.showCi
      ? [{ label: `${figureLabel('ci95', lang)} (shaded)`, colour: '#bbbbbb', swatch: true }]
      : []),
  ];
  const top = 50 + legendRows(legendItems, width - left - right) * 17;
  const notes = props.notes ?? [];
  const plotBottom = top + PLOT_HEIGHT;
  const notesTop = plotBottom + 58;
  const tableTop = notesTop + notes.length * 14 + 14;
  const rows = props.riskTable?.rows ?? [];
  const height = tableTop + (rows.length > 0 ? 22 + rows.length * 18 : 0) + 8;
  const yMax = kind === 'survival' ? 1 : Math.min(1, Math.max(0.05, props.yMax ?? 1));
  const x = scaleLinear()
    .domain([0, props.xMax])
    .range([left, width - right]);
  const y = scaleLinear().domain([0, yMax]).range([plotBottom, top]);
  const yTicks = y.ticks(5).map((v) => ({ pos: y(v), label: `${Math.round(v * 100)}` }));
  const xTicks = props.xTicks.map((t, i) => ({ pos: x(t), label: props.xTickLabels[i] ?? String(t) }));
  const clipX = (t: number): number => x(Math.min(t, props.xMax));
  const start = kind === 'survival' ? 1 : 0;
  const path = line<[number, number | null]>()
    .defined((p) => p[1] !== null)
    .x((p) => clipX(p[0]))
    .y((p) => y(Math.min(yMax, p[1] ?? 0)))
    .curve(curveStepAfter);
  const band = area<[number, number | null, number | null]>()
    .defined((p) => p[1] !== null && p[2] !== null)
    .x((p) => clipX(p[0]))
    .y0((p) => y(Math.min(yMax, p[1] ?? 0)))
    .y1((p) => y(Math.min(yMax, p[2] ?? 0)))
    .curve(curveStepAfter);
  const clipId = `km-clip-${Math.round(width)}-${props.curves.length}`;
  return (
    <Svg width={width} height={height} title={props.title} description={notes.join(' ')}>
      <FigureTitle x={12} y={22} text={props.title} />
      <defs>
        <clipPath id={clipId}>
          <rect x={left} y={top - 2} width={width - right - left + 2} height={PLOT_HEIGHT + 4} />
        </clipPath>
      </defs>
      <AxisLeft
        ticks={yTicks}
        at={left}
        from={top}
        to={plotBottom}
        label={
          props.yLabel ??
          figureLabel(kind === 'survival' ? 'survivalPercent' : 'cumulativeIncidencePercent', lang)
        }
        gridTo={width - right}
      />
      <AxisBottom
        ticks={xTicks}
        at={plotBottom}
        from={left}
        to={width - right}
        label={props.xLabel ?? figureLabel('monthsSinceCmr', lang)}
      />
      <g clipPath={`url(#${clipId})`}>
        {props.showCi
          ? props.curves.map((c, i) => {
              if (!c.lower || !c.upper) return null;
              const pts: [number, number | null, number | null][] = [[0, start, start]];
              c.time.forEach((t, k) => pts.push([t, c.lower![k] ?? null, c.upper![k] ?? null]));
              return (
                <path
                  key={`ci${c.label}`}
                  d={band(pts) ?? ''}
                  fill={colour(i)}
                  fillOpacity={0.12}
                  stroke="none"
                />
              );
            })
          : null}
        {props.curves.map((c, i) => (
          <path
            key={c.label}
            d={path(stepPoints(c, start, c.value)) ?? ''}
            fill="none"
            stroke={colour(i)}
            strokeWidth={2}
            strokeDasharray={dash(i) || undefined}
          />
        ))}
        {props.curves.map((c, i) =>
          (c.censored ?? []).map((t) => {
            const k = c.time.findIndex((u) => u >= t);
            const v =
              k >= 0
                ? c.time[k] === t
                  ? c.value[k]
                  : k > 0
                    ? c.value[k - 1]
                    : start
                : c.value[c.value.length - 1];
            if (v === null || v === undefined) return null;
            return (
              <line
                key={`c${c.label}${t}`}
                x1={clipX(t)}
                x2={clipX(t)}
                y1={y(v) - 4}
                y2={y(v) + 4}
                stroke={colour(i)}
                strokeWidth={1.2}
              />
            );
          })
        )}
      </g>
      <LegendRow x={left} y={44} items={legendItems} maxWidth={width - left - right} />
      <Note x={left} y={notesTop} lines={notes} />
      {rows.length > 0 ? (
        <g>
          <text x={12} y={tableTop + 4} fontWeight="bold" fontSize={SMALL_FONT_SIZE}>
            {figureLabel('numberAtRisk', lang)}
          </text>
          <line
            x1={left}
            x2={width - right}
            y1={tableTop + 9}
            y2={tableTop + 9}
            stroke={AXIS_COLOUR}
            strokeWidth={0.5}
          />
          {rows.map((r, i) => (
            <g key={r.label}>
              <text
                x={left - 26}
                y={tableTop + 24 + i * 18}
                textAnchor="end"
                fontSize={SMALL_FONT_SIZE}
                fill={colour(i)}
              >
                {r.label}
              </text>
              {props.riskTable!.times.map((t, j) => (
                <text
                  key={t}
                  x={x(Math.min(t, props.xMax))}
                  y={tableTop + 24 + i * 18}
                  textAnchor="middle"
                  fontSize={SMALL_FONT_SIZE}
                >
                  {r.counts[j] ?? ''}
                </text>
              ))}
            </g>
          ))}
        </g>
      ) : null}
    </Svg>
  );
}
