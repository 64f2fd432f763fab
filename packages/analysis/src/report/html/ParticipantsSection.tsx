import type { ReactElement } from 'react';
import type { ParticipantsResults } from '../../results/types.js';
import type { Table1Row } from '../../analyses/participants/table1.js';
import { count, fmt, nPct, pct, pValue } from '../format.js';
import { codeLabel, cohortLabel, t, VISIT_STATUS_LABELS } from '../i18n.js';
import type { RenderedFigure } from '../figures.js';
import { DataTable, Figure, L, type SectionProps } from './common.js';

const UNIT_LABELS: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  years: { en: 'years', zh: '岁' },
  points: { en: 'points', zh: '分' },
};

/** The p-value of a row's test across cohorts, with a mark for the test (a: chi², b: Fisher, c: Kruskal-Wallis). */
function testCell(row: Table1Row): string {
  const r = row.test.result;
  if (row.test.status !== 'ok' || !r) return '\u2014';
  return `${pValue(r.p)}${{ chisq: '\u1d43', fisher: '\u1d47', kruskal: '\u1d9c' }[r.test]}`;
}

function table1Cells(row: Table1Row, lang: SectionProps['lang']): { label: string; cells: string[] }[] {
  const cells = table1CellsOf(row, lang);
  return cells.map((c, i) => ({ ...c, cells: [...c.cells, i === 0 ? testCell(row) : ''] }));
}

function table1CellsOf(row: Table1Row, lang: SectionProps['lang']): { label: string; cells: string[] }[] {
  switch (row.kind) {
    case 'binary':
      return [
        {
          label: row.label[lang],
          cells: row.cells.map((c) => `${nPct(c.n, c.of)}${c.missing > 0 ? ` [${count(c.missing)}]` : ''}`),
        },
      ];
    case 'categorical':
      return [
        {
          label: row.label[lang],
          cells: row.cells.map((c) => (c.missing > 0 ? `[${count(c.missing)}]` : '')),
        },
        ...row.levels.map((l, k) => ({
          label: `\u2003${codeLabel(row.variable, l, lang)}`,
          cells: row.cells.map((c) => nPct(c.counts[k]!, c.of)),
        })),
      ];
    case 'continuous':
      return [
        {
          label: `${row.label[lang]}, ${UNIT_LABELS[row.unit]?.[lang] ?? row.unit}`,
          cells: row.cells.map((c) => {
            const miss = c.missing > 0 ? ` [${count(c.missing)}]` : '';
            if (c.n === 0) return `\u2014${miss}`;
            if (c.median === null) return `n = ${count(c.n)}${miss}`;
            const d = row.variable === 'ecv' || row.variable === 'mass_score' ? 1 : 0;
            const s = row.scale;
            return `${fmt(c.median * s, d)} [${fmt((c.q1 ?? 0) * s, d)}\u2013${fmt((c.q3 ?? 0) * s, d)}]${miss}`;
          }),
        },
      ];
  }
}

/** Participants and data: the flow diagram, Table 1 and follow-up completeness. */
export function ParticipantsSection({
  p,
  flow,
  followUp,
  lang,
}: SectionProps & {
  readonly p: ParticipantsResults;
  readonly flow: RenderedFigure;
  readonly followUp: RenderedFigure;
}): ReactElement {
  const cols = p.table1.columns;
  return (
    <section id="participants">
      <h2>{t('participants', lang)}</h2>
      <h3>{t('flow', lang)}</h3>
      <Figure figure={flow} />
      <DataTable
        caption={t('table1', lang)}
        header={[
          '',
          ...cols.map((c) => `${cohortLabel(c.key, lang)} (n = ${count(c.n)})`),
          L(lang, 'p (across cohorts)', 'p（队列间）'),
        ]}
        rows={p.table1.rows.flatMap((r) => table1Cells(r, lang).map((x) => [x.label, ...x.cells]))}
        note={
          <>
            {L(
              lang,
              'n (%) of participants in whom the characteristic is known; [n] missing. Continuous: median [IQR]. Cohorts by the reference diagnosis: non-neoplastic mass, benign tumour, malignant tumour; "All" includes participants without a reference mass yet.',
              'n（%）为该特征已知者；[n]为缺失数。连续变量：中位数[四分位距]。队列依据参考诊断划分；“全部”包括尚无参考诊断者。'
            )}{' '}
            {L(
              lang,
              "p across the three cohorts: ᵃ Pearson's chi-squared test (empty categories left out); ᵇ Fisher's exact test (2 × 2 with an expected count below 5); ᶜ Kruskal-Wallis rank-sum test. Unadjusted for multiple comparisons.",
              'p为三个队列间比较：ᵃ Pearson卡方检验（不含空类别）；ᵇ Fisher精确检验（2×2表且期望频数<5）；ᶜ Kruskal-Wallis秩和检验。未校正多重比较。'
            )}
            {p.table1.quantiles_status === 'pending_stats'
              ? ` ${L(lang, 'Medians and IQRs are not shown: the statistics engine does not offer sample quantiles.', '中位数和四分位距暂未显示：统计引擎尚未提供样本分位数。')}`
              : ''}
          </>
        }
      />
      <h3>{t('followUp', lang)}</h3>
      <Figure figure={followUp} />
      <DataTable
        caption={L(
          lang,
          'Follow-up visits by status (as of the snapshot date)',
          '各随访点状态（截至快照日期）'
        )}
        header={[
          L(lang, 'Visit', '随访点'),
          ...p.follow_up.visits[0]!.by_status.map((s) => VISIT_STATUS_LABELS[s.status][lang]),
          L(lang, 'Done among expected, % (95% CI)', '应完成中已完成，%（95% CI）'),
        ]}
        rows={p.follow_up.visits.map((v) => [
          `${v.month} ${v.month === 1 ? L(lang, 'month', '个月') : t('months', lang)}`,
          ...v.by_status.map((s) => count(s.n)),
          `${pct(v.done)} [${count(v.done.x)}/${count(v.done.n)}]`,
        ])}
        note={L(
          lang,
          'Exact (Clopper-Pearson) 95% CIs. Windows: 1 month −7/+14 days, 3 months ±14, 6 and 12 months ±30, 24 and 36 months ±60.',
          '精确（Clopper-Pearson）95% CI。'
        )}
      />
    </section>
  );
}
