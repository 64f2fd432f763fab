import { Text } from '@mantine/core';
import type { FormName } from '@cmr-mass/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ForbiddenError } from '../api/errors.js';
import { useApp } from '../app/context.js';
import { QueryState } from '../app/QueryState.js';
import { HistoryTable } from './HistoryTable.js';

/** The audit history of one record (who, when, what, why), newest first. */
export function HistoryPanel(p: {
  readonly form: FormName;
  readonly id: string;
  readonly version: number;
}): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const h = useQuery({
    queryKey: ['history', p.form, p.id, p.version],
    queryFn: () => api.history(p.form, p.id),
    retry: (n, e) => !(e instanceof ForbiddenError) && n < 2,
  });
  if (h.error instanceof ForbiddenError) {
    return (
      <Text size="xs" c="dimmed">
        {t('history.forbidden')}
      </Text>
    );
  }
  if (!h.data) return <QueryState loading={h.isLoading} error={h.error} onRetry={() => void h.refetch()} />;
  return <HistoryTable entries={[...h.data].reverse()} />;
}
