import type { ReactElement } from 'react';
import type { Lang } from '../../figures/theme.js';
import type { StudyResults } from '../../results/types.js';
import type { ReportFigures } from '../report-figures.js';
import { count } from '../format.js';
import { t } from '../i18n.js';
import { L } from './common.js';
import { DecisionSection } from './DecisionSection.js';
import { DiagnosisSection } from './DiagnosisSection.js';
import { MethodsSection } from './MethodsSection.js';
import { ParticipantsSection } from './ParticipantsSection.js';
import { PrognosisSection } from './PrognosisSection.js';
import { REPORT_CSS } from './styles.js';
import { TreatmentSection } from './TreatmentSection.js';

/** Props of {@link ReportDocument}. */
export interface ReportDocumentProps {
  readonly results: StudyResults;
  readonly figures: ReportFigures;
  readonly lang: Lang;
}

/**
 * The whole report as one HTML document: self-contained (inline CSS and SVG, no script, no external
 * resource), printable on A4, readable without a server.
 */
export function ReportDocument({ results: r, figures: f, lang }: ReportDocumentProps): ReactElement {
  const title = t('reportTitle', lang);
  return (
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="cmr-mass report" />
        <title>{title}</title>
        <style>{REPORT_CSS}</style>
      </head>
      <body>
        <header>
          <h1>{title}</h1>
          <p className="meta">
            {t('snapshot', lang)}: <code>{r.snapshot.key}</code>, {r.snapshot.taken_at} (
            {count(r.snapshot.registered)} {L(lang, 'registered at', '名登记于')} {count(r.snapshot.sites)}{' '}
            {L(lang, 'sites', '个中心')}); {t('generated', lang)}: {r.generated_at}.{' '}
            {L(
              lang,
              'Machine-readable results: results.json (schema: RESULTS.md).',
              '机器可读结果：results.json。'
            )}
          </p>
          {r.snapshot.synthetic ? (
            <p className="banner" role="note">
              {t('synthetic', lang)} ({r.snapshot.synthetic})
            </p>
          ) : null}
        </header>
        <nav>
          <h2>{t('contents', lang)}</h2>
          <ol>
            <li>
              <a href="#participants">{t('participants', lang)}</a>
            </li>
            <li>
              <a href="#diagnosis">{t('q1', lang)}</a>
            </li>
            <li>
              <a href="#treatment">{t('q2', lang)}</a>
            </li>
            <li>
              <a href="#prognosis">{t('q3', lang)}</a>
            </li>
            <li>
              <a href="#decision-support">{t('ds', lang)}</a>
            </li>
            <li>
              <a href="#methods">{t('methods', lang)}</a>
            </li>
            <li>
              <a href="#reproduce">{t('reproduce', lang)}</a>
            </li>
          </ol>
        </nav>
        <main>
          <ParticipantsSection p={r.participants} flow={f.flow} followUp={f.followUp} lang={lang} />
          <DiagnosisSection d={r.diagnosis} roc={f.roc} lang={lang} />
          <TreatmentSection tr={r.treatment} figure={f.treatment} lang={lang} />
          <PrognosisSection q3={r.prognosis} km={f.km} forest={f.forest} cuminc={f.cuminc} lang={lang} />
          <DecisionSection
            ds={r.decision_support}
            q1={r.diagnosis}
            label={r.dataset.decision_support}
            calibration={f.calibration}
            lang={lang}
          />
          <MethodsSection r={r} lang={lang} />
        </main>
      </body>
    </html>
  );
}
