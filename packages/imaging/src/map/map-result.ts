import type { DicomImage } from '../dicom/dicom-image.js';
import type { SliceGeometry } from '../series/load-slices.js';
import type { MaskInfo } from './auto-mask.js';

/** The quantity a map holds. */
export type MapKind = 't1' | 't2' | 'ecv';

/** One slice of a parametric map. Arrays are row-major, rows × columns. */
export interface MapSlice {
  /** Order along the slice normal (the `k` of the output file names). */
  readonly index: number;
  readonly geometry: SliceGeometry;
  /** The map (T1/T2 in ms, ECV as a fraction); NaN where not fitted or where the fit is invalid. */
  readonly values: Float32Array;
  /** Goodness of fit R² (T1, T2); NaN where not fitted. */
  readonly r2: Float32Array | undefined;
  /** Per-pixel {@link FitStatus} codes (T1, T2). */
  readonly status: Uint8Array | undefined;
  /** Other fitted parameters by name: `a`, `b`, `t1Star` (T1) or `m0` (T2). */
  readonly parameters: Readonly<Record<string, Float32Array>>;
  /** Inversion or preparation times (ms), ascending. */
  readonly times: readonly number[];
  /** Where the times were read. */
  readonly timeSource: string | undefined;
  /** Pixels the fit was attempted on (the mask). */
  readonly fittedPixels: number;
  /** Pixels with a finite map value. */
  readonly validPixels: number;
  readonly mask: MaskInfo;
  /** The model actually used on this slice, e.g. `molli-3p-look-locker`. */
  readonly model: string;
  readonly warnings: readonly string[];
  /** A source image of the slice, whose patient/study attributes the DICOM map copies. */
  readonly template: DicomImage | undefined;
}

/** A map over every slice of a series. */
export interface MapResult {
  readonly kind: MapKind;
  readonly units: 'ms' | 'fraction';
  /** Model name (the most specific common to all slices). */
  readonly model: string;
  /** How the model was fitted, in one sentence (for the sidecar). */
  readonly algorithm: string;
  readonly seriesInstanceUid: string;
  readonly seriesDescription: string;
  readonly slices: readonly MapSlice[];
}

/** Progress of a long computation. */
export interface MapProgress {
  readonly stage: 'decode' | 'fit';
  readonly done: number;
  readonly total: number;
}

/** Callbacks and cancellation for map computations. */
export interface RunControl {
  readonly onProgress?: (p: MapProgress) => void;
  readonly signal?: AbortSignal;
}
