/**
 * Shared look of the figures: fonts, sizes and a colour-blind-safe palette (Okabe & Ito 2008), chosen
 * to stay readable in black-and-white print (each series also differs by dash pattern).
 */

/** Languages the figures speak. */
export type Lang = 'en' | 'zh';

/** Font stack with a CJK fallback, so Chinese labels render wherever Noto Sans CJK is installed. */
export const FONT_FAMILY =
  "Helvetica, Arial, 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', sans-serif";

export const FONT_SIZE = 12;
export const SMALL_FONT_SIZE = 10.5;
export const TITLE_FONT_SIZE = 13.5;

/** Okabe-Ito colours: blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black. */
export const PALETTE: readonly string[] = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#E69F00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
  '#000000',
];

/** Dash patterns that tell series apart without colour. */
export const DASHES: readonly string[] = ['', '6 3', '2 2', '8 3 2 3', '1 3', '10 4'];

export const AXIS_COLOUR = '#333333';
export const GRID_COLOUR = '#e3e3e3';
export const TEXT_COLOUR = '#111111';
export const MUTED_COLOUR = '#666666';

/** The colour of series i. */
export function colour(i: number): string {
  return PALETTE[i % PALETTE.length]!;
}

/** The dash pattern of series i. */
export function dash(i: number): string {
  return DASHES[i % DASHES.length]!;
}

/**
 * Approximate width of a label in pixels without a DOM: CJK characters are one em wide, Latin ones
 * about 0.58 em (Helvetica's average), which is close enough to lay out legends and tables.
 */
export function textWidth(text: string, size = FONT_SIZE): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    em += code >= 0x2e80 ? 1 : ch === ' ' ? 0.28 : /[A-Z0-9%]/.test(ch) ? 0.65 : 0.55;
  }
  return em * size;
}

/** Formats a number with a fixed count of decimals, with a true minus sign. */
export function fixed(x: number, digits: number): string {
  return x.toFixed(digits).replace(/^-/, '\u2212');
}
