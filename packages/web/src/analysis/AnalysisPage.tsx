import { Alert, Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.js';
import { QueryState } from '../app/QueryState.js';
import { DashboardFigures } from './DashboardFigures.js';
import { isResults, type ResultsLike } from './results.js';

const STATUS_COLOUR: Readonly<Record<string, string>> = {
  ok: 'green',
  warning: 'yellow',
  not_estimable: 'gray',
  error: 'red',
};

/** The results dashboard: the snapshot, the report's figures and the index of every analysis. */
export function AnalysisPage(): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const q = useQuery({ queryKey: ['analysis'], queryFn: () => api.analysisResults(), staleTime: 60_000 });
  if (!q.data) return <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()} />;
  if (!isResults(q.data)) {
    return <Alert color="gray">{t('analysis.notReady', { message: '' })}</Alert>;
  }
  const r: ResultsLike = q.data;
  return (
    <Stack gap="sm">
      <Title order={1} size="h4">
        {t('analysis.title')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('analysis.snapshot', {
          key: r.snapshot.key.slice(0, 12),
          at: r.snapshot.taken_at.slice(0, 16).replace('T', ' '),
          today: r.snapshot.today,
        })}
        {r.snapshot.synthetic ? ` · ${t('analysis.synthetic')}` : ''}
      </Text>
      <DashboardFigures results={r} />
      <Card withBorder padding="sm">
        <Title order={2} size="h5" mb="xs">
          {t('analysis.index')}
        </Title>
        <Table fz="xs" striped withTableBorder verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('analysis.id')}</Table.Th>
              <Table.Th>{t('analysis.status')}</Table.Th>
              <Table.Th>{t('analysis.n')}</Table.Th>
              <Table.Th>{t('analysis.events')}</Table.Th>
              <Table.Th>{t('analysis.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.index.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td ff="monospace">{a.id}</Table.Td>
                <Table.Td>
                  <Badge size="xs" variant="light" color={STATUS_COLOUR[a.status] ?? 'gray'}>
                    {a.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{a.n}</Table.Td>
                <Table.Td>{a.events ?? ''}</Table.Td>
                <Table.Td>{a.message ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
