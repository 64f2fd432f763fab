import type { PixelArray, PixelFormat } from '../dicom-image.js';
import { maskBitsStored } from './native.js';

/**
 * Decodes one DICOM RLE Lossless frame (PS3.5 Annex G).
 *
 * The frame starts with a 64-byte header: the number of segments (uint32 LE) and 15 segment offsets.
 * Each segment is PackBits-encoded (G.3.1: a control byte n in 0..127 copies the next n+1 bytes,
 * n in -127..-1 repeats the next byte 1-n times, -128 is a no-op) and holds one byte plane, most
 * significant byte first, for each sample.
 *
 * @example
 * // One 1x4 8-bit segment: "repeat 0x05 three times", "copy 1 byte 0x09" -> [5, 5, 5, 9]
 */
export function decodeRle(bytes: Uint8Array, format: PixelFormat): PixelArray {
  const { rows, columns, samplesPerPixel, bitsAllocated, pixelRepresentation } = format;
  if (samplesPerPixel !== 1) throw new Error('RLE: only single-sample (greyscale) images are supported');
  const bytesPer = bitsAllocated / 8;
  if (![1, 2, 4].includes(bytesPer)) throw new Error(`RLE: BitsAllocated ${bitsAllocated} not supported`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 64) throw new Error('RLE: frame shorter than its 64-byte header');
  const nSegments = view.getUint32(0, true);
  if (nSegments !== bytesPer) throw new Error(`RLE: ${nSegments} segments for ${bytesPer}-byte samples`);
  const n = rows * columns;
  const out = new Uint8Array(n * bytesPer);
  for (let s = 0; s < nSegments; s++) {
    const start = view.getUint32(4 + 4 * s, true);
    const end = s + 1 < nSegments ? view.getUint32(8 + 4 * s, true) : bytes.length;
    // Segment s is byte plane s, most significant first; little-endian output puts it at
    // byte offset bytesPer - 1 - s of each sample.
    const lane = bytesPer - 1 - s;
    let px = 0;
    let i = start;
    while (i < end && px < n) {
      const control = bytes[i++]!;
      const c = control > 127 ? control - 256 : control;
      if (c >= 0) {
        for (let k = 0; k <= c && px < n; k++) out[px++ * bytesPer + lane] = bytes[i++]!;
      } else if (c !== -128) {
        const v = bytes[i++]!;
        for (let k = 0; k < 1 - c && px < n; k++) out[px++ * bytesPer + lane] = v;
      }
    }
    if (px < n) throw new Error(`RLE: segment ${s} decodes to ${px} of ${n} samples`);
  }
  const signed = pixelRepresentation === 1;
  let arr: PixelArray;
  if (bytesPer === 1) arr = signed ? new Int8Array(out.buffer) : out;
  else if (bytesPer === 2) arr = signed ? new Int16Array(out.buffer) : new Uint16Array(out.buffer);
  else arr = signed ? new Int32Array(out.buffer) : new Uint32Array(out.buffer);
  return maskBitsStored(arr, format.bitsStored, signed);
}
