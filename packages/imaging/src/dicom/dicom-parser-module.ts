import * as dicomParserNamespace from 'dicom-parser';

type DicomParserModule = typeof dicomParserNamespace;

/**
 * dicom-parser as an object. The package is a UMD bundle: under Node's ESM loader its functions sit
 * on the CommonJS `default` export, while bundlers expose them as named exports; accept both.
 */
export const dicomParser: DicomParserModule =
  (dicomParserNamespace as DicomParserModule & { readonly default?: DicomParserModule }).default ??
  dicomParserNamespace;
