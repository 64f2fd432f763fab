// @cmr-mass/imaging: quantitative CMR (DICOM reading, series classification, T1/T2/ECV mapping,
// ROI statistics, map outputs). Knows nothing of the study. See README.md for scope and API.

// DICOM
export { parseDicomBytes, NotDicomError, DicomFormatError } from './dicom/parse-dicom.js';
export { decodeImage, decodeStoredValues, PixelDecodeError } from './dicom/decode/decode-image.js';
export { TransferSyntax, codecOf, transferSyntaxName } from './dicom/transfer-syntax.js';
export { Tag } from './dicom/tags.js';
export type * from './dicom/dicom-image.js';
export type { PixelCodec } from './dicom/transfer-syntax.js';

// Inputs and series
export { readDicomInputs, readDicomSeries, InputError } from './io/read-inputs.js';
export type { DicomInput, ReadDicomResult, SkippedFile, ReadDicomSeriesResult } from './io/read-inputs.js';
export { expandUploads, UploadLimitError } from './io/expand-uploads.js';
export type { UploadedFile, ExpandedUploads, ExpandLimits } from './io/expand-uploads.js';
export { groupSeries } from './series/dicom-series.js';
export type { DicomSeries } from './series/dicom-series.js';
export { groupSlices, sliceNormal } from './series/slices.js';
export type { SliceGroup } from './series/slices.js';
export { inversionTimes, t2PrepTimes } from './series/times.js';
export type { SliceTimes } from './series/times.js';
export {
  classifySeries,
  isScannerMap,
  sourceImagesOf,
  looksLikeShmolliTimes,
  SeriesKind,
} from './series/classify.js';
export type { SeriesClassification, MapQuantity } from './series/classify.js';
export { geometryOf, loadSliceStacks, SeriesInputError } from './series/load-slices.js';
export type { SliceStack, SliceGeometry, StackQuantity } from './series/load-slices.js';

// Per-pixel fitting
export { FitStatus, fitStatusName } from './fit/fit-status.js';
export { fitT1Molli, createMolliPlan, fitMolliAt, resolveMolliOptions, sortedOrder } from './fit/molli.js';
export type { MolliOptions, MolliPlan, ResolvedMolliOptions } from './fit/molli.js';
export { fitT1Shmolli, createShmolliPlan, fitShmolliAt } from './fit/shmolli.js';
export type { ShmolliPlan } from './fit/shmolli.js';
export { fitT2Mono, createT2Plan, fitT2At, resolveT2Options, newT2PixelFit } from './fit/t2.js';
export type { T2Options, T2Plan, T2PixelFit, T2FitResult } from './fit/t2.js';
export { newT1PixelFit } from './fit/t1-pixel-fit.js';
export type { T1PixelFit, T1FitResult } from './fit/t1-pixel-fit.js';
export { isotonicSse } from './fit/isotonic.js';
export { logGrid } from './fit/log-grid.js';

// Maps
export { fitT1Map } from './map/fit-t1-map.js';
export type { T1MapOptions } from './map/fit-t1-map.js';
export { fitT2Map } from './map/fit-t2-map.js';
export type { T2MapOptions } from './map/fit-t2-map.js';
export type { FitRunOptions } from './map/fit-stacks.js';
export { autoMask, AUTO_MASK_FRACTION } from './map/auto-mask.js';
export type { MaskInfo } from './map/auto-mask.js';
export { WorkerPool } from './map/worker-pool.js';
export { runKernel, newKernelContext } from './map/fit-kernel.js';
export type { KernelJob, KernelResult, KernelModel, KernelContext } from './map/fit-kernel.js';
export type { MapResult, MapSlice, MapKind, MapProgress, RunControl } from './map/map-result.js';

// ECV
export { ecvFromT1, labelMean, assertAligned, checkEcvParameters, AlignmentError } from './ecv/ecv-map.js';
export type { EcvParameters, MapGrid } from './ecv/ecv-map.js';
export { ecvMapFromPairs, bloodT1sUsed } from './ecv/ecv-from-maps.js';
export type { BloodT1Source, EcvPair } from './ecv/ecv-from-maps.js';
export { loadMapSidecar, MapFileError } from './ecv/load-map.js';
export type { LoadedMap } from './ecv/load-map.js';

// ROI
export { roiStats, maskStats } from './roi/roi-stats.js';
export type { RoiStats } from './roi/roi-stats.js';
export { polygonMask, ellipseMask } from './roi/shape-masks.js';
export type { PixelPoint, Ellipse } from './roi/shape-masks.js';

// Outputs
export { writeMapOutputs, renderSliceFiles, mapSeriesUidOf } from './output/write-map-outputs.js';
export type { MapSidecar, WriteMapOptions } from './output/write-map-outputs.js';
export { renderPreviewPng, displayRange, niceCeil } from './output/render-preview.js';
export type { PreviewOptions } from './output/render-preview.js';
export { ColourMap, colourAt } from './output/colour-maps.js';
export { encodeDicomMap, storedScale } from './output/dicom-map.js';
export type { DicomMapInfo, StoredScale } from './output/dicom-map.js';
export { encodePngRgb, crc32 } from './output/png.js';
export { float32LeBytes, readFloat32Le } from './output/raw-f32.js';
export { derivedUid } from './output/uid.js';

// DICOMweb (QIDO-RS, WADO-RS, STOW-RS over fetch)
export { createDicomWebClient, jsonString, DicomWebError } from './dicomweb/client.js';
export type { DicomWebClient, DicomWebOptions, DicomJson } from './dicomweb/client.js';
export { parseMultipart, buildMultipart, boundaryOf } from './dicomweb/multipart.js';
export type { MultipartPart } from './dicomweb/multipart.js';
