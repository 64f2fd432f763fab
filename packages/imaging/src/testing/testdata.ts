import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readFloat32Le } from '../output/raw-f32.js';

/** Absolute path of a file or folder under packages/imaging/testdata (test helper). */
export function testdataPath(...parts: string[]): string {
  return fileURLToPath(new URL(`../../testdata/${parts.join('/')}`, import.meta.url));
}

/** A raw little-endian float32 file from testdata. */
export function readF32(...parts: string[]): Float32Array {
  return readFloat32Le(new Uint8Array(readFileSync(testdataPath(...parts))));
}

/** A raw uint8 file from testdata. */
export function readU8(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(testdataPath(...parts)));
}

/** A JSON file from testdata. */
export function readJson(...parts: string[]): unknown {
  return JSON.parse(readFileSync(testdataPath(...parts), 'utf8')) as unknown;
}
