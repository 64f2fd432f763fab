import { MappingSequence } from '@cmr-mass/core';
import { Badge, Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.js';
import { useLabels } from '../i18n/labels.js';
import { EcvForm } from './EcvForm.js';
import {
  cancelJob,
  isActive,
  listJobs,
  listSeries,
  queueJob,
  T1_SOURCES,
  T2_SOURCES,
  type JobItem,
  type JobRequest,
  type SeriesItem,
} from './imaging-api.js';
import type { Point } from './roi.js';
import type { ViewerEntry } from './types.js';

const STATUS_COLOUR = {
  queued: 'gray',
  running: 'blue',
  done: 'green',
  failed: 'red',
  cancelled: 'gray',
} as const;

/** Times of a series for people: "100, 180, 260 … 3.3 s" (at most six). */
function timesText(ms: readonly number[]): string {
  if (ms.length === 0) return '';
  const shown = ms.slice(0, 6).map((x) => String(Math.round(x)));
  return `${shown.join(', ')}${ms.length > 6 ? ` … (${ms.length})` : ''} ms`;
}

/**
 * The exam's series and imaging jobs: fit a T1 or T2 map from a source series, compute ECV from two
 * T1 maps, and follow each job's progress (it runs on the server; the list refreshes every second
 * while one is queued or running, and the maps appear when it is done). A job can be cancelled.
 */
export function ImagingJobs(p: {
  readonly examId: string;
  /** T1 maps of the exam (the ECV form's choices). */
  readonly t1Maps: readonly ViewerEntry[];
  /** The blood-pool ROI drawn on a map, as a polygon in pixel coordinates (ECV's blood T1). */
  readonly bloodRoi: readonly Point[] | null;
  /** Called when a job finished, so the maps are read again. */
  readonly onMapsChanged: () => void;
  /** False for roles that may look but not compute. */
  readonly canCompute: boolean;
}): ReactElement {
  const { t } = useTranslation();
  const l = useLabels();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const series = useQuery({ queryKey: ['series', p.examId], queryFn: () => listSeries(api, p.examId) });
  const jobs = useQuery({
    queryKey: ['imaging-jobs', p.examId],
    queryFn: () => listJobs(api, p.examId),
    refetchInterval: (q) => ((q.state.data ?? []).some(isActive) ? 1000 : false),
  });
  // When a job that was active is done, the maps are read again.
  const active = useRef(new Set<string>());
  const { onMapsChanged } = p;
  useEffect(() => {
    const now = new Set((jobs.data ?? []).filter(isActive).map((j) => j.id));
    const finished = [...active.current].some((id) => !now.has(id));
    active.current = now;
    if (finished) onMapsChanged();
  }, [jobs.data, onMapsChanged]);
  const refresh = (): void => {
    void queryClient.invalidateQueries({ queryKey: ['imaging-jobs', p.examId] });
  };
  const queue = useMutation({
    mutationFn: (r: JobRequest) => queueJob(api, p.examId, r),
    onSuccess: refresh,
  });
  const cancel = useMutation({ mutationFn: (id: string) => cancelJob(api, id), onSuccess: refresh });
  const error = queue.error ?? cancel.error;

  const action = (s: SeriesItem): ReactElement | null => {
    if (!p.canCompute) return null;
    const kind = T1_SOURCES.has(s.kind) ? 't1' : T2_SOURCES.has(s.kind) ? 't2' : null;
    if (!kind) return null;
    return (
      <Button
        size="compact-xs"
        variant="light"
        loading={queue.isPending}
        data-testid={`fit-${kind}`}
        onClick={() => {
          queue.mutate({ kind, seriesInstanceUid: s.seriesInstanceUid });
        }}
      >
        {t(kind === 't1' ? 'imaging.jobs.fitT1' : 'imaging.jobs.fitT2')}
      </Button>
    );
  };
  const jobLabel = (j: JobItem): string => t(`imaging.maps.${j.kind}`);
  const sequence = (s: SeriesItem): string =>
    s.sequence && MappingSequence.codes.includes(s.sequence as MappingSequence)
      ? l.code(MappingSequence, s.sequence)
      : t(`imaging.jobs.kinds.${s.kind === 'map' || s.kind === 'other' ? s.kind : 'other'}`);

  return (
    <Stack gap="xs">
      <Title order={2} size="h6">
        {t('imaging.jobs.series')}
      </Title>
      {series.data && series.data.length === 0 && <Text size="xs">{t('imaging.jobs.noSeries')}</Text>}
      {series.data && series.data.length > 0 && (
        <Table fz="xs" withTableBorder verticalSpacing={2} data-testid="series-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('imaging.jobs.description')}</Table.Th>
              <Table.Th>{t('imaging.jobs.kind')}</Table.Th>
              <Table.Th>{t('imaging.jobs.images')}</Table.Th>
              <Table.Th>{t('imaging.jobs.times')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {series.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.seriesNumber ?? ''}</Table.Td>
                <Table.Td title={s.reason}>{s.description}</Table.Td>
                <Table.Td>{sequence(s)}</Table.Td>
                <Table.Td>{t('imaging.jobs.imagesSlices', { images: s.images, slices: s.slices })}</Table.Td>
                <Table.Td>{timesText(s.timesMs)}</Table.Td>
                <Table.Td>{action(s)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {p.canCompute && p.t1Maps.length >= 2 && (
        <EcvForm
          t1Maps={p.t1Maps}
          bloodRoi={p.bloodRoi}
          busy={queue.isPending}
          onSubmit={(r) => {
            queue.mutate(r);
          }}
        />
      )}
      {error && (
        <Text size="xs" c="red" role="alert">
          {l.message(null, error.message)}
        </Text>
      )}
      {jobs.data && jobs.data.length > 0 && (
        <>
          <Title order={2} size="h6">
            {t('imaging.jobs.title')}
          </Title>
          <Stack gap={4} data-testid="imaging-jobs">
            {jobs.data.map((j) => (
              <Group key={j.id} gap="xs" wrap="nowrap" data-status={j.status}>
                <Text size="xs" w={90}>
                  {jobLabel(j)}
                </Text>
                <Badge size="xs" color={STATUS_COLOUR[j.status]} w={90}>
                  {t(`imaging.jobs.status.${j.status}`)}
                </Badge>
                {isActive(j) ? (
                  <Progress
                    value={Math.round(j.progress * 100)}
                    size="sm"
                    w={200}
                    animated={j.status === 'running'}
                    aria-label={t('imaging.jobs.progress', { percent: Math.round(j.progress * 100) })}
                  />
                ) : null}
                <Text size="xs" c={j.status === 'failed' ? 'red' : 'dimmed'}>
                  {j.status === 'failed'
                    ? j.error
                    : j.status === 'done'
                      ? t('imaging.jobs.made', { count: j.mapIds.length })
                      : (j.stage ?? '')}
                </Text>
                {isActive(j) && p.canCompute && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      cancel.mutate(j.id);
                    }}
                  >
                    {t('imaging.jobs.cancel')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
