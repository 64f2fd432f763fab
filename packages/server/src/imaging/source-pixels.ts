import { notFound } from '@cmr-mass/core';
import { instanceBytes, type DbHandle, type ImageMeta } from '@cmr-mass/db';
import { decodeImage, float32LeBytes, parseDicomBytes } from '@cmr-mass/imaging';

/**
 * A small least-recently-used cache of byte arrays, bounded by their total size: decoded source
 * frames are asked for again as a reader scrolls through a series.
 */
export class ByteLru {
  readonly #entries = new Map<string, Uint8Array>();
  #bytes = 0;

  /** @param maxBytes - the most bytes kept (an entry larger than this is not kept) */
  constructor(readonly maxBytes: number) {}

  /** The entry, now the most recently used, or undefined. */
  get(key: string): Uint8Array | undefined {
    const v = this.#entries.get(key);
    if (v !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, v);
    }
    return v;
  }

  /** Keeps an entry, dropping the least recently used ones beyond the bound. */
  set(key: string, value: Uint8Array): void {
    const old = this.#entries.get(key);
    if (old !== undefined) {
      this.#entries.delete(key);
      this.#bytes -= old.byteLength;
    }
    if (value.byteLength > this.maxBytes) return;
    this.#entries.set(key, value);
    this.#bytes += value.byteLength;
    for (const [k, v] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(k);
      this.#bytes -= v.byteLength;
    }
  }

  /** Bytes held now. */
  get size(): number {
    return this.#bytes;
  }
}

/**
 * The real-world values of a source image (a frame of an uploaded instance), decoded on demand:
 * parsed (DICOM PS3.10), decoded whatever the transfer syntax, and put through the modality LUT
 * (RescaleSlope/Intercept, PS3.3 C.11.1.1.2), as row-major float32. Call after the access check.
 */
export async function decodeSourceFrame(handle: DbHandle, image: ImageMeta): Promise<Float32Array> {
  if (image.instance_id === null) throw notFound('source image data');
  const bytes = await instanceBytes(handle.db, image.instance_id);
  const frames = parseDicomBytes(bytes, `instance ${image.instance_id}`);
  const frame =
    frames.find((f) => f.frame === (image.frame ?? 0)) ?? (frames.length === 1 ? frames[0] : undefined);
  if (!frame) throw notFound(`frame ${image.frame ?? 0} of the instance`);
  return decodeImage(frame);
}

/**
 * {@link decodeSourceFrame} as little-endian float32 bytes, through a cache keyed by the image id
 * (source image rows are replaced, with new ids, when their series gains instances).
 */
export async function sourceFrameBytes(
  handle: DbHandle,
  image: ImageMeta,
  cache: ByteLru
): Promise<Uint8Array> {
  const hit = cache.get(image.id);
  if (hit) return hit;
  const bytes = float32LeBytes(await decodeSourceFrame(handle, image));
  cache.set(image.id, bytes);
  return bytes;
}
