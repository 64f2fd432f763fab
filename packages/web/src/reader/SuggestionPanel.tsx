import { Alert, Card, List, Text, Title } from '@mantine/core';
import { TreatmentType } from '@cmr-mass/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, ForbiddenError } from '../api/errors.js';
import { useApp } from '../app/context.js';
import { useLabels } from '../i18n/labels.js';

/**
 * Decision support for a lesion: the CMR mass score, the ranked differential and the suggested
 * management. A reader sees it only after committing their own diagnosis (the server refuses before).
 */
export function SuggestionPanel(p: { readonly lesionFindingId: string }): ReactElement | null {
  const { t } = useTranslation();
  const l = useLabels();
  const { api, user } = useApp();
  const s = useQuery({
    queryKey: ['suggestion', p.lesionFindingId],
    queryFn: () => api.suggestion(p.lesionFindingId),
    retry: false,
  });
  if (user.role === 'admin') return null;
  const locked = s.error instanceof ForbiddenError;
  return (
    <Card withBorder padding="sm" data-testid="suggestion">
      <Title order={2} size="h5" mb="xs">
        {t('reader.suggestion')}
      </Title>
      {locked && (
        <Text size="xs" c="dimmed">
          {t('reader.suggestionLocked')}
        </Text>
      )}
      {s.error && !locked && (
        <Text size="xs" c="dimmed">
          {s.error instanceof ApiError ? l.message(null, s.error.message) : String(s.error)}
        </Text>
      )}
      {s.data && (
        <>
          {s.data.notice && (
            <Alert color="gray" p={4} mb="xs">
              <Text size="xs">{s.data.notice[l.lang]}</Text>
            </Alert>
          )}
          {s.data.massScore?.applicable !== false && s.data.massScore && (
            <Text size="sm" fw={600}>
              {t('reader.massScore', {
                score:
                  s.data.massScore.score ??
                  `${s.data.massScore.range?.min ?? '?'}–${s.data.massScore.range?.max ?? '?'}`,
              })}
            </Text>
          )}
          {s.data.differential && (
            <>
              <Text size="xs" fw={600} mt="xs">
                {t('reader.differential')}
              </Text>
              <List size="xs" type="ordered">
                {s.data.differential.entries.slice(0, 5).map((e) => (
                  <List.Item key={e.type}>{e.label[l.lang]}</List.Item>
                ))}
              </List>
            </>
          )}
          {s.data.management && (
            <>
              <Text size="xs" fw={600} mt="xs">
                {t('reader.management')}
              </Text>
              <Text size="xs">
                {s.data.management.summary?.[l.lang] ??
                  s.data.management.treatment
                    .map((c) => (TreatmentType.has(c) ? l.code(TreatmentType, c) : c))
                    .join(', ')}
              </Text>
            </>
          )}
        </>
      )}
    </Card>
  );
}
