import type { DataSet } from 'dicom-parser';
import { Tag } from './tags.js';

/**
 * Value readers over a dicom-parser data set that work for explicit and implicit VR alike.
 * In implicit-VR files the VR is unknown, so binary numbers (FL/FD/US/...) and decimal strings
 * (DS/IS) are told apart by their bytes. See: DICOM PS3.5 §6.2 (value representations).
 */

/** A trimmed string value (value `index`), or undefined when absent or empty. */
export function readString(ds: DataSet, tag: string, index?: number): string | undefined {
  const el = ds.elements[tag];
  if (!el || el.length === 0) return undefined;
  const v = index === undefined ? ds.string(tag) : ds.string(tag, index);
  const t = v?.replace(/\0/g, '').trim();
  return t === '' ? undefined : t;
}

/** A text value (LT/ST/UT) with trailing spaces removed. */
export function readText(ds: DataSet, tag: string): string | undefined {
  const el = ds.elements[tag];
  if (!el || el.length === 0) return undefined;
  const t = ds.text(tag)?.replace(/\0/g, '').trim();
  return t === '' ? undefined : t;
}

/** All backslash-separated values of a string attribute, trimmed (empty array when absent). */
export function readStrings(ds: DataSet, tag: string): string[] {
  const el = ds.elements[tag];
  if (!el || el.length === 0) return [];
  const raw = ds.string(tag);
  if (raw === undefined) return [];
  return raw
    .replace(/\0/g, '')
    .split('\\')
    .map((s) => s.trim());
}

const BINARY_VRS: Readonly<Record<string, number>> = { FL: 4, FD: 8, US: 2, SS: 2, UL: 4, SL: 4 };

/**
 * VRs of the numeric attributes we read, for implicit-VR files (PS3.6). Without them a binary US
 * such as Rows = 48 (bytes 0x30 0x00) would look like the text "0".
 */
const IMPLICIT_VR: Readonly<Record<string, string>> = {
  [Tag.SamplesPerPixel]: 'US',
  [Tag.Rows]: 'US',
  [Tag.Columns]: 'US',
  [Tag.BitsAllocated]: 'US',
  [Tag.BitsStored]: 'US',
  [Tag.HighBit]: 'US',
  [Tag.PixelRepresentation]: 'US',
  [Tag.InversionTimes]: 'FD',
  [Tag.EffectiveEchoTime]: 'FD',
  [Tag.NominalCardiacTriggerDelayTime]: 'FD',
  [Tag.PhilipsInversionTime]: 'FL',
  [Tag.RealWorldValueIntercept]: 'FD',
  [Tag.RealWorldValueSlope]: 'FD',
  [Tag.NumberOfFrames]: 'IS',
  [Tag.InversionTime]: 'DS',
  [Tag.EchoTime]: 'DS',
  [Tag.TriggerTime]: 'DS',
  [Tag.RescaleSlope]: 'DS',
  [Tag.RescaleIntercept]: 'DS',
  [Tag.ImagePositionPatient]: 'DS',
  [Tag.ImageOrientationPatient]: 'DS',
  [Tag.PixelSpacing]: 'DS',
  [Tag.SliceThickness]: 'DS',
  [Tag.SliceLocation]: 'DS',
  [Tag.MagneticFieldStrength]: 'DS',
  [Tag.InstanceNumber]: 'IS',
  [Tag.SeriesNumber]: 'IS',
};

function looksLikeText(ds: DataSet, offset: number, length: number): boolean {
  for (let i = 0; i < length; i++) {
    const b = ds.byteArray[offset + i]!;
    // Digits, sign, point, exponent, space, backslash, NUL padding.
    const ok =
      (b >= 0x30 && b <= 0x39) ||
      b === 0x2b ||
      b === 0x2d ||
      b === 0x2e ||
      b === 0x45 ||
      b === 0x65 ||
      b === 0x20 ||
      b === 0x5c ||
      b === 0;
    if (!ok) return false;
  }
  return true;
}

/**
 * All numeric values of an attribute, whatever its encoding: decimal strings (DS/IS), or binary
 * FL/FD/US/SS/UL/SL. With implicit VR, binary is assumed when the bytes are not number text.
 *
 * @returns the numbers (NaN-free); empty when absent or unparseable
 */
export function readNumbers(ds: DataSet, tag: string): number[] {
  const el = ds.elements[tag];
  if (!el || el.length === 0) return [];
  const vr = el.vr ?? IMPLICIT_VR[tag];
  let binary: string | undefined;
  if (vr !== undefined && vr in BINARY_VRS) binary = vr;
  else if (vr === undefined && !looksLikeText(ds, el.dataOffset, el.length)) {
    // One 8-byte value is taken as FD (e.g. Inversion Times); other multiples of 4 as FL.
    binary = el.length === 8 ? 'FD' : el.length % 4 === 0 ? 'FL' : 'US';
  }
  const out: number[] = [];
  if (binary !== undefined) {
    const size = BINARY_VRS[binary]!;
    const count = Math.floor(el.length / size);
    for (let i = 0; i < count; i++) {
      let v: number | undefined;
      if (binary === 'FL') v = ds.float(tag, i);
      else if (binary === 'FD') v = ds.double(tag, i);
      else if (binary === 'US') v = ds.uint16(tag, i);
      else if (binary === 'SS') v = ds.int16(tag, i);
      else if (binary === 'UL') v = ds.uint32(tag, i);
      else v = ds.int32(tag, i);
      if (v !== undefined && Number.isFinite(v)) out.push(v);
    }
    return out;
  }
  for (const s of readStrings(ds, tag)) {
    if (s === '') continue;
    const v = Number(s);
    if (Number.isFinite(v)) out.push(v);
  }
  return out;
}

/** The first numeric value of an attribute, or undefined. */
export function readNumber(ds: DataSet, tag: string): number | undefined {
  return readNumbers(ds, tag)[0];
}

/** The first item's data set of a sequence attribute, or undefined. */
export function firstItem(ds: DataSet | undefined, tag: string): DataSet | undefined {
  return ds?.elements[tag]?.items?.[0]?.dataSet;
}
