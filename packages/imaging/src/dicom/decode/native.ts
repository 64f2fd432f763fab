import type { PixelArray, PixelLocator } from '../dicom-image.js';

/**
 * Masks stored values to BitsStored and sign-extends two's-complement data, in place (PS3.5 §8.1.1:
 * bits above the high bit may hold overlay or garbage).
 */
export function maskBitsStored(values: PixelArray, bitsStored: number, signed: boolean): PixelArray {
  if (values instanceof Float32Array || values instanceof Float64Array) return values;
  const bits =
    values instanceof Uint8Array || values instanceof Int8Array
      ? 8
      : values instanceof Uint16Array || values instanceof Int16Array
        ? 16
        : 32;
  if (bitsStored >= bits) return values;
  const mask = bits === 32 ? 0xffffffff : (1 << bitsStored) - 1;
  const signBit = 1 << (bitsStored - 1);
  for (let i = 0; i < values.length; i++) {
    let v = values[i]! & mask;
    if (signed && v & signBit) v -= 1 << bitsStored;
    values[i] = v;
  }
  return values;
}

/**
 * A fresh, exactly-sized copy of `bytes` (Buffer's `slice` would return a view of the whole file).
 */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

/**
 * Stored values of one native (uncompressed) frame. Copies the bytes first, so the result never
 * aliases the file buffer and is correctly aligned; swaps bytes for explicit big endian.
 * See: DICOM PS3.5 §8 (native format).
 */
export function decodeNative(locator: PixelLocator): PixelArray {
  const { format, bigEndian, floatKind } = locator;
  const n = format.rows * format.columns * format.samplesPerPixel;
  const bytes = copyBytes(locator.bytes);
  const bytesPer = format.bitsAllocated / 8;
  if (bigEndian && bytesPer > 1) {
    for (let i = 0; i + bytesPer <= bytes.length; i += bytesPer) {
      for (let a = 0, b = bytesPer - 1; a < b; a++, b--) {
        const t = bytes[i + a]!;
        bytes[i + a] = bytes[i + b]!;
        bytes[i + b] = t;
      }
    }
  }
  const buf = bytes.buffer;
  if (floatKind === 'float32') return new Float32Array(buf, 0, n);
  if (floatKind === 'float64') return new Float64Array(buf, 0, n);
  const signed = format.pixelRepresentation === 1;
  let out: PixelArray;
  switch (format.bitsAllocated) {
    case 8:
      out = signed ? new Int8Array(buf, 0, n) : new Uint8Array(buf, 0, n);
      break;
    case 16:
      out = signed ? new Int16Array(buf, 0, n) : new Uint16Array(buf, 0, n);
      break;
    case 32:
      out = signed ? new Int32Array(buf, 0, n) : new Uint32Array(buf, 0, n);
      break;
    default:
      throw new Error(`BitsAllocated ${format.bitsAllocated} is not supported (8, 16 or 32 only)`);
  }
  return maskBitsStored(out, format.bitsStored, signed);
}
