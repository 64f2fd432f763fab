import { lazy } from 'react';

/**
 * The pages that are not the first screen of any role, each in its own chunk: the list and worklist
 * load without the forms (react-hook-form, the generated inputs), the viewer or the figures. Each
 * chunk is fetched when its page is first opened, or earlier by {@link preloadPages}.
 */
const loaders = {
  casebook: () => import('../participants/CasebookPage.js').then((m) => ({ default: m.CasebookPage })),
  newRecord: () => import('../participants/NewRecordPage.js').then((m) => ({ default: m.NewRecordPage })),
  record: () => import('../participants/RecordPage.js').then((m) => ({ default: m.RecordPage })),
  examRead: () => import('../reader/ExamReadPage.js').then((m) => ({ default: m.ExamReadPage })),
  imaging: () => import('../imaging/ImagingPage.js').then((m) => ({ default: m.ImagingPage })),
  phantom: () => import('../imaging/PhantomViewerPage.js').then((m) => ({ default: m.PhantomViewerPage })),
  analysis: () => import('../analysis/AnalysisPage.js').then((m) => ({ default: m.AnalysisPage })),
  audit: () => import('../audit/AuditPage.js').then((m) => ({ default: m.AuditPage })),
  admin: () => import('../admin/AdminPage.js').then((m) => ({ default: m.AdminPage })),
  quickCall: () => import('../worklist/QuickCallDialog.js').then((m) => ({ default: m.QuickCallDialog })),
} as const;

export const CasebookPage = lazy(loaders.casebook);
export const NewRecordPage = lazy(loaders.newRecord);
export const RecordPage = lazy(loaders.record);
export const ExamReadPage = lazy(loaders.examRead);
export const ImagingPage = lazy(loaders.imaging);
export const PhantomViewerPage = lazy(loaders.phantom);
export const AnalysisPage = lazy(loaders.analysis);
export const AuditPage = lazy(loaders.audit);
export const AdminPage = lazy(loaders.admin);
export const QuickCallDialog = lazy(loaders.quickCall);

/** The chunks worth having before they are asked for (forms and casebook; the rest load on demand). */
const PRELOAD: readonly (keyof typeof loaders)[] = ['casebook', 'newRecord', 'record', 'quickCall'];

/**
 * Fetches the common pages' chunks once the first screen is shown and the browser is idle, so that
 * opening a casebook or a form later does not wait for the network.
 */
export function preloadPages(delayMs = 1500): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    const run = (): void => {
      for (const k of PRELOAD) void loaders[k]().catch(() => undefined);
    };
    if ('requestIdleCallback' in window) idle = window.requestIdleCallback(run, { timeout: 5000 });
    else run();
  }, delayMs);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined && 'cancelIdleCallback' in window) window.cancelIdleCallback(idle);
  };
}
