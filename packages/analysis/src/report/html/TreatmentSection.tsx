import type { ReactElement } from 'react';
import type { CrossTable, TreatmentResults } from '../../analyses/treatment.js';
import type { RenderedFigure } from '../figures.js';
import { count, fmt, frac, nPct, pct, pText } from '../format.js';
import { codeLabel, recordTitle } from '../i18n.js';
import { DataTable, Figure, L, statusText, type SectionProps } from './common.js';

/** The table's test of independence in words: "Chi-squared test: χ² = 12.3, df 4, p = 0.015." */
function testNote(table: CrossTable, lang: SectionProps['lang']): string {
  const r = table.test.result;
  if (table.test.status !== 'ok' || !r) return statusText(table.test, lang) ?? '';
  const small =
    table.test.warnings.length > 0
      ? L(lang, ' (some expected counts are below 5)', '（部分期望频数<5）')
      : '';
  return r.test === 'fisher'
    ? `${L(lang, "Fisher's exact test", 'Fisher精确检验')}: ${pText(r.p)}.`
    : `${L(lang, "Pearson's chi-squared test", 'Pearson卡方检验')}: χ² = ${fmt(r.statistic ?? NaN, 1)}, df ${r.df ?? ''}, ${pText(r.p)}${small}.`;
}

function CrossTableView({
  table,
  number,
  lang,
}: SectionProps & { readonly table: CrossTable; readonly number: string }): ReactElement | null {
  const rows = table.row_levels
    .map((l, i) => ({ l, counts: table.counts[i]! }))
    .filter((r) => r.counts.some((c) => c > 0));
  const cols = table.column_levels
    .map((c, j) => ({ c, j }))
    .filter(({ j }) => rows.some((r) => r.counts[j]! > 0));
  if (rows.length === 0) return null;
  return (
    <DataTable
      caption={`${number} ${recordTitle(table, lang)} (n = ${count(table.n)})`}
      header={['', ...cols.map(({ c }) => codeLabel('treatment', c, lang)), L(lang, 'Total', '合计')]}
      rows={rows.map((r) => {
        const total = r.counts.reduce((a, b) => a + b, 0);
        return [
          codeLabel(table.row_variable, r.l, lang),
          ...cols.map(({ j }) => nPct(r.counts[j]!, total, 0)),
          count(total),
        ];
      })}
      note={`${L(lang, 'n (% of the row).', 'n（行%）。')} ${testNote(table, lang)}`}
    />
  );
}

/** Question 2: treatment by final diagnosis and CMR features; suggested management vs what was done. */
export function TreatmentSection({
  tr,
  figure,
  lang,
}: SectionProps & { readonly tr: TreatmentResults; readonly figure: RenderedFigure | null }): ReactElement {
  const m = tr.management;
  return (
    <section id="treatment">
      <h2>{L(lang, 'Question 2: treatment', '问题2：治疗')}</h2>
      <p>
        {L(
          lang,
          'Main treatment: the most definitive treatment received (surgery before interventional, chemotherapy, radiotherapy, anticoagulation, anti-inflammatory, other medical, conservative).',
          '主要治疗：所接受的最确定性治疗。'
        )}
      </p>
      <Figure figure={figure} />
      {tr.tables.map((tb, i) => (
        <CrossTableView
          key={tb.id}
          table={tb}
          number={L(lang, `Table 8.${i + 1}.`, `表8.${i + 1}`)}
          lang={lang}
        />
      ))}
      <h3>
        {L(
          lang,
          'CMR-based suggested management against the treatment received',
          '基于CMR的建议处理与实际治疗的一致性'
        )}
      </h3>
      {m.status === 'ok' ? (
        <>
          <p>
            {L(
              lang,
              'The suggested main treatment matched the treatment received in',
              '建议的主要治疗与实际治疗一致的比例为'
            )}{' '}
            <strong>{pct(m.matched)}</strong> ({frac(m.matched)})
            {L(lang, ' of participants with both (exact 95% CI).', '（精确95% CI）。')}
          </p>
          {m.table ? (
            <CrossTableView table={m.table} number={L(lang, 'Table 8.9.', '表8.9')} lang={lang} />
          ) : null}
        </>
      ) : (
        <p className="status">{m.message}</p>
      )}
    </section>
  );
}
