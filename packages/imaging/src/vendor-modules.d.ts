// Narrow typings for the untyped third-party modules this package uses. Only what we call is
// declared; the runtime shape is checked where the modules are loaded.

declare module 'jpeg-lossless-decoder-js' {
  /** JPEG Lossless (ITU-T T.81 process 14) decoder; `decode` returns the samples. */
  export class Decoder {
    constructor(buffer?: ArrayBuffer | null, numBytes?: number);
    decode(
      buffer?: ArrayBuffer,
      offset?: number,
      length?: number,
      numBytes?: number
    ): Uint8Array | Uint16Array;
  }
}

declare module 'dcmjs' {
  /** A DICOM JSON-model dataset: tag (8 hex digits) -> { vr, Value?, InlineBinary? }. */
  export type DenaturalizedDataset = Record<string, { vr: string; Value?: unknown[] }>;

  interface DicomDictInstance {
    dict: DenaturalizedDataset;
    meta: DenaturalizedDataset;
    write(options?: { allowInvalidVRLength?: boolean }): ArrayBuffer;
  }

  interface DicomMessageResult {
    dict: DenaturalizedDataset;
    meta: DenaturalizedDataset;
  }

  const dcmjs: {
    data: {
      DicomDict: new (meta: DenaturalizedDataset) => DicomDictInstance;
      DicomMessage: {
        readFile(
          buffer: ArrayBuffer,
          options?: { ignoreErrors?: boolean; untilTag?: string }
        ): DicomMessageResult;
      };
      DicomMetaDictionary: {
        naturalizeDataset(dataset: DenaturalizedDataset): Record<string, unknown>;
        denaturalizeDataset(dataset: Record<string, unknown>): DenaturalizedDataset;
        uid(): string;
      };
    };
  };
  export default dcmjs;
}
