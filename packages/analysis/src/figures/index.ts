/**
 * The report's figures as React SVG components: pure props in, standalone SVG out (with `xmlns`),
 * drawn with d3-scale and d3-shape. They render in the browser and on the server with
 * `renderToStaticMarkup`, without a DOM. Imports nothing of the study: the web app reuses them as
 * `@cmr-mass/analysis/figures`.
 */
export { KaplanMeierPlot } from './KaplanMeierPlot.js';
export type { KaplanMeierPlotProps, RiskTable, StepCurve } from './KaplanMeierPlot.js';
export { CumulativeIncidencePlot } from './CumulativeIncidencePlot.js';
export type { CumulativeIncidencePlotProps } from './CumulativeIncidencePlot.js';
export { RocPlot } from './RocPlot.js';
export type { RocCurve, RocPlotProps } from './RocPlot.js';
export { ForestPlot } from './ForestPlot.js';
export type { ForestPlotProps, ForestRow } from './ForestPlot.js';
export { FlowDiagram } from './FlowDiagram.js';
export type { FlowBox, FlowDiagramProps, FlowStep } from './FlowDiagram.js';
export { BarChart } from './BarChart.js';
export type { BarChartProps, BarSeries } from './BarChart.js';
export { CalibrationPlot } from './CalibrationPlot.js';
export type { CalibrationPlotProps, CalibrationPoint } from './CalibrationPlot.js';
export { renderSvg, renderSvgFile } from './render.js';
export { FIGURE_LABELS, figureLabel } from './labels.js';
export type { Lang } from './theme.js';
