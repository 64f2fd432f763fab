import type { DicomImage } from '../dicom/dicom-image.js';
import type { DicomSeries } from './dicom-series.js';
import { groupSlices } from './slices.js';
import { inversionTimes, mentionsT2Prep, t2PrepTimes, type SliceTimes } from './times.js';

/**
 * What a series is, for the mapping engine:
 * - `molli`, `shmolli`, `look-locker`: T1 sources (inversion recovery, Look-Locker readout);
 * - `t2prep`: T2 source (T2-prepared images, or any series whose echo/prep time varies);
 * - `map`: maps made by the scanner (T1, T2, ECV, fit parameters);
 * - `other`: anything else (cine, LGE, phase images...).
 */
export const SeriesKind = {
  molli: 'molli',
  shmolli: 'shmolli',
  lookLocker: 'look-locker',
  t2prep: 't2prep',
  map: 'map',
  other: 'other',
} as const;
export type SeriesKind = (typeof SeriesKind)[keyof typeof SeriesKind];

/** The quantity of a scanner-made map. */
export type MapQuantity = 't1' | 't2' | 't2star' | 'ecv' | 'fit-parameters' | 'unknown';

/** The outcome of {@link classifySeries}. */
export interface SeriesClassification {
  readonly kind: SeriesKind;
  /** For `map` series (and for sources that also hold scanner maps, as Philips does). */
  readonly mapQuantity: MapQuantity | undefined;
  /** One sentence: why this kind. */
  readonly reason: string;
  /** Where the inversion or preparation times come from (sources only). */
  readonly timeSource: string | undefined;
  /** Images used as sources (magnitude, not maps), and scanner-map images in the series. */
  readonly sourceImages: number;
  readonly mapImages: number;
  readonly slices: number;
  /** Sorted times of the first slice (ms), for display. */
  readonly times: readonly number[];
}

const MAP_IMAGE_TYPE = /(^|\s)(T1|T2|T2\*|T2STAR|R2\*|ECV|PD)?\s*MAP$|^(T1MAP|T2MAP|ECV|FITPARAMS?)$/;
/** Series-description suffixes of scanner maps (Siemens `<protocol>_T1MAP`, `_FITPARAMS`, MyoMaps `_MOCO_T1`). */
const MAP_DESCRIPTION = /_(t1|t2|t2star|ecv)?map$|_fitparams$|_moco_t[12]$|_t1s$/i;

function mapQuantityFromText(text: string): MapQuantity {
  const t = text.toUpperCase();
  if (/FITPARAM/.test(t)) return 'fit-parameters';
  if (/ECV/.test(t)) return 'ecv';
  if (/T2\*|T2STAR|R2\*/.test(t)) return 't2star';
  if (/T2/.test(t)) return 't2';
  if (/T1/.test(t)) return 't1';
  return 'unknown';
}

/**
 * Whether an image is a map computed by the scanner rather than a source image: ImageType values
 * such as `T1 MAP` (Philips), quantitative units on the modality LUT (RescaleType or Real World
 * Value units `ms`), or the Siemens conventions (`..._T1MAP` series, ImageComments `T1 Map`,
 * `FITPARAMS` series). See mapping.md §3.3.
 */
export function isScannerMap(img: DicomImage): boolean {
  if (img.imageType.some((v) => MAP_IMAGE_TYPE.test(v))) return true;
  const units = (img.rescale.type ?? img.rescale.units ?? '').toLowerCase();
  if (units === 'ms' || units === 'msec' || units === 's') return true;
  if (MAP_DESCRIPTION.test(img.seriesDescription.trim())) return true;
  if (
    img.timing.comments !== undefined &&
    /\b(t1|t2|ecv)\s*map\b|\bcolor\s+\d+\s*sd/i.test(img.timing.comments)
  ) {
    return true;
  }
  return false;
}

/** Phase, real or imaginary images are not fitted as magnitude sources. */
function isMagnitude(img: DicomImage): boolean {
  return img.complexComponent === undefined || img.complexComponent === 'M';
}

/** The images of a series that can be fitted: magnitude images that are not scanner maps. */
export function sourceImagesOf(series: DicomSeries): DicomImage[] {
  return series.images.filter((i) => !isScannerMap(i) && isMagnitude(i));
}

/** Evidence in the header that a trigger-delay-spaced series is inversion recovery, not a cine. */
function looksInversionPrepared(images: readonly DicomImage[]): boolean {
  const i = images[0]!;
  if (i.scanningSequence.includes('IR') || i.scanOptions.includes('IR')) return true;
  if (i.sequenceVariant.includes('MP') && !mentionsT2Prep(images)) return true;
  const text = `${i.seriesDescription} ${i.protocolName} ${i.sequenceName}`;
  return /look.?locker|(^|[^a-z])ll([^a-z]|$)|molli|\bt1\b|ti.?scout|inversion/i.test(text);
}

/**
 * ShMOLLI's sampling (Piechnik et al., JCMR 2010;12:69): 7 images, 5 from the first inversion one
 * heartbeat apart and one from each of two later inversions with slightly longer TIs, so that the
 * sorted times are t0 < t1 < t2 << t3 < t4 < t5 < t6 with t3..t6 (and t3 - t0) one R-R apart.
 */
export function looksLikeShmolliTimes(sorted: readonly number[]): boolean {
  if (sorted.length !== 7) return false;
  const rr = (sorted[6]! - sorted[0]!) / 4;
  if (!(rr > 0)) return false;
  const beats = [
    sorted[3]! - sorted[0]!,
    sorted[4]! - sorted[3]!,
    sorted[5]! - sorted[4]!,
    sorted[6]! - sorted[5]!,
  ];
  const even = beats.every((d) => Math.abs(d - rr) <= 0.15 * rr);
  return even && sorted[2]! - sorted[0]! < 0.5 * rr;
}

/** One inversion train, evenly spaced: a classic Look-Locker rather than MOLLI's interleaving. */
function evenlySpaced(sorted: readonly number[]): boolean {
  if (sorted.length < 3) return false;
  const d: number[] = [];
  for (let i = 1; i < sorted.length; i++) d.push(sorted[i]! - sorted[i - 1]!);
  const mean = d.reduce((s, v) => s + v, 0) / d.length;
  return d.every((v) => Math.abs(v - mean) <= 0.2 * mean);
}

function describeTimes(t: readonly number[]): string {
  return t.map((v) => (Number.isInteger(v) ? String(v) : v.toFixed(1))).join(', ');
}

/**
 * Classifies a series from its headers alone (no pixel decoding): T1 source (MOLLI, ShMOLLI, other
 * Look-Locker), T2-prep source, scanner-made map, or other. Scanner maps stored inside a source
 * series (Philips) and phase images are set aside first; then the remaining images are split into
 * slices and the inversion-time cascade (mapping.md §3.2) and the T2-prep cascade are tried. Names
 * (series description, protocol) only refine the sub-kind (ShMOLLI, Look-Locker) and confirm
 * trigger-delay-spaced series; the decision rests on the timing attributes.
 */
export function classifySeries(series: DicomSeries): SeriesClassification {
  const all = series.images;
  const maps = all.filter(isScannerMap);
  const sources = sourceImagesOf(series);
  const text = `${series.description} ${series.protocolName} ${all[0]?.sequenceName ?? ''}`;
  const mapQuantity =
    maps.length > 0
      ? mapQuantityFromText(
          `${maps[0]!.imageType.join(' ')} ${series.description} ${maps[0]!.timing.comments ?? ''}`
        )
      : undefined;
  const base = { mapQuantity, mapImages: maps.length, sourceImages: sources.length };
  if (sources.length === 0) {
    if (maps.length > 0) {
      return {
        ...base,
        kind: SeriesKind.map,
        reason: `scanner-made ${mapQuantity} map`,
        timeSource: undefined,
        slices: groupSlices(maps).length,
        times: [],
      };
    }
    return {
      ...base,
      kind: SeriesKind.other,
      reason: 'phase, real or imaginary images only',
      timeSource: undefined,
      slices: groupSlices(all).length,
      times: [],
    };
  }
  const slices = groupSlices(sources);
  const other = (reason: string): SeriesClassification => ({
    ...base,
    kind: SeriesKind.other,
    reason,
    timeSource: undefined,
    slices: slices.length,
    times: [],
  });

  // T1: inversion times vary within every slice.
  const t1 = slices.map((s) => inversionTimes(s.images));
  if (t1.every((t): t is SliceTimes => t !== undefined)) {
    const first = [...t1[0]!.times].sort((a, b) => a - b);
    const fromTrigger = t1[0]!.source.startsWith('TriggerTime');
    const enough = slices.every((s) => s.images.length >= 4);
    if (enough && (!fromTrigger || looksInversionPrepared(sources))) {
      const shmolli = /shmolli/i.test(text) || looksLikeShmolliTimes(first);
      const kind = shmolli
        ? SeriesKind.shmolli
        : /molli/i.test(text)
          ? SeriesKind.molli
          : /look.?locker|(^|[^a-z])ll([^a-z]|$)|ti.?scout/i.test(text) || evenlySpaced(first)
            ? SeriesKind.lookLocker
            : SeriesKind.molli;
      return {
        ...base,
        kind,
        reason: `inversion times vary within each slice (${t1[0]!.source}): ${describeTimes(first)} ms`,
        timeSource: t1[0]!.source,
        slices: slices.length,
        times: first,
      };
    }
  }
  // T2: preparation (or echo) times vary within every slice.
  const t2 = slices.map((s) => t2PrepTimes(s.images));
  if (t2.every((t): t is SliceTimes => t !== undefined)) {
    const first = [...t2[0]!.times].sort((a, b) => a - b);
    if (/t2\*|t2star|t2_star|r2\*|\bmge\b|multi.?echo.?gre/i.test(text) && !mentionsT2Prep(sources)) {
      return other(`echo times vary but the series looks like T2* (${series.description})`);
    }
    if (slices.every((s) => s.images.length >= 2)) {
      return {
        ...base,
        kind: SeriesKind.t2prep,
        reason: `preparation times vary within each slice (${t2[0]!.source}): ${describeTimes(first)} ms`,
        timeSource: t2[0]!.source,
        slices: slices.length,
        times: first,
      };
    }
  }
  return other('no varying inversion or preparation times');
}
