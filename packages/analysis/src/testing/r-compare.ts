/**
 * Compares the numbers of a results.json with those R computed from the same report directory with
 * `testdata/check-r.R`. Used by the R-agreement test (committed R output of the small cohort) and by
 * hand on any report (`testdata/compare-r.ts`).
 */
import type { StudyResults } from '../results/types.js';
import { analysisIndex } from '../results/compute.js';
import { num, type RNum } from '../stats-bridge/r-json.js';

/** One comparison of a number of ours with R's. */
export interface RComparison {
  readonly id: string;
  readonly field: string;
  readonly ours: number | null;
  readonly r: number | null;
  readonly ok: boolean;
}

type R = Readonly<Record<string, unknown>>;

function asNumbers(x: unknown): (number | null)[] {
  if (Array.isArray(x)) return x.map((v) => (typeof v === 'number' ? v : null));
  return [typeof x === 'number' ? x : null];
}

/** Relative agreement with an absolute floor (`|a - b| <= tol * |b| + 1e-10`); both null agrees. */
export function agrees(a: number | null, b: number | null, tol: number): boolean {
  // jsonlite writes R's NA and NaN alike as null.
  if (b === null) return a === null || Number.isNaN(a);
  if (a === null) return false;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= tol * Math.abs(b) + 1e-10;
}

function findRecord(tree: unknown, id: string): R | null {
  let found: R | null = null;
  const walk = (x: unknown): void => {
    if (found || x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      for (const v of x) walk(v);
      return;
    }
    const o = x as R;
    if (o.id === id && typeof o.r_code === 'string') {
      found = o;
      return;
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(tree);
  return found;
}

/**
 * Every number R gave for an analysis, next to ours: 2x2 cells and the sensitivity's exact CI,
 * kappa, AUC and its DeLong CI, DeLong test statistic, glm and Cox coefficients (1e-6, as the stats
 * contract allows for iterative fits), Harrell's C, the zph global p, KM numbers at risk and S(t),
 * log-rank chi-square, cumulative incidence at 12 and 36 months.
 */
export function compareWithR(results: StudyResults, rOut: Readonly<Record<string, R>>): RComparison[] {
  const out: RComparison[] = [];
  const push = (
    id: string,
    field: string,
    ours: readonly (number | null)[],
    r: readonly (number | null)[],
    tol: number
  ): void => {
    r.forEach((rv, i) =>
      out.push({
        id,
        field: `${field}[${i}]`,
        ours: ours[i] ?? null,
        r: rv,
        ok: agrees(ours[i] ?? null, rv, tol),
      })
    );
  };
  const ok = new Set(
    analysisIndex(results)
      .filter((e) => e.status === 'ok')
      .map((e) => e.id)
  );
  const t1 = results.participants.table1;
  for (const [id, rv] of Object.entries(rOut)) {
    const m = /^table1\.(.+)\.(all|non_neoplastic|benign|malignant)$/.exec(id);
    if (m) {
      const row = t1.rows.find((r) => r.variable === m[1] && r.kind === 'continuous');
      const j = t1.columns.findIndex((c) => c.key === m[2]);
      const cell = row?.kind === 'continuous' ? row.cells[j] : undefined;
      if (cell) push(id, 'quartiles', [cell.q1, cell.median, cell.q3], asNumbers(rv.quartiles), 1e-12);
      continue;
    }
    if (id.endsWith('.test') && (id.startsWith('table1.') || id.startsWith('q2.'))) {
      // Tests of Table 1 and of Question 2's cross-tables: chisq.test / fisher.test / kruskal.test.
      const rec = findRecord(results, id);
      const res = rec?.status === 'ok' ? (rec.result as { p: number; statistic: number | null } | null) : null;
      if (res && !('error' in rv)) {
        push(id, 'p', [res.p], asNumbers(rv.p), 1e-9);
        if (res.statistic !== null) push(id, 'statistic', [res.statistic], asNumbers(rv.statistic), 1e-9);
      }
      continue;
    }
    if (!ok.has(id) || 'error' in rv) continue;
    const rec = findRecord(results, id);
    const res = rec?.result as R | undefined;
    if (!rec || !res) continue;
    const a = (rec.spec as R | null)?.analysis;
    const n = (x: unknown): number | null => num(x as RNum);
    if (a === 'diagnostic_2x2') {
      const t = res.table as R;
      push(id, 'table', [t.tp, t.fp, t.fn, t.tn].map(n), asNumbers(rv.table), 0);
      push(
        id,
        'sensitivity_cp',
        ((res.sensitivity as R).clopper_pearson as RNum[]).map(n),
        asNumbers(rv.sensitivity_cp),
        1e-9
      );
    } else if (a === 'cohen_kappa') {
      push(id, 'kappa', [n(res.kappa)], asNumbers(rv.kappa), 1e-9);
    } else if (a === 'roc') {
      const ci = res.ci_auc_delong as R;
      push(id, 'auc', [n(res.auc)], asNumbers(rv.auc), 1e-9);
      push(id, 'ci', [n(ci.lower), n(ci.upper)], asNumbers(rv.ci), 1e-9);
    } else if (a === 'roc_test') {
      push(id, 'statistic', [n(res.statistic)], asNumbers(rv.statistic), 1e-9);
    } else if (a === 'logistic_glm') {
      const coefs = res.coefficients as R[];
      push(
        id,
        'estimate',
        coefs.map((c) => n(c.estimate)),
        asNumbers(rv.estimate),
        1e-6
      );
    } else if (a === 'coxph') {
      const coefs = res.coefficients as R[];
      push(
        id,
        'coef',
        coefs.map((c) => n(c.coef)),
        asNumbers(rv.coef),
        1e-6
      );
      push(id, 'C', [n((res.concordance as R).C)], asNumbers(rv.C), 1e-6);
      const zph = (res.zph as R | undefined)?.table as R[] | undefined;
      const global = zph?.find((z) => z.term === 'GLOBAL');
      if (global && rv.zph_global_p !== null && rv.zph_global_p !== undefined) {
        push(id, 'zph_global_p', [n(global.p)], asNumbers(rv.zph_global_p), 1e-5);
      }
    } else if (a === 'logrank') {
      push(id, 'chisq', [n(res.chisq)], asNumbers(rv.chisq), 1e-9);
    } else if (a === 'kaplan_meier') {
      const km = results.prognosis.km.find((k) => k.km.id === id);
      if (!km) continue;
      // R's summary(times, extend = TRUE): rows by stratum, then time.
      const ours = km.risk_table.flatMap((row) => row.n_risk);
      push(id, 'n_risk', ours, asNumbers(rv.n_risk), 0);
    } else if (a === 'competing_risks' && (rec.spec as R).method === 'cuminc') {
      const at = res.at_times as R[];
      const names = Array.isArray(rv.names) ? (rv.names as string[]) : [String(rv.names)];
      const est = asNumbers(rv.est);
      // timepoints()$est is a matrix curves x times, flattened by column (R's column-major order).
      names.forEach((name, i) => {
        [365, 1096].forEach((t, j) => {
          const mine = at.find((x) => x.name === name && x.time === t);
          push(
            id,
            `cif ${name} @${t}`,
            [mine ? n(mine.est) : null],
            [est[j * names.length + i] ?? null],
            1e-9
          );
        });
      });
    }
  }
  return out;
}
