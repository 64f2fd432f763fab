import dcmjs, { type DenaturalizedDataset } from 'dcmjs';

/** One element in the DICOM JSON model (PS3.18 F.2): VR and values. */
export interface JsonElement {
  readonly vr: string;
  readonly Value?: unknown[];
}

/** Transfer syntaxes dcmjs can write natively. */
export const WRITE_SYNTAX = {
  explicitLittle: '1.2.840.10008.1.2.1',
  implicitLittle: '1.2.840.10008.1.2',
  explicitBig: '1.2.840.10008.1.2.2',
} as const;

/**
 * Test helper: writes a Part 10 file from elements keyed by 8-hex-digit tags (any tag, private
 * ones included), with dcmjs. Not part of the package API.
 */
export function part10(
  elements: Readonly<Record<string, JsonElement>>,
  transferSyntax: string = WRITE_SYNTAX.explicitLittle
): Uint8Array {
  const sopClass = (elements['00080016']?.Value?.[0] as string | undefined) ?? '1.2.840.10008.5.1.4.1.1.4';
  const sopInstance = (elements['00080018']?.Value?.[0] as string | undefined) ?? '2.25.1';
  const meta: DenaturalizedDataset = {
    '00020001': { vr: 'OB', Value: [Uint8Array.of(0, 1).buffer] },
    '00020002': { vr: 'UI', Value: [sopClass] },
    '00020003': { vr: 'UI', Value: [sopInstance] },
    '00020010': { vr: 'UI', Value: [transferSyntax] },
    '00020012': { vr: 'UI', Value: ['2.25.1234'] },
  };
  const dict = new dcmjs.data.DicomDict(meta);
  dict.dict = Object.fromEntries(
    Object.entries(elements).map(([k, v]) => [k.toUpperCase(), { vr: v.vr, Value: v.Value ?? [] }])
  );
  return new Uint8Array(dict.write());
}

/** What {@link mrImage} writes; every field but pixels and the UIDs has a default. */
export interface MrImageSpec {
  readonly rows: number;
  readonly columns: number;
  /** Stored values, rows·columns. */
  readonly pixels: Uint16Array | Int16Array;
  readonly seriesUid: string;
  readonly sopUid: string;
  readonly studyUid?: string;
  readonly frameUid?: string;
  readonly seriesDescription?: string;
  readonly manufacturer?: string;
  readonly instanceNumber?: number;
  readonly position?: readonly [number, number, number];
  readonly orientation?: readonly number[];
  readonly spacing?: readonly [number, number];
  readonly sliceThickness?: number;
  readonly imageType?: readonly string[];
  readonly scanningSequence?: readonly string[];
  readonly sequenceVariant?: readonly string[];
  readonly inversionTime?: number;
  readonly triggerTime?: number;
  readonly echoTime?: number;
  readonly imageComments?: string;
  /** Philips private (2005,1572) FL, with its private creator (2005,0015). */
  readonly philipsTi?: number;
  readonly rescale?: { readonly slope: number; readonly intercept: number; readonly type?: string };
  /** Any further elements, overriding the above. */
  readonly extra?: Readonly<Record<string, JsonElement>>;
}

const ds = (v: number): string => String(Number(v.toPrecision(10)));

/** Test helper: the elements of a single-frame MR image (MR Image Storage). */
export function mrElements(s: MrImageSpec): Record<string, JsonElement> {
  const signed = s.pixels instanceof Int16Array;
  const e: Record<string, JsonElement> = {
    '00080008': { vr: 'CS', Value: [...(s.imageType ?? ['ORIGINAL', 'PRIMARY', 'M', 'NONE'])] },
    '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.4'] },
    '00080018': { vr: 'UI', Value: [s.sopUid] },
    '00080060': { vr: 'CS', Value: ['MR'] },
    '00080070': { vr: 'LO', Value: [s.manufacturer ?? 'SIEMENS'] },
    '0008103E': { vr: 'LO', Value: [s.seriesDescription ?? 'TEST'] },
    '00100010': { vr: 'PN', Value: [{ Alphabetic: 'TEST^PHANTOM' }] },
    '00100020': { vr: 'LO', Value: ['TEST-1'] },
    '00180020': { vr: 'CS', Value: [...(s.scanningSequence ?? ['GR', 'IR'])] },
    '00180021': { vr: 'CS', Value: [...(s.sequenceVariant ?? ['SK', 'SS', 'MP'])] },
    '00180050': { vr: 'DS', Value: [ds(s.sliceThickness ?? 8)] },
    '00180081': { vr: 'DS', Value: [ds(s.echoTime ?? 1.1)] },
    '0020000D': { vr: 'UI', Value: [s.studyUid ?? '2.25.100'] },
    '0020000E': { vr: 'UI', Value: [s.seriesUid] },
    '00200011': { vr: 'IS', Value: ['7'] },
    '00200013': { vr: 'IS', Value: [String(s.instanceNumber ?? 1)] },
    '00200032': { vr: 'DS', Value: (s.position ?? [0, 0, 0]).map(ds) },
    '00200037': { vr: 'DS', Value: (s.orientation ?? [1, 0, 0, 0, 1, 0]).map(ds) },
    '00200052': { vr: 'UI', Value: [s.frameUid ?? '2.25.200'] },
    '00280002': { vr: 'US', Value: [1] },
    '00280004': { vr: 'CS', Value: ['MONOCHROME2'] },
    '00280010': { vr: 'US', Value: [s.rows] },
    '00280011': { vr: 'US', Value: [s.columns] },
    '00280030': { vr: 'DS', Value: (s.spacing ?? [1.5, 1.5]).map(ds) },
    '00280100': { vr: 'US', Value: [16] },
    '00280101': { vr: 'US', Value: [16] },
    '00280102': { vr: 'US', Value: [15] },
    '00280103': { vr: 'US', Value: [signed ? 1 : 0] },
    '7FE00010': { vr: 'OW', Value: [s.pixels.slice().buffer] },
  };
  if (s.inversionTime !== undefined) e['00180082'] = { vr: 'DS', Value: [ds(s.inversionTime)] };
  if (s.triggerTime !== undefined) e['00181060'] = { vr: 'DS', Value: [ds(s.triggerTime)] };
  if (s.imageComments !== undefined) e['00204000'] = { vr: 'LT', Value: [s.imageComments] };
  if (s.philipsTi !== undefined) {
    e['20050015'] = { vr: 'LO', Value: ['Philips MR Imaging DD 005'] };
    e['20051572'] = { vr: 'FL', Value: [s.philipsTi] };
  }
  if (s.rescale) {
    e['00281052'] = { vr: 'DS', Value: [ds(s.rescale.intercept)] };
    e['00281053'] = { vr: 'DS', Value: [ds(s.rescale.slope)] };
    if (s.rescale.type !== undefined) e['00281054'] = { vr: 'LO', Value: [s.rescale.type] };
  }
  return { ...e, ...(s.extra ?? {}) };
}

/** Test helper: a single-frame MR Part 10 file. */
export function mrImage(s: MrImageSpec, transferSyntax?: string): Uint8Array {
  return part10(mrElements(s), transferSyntax);
}
