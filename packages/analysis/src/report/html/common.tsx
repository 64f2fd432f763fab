import type { ReactElement, ReactNode } from 'react';
import type { Lang } from '../../figures/theme.js';
import type { AnalysisRecord } from '../../stats-bridge/record.js';
import type { RenderedFigure } from '../figures.js';
import { count } from '../format.js';

/** Props shared by the report's sections. */
export interface SectionProps {
  readonly lang: Lang;
}

/** Picks the English or Chinese text. */
export const L = (lang: Lang, en: string, zh: string): string => (lang === 'zh' ? zh : en);

/** A display table with a caption, a header row and an optional note under it. */
export function DataTable(props: {
  readonly caption: string;
  readonly header: readonly ReactNode[];
  readonly rows: readonly (readonly ReactNode[])[];
  readonly note?: ReactNode;
  readonly id?: string;
  /** Header rows above `header` (e.g. spanning groups). */
  readonly numericFrom?: number;
}): ReactElement {
  const from = props.numericFrom ?? 1;
  return (
    <div className="table-wrap" id={props.id}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.header.map((h, i) => (
              <th key={i} className={i >= from ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} className={j >= from ? 'num' : undefined}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {props.note ? <p className="table-note">{props.note}</p> : null}
    </div>
  );
}

/** A figure with its SVG inline (rendered once, see `reportFigures`) and its caption. */
export function Figure({
  figure,
  caption,
}: {
  readonly figure: RenderedFigure | null;
  readonly caption?: ReactNode;
}): ReactElement | null {
  if (!figure) return null;
  return (
    <figure id={figure.id}>
      <div className="svg" dangerouslySetInnerHTML={{ __html: figure.svg }} />
      {caption ? <figcaption>{caption}</figcaption> : null}
    </figure>
  );
}

/** Why an analysis has no result, in a sentence; null when it has one. */
export function statusText(
  rec: Pick<AnalysisRecord<unknown>, 'status' | 'message'>,
  lang: Lang
): string | null {
  switch (rec.status) {
    case 'ok':
      return null;
    case 'pending_stats':
      return L(
        lang,
        `Not computed: the statistics engine does not offer this analysis yet (${rec.message ?? ''}).`,
        `未计算：统计引擎尚未提供该分析（${rec.message ?? ''}）。`
      );
    case 'not_available':
      return L(lang, `Not available: ${rec.message ?? ''}.`, `不可用：${rec.message ?? ''}。`);
    case 'not_computed':
      return L(lang, `Not computed: ${rec.message ?? ''}.`, `未计算：${rec.message ?? ''}。`);
  }
}

/** A short muted note on an analysis that did not run. */
export function StatusNote({
  rec,
  lang,
}: {
  readonly rec: Pick<AnalysisRecord<unknown>, 'status' | 'message'>;
  readonly lang: Lang;
}): ReactElement | null {
  const text = statusText(rec, lang);
  return text ? <p className="status">{text}</p> : null;
}

/** "n = 1,234 (12 missing)" for a record. */
export function nLine(
  rec: Pick<AnalysisRecord<unknown>, 'n' | 'n_missing' | 'events'>,
  lang: Lang,
  eventsWord?: string
): string {
  const parts = [`n = ${count(rec.n)}`];
  if (rec.events !== null && eventsWord) parts.push(`${eventsWord} = ${count(rec.events)}`);
  if (rec.n_missing > 0) {
    parts.push(
      L(
        lang,
        `${count(rec.n_missing)} left out for missing values`,
        `${count(rec.n_missing)}例因缺失值未纳入`
      )
    );
  }
  return parts.join('; ');
}
