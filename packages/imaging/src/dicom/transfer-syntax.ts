/**
 * Transfer syntaxes the reader knows. See: DICOM PS3.5 §10 and Annex A.
 */
export const TransferSyntax = {
  implicitLittle: '1.2.840.10008.1.2',
  explicitLittle: '1.2.840.10008.1.2.1',
  deflatedExplicitLittle: '1.2.840.10008.1.2.1.99',
  explicitBig: '1.2.840.10008.1.2.2',
  jpegBaseline: '1.2.840.10008.1.2.4.50',
  jpegExtended: '1.2.840.10008.1.2.4.51',
  jpegLossless: '1.2.840.10008.1.2.4.57',
  jpegLosslessSv1: '1.2.840.10008.1.2.4.70',
  jpegLsLossless: '1.2.840.10008.1.2.4.80',
  jpegLsNearLossless: '1.2.840.10008.1.2.4.81',
  jpeg2000Lossless: '1.2.840.10008.1.2.4.90',
  jpeg2000: '1.2.840.10008.1.2.4.91',
  rle: '1.2.840.10008.1.2.5',
} as const;

/** How a transfer syntax's pixel data must be decoded. */
export type PixelCodec = 'native' | 'jpeg-lossless' | 'jpeg-ls' | 'jpeg2000' | 'rle' | 'unsupported';

/** The codec for a transfer syntax UID. */
export function codecOf(transferSyntaxUid: string): PixelCodec {
  switch (transferSyntaxUid) {
    case TransferSyntax.implicitLittle:
    case TransferSyntax.explicitLittle:
    case TransferSyntax.deflatedExplicitLittle:
    case TransferSyntax.explicitBig:
      return 'native';
    case TransferSyntax.jpegLossless:
    case TransferSyntax.jpegLosslessSv1:
      return 'jpeg-lossless';
    case TransferSyntax.jpegLsLossless:
    case TransferSyntax.jpegLsNearLossless:
      return 'jpeg-ls';
    case TransferSyntax.jpeg2000Lossless:
    case TransferSyntax.jpeg2000:
      return 'jpeg2000';
    case TransferSyntax.rle:
      return 'rle';
    default:
      return 'unsupported';
  }
}

const NAMES: Readonly<Record<string, string>> = {
  [TransferSyntax.implicitLittle]: 'Implicit VR Little Endian',
  [TransferSyntax.explicitLittle]: 'Explicit VR Little Endian',
  [TransferSyntax.deflatedExplicitLittle]: 'Deflated Explicit VR Little Endian',
  [TransferSyntax.explicitBig]: 'Explicit VR Big Endian',
  [TransferSyntax.jpegBaseline]: 'JPEG Baseline (lossy)',
  [TransferSyntax.jpegExtended]: 'JPEG Extended (lossy)',
  [TransferSyntax.jpegLossless]: 'JPEG Lossless',
  [TransferSyntax.jpegLosslessSv1]: 'JPEG Lossless SV1',
  [TransferSyntax.jpegLsLossless]: 'JPEG-LS Lossless',
  [TransferSyntax.jpegLsNearLossless]: 'JPEG-LS Near-Lossless',
  [TransferSyntax.jpeg2000Lossless]: 'JPEG 2000 Lossless',
  [TransferSyntax.jpeg2000]: 'JPEG 2000',
  [TransferSyntax.rle]: 'RLE Lossless',
};

/** A readable name for a transfer syntax UID (the UID itself when unknown). */
export function transferSyntaxName(uid: string): string {
  return NAMES[uid] ?? uid;
}
