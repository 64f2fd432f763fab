import { id } from '@cmr-mass/core';
import { describe, expect, it } from 'vitest';
import { newId, uuidV7 } from './ids.js';

describe('uuidV7 (RFC 9562 §5.7)', () => {
  it('puts the time in the first 48 bits, version 7 and variant 10', () => {
    // 0x017F22E279B0 = 1645557742000 ms, the example time of RFC 9562 appendix A.6.
    const u = uuidV7(0x017f22e279b0, new Uint8Array(10).fill(0xff));
    expect(u).toBe('017f22e2-79b0-7fff-bfff-ffffffffffff');
    expect(uuidV7(0, new Uint8Array(10))).toBe('00000000-0000-7000-8000-000000000000');
  });

  it('sorts by time as text, and passes core’s identifier schema', () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(a < b).toBe(true);
    expect(id.safeParse(a).success).toBe(true);
    expect(newId()).not.toBe(newId());
  });

  it('refuses a time outside 48 bits and too few random bytes', () => {
    expect(() => uuidV7(-1, new Uint8Array(10))).toThrow(RangeError);
    expect(() => uuidV7(2 ** 48, new Uint8Array(10))).toThrow(RangeError);
    expect(() => uuidV7(1, new Uint8Array(9))).toThrow(RangeError);
  });
});
