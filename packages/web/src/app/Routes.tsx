import type { FormName } from '@cmr-mass/core';
import { forms } from '@cmr-mass/core';
import { Loader } from '@mantine/core';
import { Suspense, useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ParticipantsPage } from '../participants/ParticipantsPage.js';
import { ReadingQueuePage } from '../reader/ReadingQueuePage.js';
import { navigate, useRoute } from '../router/router.js';
import { WorklistPage } from '../worklist/WorklistPage.js';
import { useApp } from './context.js';
import { hasPage, homeOf } from './nav.js';
import {
  AdminPage,
  AnalysisPage,
  AuditPage,
  CasebookPage,
  ExamReadPage,
  ImagingPage,
  NewRecordPage,
  PhantomViewerPage,
  preloadPages,
  RecordPage,
} from './pages.js';
import { NotAllowed } from './QueryState.js';

/** Forms a blinded reader creates (from the exam page). */
const READER_FORMS: readonly FormName[] = ['lesion_finding', 'reading'];

const isForm = (s: string | undefined): s is FormName => s !== undefined && s in forms;

/**
 * The pages by hash path:
 * `/worklist`, `/participants`, `/participants/:id`, `/participants/:id/new/:form`,
 * `/records/:form/:id`, `/reading`, `/exams/:id`, `/exams/:id/imaging`, `/viewer`, `/analysis`,
 * `/audit`, `/admin` (users and sites). Pages other than the lists load their code on first use.
 */
export function Routes(): ReactElement {
  const { t } = useTranslation();
  useEffect(() => preloadPages(), []);
  return (
    <Suspense fallback={<Loader size="xs" aria-label={t('common.loading')} />}>
      <Page />
    </Suspense>
  );
}

/** The page of the current route. */
function Page(): ReactElement {
  const { user } = useApp();
  const route = useRoute();
  const [a, b, c, d] = route.segments;
  const home = homeOf(user.role);
  useEffect(() => {
    if (!a) navigate(home, true);
  }, [a, home]);
  const role = user.role;
  switch (a) {
    case 'worklist':
      return hasPage(role, 'worklist') ? <WorklistPage /> : <NotAllowed />;
    case 'participants':
      if (b && c === 'new' && isForm(d) && (role !== 'reader' || READER_FORMS.includes(d))) {
        return <NewRecordPage participantId={b} form={d} query={route.query} />;
      }
      if (role === 'reader') return <NotAllowed />;
      if (b) return <CasebookPage participantId={b} />;
      return <ParticipantsPage />;
    case 'records':
      if (isForm(b) && c) return <RecordPage form={b} id={c} />;
      return <NotAllowed />;
    case 'reading':
      return hasPage(role, 'readingQueue') ? <ReadingQueuePage /> : <NotAllowed />;
    case 'exams':
      if (b && c === 'imaging') return <ImagingPage examId={b} />;
      if (b) return <ExamReadPage examId={b} />;
      return <NotAllowed />;
    case 'viewer':
      return <PhantomViewerPage />;
    case 'analysis':
      return hasPage(role, 'analysis') ? <AnalysisPage /> : <NotAllowed />;
    case 'audit':
      return hasPage(role, 'audit') ? <AuditPage /> : <NotAllowed />;
    case 'admin':
      return hasPage(role, 'admin') ? <AdminPage tab={b === 'sites' ? 'sites' : 'users'} /> : <NotAllowed />;
    default:
      return <></>;
  }
}
