import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import type { FormName } from '@cmr-mass/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.js';
import { QueryState } from '../app/QueryState.js';
import { RecordForm } from '../forms/RecordForm.js';
import { useLabels } from '../i18n/labels.js';
import { href, navigate } from '../router/router.js';
import { initialValues, parentOf, recordContext } from './record-context.js';

/** A new record of any form for a participant (`#/participants/:id/new/:form?examId=…`). */
export function NewRecordPage(p: {
  readonly participantId: string;
  readonly form: FormName;
  readonly query: URLSearchParams;
}): ReactElement {
  const { t } = useTranslation();
  const l = useLabels();
  const { api, meta, user } = useApp();
  const queryClient = useQueryClient();
  const reader = user.role === 'reader';
  const cb = useQuery({
    queryKey: ['casebook', p.participantId],
    queryFn: () => api.casebook(p.participantId),
    enabled: !reader,
  });
  const q = p.query.toString();
  const query = useMemo(() => new URLSearchParams(q), [q]);
  const initial = useMemo(
    () => initialValues(p.form, meta.today, query, cb.data),
    [p.form, meta.today, query, cb.data]
  );
  const parent = useMemo(() => parentOf(p.form, p.participantId, query), [p.form, p.participantId, query]);
  const examId = query.get('examId');
  const exam = useQuery({
    queryKey: ['record', 'cmr_exam', examId],
    queryFn: () => api.get('cmr_exam', examId ?? ''),
    enabled: reader && examId !== null,
  });
  if (!cb.data && !reader) {
    return <QueryState loading={cb.isLoading} error={cb.error} onRetry={() => void cb.refetch()} />;
  }
  const back = reader && examId ? href(`/exams/${examId}`) : href(`/participants/${p.participantId}`);
  const studyId = cb.data?.participant.studyId ?? '';
  const ctx = reader
    ? { today: meta.today, fieldStrengthT: exam.data?.fieldStrengthT ?? null }
    : recordContext(meta.today, cb.data, examId);
  return (
    <Stack gap="xs">
      <Anchor href={back} size="xs">
        ← {studyId || t('common.back')}
      </Anchor>
      <Title order={1} size="h4">
        {t('forms.newTitle', { form: l.form(p.form) })}{' '}
        <Text span ff="monospace" c="dimmed" size="sm">
          {studyId}
        </Text>
      </Title>
      <Card withBorder padding="sm">
        <RecordForm
          form={p.form}
          parent={parent}
          initial={initial}
          ctx={ctx}
          autoFocus
          onCancel={() => {
            navigate(back);
          }}
          onSaved={() => {
            void queryClient.invalidateQueries({ queryKey: ['casebook', p.participantId] });
            void queryClient.invalidateQueries({ queryKey: ['worklist'] });
            void queryClient.invalidateQueries({ queryKey: ['participants'] });
            void queryClient.invalidateQueries({ queryKey: ['lesions'] });
            void queryClient.invalidateQueries({ queryKey: ['readings'] });
            void queryClient.invalidateQueries({ queryKey: ['my-readings'] });
            navigate(back);
          }}
        />
      </Card>
    </Stack>
  );
}
