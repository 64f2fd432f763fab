import { Alert, Anchor, Card, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { NotFoundError } from '../api/errors.js';
import type { AnyRecord } from '../api/types.js';
import { useApp } from '../app/context.js';
import { can } from '../app/nav.js';
import { ReasonDialog } from '../forms/ReasonDialog.js';
import { useLabels } from '../i18n/labels.js';
import { href, useRoute } from '../router/router.js';
import { examChanges, lesionChanges, type ApplyTarget } from './apply.js';
import { ImagingJobs } from './ImagingJobs.js';
import { ImagingWorkbench } from './ImagingWorkbench.js';
import { useExamImages } from './exam-images.js';
import type { Point, Roi, RoiStats } from './roi.js';
import { SeriesUpload } from './SeriesUpload.js';
import type { ViewerEntry } from './types.js';

/** The last blood-pool ROI as a polygon in pixel coordinates (an ellipse sampled at 64 points). */
function bloodPolygon(rois: readonly Roi[]): readonly Point[] | null {
  const roi = [...rois].reverse().find((r) => r.label === 'blood');
  if (!roi) return null;
  const s = roi.shape;
  if (s.kind === 'polygon') return s.vertices;
  return Array.from({ length: 64 }, (_, i): Point => {
    const a = (2 * Math.PI * i) / 64;
    return [s.cx + s.rx * Math.cos(a), s.cy + s.ry * Math.sin(a)];
  });
}

interface PendingApply {
  readonly form: ApplyTarget['form'];
  readonly record: AnyRecord;
  readonly changes: Record<string, unknown>;
  readonly field: string;
}

/**
 * An exam's images: upload a DICOM series, see source images and T1/T2/ECV maps, draw ROIs and put
 * their statistics into the lesion's or the exam's fields with their provenance.
 */
export function ImagingPage(p: { readonly examId: string }): ReactElement {
  const { t } = useTranslation();
  const l = useLabels();
  const { api, meta, user } = useApp();
  const queryClient = useQueryClient();
  const route = useRoute();
  const lesionParam = route.query.get('lesion');
  const [sourceSeries, setSourceSeries] = useState<string | null | undefined>(undefined);
  const images = useExamImages(api, p.examId, sourceSeries);
  const entries = images.entries;
  const lesions = useQuery({
    queryKey: ['lesions', p.examId],
    queryFn: () => api.list('lesion_finding', { examId: p.examId, pageSize: 100 }),
  });
  const [pending, setPending] = useState<PendingApply | null>(null);
  const [rois, setRois] = useState<readonly Roi[]>([]);
  const bloodRoi = useMemo(() => bloodPolygon(rois), [rois]);
  const refetchMaps = images.list.refetch;
  const onMapsChanged = useCallback(() => {
    void refetchMaps();
  }, [refetchMaps]);
  const t1Maps = useMemo(() => (entries ?? []).filter((m) => m.kind === 't1'), [entries]);
  const canCompute = can(user, 'create', 'imaging', user.siteId ?? 'any-site');

  const save = async (a: PendingApply, reason?: string): Promise<void> => {
    try {
      await api.update(a.form, a.record.id, {
        ...a.changes,
        version: a.record.version,
        ...(reason ? { reason } : {}),
      });
      notifications.show({
        message: t('imaging.applied', { field: l.field(a.form, a.field) }),
        color: 'green',
      });
      void queryClient.invalidateQueries({ queryKey: ['lesions', p.examId] });
      void queryClient.invalidateQueries({ queryKey: ['record'] });
    } catch (e) {
      notifications.show({
        message: l.message(a.form, e instanceof Error ? e.message : String(e)),
        color: 'red',
      });
    }
  };
  const apply = async (entry: ViewerEntry, roi: Roi, stats: RoiStats, target: ApplyTarget): Promise<void> => {
    let record: AnyRecord | undefined;
    let changes: Record<string, unknown>;
    if (target.form === 'lesion_finding') {
      const items = lesions.data?.items ?? [];
      const lesion = items.find((f) => f.id === lesionParam) ?? items[0];
      if (!lesion) return;
      record = lesion;
      changes = lesionChanges(entry, roi, stats, new Date(), `cmr-mass web ${meta.version}`);
    } else {
      record = await api.get('cmr_exam', p.examId);
      changes = examChanges(target, entry.kind, stats);
    }
    const a: PendingApply = { form: target.form, record, changes, field: target.field };
    if (record.formStatus !== 'incomplete') setPending(a);
    else await save(a);
  };

  const unavailable = images.error instanceof NotFoundError;
  return (
    <Stack gap="xs">
      <Anchor href={href(`/exams/${p.examId}`)} size="xs">
        ← {l.form('cmr_exam')}
      </Anchor>
      <Title order={1} size="h4">
        {t('imaging.title')}
      </Title>
      <Card withBorder padding="sm">
        <SeriesUpload
          examId={p.examId}
          onUploaded={() => {
            void refetchMaps();
            void queryClient.invalidateQueries({ queryKey: ['series', p.examId] });
          }}
        />
      </Card>
      {!unavailable && (
        <Card withBorder padding="sm">
          <ImagingJobs
            examId={p.examId}
            t1Maps={t1Maps}
            bloodRoi={bloodRoi}
            onMapsChanged={onMapsChanged}
            canCompute={canCompute}
          />
        </Card>
      )}
      {unavailable && (
        <Alert color="gray" p="xs">
          {t('imaging.notConnected')}
        </Alert>
      )}
      {images.error && !unavailable && (
        <Text size="xs" c="red">
          {l.message(null, images.error instanceof Error ? images.error.message : String(images.error))}
        </Text>
      )}
      {images.series.length > 0 && (
        <NativeSelect
          id="source-series"
          size="xs"
          w={360}
          label={t('imaging.sourceSeries')}
          value={images.chosen ?? ''}
          onChange={(e) => {
            setSourceSeries(e.currentTarget.value === '' ? null : e.currentTarget.value);
          }}
          data={[
            { value: '', label: t('imaging.noSource') },
            ...images.series.map((s) => ({ value: s.uid, label: `${s.label} (${s.images})` })),
          ]}
        />
      )}
      {images.loading && <Loader size="xs" aria-label={t('common.loading')} />}
      {entries && entries.length === 0 && <Text size="sm">{t('imaging.noImage')}</Text>}
      {entries && entries.length > 0 && (
        <Card withBorder padding="sm">
          <ImagingWorkbench
            entries={entries}
            onApply={(e, r, s, tg) => void apply(e, r, s, tg)}
            onRois={setRois}
          />
        </Card>
      )}
      {pending !== null && (
        <ReasonDialog
          opened
          onCancel={() => {
            setPending(null);
          }}
          onConfirm={(reason) => {
            const a = pending;
            setPending(null);
            if (a) void save(a, reason);
          }}
        />
      )}
    </Stack>
  );
}
