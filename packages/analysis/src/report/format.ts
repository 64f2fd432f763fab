/**
 * Number formatting for the report's text, tables and figures: the same rules everywhere, so that a
 * number in a figure and the same number in a table read the same.
 */
import type { Proportion } from '../analyses/common.js';
import { num, type RNum } from '../stats-bridge/r-json.js';

const DASH = '\u2013';
const MINUS = '\u2212';

/** A number with `digits` decimals, a true minus sign, or an em dash for missing. */
export function fmt(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '\u2014';
  if (x === Number.POSITIVE_INFINITY) return '\u221e';
  if (x === Number.NEGATIVE_INFINITY) return `${MINUS}\u221e`;
  return x.toFixed(digits).replace(/^-/, MINUS);
}

/** An R number (`NA`, `Inf`...) formatted as {@link fmt}. */
export function fmtR(x: RNum | null | undefined, digits = 2): string {
  return fmt(num(x), digits);
}

/** An integer with thousands separators (thin spaces are avoided: they break CSV consumers). */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A p-value as journals print it: 3 decimals, "<0.001" below that. */
export function pValue(p: RNum | number | null | undefined): string {
  const v = typeof p === 'number' ? p : num(p ?? null);
  if (v === null || Number.isNaN(v)) return '\u2014';
  if (v < 0.001) return '<0.001';
  if (v > 0.99) return '>0.99';
  return v.toFixed(3);
}

/** "p = 0.003" or "p < 0.001": a p-value with its relation sign, for running text. */
export function pText(p: RNum | number | null | undefined): string {
  const v = pValue(p);
  return v.startsWith('<') || v.startsWith('>') ? `p ${v.slice(0, 1)} ${v.slice(1)}` : `p = ${v}`;
}

/** A proportion as a percentage with its 95% CI: "83.3% (51.6–97.9)". */
export function pct(p: Proportion, digits = 1): string {
  if (p.estimate === null) return '\u2014';
  return `${(p.estimate * 100).toFixed(digits)}% (${((p.lower ?? 0) * 100).toFixed(digits)}${DASH}${((p.upper ?? 0) * 100).toFixed(digits)})`;
}

/** "x/n" of a proportion. */
export function frac(p: Pick<Proportion, 'x' | 'n'>): string {
  return `${count(p.x)}/${count(p.n)}`;
}

/** An estimate with its 95% CI: "2.31 (1.52–3.50)". */
export function withCi(
  est: RNum | number | null,
  lo: RNum | number | null,
  hi: RNum | number | null,
  digits = 2
): string {
  const e = typeof est === 'number' ? est : num(est);
  if (e === null || !Number.isFinite(e)) return '\u2014';
  const l = typeof lo === 'number' ? lo : num(lo);
  const h = typeof hi === 'number' ? hi : num(hi);
  return `${fmt(e, digits)} (${fmt(l, digits)}${DASH}${fmt(h, digits)})`;
}

/** A proportion from an R pair of limits as "83.3% (51.6–97.9)". */
export function pctR(est: RNum, limits: readonly [RNum, RNum], digits = 1): string {
  const e = num(est);
  if (e === null || !Number.isFinite(e)) return '\u2014';
  const [lo, hi] = limits.map((v) => num(v));
  return `${(e * 100).toFixed(digits)}% (${((lo ?? Number.NaN) * 100).toFixed(digits)}${DASH}${((hi ?? Number.NaN) * 100).toFixed(digits)})`;
}

/** n (%) of a count among a total. */
export function nPct(n: number, of: number, digits = 1): string {
  if (of === 0) return count(n);
  return `${count(n)} (${((n / of) * 100).toFixed(digits)}%)`;
}

/** Days as months (36 months = 1,096 days), rounded. */
export function daysToMonths(days: number): number {
  return Math.round((days * 12) / 365.25);
}
