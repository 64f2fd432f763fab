import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.js';
import { QueryState } from '../app/QueryState.js';
import { HistoryTable } from './HistoryTable.js';

/** The study's audit trail (administrators and monitors), newest first. */
export function AuditPage(): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const trail = useQuery({
    queryKey: ['audit'],
    queryFn: () => api.auditTrail({ limit: 1000 }).then((items) => [...items].reverse()),
  });
  return (
    <Stack gap="xs" data-testid="audit-page">
      <Title order={1} size="h4">
        {t('audit.title')}
      </Title>
      {trail.data ? (
        <HistoryTable entries={trail.data} showEntity />
      ) : (
        <QueryState loading={trail.isLoading} error={trail.error} onRetry={() => void trail.refetch()} />
      )}
    </Stack>
  );
}
