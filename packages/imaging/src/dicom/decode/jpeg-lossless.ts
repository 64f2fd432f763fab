import { Decoder } from 'jpeg-lossless-decoder-js';
import type { PixelArray, PixelFormat } from '../dicom-image.js';
import { copyBytes, maskBitsStored } from './native.js';

/**
 * Decodes a JPEG Lossless frame (process 14, transfer syntaxes 1.2.840.10008.1.2.4.57 and .70
 * "first-order prediction", the one Philips scanners write) with `jpeg-lossless-decoder-js`.
 * See: ITU-T T.81 Annex H.
 */
export function decodeJpegLossless(bytes: Uint8Array, format: PixelFormat): PixelArray {
  const bytesPer = format.bitsAllocated <= 8 ? 1 : 2;
  // The decoder reads from an ArrayBuffer at an offset; hand it an exact copy.
  const copy = copyBytes(bytes);
  const decoded = new Decoder().decode(copy.buffer as ArrayBuffer, 0, copy.length, bytesPer);
  const n = format.rows * format.columns;
  if (decoded.length < n) throw new Error(`JPEG Lossless: decoded ${decoded.length} samples, expected ${n}`);
  const signed = format.pixelRepresentation === 1;
  let out: PixelArray;
  if (bytesPer === 1) {
    out = signed
      ? new Int8Array(decoded.buffer, decoded.byteOffset, n)
      : new Uint8Array(decoded.buffer, decoded.byteOffset, n);
  } else {
    out = signed
      ? new Int16Array(decoded.buffer, decoded.byteOffset, n)
      : new Uint16Array(decoded.buffer, decoded.byteOffset, n);
  }
  return maskBitsStored(out, format.bitsStored, signed);
}
