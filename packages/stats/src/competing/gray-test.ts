import { pchisq } from '../math/chisq.js';
import { householderLeastSquares } from '../math/linalg.js';

/** Gray's test for one cause. */
export interface GrayTest {
  readonly cause: string;
  readonly stat: number;
  /** 1 − pchisq(stat, df), as cmprsk computes it. */
  readonly p: number;
  readonly df: number;
}

/**
 * Score and variance of Gray's (1988) k-sample test for one cause, following cmprsk's `crst`: at each
 * distinct time, the weighted difference between each group's cause-specific events and what the
 * pooled subdistribution hazard predicts, with the variance accumulated from the event and the
 * competing-event terms. `time` must be sorted ascending; `code` is 0 censored, 1 the cause of
 * interest, 2 another cause; `group` 0..ng−1 (every group non-empty). Returns the first ng − 1 scores
 * and their (ng − 1)² covariance, row-major.
 */
function grayScore(
  time: Float64Array,
  code: Uint8Array,
  group: Int32Array,
  ng: number,
  rho: number
): { s: Float64Array; v: Float64Array } {
  const n = time.length;
  const ng1 = ng - 1;
  const rs = new Float64Array(ng);
  for (let i = 0; i < n; i++) rs[group[i]!]!++;
  const s = new Float64Array(ng1);
  const v = new Float64Array(ng1 * ng1); // lower triangle used, filled symmetric at the end
  const f1m = new Float64Array(ng);
  const f1 = new Float64Array(ng);
  const skmm = new Float64Array(ng).fill(1);
  const skm = new Float64Array(ng).fill(1);
  const v3 = new Float64Array(ng);
  const v2 = new Float64Array(ng1 * ng);
  const c = new Float64Array(ng * ng);
  const a = new Float64Array(ng * ng);
  const d1 = new Float64Array(ng);
  const d2 = new Float64Array(ng);
  let fm = 0;
  let f = 0;
  for (let ll = 0; ll < n;) {
    let lu = ll;
    while (lu + 1 < n && !(time[lu + 1]! > time[ll]!)) lu++;
    d1.fill(0);
    d2.fill(0);
    for (let i = ll; i <= lu; i++) {
      if (code[i] === 1) d1[group[i]!]!++;
      else if (code[i] === 2) d2[group[i]!]!++;
    }
    let nd1 = 0;
    let nd2 = 0;
    for (let i = 0; i < ng; i++) {
      nd1 += d1[i]!;
      nd2 += d2[i]!;
    }
    if (nd1 > 0 || nd2 > 0) {
      let tr = 0;
      let tq = 0;
      for (let i = 0; i < ng; i++) {
        if (rs[i]! <= 0) continue;
        const td = d1[i]! + d2[i]!;
        skm[i] = (skmm[i]! * (rs[i]! - td)) / rs[i]!;
        f1[i] = f1m[i]! + (skmm[i]! * d1[i]!) / rs[i]!;
        tr += rs[i]! / skmm[i]!;
        tq += (rs[i]! * (1 - f1m[i]!)) / skmm[i]!;
      }
      f = fm + nd1 / tr;
      const fb = (1 - fm) ** rho;
      for (let i = 0; i < ng; i++) {
        for (let j = i; j < ng; j++) a[i * ng + j] = 0;
        if (rs[i]! <= 0) continue;
        const t1 = rs[i]! / skmm[i]!;
        a[i * ng + i] = fb * t1 * (1 - t1 / tr);
        c[i * ng + i] = c[i * ng + i]! + (a[i * ng + i]! * nd1) / (tr * (1 - fm));
        for (let j = i + 1; j < ng; j++) {
          if (rs[j]! <= 0) continue;
          a[i * ng + j] = -((fb * t1 * rs[j]!) / (skmm[j]! * tr));
          c[i * ng + j] = c[i * ng + j]! + (a[i * ng + j]! * nd1) / (tr * (1 - fm));
        }
      }
      for (let i = 1; i < ng; i++) {
        for (let j = 0; j < i; j++) {
          a[i * ng + j] = a[j * ng + i]!;
          c[i * ng + j] = c[j * ng + i]!;
        }
      }
      for (let i = 0; i < ng1; i++) {
        if (rs[i]! <= 0) continue;
        s[i] = s[i]! + fb * (d1[i]! - (nd1 * rs[i]! * (1 - f1m[i]!)) / (skmm[i]! * tq));
      }
      if (nd1 > 0) {
        for (let k = 0; k < ng; k++) {
          if (rs[k]! <= 0) continue;
          const t4 = skm[k]! > 0 ? 1 - (1 - f) / skm[k]! : 1;
          const t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * skmm[k]! - 1) : 1;
          const t3 = (t5 * skmm[k]! * nd1) / (tr * rs[k]!);
          v3[k] = v3[k]! + t4 * t4 * t3;
          for (let i = 0; i < ng1; i++) {
            const t1 = a[i * ng + k]! - t4 * c[i * ng + k]!;
            v2[i * ng + k] = v2[i * ng + k]! + t1 * t4 * t3;
            for (let j = 0; j <= i; j++) {
              const t2 = a[j * ng + k]! - t4 * c[j * ng + k]!;
              v[i * ng1 + j] = v[i * ng1 + j]! + t1 * t2 * t3;
            }
          }
        }
      }
      if (nd2 > 0) {
        for (let k = 0; k < ng; k++) {
          if (skm[k]! <= 0 || d2[k]! <= 0) continue;
          const t4 = (1 - f) / skm[k]!;
          const t5 = d2[k]! > 1 ? 1 - (d2[k]! - 1) / (rs[k]! - 1) : 1;
          const t6 = rs[k]!;
          const t3 = (t5 * (skmm[k]! ** 2 * d2[k]!)) / t6 ** 2;
          v3[k] = v3[k]! + t4 * t4 * t3;
          for (let i = 0; i < ng1; i++) {
            const t1 = t4 * c[i * ng + k]!;
            v2[i * ng + k] = v2[i * ng + k]! - t1 * t4 * t3;
            for (let j = 0; j <= i; j++) {
              const t2 = t4 * c[j * ng + k]!;
              v[i * ng1 + j] = v[i * ng1 + j]! + t1 * t2 * t3;
            }
          }
        }
      }
    }
    if (lu >= n - 1) break;
    for (let i = ll; i <= lu; i++) rs[group[i]!]!--;
    fm = f;
    f1m.set(f1);
    skmm.set(skm);
    ll = lu + 1;
  }
  for (let i = 0; i < ng1; i++) {
    for (let j = 0; j <= i; j++) {
      let acc = v[i * ng1 + j]!;
      for (let k = 0; k < ng; k++) {
        acc += c[i * ng + k]! * c[j * ng + k]! * v3[k]!;
        acc += c[i * ng + k]! * v2[j * ng + k]!;
        acc += c[j * ng + k]! * v2[i * ng + k]!;
      }
      v[i * ng1 + j] = acc;
      v[j * ng1 + i] = acc;
    }
  }
  return { s, v };
}

/**
 * Gray's test that the cumulative incidence of one cause is the same in all groups (rho = 0, one
 * stratum), as cmprsk's `cuminc()$Tests`: stat = sᵀ V⁻¹ s over the first ng − 1 groups, df = ng − 1,
 * p = 1 − pchisq(stat, df). When V is rank-deficient (QR with tolerance 1e-7), cmprsk reports
 * stat = −1 and so p = 1; so does this.
 *
 * See: R. J. Gray (1988), "A class of K-sample tests for comparing the cumulative incidence of a
 * competing risk", Ann Stat 16:1141-1154.
 */
export function grayTest(
  cause: string,
  time: Float64Array,
  code: Uint8Array,
  group: Int32Array,
  ng: number,
  rho = 0
): GrayTest {
  const { s, v } = grayScore(time, code, group, ng, rho);
  const m = ng - 1;
  const fit = householderLeastSquares(v, m, m, s, 1e-7);
  let stat = -1;
  if (fit.rank === m) {
    stat = 0;
    for (let i = 0; i < m; i++) stat += s[i]! * fit.coefficients[i]!;
  }
  return { cause, stat, p: 1 - pchisq(stat, m), df: m };
}
