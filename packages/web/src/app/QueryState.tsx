import { Alert, Button, Group, Loader } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ForbiddenError, NetworkError, NotFoundError } from '../api/errors.js';
import { useLabels } from '../i18n/labels.js';
import { text } from './text.js';

/** Loading and error states of a query, said plainly with a retry. */
export function QueryState(p: {
  readonly loading: boolean;
  readonly error: unknown;
  readonly onRetry?: () => void;
}): ReactElement | null {
  const { t } = useTranslation();
  const l = useLabels();
  if (p.error) {
    const e = p.error;
    const msg =
      e instanceof ForbiddenError
        ? t('common.notAllowed')
        : e instanceof NotFoundError
          ? t('common.notFound')
          : e instanceof NetworkError
            ? t('common.networkError')
            : t('common.unknownError', {
                message: l.message(null, e instanceof Error ? e.message : text(e)),
              });
    return (
      <Alert
        color={e instanceof ForbiddenError || e instanceof NotFoundError ? 'gray' : 'red'}
        p="xs"
        role="alert"
      >
        <Group justify="space-between">
          {msg}
          {p.onRetry && !(e instanceof ForbiddenError) && (
            <Button size="xs" variant="default" onClick={p.onRetry}>
              {t('common.retry')}
            </Button>
          )}
        </Group>
      </Alert>
    );
  }
  if (p.loading) return <Loader size="xs" aria-label={t('common.loading')} />;
  return null;
}

/** The page a role has no access to. */
export function NotAllowed(): ReactElement {
  const { t } = useTranslation();
  return (
    <Alert color="gray" p="xs">
      {t('common.notAllowed')}
    </Alert>
  );
}
