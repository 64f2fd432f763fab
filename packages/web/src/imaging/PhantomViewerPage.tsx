import { Alert, Card, Stack, Title } from '@mantine/core';
import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ImagingWorkbench } from './ImagingWorkbench.js';
import { phantomT1 } from './phantom.js';
import type { ViewerEntry } from './types.js';

/**
 * The viewer on a phantom made in the browser (`#/viewer`): for trying the tools and for the
 * end-to-end test of ROI drawing, with no patient data and no server imaging needed.
 */
export function PhantomViewerPage(): ReactElement {
  const { t } = useTranslation();
  const entries = useMemo<ViewerEntry[]>(
    () => [{ key: 'phantom', kind: 't1', image: phantomT1(128), mapId: 'phantom', model: 'synthetic' }],
    []
  );
  return (
    <Stack gap="xs">
      <Title order={1} size="h4">
        {t('imaging.phantomTitle')}
      </Title>
      <Alert color="gray" p="xs">
        {t('imaging.phantomNote')}
      </Alert>
      <Card withBorder padding="sm">
        <ImagingWorkbench entries={entries} />
      </Card>
    </Stack>
  );
}
