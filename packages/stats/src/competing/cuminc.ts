import { StatsInputError } from '../errors.js';
import { stableOrder } from '../math/order.js';
import { freeze, type MaybeNumber, type MethodInfo } from '../result.js';
import type { Grouping } from '../survival/grouping.js';
import { grayTest, type GrayTest } from './gray-test.js';
import { gatherFloat64, gatherInt32 } from '../math/arrays.js';

export type { GrayTest } from './gray-test.js';

/** One cumulative incidence curve as cmprsk returns it (a step function listed corner by corner). */
export interface CumincCurve {
  /** `"<group> <cause>"`. */
  readonly name: string;
  readonly group: string;
  readonly cause: string;
  /** 0, then each event time of the cause twice (before and after the jump), then the last follow-up time. */
  readonly time: readonly number[];
  readonly est: readonly number[];
  readonly var: readonly number[];
}

/** A curve read at a requested time (cmprsk's `timepoints`). */
export interface CumincAtTime {
  readonly name: string;
  readonly group: string;
  readonly cause: string;
  readonly time: number;
  /** `null` (NA) after the curve's last time. */
  readonly est: MaybeNumber;
  readonly var: MaybeNumber;
}

/** Result of {@link cuminc}. */
export interface CumincResult extends MethodInfo {
  /** Cause-major, then group. */
  readonly curves: readonly CumincCurve[];
  /** Per curve, per requested time (sorted, distinct). */
  readonly atTimes: readonly CumincAtTime[];
  /** Gray's test per cause; only with two or more groups. */
  readonly grayTest?: readonly GrayTest[];
}

/** Input of {@link cuminc}. */
export interface CumincInput {
  readonly time: ArrayLike<number>;
  /** 0 = censored; k ≥ 1 = cause `causeLabels[k − 1]`. */
  readonly cause: ArrayLike<number>;
  readonly causeLabels: readonly string[];
  readonly group?: Grouping;
  /** Times at which to read the curves (default none). */
  readonly atTimes?: readonly number[];
}

/** cmprsk's `cinc`: the cumulative incidence of one cause and Gray's variance, corner by corner. */
function cincCurve(
  time: Float64Array,
  failed: Uint8Array,
  ofCause: Uint8Array
): { x: number[]; f: number[]; v: number[] } {
  const n = time.length;
  const x = [0];
  const f = [0];
  const v = [0];
  let fk = 1;
  let v1 = 0;
  let v2 = 0;
  let v3 = 0;
  let rs = n;
  for (let ll = 0; ll < n;) {
    let l = ll;
    while (l + 1 < n && time[l + 1] === time[ll]) l++;
    let nd1 = 0;
    let nd2 = 0;
    for (let i = ll; i <= l; i++) {
      nd1 += ofCause[i]!;
      nd2 += failed[i]! - ofCause[i]!;
    }
    const nd = nd1 + nd2;
    if (nd > 0) {
      const fkn = (fk * (rs - nd)) / rs;
      if (nd1 > 0) {
        const last = f[f.length - 1]!;
        f.push(last, last + (fk * nd1) / rs);
      }
      const fl = f[f.length - 1]!;
      if (nd2 > 0 && fkn > 0) {
        const t5 = nd2 > 1 ? 1 - (nd2 - 1) / (rs - 1) : 1;
        const t6 = (fk * fk * t5 * nd2) / (rs * rs);
        const t3 = 1 / fkn;
        const t4 = fl / fkn;
        v1 += t4 * t4 * t6;
        v2 += t3 * t4 * t6;
        v3 += t3 * t3 * t6;
      }
      if (nd1 > 0) {
        const t5 = nd1 > 1 ? 1 - (nd1 - 1) / (rs - 1) : 1;
        const t6 = (fk * fk * t5 * nd1) / (rs * rs);
        const t3 = fkn > 0 ? 1 / fkn : 0;
        const t4 = 1 + t3 * fl;
        v1 += t4 * t4 * t6;
        v2 += t3 * t4 * t6;
        v3 += t3 * t3 * t6;
        const t2 = fl;
        x.push(time[l]!, time[l]!);
        v.push(v[v.length - 1]!, v1 + t2 * t2 * v3 - 2 * t2 * v2);
      }
      fk = fkn;
    }
    rs = n - (l + 1);
    ll = l + 1;
  }
  x.push(time[n - 1]!);
  f.push(f[f.length - 1]!);
  v.push(v[v.length - 1]!);
  return { x, f, v };
}

/** cmprsk's `tpoi`: the index of the value at time tp of a corner-listed step curve, or −1 (NA). */
function valueIndex(x: readonly number[], tp: number): number {
  const n = x.length;
  if (x[n - 1]! < tp) return -1;
  if (x[n - 1] === tp) return n - 1;
  for (let k = n - 2; k >= 0; k--) if (x[k]! <= tp) return k + 1;
  return -1;
}

/**
 * Cumulative incidence functions of competing risks with Gray's variance, per cause and group, read
 * at given times, and Gray's test comparing the groups for each cause, as cmprsk's `cuminc` and
 * `timepoints`. Times are not merged (cmprsk compares them exactly).
 *
 * R equivalent: `cuminc(time, status, group, cencode = 0)`, `timepoints(ci, times)` (cmprsk 2.2-11).
 * See: R. J. Gray (1988), Ann Stat 16:1141-1154; J. D. Kalbfleisch & R. L. Prentice (1980), The
 * Statistical Analysis of Failure Time Data, §7.
 * @throws StatsInputError for unequal lengths, non-finite times or cause codes outside 0..K.
 */
export function cuminc(input: CumincInput): CumincResult {
  const n = input.time.length;
  const { cause, causeLabels, group } = input;
  if (cause.length !== n || (group && group.codes.length !== n)) {
    throw new StatsInputError('cause', 'time, cause and group must have one entry per subject');
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(input.time[i])) throw new StatsInputError(`time[${i}]`, 'times must be finite');
    const c = cause[i]!;
    if (!(Number.isInteger(c) && c >= 0 && c <= causeLabels.length)) {
      throw new StatsInputError(`cause[${i}]`, 'cause codes must be 0 (censored) or index a cause label');
    }
  }
  const order = stableOrder(input.time);
  const time = gatherFloat64(input.time, order);
  const code = gatherInt32(cause, order);
  const gcode = Int32Array.from(order, (i) => (group ? group.codes[i]! : 0));
  const groupLabels = group ? group.labels : ['1'];
  const ng = groupLabels.length;
  const present = causeLabels.map((_, k) => code.some((c) => c === k + 1));
  const causes = causeLabels.map((label, k) => ({ label, code: k + 1 })).filter((_, k) => present[k]);
  const times = [...new Set(input.atTimes ?? [])].sort((a, b) => a - b);
  const curves: CumincCurve[] = [];
  const atTimes: CumincAtTime[] = [];
  for (const c of causes) {
    for (let g = 0; g < ng; g++) {
      const idx: number[] = [];
      for (let i = 0; i < n; i++) if (gcode[i] === g) idx.push(i);
      const t = gatherFloat64(time, idx);
      const failed = Uint8Array.from(idx, (i) => (code[i]! > 0 ? 1 : 0));
      const mine = Uint8Array.from(idx, (i) => (code[i] === c.code ? 1 : 0));
      const curve = cincCurve(t, failed, mine);
      const name = `${groupLabels[g]!} ${c.label}`;
      curves.push(
        freeze({ name, group: groupLabels[g]!, cause: c.label, time: curve.x, est: curve.f, var: curve.v })
      );
      for (const tp of times) {
        const k = valueIndex(curve.x, tp);
        atTimes.push({
          name,
          group: groupLabels[g]!,
          cause: c.label,
          time: tp,
          est: k < 0 ? null : curve.f[k]!,
          var: k < 0 ? null : curve.v[k]!,
        });
      }
    }
  }
  let grayTests: GrayTest[] | undefined;
  if (ng > 1) {
    grayTests = causes.map((c) => {
      const m = Uint8Array.from(code, (k) => (k === 0 ? 0 : k === c.code ? 1 : 2));
      return grayTest(c.label, time, m, gcode, ng);
    });
  }
  return freeze({
    method: "Cumulative incidence (Kalbfleisch-Prentice) with Gray's variance; Gray's k-sample test",
    rEquivalent: 'cmprsk::cuminc(time, status, group, cencode = 0); timepoints(ci, times)',
    converged: true,
    warnings: [],
    curves,
    atTimes,
    ...(grayTests ? { grayTest: grayTests } : {}),
  });
}
