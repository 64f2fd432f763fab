import { Alert, Anchor, Badge, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { ExamKind, FormStatus } from '@cmr-mass/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyRecord } from '../api/types.js';
import { useApp } from '../app/context.js';
import { QueryState } from '../app/QueryState.js';
import { useLabels } from '../i18n/labels.js';
import { href } from '../router/router.js';

const PAGE = 50;

/**
 * The reader's queue: CMR exams to read, with the reader's own diagnosis status. Blinded: no
 * reference diagnosis, treatment or outcome is requested or shown.
 */
export function ReadingQueuePage(): ReactElement {
  const { t } = useTranslation();
  const l = useLabels();
  const { api } = useApp();
  const [page, setPage] = useState(1);
  const exams = useQuery({
    queryKey: ['exams', page],
    queryFn: () => api.list('cmr_exam', { page, pageSize: PAGE }),
    placeholderData: keepPreviousData,
  });
  const readings = useQuery({
    queryKey: ['my-readings'],
    queryFn: () => api.list('reading', { pageSize: 500 }),
  });
  const mine = new Map<string, AnyRecord>();
  for (const r of readings.data?.items ?? []) mine.set(r.examId, r);
  const data = exams.data;
  return (
    <Stack gap="xs">
      <Title order={1} size="h4">
        {t('reader.title')}
      </Title>
      <Alert color="grape" p="xs" data-testid="blinded-notice">
        {t('reader.blinded')}
      </Alert>
      <QueryState loading={exams.isLoading} error={exams.error} onRetry={() => void exams.refetch()} />
      {data && (
        <Table fz="xs" striped highlightOnHover withTableBorder verticalSpacing={3}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reader.exam')}</Table.Th>
              <Table.Th>{t('reader.examDate')}</Table.Th>
              <Table.Th>{l.field('cmr_exam', 'kind')}</Table.Th>
              <Table.Th>{l.field('cmr_exam', 'fieldStrengthT')}</Table.Th>
              <Table.Th>{t('reader.myReading')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((e) => {
              const r = mine.get(e.id);
              const studyId = (e as unknown as { studyId?: string }).studyId;
              return (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Anchor href={href(`/exams/${e.id}`)} size="xs" ff="monospace">
                      {studyId ?? e.participantId.slice(0, 8)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ff="monospace">{e.examDate}</Table.Td>
                  <Table.Td>{l.code(ExamKind, e.kind)}</Table.Td>
                  <Table.Td>{e.fieldStrengthT ? `${e.fieldStrengthT} T` : t('common.none')}</Table.Td>
                  <Table.Td>
                    {r ? (
                      <Badge
                        size="xs"
                        color={r.formStatus === 'incomplete' ? 'orange' : 'green'}
                        variant="light"
                      >
                        {t('reader.read')} · {l.code(FormStatus, r.formStatus)}
                      </Badge>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('reader.notRead')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {data && data.total > PAGE && (
        <Pagination size="sm" total={Math.ceil(data.total / PAGE)} value={page} onChange={setPage} />
      )}
    </Stack>
  );
}
