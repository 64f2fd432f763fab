import { createHash } from 'node:crypto';

/**
 * A DICOM UID under the `2.25` root (a UUID written as a decimal integer, PS3.5 §B.2), derived
 * from the given parts by SHA-256: the same inputs always give the same UID, so re-running a map
 * on the same data reproduces its identifiers.
 *
 * @example
 * derivedUid('series', '1.2.3', 't1') // returns '2.25.' followed by up to 39 digits
 */
export function derivedUid(...parts: readonly (string | number)[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(`${String(p)}\u0000`);
  const hex = hash.digest('hex').slice(0, 32);
  // Set the UUID version (4) and variant bits so that the integer is a well-formed UUID.
  const bytes = hex.match(/../g)!.map((h) => parseInt(h, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const value = BigInt(`0x${bytes.map((b) => b.toString(16).padStart(2, '0')).join('')}`);
  return `2.25.${value.toString(10)}`;
}

/** SHA-256 of a typed array's bytes (hex), to tie derived UIDs to the map content. */
export function contentHash(values: ArrayBufferView): string {
  return createHash('sha256')
    .update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength))
    .digest('hex');
}
