import { fitStatusName, FitStatus } from '../fit/fit-status.js';
import type { MolliOptions } from '../fit/molli.js';
import { classifySeries, SeriesKind } from '../series/classify.js';
import type { DicomSeries } from '../series/dicom-series.js';
import { loadSliceStacks, SeriesInputError } from '../series/load-slices.js';
import { fitStacks, sliceFromFit, type FitRunOptions } from './fit-stacks.js';
import type { MapResult, MapSlice, RunControl } from './map-result.js';

/** How to fit a T1 map. */
export interface T1MapOptions extends FitRunOptions {
  /**
   * `auto` (default) applies ShMOLLI's conditional rule when the series is ShMOLLI (by its
   * description or its sampling scheme) and the MOLLI fit otherwise.
   */
  readonly method?: 'auto' | 'molli' | 'shmolli';
  /** Per-pixel fit options (search range, validity limits). */
  readonly fit?: MolliOptions;
}

const ALGORITHM =
  'reduced-dimension NLS (Barral 2010): T1* searched on a log table (ratio 1.002) with closed-form A and B and a parabolic final step; ' +
  'polarity restoration over every sign-flip position (exact isotonic pruning); the lowest SSE among fits with A > 0 and B > A; ' +
  'T1 = T1*(B/A - 1) (Deichmann & Haase 1992)';

/** Counts of non-ok statuses among fitted pixels, as warnings. */
export function statusWarnings(status: Uint8Array, fitted: number): string[] {
  const counts = new Map<number, number>();
  for (const s of status) {
    if (s !== FitStatus.ok && s !== FitStatus.notFitted) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(
      ([s, c]) =>
        `${c} of ${fitted} fitted pixels not valid (${fitStatusName[s as FitStatus]}); NaN in the map`
    );
}

/**
 * Fits a T1 map to every slice of a MOLLI, ShMOLLI or other Look-Locker series: the 3-parameter
 * model `S = A - B·exp(-TI/T1*)` with polarity restoration and the Look-Locker correction
 * `T1 = T1*·(B/A - 1)` (Messroghli et al., MRM 2004;52:141; Deichmann & Haase, JMR 1992;96:608),
 * or ShMOLLI's conditional 5/6/7-sample rule (Piechnik et al., JCMR 2010;12:69).
 *
 * @param series - a T1 source series (see {@link classifySeries})
 * @param options - method, mask, threads, fit options
 * @param control - progress callback and abort signal
 * @throws SeriesInputError when the series is not a usable T1 source
 */
export async function fitT1Map(
  series: DicomSeries,
  options: T1MapOptions = {},
  control: RunControl = {}
): Promise<MapResult> {
  const cls = classifySeries(series);
  if (
    cls.kind !== SeriesKind.molli &&
    cls.kind !== SeriesKind.shmolli &&
    cls.kind !== SeriesKind.lookLocker
  ) {
    throw new SeriesInputError(
      `series ${series.seriesInstanceUid} (${series.description || 'no description'}) is not a T1 source: ${cls.reason}`
    );
  }
  const method = options.method ?? 'auto';
  const stacks = await loadSliceStacks(series, 't1', {
    ...(control.signal ? { signal: control.signal } : {}),
    onImage: (done, total) => control.onProgress?.({ stage: 'decode', done, total }),
  });
  const useShmolli = stacks.map((s) => {
    if (method === 'molli') return false;
    if (method === 'shmolli') {
      if (s.times.length !== 7) {
        throw new SeriesInputError(`slice ${s.index}: ShMOLLI needs 7 images, found ${s.times.length}`);
      }
      return true;
    }
    return cls.kind === SeriesKind.shmolli && s.times.length === 7;
  });
  const warnings = new Map<number, string[]>();
  if (method === 'auto' && cls.kind === SeriesKind.shmolli) {
    stacks.forEach((s, i) => {
      if (!useShmolli[i]) {
        warnings.set(s.index, [
          `ShMOLLI series but ${s.times.length} images in this slice: plain MOLLI fit used`,
        ]);
      }
    });
  }
  const fitOptions: MolliOptions = options.fit ?? {};
  const fitted = await fitStacks(
    stacks,
    (s) => ({
      model: useShmolli[stacks.indexOf(s)] ? 'shmolli' : 'molli',
      job: { molliOptions: fitOptions },
    }),
    options,
    control
  );
  const lookLocker = cls.kind === SeriesKind.lookLocker;
  const slices: MapSlice[] = fitted.map((f, i) => {
    const name = useShmolli[i]
      ? 'shmolli-3p-look-locker-conditional'
      : lookLocker
        ? 'look-locker-3p'
        : 'molli-3p-look-locker';
    const slice = sliceFromFit(f, name, { a: f.result.a, b: f.result.b, t1Star: f.result.tau }, []);
    const w = [...(warnings.get(f.stack.index) ?? []), ...statusWarnings(f.result.status, f.pixels.length)];
    return { ...slice, warnings: w };
  });
  const models = [...new Set(slices.map((s) => s.model))];
  return {
    kind: 't1',
    units: 'ms',
    model: models.join('+'),
    algorithm: models.some((m) => m.startsWith('shmolli'))
      ? `${ALGORITHM}; ShMOLLI: 5-, 6- and 7-sample fits combined by Piechnik's conditional rule (as in Tomato)`
      : ALGORITHM,
    seriesInstanceUid: series.seriesInstanceUid,
    seriesDescription: series.description,
    slices,
  };
}
