import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Api } from '../api/api.js';
import { listMaps, loadMap, type ServerMap } from './maps-api.js';
import type { ViewerEntry } from './types.js';

/** A series whose source images can be shown: its UID and a label ("MOLLI 5(3)3"). */
export interface SourceSeries {
  readonly uid: string;
  readonly label: string;
  readonly images: number;
}

/** The series of an exam's source images, in the order the server lists them. */
export function sourceSeriesOf(maps: readonly ServerMap[]): SourceSeries[] {
  const out = new Map<string, SourceSeries>();
  for (const m of maps) {
    if (m.kind !== 'source' || !m.seriesInstanceUid) continue;
    const prev = out.get(m.seriesInstanceUid);
    const label = (m.name ?? m.seriesInstanceUid).split(' · ')[0] ?? m.seriesInstanceUid;
    out.set(m.seriesInstanceUid, { uid: m.seriesInstanceUid, label, images: (prev?.images ?? 0) + 1 });
  }
  return [...out.values()];
}

/**
 * The images of an exam for the viewer: the list (metadata only) and the pixels of the computed maps
 * and of one series' source images (`sourceSeries`; null for none; undefined for the first). An exam
 * may hold thousands of source frames (cine, LGE...): only the chosen series is downloaded.
 */
export function useExamImages(api: Api, examId: string, sourceSeries: string | null | undefined) {
  const list = useQuery({ queryKey: ['maps', examId], queryFn: () => listMaps(api, examId), retry: false });
  const series = useMemo(() => sourceSeriesOf(list.data ?? []), [list.data]);
  const chosen = sourceSeries === undefined ? (series[0]?.uid ?? null) : sourceSeries;
  const wanted = useMemo(
    () =>
      (list.data ?? []).filter(
        (m) => m.kind !== 'source' || (chosen !== null && m.seriesInstanceUid === chosen)
      ),
    [list.data, chosen]
  );
  const data = useQuery({
    queryKey: ['map-data', examId, wanted.map((m) => m.id)],
    queryFn: (): Promise<ViewerEntry[]> => Promise.all(wanted.map((m) => loadMap(m, api.http.base))),
    enabled: list.data !== undefined,
    staleTime: Infinity,
  });
  return {
    list,
    series,
    chosen,
    entries: data.data,
    loading: data.isLoading,
    error: list.error ?? data.error,
  };
}
