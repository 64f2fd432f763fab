import type { ReactElement } from 'react';
import type { ResultsLike } from './results.js';

/** The report's figures for the dashboard (filled in as the analysis package's figures land). */
export function DashboardFigures(_p: { readonly results: ResultsLike }): ReactElement | null {
  return null;
}
