import type { DicomImage, PixelArray, PixelLocator } from '../dicom-image.js';
import { codecOf, transferSyntaxName } from '../transfer-syntax.js';
import { decodeJpegLossless } from './jpeg-lossless.js';
import { decodeNative } from './native.js';
import { decodeRle } from './rle.js';
import { decodeJpeg2000, decodeJpegLs } from './wasm-codecs.js';

/** A pixel buffer that cannot be decoded (unsupported syntax, corrupt stream...). */
export class PixelDecodeError extends Error {
  override readonly name = 'PixelDecodeError';
}

/**
 * Stored pixel values of one frame, dispatching on the transfer syntax: native little/big endian,
 * JPEG Lossless (.57/.70), JPEG-LS (.80/.81), JPEG 2000 (.90/.91) and RLE (.5).
 *
 * @throws PixelDecodeError for colour images, lossy JPEG and unknown transfer syntaxes
 */
export async function decodeStoredValues(locator: PixelLocator, source = 'image'): Promise<PixelArray> {
  const { format, transferSyntaxUid } = locator;
  if (format.samplesPerPixel !== 1) {
    throw new PixelDecodeError(`${source}: ${format.samplesPerPixel} samples per pixel (greyscale only)`);
  }
  const codec = codecOf(transferSyntaxUid);
  try {
    switch (codec) {
      case 'native':
        return decodeNative(locator);
      case 'jpeg-lossless':
        return decodeJpegLossless(locator.bytes, format);
      case 'jpeg-ls':
        return await decodeJpegLs(locator.bytes, format);
      case 'jpeg2000':
        return await decodeJpeg2000(locator.bytes, format);
      case 'rle':
        return decodeRle(locator.bytes, format);
      case 'unsupported':
        throw new PixelDecodeError(
          `transfer syntax ${transferSyntaxName(transferSyntaxUid)} is not supported`
        );
    }
  } catch (error) {
    if (error instanceof PixelDecodeError) throw new PixelDecodeError(`${source}: ${error.message}`);
    const message = error instanceof Error ? error.message : String(error);
    throw new PixelDecodeError(
      `${source}: cannot decode ${transferSyntaxName(transferSyntaxUid)} pixel data: ${message}`
    );
  }
}

/**
 * Real-world values of one image: stored values through the modality LUT,
 * `value = stored·RescaleSlope + RescaleIntercept` (PS3.3 C.11.1.1.2), as float32, row-major.
 *
 * @param image - from {@link parseDicomBytes}
 * @returns rows·columns values
 */
export async function decodeImage(image: DicomImage): Promise<Float32Array> {
  const stored = await decodeStoredValues(image.pixels, image.source);
  const n = image.rows * image.columns;
  const out = new Float32Array(n);
  const { slope, intercept } = image.rescale;
  if (slope === 1 && intercept === 0) {
    for (let i = 0; i < n; i++) out[i] = stored[i]!;
  } else {
    for (let i = 0; i < n; i++) out[i] = stored[i]! * slope + intercept;
  }
  return out;
}
