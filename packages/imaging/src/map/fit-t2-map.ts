import type { T2Options } from '../fit/t2.js';
import { classifySeries, SeriesKind } from '../series/classify.js';
import type { DicomSeries } from '../series/dicom-series.js';
import { loadSliceStacks, SeriesInputError } from '../series/load-slices.js';
import { fitStacks, sliceFromFit, type FitRunOptions } from './fit-stacks.js';
import { statusWarnings } from './fit-t1-map.js';
import type { MapResult, RunControl } from './map-result.js';

/** How to fit a T2 map. */
export interface T2MapOptions extends FitRunOptions {
  /** Per-pixel fit options (search range, validity limit). */
  readonly fit?: T2Options;
}

/**
 * Fits a T2 map to every slice of a T2-prepared series: `S = M0·exp(-TE/T2)` by least squares over
 * T2 with M0 in closed form (mapping.md §1.6; Giri et al., JCMR 2009;11:56).
 *
 * @param series - a T2-prep source series (see {@link classifySeries})
 * @param options - mask, threads, fit options
 * @param control - progress callback and abort signal
 * @throws SeriesInputError when the series is not a usable T2 source
 */
export async function fitT2Map(
  series: DicomSeries,
  options: T2MapOptions = {},
  control: RunControl = {}
): Promise<MapResult> {
  const cls = classifySeries(series);
  if (cls.kind !== SeriesKind.t2prep) {
    throw new SeriesInputError(
      `series ${series.seriesInstanceUid} (${series.description || 'no description'}) is not a T2-prep source: ${cls.reason}`
    );
  }
  const stacks = await loadSliceStacks(series, 't2', {
    ...(control.signal ? { signal: control.signal } : {}),
    onImage: (done, total) => control.onProgress?.({ stage: 'decode', done, total }),
  });
  const fitted = await fitStacks(
    stacks,
    () => ({ model: 't2', job: { t2Options: options.fit ?? {} } }),
    options,
    control
  );
  const slices = fitted.map((f) => {
    const slice = sliceFromFit(f, 't2-mono-exp-2p', { m0: f.result.a }, []);
    return { ...slice, warnings: statusWarnings(f.result.status, f.pixels.length) };
  });
  return {
    kind: 't2',
    units: 'ms',
    model: 't2-mono-exp-2p',
    algorithm:
      'least squares of M0·exp(-TE/T2): T2 searched on a log table (ratio 1.002) with M0 in closed form and a parabolic final step',
    seriesInstanceUid: series.seriesInstanceUid,
    seriesDescription: series.description,
    slices,
  };
}
