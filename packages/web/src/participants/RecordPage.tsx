import { Anchor, Badge, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { FormStatus, type FormName } from '@cmr-mass/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyRecord } from '../api/types.js';
import { useApp } from '../app/context.js';
import { can } from '../app/nav.js';
import { QueryState } from '../app/QueryState.js';
import { HistoryPanel } from '../audit/HistoryPanel.js';
import { RecordForm } from '../forms/RecordForm.js';
import { useLabels } from '../i18n/labels.js';
import { SuggestionPanel } from '../reader/SuggestionPanel.js';
import { href } from '../router/router.js';
import { participantIdOf, recordContext } from './record-context.js';

/** One record: its form (editable where the role may), and its audit history beside it. */
export function RecordPage(p: { readonly form: FormName; readonly id: string }): ReactElement {
  const { t } = useTranslation();
  const l = useLabels();
  const { api, user, meta } = useApp();
  const queryClient = useQueryClient();
  const rec = useQuery({
    queryKey: ['record', p.form, p.id],
    queryFn: () => api.get(p.form, p.id) as Promise<AnyRecord>,
  });
  const record = rec.data;
  const pid = record ? participantIdOf(p.form, record) : null;
  const reader = user.role === 'reader';
  const cb = useQuery({
    queryKey: ['casebook', pid],
    queryFn: () => api.casebook(pid ?? ''),
    enabled: pid !== null && !reader,
  });
  const examId =
    record && typeof record.examId === 'string' ? record.examId : p.form === 'cmr_exam' ? p.id : null;
  const exam = useQuery({
    queryKey: ['record', 'cmr_exam', examId],
    queryFn: () => api.get('cmr_exam', examId ?? ''),
    enabled: reader && examId !== null,
  });
  if (!record) {
    return <QueryState loading={rec.isLoading} error={rec.error} onRetry={() => void rec.refetch()} />;
  }
  const siteId = cb.data?.participant.siteId ?? (reader ? user.siteId : null);
  const editable =
    can(user, 'update', p.form, siteId) && (p.form !== 'reading' || record.readerId === user.id || !reader);
  const ctx = reader
    ? { today: meta.today, fieldStrengthT: exam.data?.fieldStrengthT ?? null }
    : recordContext(meta.today, cb.data, examId);
  const back = reader
    ? examId
      ? href(`/exams/${examId}`)
      : href('/reading')
    : pid
      ? href(`/participants/${pid}`)
      : href('/');
  return (
    <Stack gap="xs">
      <Anchor href={back} size="xs">
        ← {reader ? t('reader.exam') : (cb.data?.participant.studyId ?? t('common.back'))}
      </Anchor>
      <Group gap="sm">
        <Title order={1} size="h4">
          {l.form(p.form)}
          {typeof record.lesionLabel === 'string' ? ` ${record.lesionLabel}` : ''}
        </Title>
        <Badge size="sm" variant="light" color={record.formStatus === 'incomplete' ? 'orange' : 'green'}>
          {l.code(FormStatus, record.formStatus)}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('common.version', { version: record.version })} ·{' '}
          {t('common.updated', { at: record.updatedAt.replace('T', ' ').slice(0, 16), by: record.updatedBy })}
        </Text>
        {examId && (p.form === 'cmr_exam' || p.form === 'lesion_finding') && (
          <Anchor
            href={href(`/exams/${examId}/imaging`, p.form === 'lesion_finding' ? { lesion: p.id } : {})}
            size="xs"
          >
            {t('casebook.imaging')}
          </Anchor>
        )}
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card withBorder padding="sm">
            <RecordForm
              key={`${record.id}-${record.version}`}
              form={p.form}
              record={record}
              ctx={ctx}
              readOnly={!editable}
              onSaved={(r) => {
                queryClient.setQueryData(['record', p.form, p.id], r.record);
                if (pid) void queryClient.invalidateQueries({ queryKey: ['casebook', pid] });
                void queryClient.invalidateQueries({ queryKey: ['worklist'] });
              }}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="sm">
            {p.form === 'lesion_finding' && <SuggestionPanel lesionFindingId={p.id} />}
            <Card withBorder padding="sm">
              <Title order={2} size="h5" mb="xs">
                {t('history.title')}
              </Title>
              <HistoryPanel form={p.form} id={p.id} version={record.version} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
