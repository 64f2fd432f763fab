import { describe, expect, it } from 'vitest';
import { decodeRle } from './rle.js';

const format = (rows: number, columns: number, bits: number) => ({
  rows,
  columns,
  samplesPerPixel: 1,
  bitsAllocated: bits,
  bitsStored: bits,
  pixelRepresentation: 0,
  photometricInterpretation: 'MONOCHROME2',
});

function header(offsets: number[]): Uint8Array {
  const h = new Uint8Array(64);
  const v = new DataView(h.buffer);
  v.setUint32(0, offsets.length, true);
  offsets.forEach((o, i) => {
    v.setUint32(4 + 4 * i, o, true);
  });
  return h;
}

describe('decodeRle (PS3.5 Annex G PackBits segments)', () => {
  it('decodes a hand-made 8-bit frame: repeat and literal runs', () => {
    // Control -2 (0xFE): repeat the next byte 3 times; control 0: copy 1 literal byte.
    const seg = Uint8Array.of(0xfe, 5, 0, 9);
    const frame = new Uint8Array(64 + seg.length);
    frame.set(header([64]));
    frame.set(seg, 64);
    expect(Array.from(decodeRle(frame, format(1, 4, 8)))).toEqual([5, 5, 5, 9]);
  });

  it('puts the most significant byte plane first for 16-bit samples', () => {
    // Values 0x0102 and 0x0304: segment 1 holds the high bytes (1, 3), segment 2 the low (2, 4).
    const hi = Uint8Array.of(1, 1, 3);
    const lo = Uint8Array.of(1, 2, 4);
    const frame = new Uint8Array(64 + 6);
    frame.set(header([64, 67]));
    frame.set(hi, 64);
    frame.set(lo, 67);
    expect(Array.from(decodeRle(frame, format(1, 2, 16)))).toEqual([0x0102, 0x0304]);
  });

  it('rejects a short segment', () => {
    const frame = new Uint8Array(66);
    frame.set(header([64]));
    frame.set(Uint8Array.of(0, 7), 64);
    expect(() => decodeRle(frame, format(1, 4, 8))).toThrow(/segment/);
  });
});
