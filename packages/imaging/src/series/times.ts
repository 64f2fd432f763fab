import type { DicomImage } from '../dicom/dicom-image.js';

/** Preparation times of the images of one slice, with where they were read. */
export interface SliceTimes {
  /** One time (ms) per image, in the order of the images passed in. */
  readonly times: readonly number[];
  /** Which attribute the times came from, e.g. `InversionTime (0018,0082)`. */
  readonly source: string;
}

/** `TI 100`, `TIeff 100 ms`, `TI=100`, `TI: 100.5` (Siemens ImageComments, synthetic exports). */
const TI_COMMENT = /\bTI(?:eff)?\s*[=:]?\s*(\d+(?:\.\d+)?)/i;
/** `T2 prep. duration = 25 ms` (Siemens VE11C), also `T2prep 25 ms`, `T2-prep = 25ms`. */
const T2PREP_COMMENT = /T2[\s_-]*prep(?:\.|aration)?(?:\s*duration)?\s*[=:]?\s*(\d+(?:\.\d+)?)\s*ms/i;

function parseComment(re: RegExp, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = re.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** All defined, finite, and not all equal. */
function varies(values: readonly (number | undefined)[]): values is number[] {
  if (values.length < 2) return false;
  let first: number | undefined;
  let differs = false;
  for (const v of values) {
    if (v === undefined || !Number.isFinite(v)) return false;
    if (first === undefined) first = v;
    else if (Math.abs(v - first) > 1e-6) differs = true;
  }
  return differs;
}

/**
 * Inversion times of one slice's images through the cascade of mapping.md §3.2: the first candidate
 * that is present on every image and varies across them wins.
 *
 * 1. Enhanced MR per-frame MR Modifier > Inversion Times (0018,9079) (PS3.3 C.8.13.5.5).
 * 2. InversionTime (0018,0082): Siemens MOLLI/ShMOLLI, GE.
 * 3. Philips private (2005,1572): Philips MOLLI writes no InversionTime.
 * 4. ImageComments `TI 100` / `TIeff 100 ms` (Siemens WIP sequences).
 * 5. TriggerTime (0018,1060) for Look-Locker series whose images are spaced in trigger delay
 *    (Philips LL); when a constant InversionTime is also present it is the first image's TI and
 *    the others are offset by their trigger delay (as SlicerT1_ECVMapping does).
 *
 * @returns the times and their source, or undefined when no candidate varies
 */
export function inversionTimes(images: readonly DicomImage[]): SliceTimes | undefined {
  const enhanced = images.map((i) => i.timing.inversionTimeEnhanced);
  if (varies(enhanced)) return { times: enhanced, source: 'Inversion Times (0018,9079)' };
  const ti = images.map((i) => i.timing.inversionTime);
  if (varies(ti)) return { times: ti, source: 'InversionTime (0018,0082)' };
  const philips = images.map((i) => i.timing.philipsInversionTime);
  if (varies(philips)) return { times: philips, source: 'Philips private (2005,1572)' };
  const comments = images.map((i) => parseComment(TI_COMMENT, i.timing.comments));
  if (varies(comments)) return { times: comments, source: 'ImageComments (0020,4000) "TI"' };
  const trigger = images.map((i) => i.timing.triggerTime);
  if (varies(trigger)) {
    const first = images.reduce((a, b) =>
      (a.timing.triggerTime ?? 0) <= (b.timing.triggerTime ?? 0) ? a : b
    );
    const ti0 = first.timing.inversionTime;
    const constantTi = ti.every((v) => v !== undefined && v > 0 && Math.abs(v - ti[0]!) < 1e-6);
    if (constantTi && ti0 !== undefined) {
      const offset = ti0 - first.timing.triggerTime!;
      return {
        times: trigger.map((t) => t + offset),
        source: 'TriggerTime (0018,1060) + (InversionTime - TriggerTime) of the first image',
      };
    }
    return { times: trigger, source: 'TriggerTime (0018,1060)' };
  }
  return undefined;
}

/**
 * T2-preparation times of one slice's images:
 *
 * 1. ImageComments / Frame Comments `T2 prep. duration = 25 ms` (Siemens VE11C and later, XA).
 * 2. Enhanced MR Echo > Effective Echo Time (0018,9082), when it varies.
 * 3. EchoTime (0018,0081), only when it varies: in T2-prepared bSSFP it is normally the constant
 *    readout TE (~1 ms), but other vendors and exports store the preparation time there.
 *
 * @returns the times and their source, or undefined
 */
export function t2PrepTimes(images: readonly DicomImage[]): SliceTimes | undefined {
  const comments = images.map((i) => parseComment(T2PREP_COMMENT, i.timing.comments));
  if (varies(comments)) return { times: comments, source: 'ImageComments (0020,4000) "T2 prep. duration"' };
  const effective = images.map((i) => i.timing.effectiveEchoTime);
  if (varies(effective)) return { times: effective, source: 'Effective Echo Time (0018,9082)' };
  const te = images.map((i) => i.timing.echoTime);
  if (varies(te)) return { times: te, source: 'EchoTime (0018,0081)' };
  return undefined;
}

/** True when some image's comments name a T2 preparation (even with one constant value). */
export function mentionsT2Prep(images: readonly DicomImage[]): boolean {
  return images.some(
    (i) => i.timing.t2Prepared || parseComment(T2PREP_COMMENT, i.timing.comments) !== undefined
  );
}
