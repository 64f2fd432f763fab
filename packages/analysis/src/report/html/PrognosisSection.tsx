import type { ReactElement } from 'react';
import { ENDPOINTS } from '../../analyses/models.js';
import type { CoxModels } from '../../analyses/prognosis/cox.js';
import { COX_TERMS } from '../../analyses/terms.js';
import type { PrognosisResults } from '../../results/types.js';
import { num } from '../../stats-bridge/r-json.js';
import type { RenderedFigure } from '../figures.js';
import { coxCoefLabel } from '../forest.js';
import { count, daysToMonths, fmt, fmtR, nPct, pct, pText, pValue, withCi } from '../format.js';
import { cohortLabel } from '../i18n.js';
import { DataTable, Figure, L, nLine, StatusNote, statusText, type SectionProps } from './common.js';
import { glmRows } from './DiagnosisSection.js';

/** The indicator of a univariable model, from its id (`...uni.<column>`), with its unit. */
function termName(id: string, lang: SectionProps['lang']): string {
  const t = COX_TERMS.find((x) => id.endsWith(`.${x.column}`));
  return t ? `${t.label[lang]}, ${t.unit[lang]}` : id;
}

const pctCi = (s: number | null, lo: number | null, hi: number | null): string =>
  s === null
    ? '\u2014'
    : `${fmt(s * 100, 1)}% (${fmt((lo ?? Number.NaN) * 100, 1)}\u2013${fmt((hi ?? Number.NaN) * 100, 1)})`;

function CoxTable({
  m,
  label,
  number,
  lang,
}: SectionProps & { readonly m: CoxModels; readonly label: string; readonly number: string }): ReactElement {
  const multi = m.multivariable.result;
  const rows = m.univariable.flatMap((u) => {
    if (!u.result) return [[termName(u.id, lang), statusText(u, lang) ?? '', '', '', '', '', '']];
    return u.result.coefficients.map((c) => {
      const mc = multi?.coefficients.find((x) => x.term === c.term);
      const zph = multi?.zph?.table.find((z) => c.term.startsWith(z.term) && z.term !== 'GLOBAL');
      return [
        coxCoefLabel(c.term, lang),
        `${count(u.n)} / ${count(u.events ?? 0)}`,
        withCi(c.exp_coef, c.hr_lower95, c.hr_upper95),
        pValue(c.p),
        mc ? withCi(mc.exp_coef, mc.hr_lower95, mc.hr_upper95) : '\u2014',
        mc ? pValue(mc.p) : '',
        zph ? pValue(zph.p) : '',
      ];
    });
  });
  const global = multi?.zph?.table.find((z) => z.term === 'GLOBAL');
  const epv =
    multi && m.multivariable.events !== null
      ? m.multivariable.events / Math.max(1, multi.coefficients.length)
      : null;
  return (
    <DataTable
      caption={`${number} ${label}: ${L(lang, 'Cox models of the CMR indicators', 'CMR指标的Cox模型')}`}
      header={[
        L(lang, 'Indicator', '指标'),
        L(lang, 'n / events', 'n / 事件'),
        L(lang, 'Univariable HR (95% CI)', '单因素HR（95% CI）'),
        'p',
        L(lang, 'Multivariable HR (95% CI)', '多因素HR（95% CI）'),
        'p',
        L(lang, 'PH test p', '比例风险检验p'),
      ]}
      rows={rows}
      note={
        multi
          ? `${L(lang, 'Multivariable model', '多因素模型')}: ${nLine(m.multivariable, lang, L(lang, 'events', '事件'))}; ${L(lang, "Harrell's C", 'Harrell C指数')} ${fmtR(multi.concordance.C, 3)} (SE ${fmtR(multi.concordance.se, 3)}); ${L(lang, 'likelihood-ratio test', '似然比检验')} ${pText(multi.tests.likelihood_ratio.p)}; ${L(lang, 'global PH test', '整体比例风险检验')} ${pText(global?.p)}${epv !== null && epv < 10 ? L(lang, `; only ${fmt(epv, 1)} events per coefficient: estimates may be unstable`, `；每个系数仅${fmt(epv, 1)}个事件，估计可能不稳定`) : ''}.`
          : `${L(lang, 'Multivariable model', '多因素模型')}: ${statusText(m.multivariable, lang) ?? ''}`
      }
    />
  );
}

/** Question 3: Kaplan-Meier, Cox models, competing risks, prognosis at 36 months. */
export function PrognosisSection({
  q3,
  km,
  forest,
  cuminc,
  lang,
}: SectionProps & {
  readonly q3: PrognosisResults;
  readonly km: readonly (RenderedFigure | null)[];
  readonly forest: readonly (RenderedFigure | null)[];
  readonly cuminc: readonly (RenderedFigure | null)[];
}): ReactElement {
  return (
    <section id="prognosis">
      <h2>{L(lang, 'Question 3: prognosis', '问题3：预后')}</h2>
      <p>
        {L(
          lang,
          'Time from the baseline CMR; follow-up censored at the last contact or at 36 months (1,096 days). Cohorts by the reference diagnosis.',
          '自基线CMR起计时；随访截尾于最后一次联系或36个月（1096天）。'
        )}
      </p>
      <h3>{L(lang, 'Kaplan-Meier estimates by cohort', '各队列Kaplan-Meier估计')}</h3>
      {q3.km.map((k, i) => (
        <div key={k.endpoint}>
          <Figure figure={km[i] ?? null} />
          <StatusNote rec={k.km} lang={lang} />
        </div>
      ))}
      <DataTable
        caption={L(
          lang,
          'Table 9. Event-free survival at 12 and 36 months by cohort',
          '表9 各队列12个月和36个月无事件生存率'
        )}
        header={[
          L(lang, 'Endpoint', '终点'),
          L(lang, 'Cohort', '队列'),
          L(lang, 'n / events', 'n / 事件'),
          L(lang, '12 months, % (95% CI)', '12个月，%（95% CI）'),
          L(lang, '36 months, % (95% CI)', '36个月，%（95% CI）'),
          L(lang, 'Median, months (95% CI)', '中位时间，月（95% CI）'),
          L(lang, 'Log-rank p', 'Log-rank p'),
        ]}
        rows={q3.km.flatMap((k, i) =>
          (k.km.result?.table ?? []).map((row, j) => {
            const lm = (t: number): string => {
              const x = k.landmarks.find((l) => l.strata === row.strata && l.time === t);
              return x ? pctCi(x.surv, x.lower, x.upper) : '\u2014';
            };
            const med = num(row.median);
            return [
              j === 0 ? ENDPOINTS[i]!.label[lang] : '',
              cohortLabel(row.strata, lang),
              `${count(row.records)} / ${count(row.events)}`,
              lm(365),
              lm(1096),
              med === null
                ? L(lang, 'not reached', '未达到')
                : `${daysToMonths(med)} (${num(row.median_lower95) === null ? 'NA' : daysToMonths(num(row.median_lower95)!)}\u2013${num(row.median_upper95) === null ? 'NA' : daysToMonths(num(row.median_upper95)!)})`,
              j === 0 ? pValue(k.logrank.result?.p) : '',
            ];
          })
        )}
        note={L(
          lang,
          'Kaplan-Meier estimates with log-transformed 95% CIs (Greenwood variance); "\u2014" where follow-up does not reach the time.',
          'Kaplan-Meier估计，对数变换95% CI（Greenwood方差）；随访未达该时间点者显示“\u2014”。'
        )}
      />
      <h3>{L(lang, 'Cox models of the CMR indicators', 'CMR指标的Cox模型')}</h3>
      <p>
        {L(
          lang,
          `Indicators: ${COX_TERMS.map((t) => `${t.label.en} (${t.unit.en})`).join(', ')}. Univariable models use each indicator's complete cases; the multivariable model those complete in all.`,
          `指标：${COX_TERMS.map((t) => `${t.label.zh}（${t.unit.zh}）`).join('、')}。`
        )}
      </p>
      {q3.cox.map((m, i) => (
        <div key={m.endpoint}>
          <Figure figure={forest[i] ?? null} />
          <CoxTable
            m={m}
            label={ENDPOINTS[i]!.label[lang]}
            number={L(lang, `Table 10.${i + 1}.`, `表10.${i + 1}`)}
            lang={lang}
          />
        </div>
      ))}
      <h3>
        {L(
          lang,
          'Competing risks: recurrence and thromboembolism with death as a competing event',
          '竞争风险：以死亡为竞争事件的复发和血栓栓塞'
        )}
      </h3>
      {q3.cuminc.map((c, i) => (
        <div key={c.id}>
          <Figure figure={cuminc[i] ?? null} />
          <StatusNote rec={c} lang={lang} />
        </div>
      ))}
      <DataTable
        caption={L(
          lang,
          'Table 11. Cumulative incidence at 12 and 36 months by cohort (death as a competing risk)',
          '表11 各队列12和36个月累积发生率（死亡为竞争风险）'
        )}
        header={[
          L(lang, 'Endpoint', '终点'),
          L(lang, 'Cohort', '队列'),
          L(lang, '12 months, % (95% CI)', '12个月，%（95% CI）'),
          L(lang, '36 months, % (95% CI)', '36个月，%（95% CI）'),
          L(lang, "Gray's test p", 'Gray检验p'),
        ]}
        rows={q3.incidence_landmarks.flatMap((aj, i) => {
          const gray = q3.cuminc[i]?.result?.gray_test?.find((g) => g.cause === '1');
          if (!aj.result) return [[ENDPOINTS[i + 1]!.label[lang], statusText(aj, lang) ?? '', '', '', '']];
          const k = aj.result.states.indexOf('1');
          return aj.result.at_times.map((s, j) => {
            const at = (t: number): string => {
              const r = s.time.indexOf(t);
              return r < 0
                ? '\u2014'
                : pctCi(num(s.pstate[r]?.[k]), num(s.lower[r]?.[k]), num(s.upper[r]?.[k]));
            };
            return [
              j === 0 ? ENDPOINTS[i + 1]!.label[lang] : '',
              cohortLabel(s.strata, lang),
              at(365),
              at(1096),
              j === 0 ? pValue(gray?.p) : '',
            ];
          });
        })}
        note={L(
          lang,
          "Aalen-Johansen estimates with log-transformed 95% CIs; Gray's test (cmprsk) across cohorts.",
          'Aalen-Johansen估计，对数变换95% CI；Gray检验比较各队列。'
        )}
      />
      <h3>{L(lang, 'Prognosis at 36 months', '36个月预后')}</h3>
      <DataTable
        caption={L(
          lang,
          'Table 12. Favourable vs unfavourable prognosis at 36 months',
          '表12 36个月预后良好与不良'
        )}
        header={[
          L(lang, 'Cohort', '队列'),
          L(lang, 'Favourable', '良好'),
          L(lang, 'Unfavourable', '不良'),
          L(lang, 'Not yet known', '尚不明确'),
          L(lang, 'Unfavourable among known, % (95% CI)', '已知者中预后不良，%（95% CI）'),
        ]}
        rows={q3.prognosis36.by_cohort.map((g) => [
          cohortLabel(g.cohort, lang),
          count(g.favourable),
          count(g.unfavourable),
          count(g.unknown),
          `${pct(g.unfavourable_share)} [${count(g.unfavourable_share.x)}/${count(g.unfavourable_share.n)}]`,
        ])}
        note={L(
          lang,
          'Unfavourable: death, recurrence, thromboembolism, heart-failure hospitalisation or progressive dysfunction within 36 months. Favourable: none, with follow-up reaching the 36-month window. Exact 95% CIs.',
          '不良：36个月内发生死亡、复发、血栓栓塞、心衰住院或进行性心功能不全。'
        )}
      />
      <DataTable
        caption={L(
          lang,
          'Table 13. CMR indicators and unfavourable prognosis at 36 months (univariable logistic models)',
          '表13 CMR指标与36个月不良预后（单因素logistic模型）'
        )}
        header={[
          L(lang, 'Indicator', '指标'),
          L(lang, 'OR (95% CI)', 'OR（95% CI）'),
          'p',
          L(lang, 'n / unfavourable', 'n / 不良'),
        ]}
        rows={q3.prognosis36.univariable.flatMap((u) =>
          u.result
            ? glmRows(u, COX_TERMS, lang).map((r) => [...r, `${count(u.n)} / ${count(u.events ?? 0)}`])
            : [[termName(u.id, lang), statusText(u, lang) ?? '', '', '']]
        )}
        note={`${L(lang, 'Participants whose prognosis is known; Wald 95% CIs.', '预后已知的研究对象；Wald 95% CI。')} ${nPct(q3.prognosis36.by_cohort[0]!.unknown, q3.prognosis36.by_cohort[0]!.favourable + q3.prognosis36.by_cohort[0]!.unfavourable + q3.prognosis36.by_cohort[0]!.unknown)} ${L(lang, 'not yet known.', '尚不明确。')}`}
      />
    </section>
  );
}
