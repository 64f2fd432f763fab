import type { Api } from '../api/api.js';
import type { MapImage } from './MapViewer.js';
import type { MapKind, ViewerEntry } from './types.js';

/** A map or source image the server lists for an exam (the imaging integration's contract, expected). */
export interface ServerMap {
  readonly id: string;
  readonly kind: MapKind;
  readonly rows: number;
  readonly columns: number;
  readonly pixelSpacingMm?: readonly [number, number];
  readonly units?: string;
  readonly model?: string;
  readonly seriesInstanceUid?: string;
  readonly sequence?: string;
  readonly name?: string;
}

/** The images of an exam: `GET /api/v1/cmr-exams/:id/maps`. */
export async function listMaps(api: Api, examId: string): Promise<readonly ServerMap[]> {
  const r = await api.http.get<{ items: readonly ServerMap[] } | readonly ServerMap[]>(
    `/v1/cmr-exams/${encodeURIComponent(examId)}/maps`
  );
  return 'items' in r ? r.items : r;
}

/** The float32 pixels of one map: `GET /api/v1/maps/:id/data` (raw little-endian float32, row-major). */
export async function loadMap(m: ServerMap, base = '/api'): Promise<ViewerEntry> {
  const res = await fetch(`${base}/v1/maps/${encodeURIComponent(m.id)}/data`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`map ${m.id}: HTTP ${res.status}`);
  const buf = await res.arrayBuffer();
  const data = new Float32Array(buf);
  const image: MapImage = {
    name: m.name ?? m.id,
    data,
    columns: m.columns,
    rows: m.rows,
    ...(m.pixelSpacingMm ? { pixelSpacingMm: m.pixelSpacingMm } : {}),
    units: m.units ?? (m.kind === 'ecv' ? 'fraction' : m.kind === 'source' ? '' : 'ms'),
  };
  return {
    key: m.id,
    kind: m.kind,
    image,
    mapId: m.id,
    ...(m.model ? { model: m.model } : {}),
    ...(m.seriesInstanceUid ? { seriesInstanceUid: m.seriesInstanceUid } : {}),
    ...(m.sequence ? { sequence: m.sequence } : {}),
  };
}
