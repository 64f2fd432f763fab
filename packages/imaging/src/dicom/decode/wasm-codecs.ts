import { createRequire } from 'node:module';
import type { PixelArray, PixelFormat } from '../dicom-image.js';
import { maskBitsStored } from './native.js';

/** Frame description returned by the cornerstone WASM decoders. */
interface WasmFrameInfo {
  readonly width: number;
  readonly height: number;
  readonly bitsPerSample: number;
  readonly componentCount: number;
  readonly isSigned?: boolean;
}

/** The shared shape of CharLS's JpegLSDecoder and OpenJPEG's J2KDecoder (Emscripten embind). */
interface WasmDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): WasmFrameInfo;
  getDecodedBuffer(): Uint8Array;
  delete(): void;
}

interface CharlsModule {
  readonly JpegLSDecoder: new () => WasmDecoder;
}

interface OpenJpegModule {
  readonly J2KDecoder: new () => WasmDecoder;
}

/** Emscripten module factory; `print`/`printErr` silence the library's logging (it would go to stdout). */
type EmscriptenFactory<T> = (module?: {
  print?: (s: string) => void;
  printErr?: (s: string) => void;
}) => Promise<T>;

const QUIET = { print: (): void => undefined, printErr: (): void => undefined };

const require = createRequire(import.meta.url);

// The WASM modules are instantiated once per process (or worker) on first use and never change
// afterwards: a cache, not shared mutable state.
let charls: Promise<CharlsModule> | undefined;
let openjpeg: Promise<OpenJpegModule> | undefined;

function loadCharls(): Promise<CharlsModule> {
  charls ??= (require('@cornerstonejs/codec-charls/decodewasmjs') as EmscriptenFactory<CharlsModule>)(QUIET);
  return charls;
}

function loadOpenJpeg(): Promise<OpenJpegModule> {
  openjpeg ??= (require('@cornerstonejs/codec-openjpeg/decodewasmjs') as EmscriptenFactory<OpenJpegModule>)(
    QUIET
  );
  return openjpeg;
}

function runDecoder(decoder: WasmDecoder, bytes: Uint8Array, format: PixelFormat, label: string): PixelArray {
  try {
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    decoder.decode();
    const info = decoder.getFrameInfo();
    if (info.width !== format.columns || info.height !== format.rows || info.componentCount !== 1) {
      throw new Error(
        `${label}: decoded ${info.width}x${info.height}x${info.componentCount}, expected ${format.columns}x${format.rows}x1`
      );
    }
    // Copy out of WASM memory before the decoder is freed.
    const raw = decoder.getDecodedBuffer().slice();
    const signed = info.isSigned ?? format.pixelRepresentation === 1;
    let out: PixelArray;
    if (info.bitsPerSample <= 8) out = signed ? new Int8Array(raw.buffer) : raw;
    else {
      out = signed
        ? new Int16Array(raw.buffer, 0, raw.length >> 1)
        : new Uint16Array(raw.buffer, 0, raw.length >> 1);
    }
    return maskBitsStored(out, format.bitsStored, format.pixelRepresentation === 1);
  } finally {
    decoder.delete();
  }
}

/**
 * Decodes a JPEG-LS frame (transfer syntaxes 1.2.840.10008.1.2.4.80/.81) with CharLS compiled to
 * WASM (`@cornerstonejs/codec-charls`). See: ITU-T T.87 / ISO 14495-1.
 */
export async function decodeJpegLs(bytes: Uint8Array, format: PixelFormat): Promise<PixelArray> {
  const m = await loadCharls();
  return runDecoder(new m.JpegLSDecoder(), bytes, format, 'JPEG-LS');
}

/**
 * Decodes a JPEG 2000 frame (1.2.840.10008.1.2.4.90/.91) with OpenJPEG compiled to WASM
 * (`@cornerstonejs/codec-openjpeg`). See: ISO/IEC 15444-1.
 */
export async function decodeJpeg2000(bytes: Uint8Array, format: PixelFormat): Promise<PixelArray> {
  const m = await loadOpenJpeg();
  return runDecoder(new m.J2KDecoder(), bytes, format, 'JPEG 2000');
}
