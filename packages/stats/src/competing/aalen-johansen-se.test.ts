import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aalenJohansen } from './aalen-johansen.js';

/**
 * The direct form of the infinitesimal-jackknife standard error (survival's multi-state `survfit`):
 * one influence vector per subject, U ← U H at each event time, then the jump term for everyone at
 * risk; SE_j = √(Σ_s U_sj²). O(n·d): the oracle the grouped computation of `aalenJohansen` must equal.
 */
function perSubjectSe(time: readonly number[], cause: readonly number[], ns: number): number[][] {
  const n = time.length;
  const ord = time.map((_, i) => i).sort((i, j) => time[i]! - time[j]! || i - j);
  const p = new Float64Array(ns);
  p[0] = 1;
  const u = new Float64Array(n * ns);
  const state = new Int32Array(n);
  const atRisk = new Uint8Array(n).fill(1);
  const inState = new Float64Array(ns);
  inState[0] = n;
  const out: number[][] = [];
  for (let a = 0; a < n;) {
    let b = a;
    while (b < n && time[ord[b]!] === time[ord[a]!]) b++;
    const h = new Float64Array(ns * ns);
    const dest = new Map<number, number>();
    for (let k = a; k < b; k++) {
      const c = cause[ord[k]!]!;
      if (c > 0) {
        dest.set(ord[k]!, c);
        h[c] = h[c]! + 1;
      }
    }
    if (dest.size > 0) {
      let sum = 0;
      for (let k = 0; k < ns; k++) {
        sum += h[k]!;
        h[k] = h[k]! / inState[0];
      }
      h[0] = 1 - sum / inState[0];
      for (let j = 1; j < ns; j++) h[j * ns + j] = 1;
      for (let s = 0; s < n; s++) {
        const row = Array.from({ length: ns }, (_, k) => {
          let acc = 0;
          for (let kk = 0; kk < ns; kk++) acc += u[s * ns + kk]! * h[kk * ns + k]!;
          return acc;
        });
        u.set(row, s * ns);
      }
      for (let s = 0; s < n; s++) {
        if (atRisk[s] !== 1) continue;
        for (let k = 0; k < ns; k++) u[s * ns + k] = u[s * ns + k]! - (h[k]! * p[0]) / inState[0];
        const to = dest.get(s) ?? 0;
        u[s * ns + to] = u[s * ns + to]! + p[0] / inState[0];
      }
      const next = Array.from({ length: ns }, (_, j) => {
        let acc = 0;
        for (let k = 0; k < ns; k++) acc += p[k]! * h[k * ns + j]!;
        return acc;
      });
      p.set(next);
    }
    out.push(
      Array.from({ length: ns }, (_, j) => {
        let acc = 0;
        for (let s = 0; s < n; s++) acc += u[s * ns + j]! ** 2;
        return Math.sqrt(acc);
      })
    );
    for (let k = a; k < b; k++) {
      const s = ord[k]!;
      inState[state[s]!] = inState[state[s]!]! - 1;
      if (cause[s]! > 0) state[s] = cause[s]!;
      atRisk[s] = 0;
    }
    a = b;
  }
  return out;
}

describe('aalenJohansen standard errors', () => {
  it('equal the per-subject influence sums on random data with ties and censoring (1e-12 relative)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 2,
          maxLength: 80,
        }),
        (rows) => {
          const time = rows.map((r) => r[0]);
          const cause = rows.map((r) => r[1]);
          const aj = aalenJohansen({ time, cause, causeLabels: ['a', 'b', 'c'] });
          const want = perSubjectSe(time, cause, 4);
          const got = aj.curves[0]!.stdErr;
          expect(got.length).toBe(want.length);
          got.forEach((row, i) => {
            row.forEach((v, j) => {
              const w = want[i]![j]!;
              expect(Math.abs(v - w)).toBeLessThanOrEqual(1e-12 * Math.abs(w) + 1e-15);
            });
          });
        }
      ),
      { numRuns: 200, seed: 20261207 }
    );
  });
});
