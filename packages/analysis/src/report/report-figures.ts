import { ENDPOINTS } from '../analyses/models.js';
import type { Lang } from '../figures/theme.js';
import type { StudyResults } from '../results/types.js';
import {
  calibrationFigure,
  cumincFigure,
  flowFigure,
  followUpFigure,
  kmFigure,
  rocFigure,
  treatmentFigure,
  type RenderedFigure,
  type ReportFigure,
} from './figures.js';
import { renderSvg } from '../figures/render.js';
import { forestFigure } from './forest.js';

/** Every figure of the report, rendered (null where its analysis has no result). */
export interface ReportFigures {
  readonly flow: RenderedFigure;
  readonly followUp: RenderedFigure;
  readonly roc: RenderedFigure | null;
  readonly treatment: RenderedFigure | null;
  readonly km: readonly (RenderedFigure | null)[];
  readonly forest: readonly (RenderedFigure | null)[];
  readonly cuminc: readonly (RenderedFigure | null)[];
  readonly calibration: RenderedFigure | null;
}

function render(f: ReportFigure): RenderedFigure;
function render(f: ReportFigure | null): RenderedFigure | null;
function render(f: ReportFigure | null): RenderedFigure | null {
  return f === null ? null : { id: f.id, caption: f.caption, svg: renderSvg(f.element) };
}

/** Builds the report's figures from its results, numbered in reading order. */
export function reportFigures(r: StudyResults, lang: Lang): ReportFigures {
  const acc = r.diagnosis.accuracy;
  const nAccuracy = [
    { label: lang === 'zh' ? 'k×k诊断类别' : 'k x k categories', n: r.diagnosis.categories.kappa.n },
    ...acc.slice(0, 3).map((a) => ({ label: a.title, n: a.n })),
  ];
  const label = (i: number): string => ENDPOINTS[i]!.label[lang];
  let next = 5;
  const km = r.prognosis.km.map((k, i) => render(kmFigure(k, label(i), next++, lang)));
  const forest = r.prognosis.cox.map((m, i) => render(forestFigure(m, label(i), next++, lang)));
  const cuminc = r.prognosis.cuminc.map((c, i) =>
    render(
      cumincFigure(
        c,
        r.prognosis.km.find((k) => k.endpoint === (i === 0 ? 'recurrence' : 'te')),
        label(i + 1),
        next++,
        lang
      )
    )
  );
  return {
    flow: render(flowFigure(r.participants.flow, nAccuracy, lang)),
    followUp: render(followUpFigure(r.participants.follow_up, 2, lang)),
    roc: render(rocFigure(r.diagnosis.roc, 3, lang)),
    treatment: render(treatmentFigure(r.treatment.tables[0]!, 4, lang)),
    km,
    forest,
    cuminc,
    calibration: render(calibrationFigure(r.decision_support.cross_validation, next, lang)),
  };
}

/** The figures as a flat list (for `figures/*.svg`). */
export function figureList(f: ReportFigures): RenderedFigure[] {
  return [f.flow, f.followUp, f.roc, f.treatment, ...f.km, ...f.forest, ...f.cuminc, f.calibration].filter(
    (x): x is RenderedFigure => x !== null
  );
}
