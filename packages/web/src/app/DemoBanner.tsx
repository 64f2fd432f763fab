import { Box, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** The stripe across the top when the database holds the synthetic demo cohort. */
export function DemoBanner(): ReactElement {
  const { t } = useTranslation();
  return (
    <Box
      role="note"
      bg="orange.1"
      px="md"
      py={2}
      style={{ borderBottom: '1px solid var(--mantine-color-orange-4)' }}
    >
      <Text size="xs" fw={600} c="orange.9" ta="center" data-testid="demo-banner">
        {t('app.demoBanner')}
      </Text>
    </Box>
  );
}
