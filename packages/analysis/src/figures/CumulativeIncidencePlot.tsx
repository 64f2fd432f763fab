import type { ReactElement } from 'react';
import { KaplanMeierPlot, type KaplanMeierPlotProps } from './KaplanMeierPlot.js';

/** Props of {@link CumulativeIncidencePlot}: those of the Kaplan-Meier plot without `kind`. */
export type CumulativeIncidencePlotProps = Omit<KaplanMeierPlotProps, 'kind'>;

/**
 * Cumulative-incidence curves of an event with competing risks (Aalen-Johansen / cmprsk `cuminc`),
 * drawn like a Kaplan-Meier plot but rising from 0, with the numbers at risk under the time axis.
 */
export function CumulativeIncidencePlot(props: CumulativeIncidencePlotProps): ReactElement {
  return <KaplanMeierPlot {...props} kind="incidence" />;
}
