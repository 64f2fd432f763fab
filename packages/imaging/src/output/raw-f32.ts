/**
 * Raw little-endian float32 bytes of a map (row-major, no header), as mapping-cli.md specifies,
 * whatever the host's byte order.
 */
export function float32LeBytes(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(4 * i, values[i]!, true);
  return out;
}

/**
 * Reads raw little-endian float32 bytes back.
 *
 * @throws RangeError when the length is not a multiple of 4 or does not match `expected` values
 */
export function readFloat32Le(bytes: Uint8Array, expected?: number): Float32Array {
  if (bytes.length % 4 !== 0) {
    throw new RangeError(`${bytes.length} bytes is not a whole number of float32 values`);
  }
  const n = bytes.length / 4;
  if (expected !== undefined && n !== expected) {
    throw new RangeError(`${n} float32 values, expected ${expected}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat32(4 * i, true);
  return out;
}
