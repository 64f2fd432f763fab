import { describe, expect, it } from 'vitest';
import { checkXml } from '../testing/xml.js';
import { BarChart } from './BarChart.js';
import { CalibrationPlot } from './CalibrationPlot.js';
import { CumulativeIncidencePlot } from './CumulativeIncidencePlot.js';
import { FlowDiagram } from './FlowDiagram.js';
import { ForestPlot } from './ForestPlot.js';
import { KaplanMeierPlot } from './KaplanMeierPlot.js';
import { renderSvg, renderSvgFile } from './render.js';
import { RocPlot } from './RocPlot.js';

/** Renders, checks well-formedness and the SVG root, and returns the text nodes. */
function texts(svg: string): string[] {
  const x = checkXml(svg);
  expect(x.errors).toEqual([]);
  expect(x.root?.name).toBe('svg');
  expect(x.root?.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
  expect(x.elements).toContain('title');
  return [...x.texts];
}

const km = (
  <KaplanMeierPlot
    title="Death by cohort"
    curves={[
      {
        label: 'Benign',
        time: [100, 400],
        value: [0.9, 0.8],
        lower: [0.8, 0.6],
        upper: [1, 0.95],
        censored: [300],
      },
      { label: 'Malignant', time: [50, 200, 700], value: [0.7, 0.4, null] },
    ]}
    riskTable={{
      times: [0, 365, 730],
      rows: [
        { label: 'Benign', counts: [10, 7, 3] },
        { label: 'Malignant', counts: [12, 4, 0] },
      ],
    }}
    xMax={1096}
    xTicks={[0, 365, 730, 1096]}
    xTickLabels={['0', '12', '24', '36']}
    notes={['Log-rank p = 0.003 & more']}
    showCi
  />
);

describe('KaplanMeierPlot', () => {
  it('is a standalone SVG with axis titles, units, legend, notes and the numbers at risk', () => {
    const t = texts(renderSvg(km));
    expect(t).toEqual(
      expect.arrayContaining(['Death by cohort', 'Months since baseline CMR', 'Event-free survival (%)'])
    );
    expect(t).toEqual(expect.arrayContaining(['Number at risk', 'Benign', 'Malignant', '95% CI (shaded)']));
    expect(t).toContain('Log-rank p = 0.003 & more');
    // The risk table: each count under its time, in row order.
    const counts = t.filter((s) => /^\d+$/.test(s));
    expect(counts).toEqual(expect.arrayContaining(['10', '7', '3', '12', '4', '0']));
    expect(t.indexOf('10')).toBeLessThan(t.indexOf('7'));
  });

  it('speaks Chinese with lang="zh"', () => {
    const t = texts(renderSvg(<KaplanMeierPlot {...km.props} lang="zh" />));
    expect(t).toEqual(expect.arrayContaining(['风险人数', '基线CMR后月数']));
  });

  it('writes a file with an XML declaration', () => {
    expect(renderSvgFile(km)).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
  });

  it('draws cumulative incidence rising from zero', () => {
    const svg = renderSvg(
      <CumulativeIncidencePlot
        title="Recurrence"
        curves={[{ label: 'All', time: [0, 100, 100], value: [0, 0, 0.2] }]}
        xMax={1096}
        xTicks={[0, 1096]}
        xTickLabels={['0', '36']}
        yMax={0.3}
      />
    );
    expect(texts(svg)).toContain('Cumulative incidence (%)');
  });
});

describe('RocPlot', () => {
  it('labels both axes in % and lists each curve with its AUC', () => {
    const svg = renderSvg(
      <RocPlot
        title="ROC"
        curves={[
          {
            label: 'T1: AUC 0.81 (0.70–0.90)',
            points: [
              { sensitivity: 1, specificity: 0 },
              { sensitivity: 0.8, specificity: 0.7 },
              { sensitivity: 0, specificity: 1 },
            ],
            best: { sensitivity: 0.8, specificity: 0.7 },
          },
        ]}
        notes={['DeLong 95% CI']}
      />
    );
    const t = texts(svg);
    expect(t).toEqual(
      expect.arrayContaining([
        'Sensitivity (%)',
        '1 \u2212 specificity (%)',
        'T1: AUC 0.81 (0.70–0.90)',
        'No discrimination (AUC 0.5)',
      ])
    );
    expect(svg).toContain('<circle');
  });
});

describe('ForestPlot', () => {
  it('prints each estimate with its CI and p on a labelled log axis', () => {
    const svg = renderSvg(
      <ForestPlot
        title="Hazard ratios"
        rows={[
          { label: 'Infiltration', estimate: null, lower: null, upper: null, text: '', heading: true },
          {
            label: 'univariable',
            estimate: 2.3,
            lower: 1.5,
            upper: 3.5,
            text: '2.30 (1.50–3.50)',
            p: '<0.001',
            indent: 1,
          },
          {
            label: 'multivariable',
            estimate: null,
            lower: null,
            upper: null,
            text: 'not estimable',
            series: 1,
            indent: 1,
          },
        ]}
        series={['Univariable', 'Multivariable']}
      />
    );
    const t = texts(svg);
    expect(t).toEqual(
      expect.arrayContaining([
        'Hazard ratio (95% CI), log scale',
        '2.30 (1.50–3.50)',
        '<0.001',
        'not estimable',
        'HR (95% CI)',
      ])
    );
    // One square for the one estimable row, plus the two squares of the series legend.
    expect(svg.match(/<rect x="[\d.]+" y="[\d.]+" width="8" height="8"/g)?.length).toBe(3);
  });
});

describe('FlowDiagram, BarChart, CalibrationPlot', () => {
  it('renders boxes with their counts', () => {
    const t = texts(
      renderSvg(
        <FlowDiagram
          title="Flow"
          steps={[
            {
              box: { lines: ['Registered (n = 24)'] },
              side: { lines: ['Excluded (n = 2)', '– consent declined: 1'] },
            },
            { box: { lines: ['Enrolled (n = 22)'] } },
          ]}
          branches={[[{ lines: ['Diagnosis (n = 19)'] }], [{ lines: ['Follow-up (n = 20)'] }]]}
        />
      )
    );
    expect(t).toEqual(
      expect.arrayContaining([
        'Registered (n = 24)',
        'Excluded (n = 2)',
        'Enrolled (n = 22)',
        'Diagnosis (n = 19)',
        'Follow-up (n = 20)',
      ])
    );
  });

  it('renders bars with an axis title and annotations', () => {
    const t = texts(
      renderSvg(
        <BarChart
          title="Completeness"
          categories={['1 month', '3 months']}
          series={[{ label: 'Done', values: [0.9, 0.8], lower: [0.8, 0.7], upper: [0.95, 0.9] }]}
          percent
          max={1}
          valueLabel="Visits done (%)"
          annotations={['9/10', '8/10']}
        />
      )
    );
    expect(t).toEqual(expect.arrayContaining(['1 month', 'Visits done (%)', '9/10', '100']));
  });

  it('renders a calibration plot with the ideal line in the legend', () => {
    const t = texts(
      renderSvg(
        <CalibrationPlot
          title="Calibration"
          seriesLabel="Tenths of risk"
          points={[{ predicted: 0.1, observed: 0.12, lower: 0.05, upper: 0.2, n: 50 }]}
        />
      )
    );
    expect(t).toEqual(
      expect.arrayContaining([
        'Predicted risk (%)',
        'Observed proportion (%)',
        'Perfect calibration',
        'Tenths of risk',
      ])
    );
  });
});
