import { Alert, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { NotFoundError } from '../api/errors.js';
import { useApp } from '../app/context.js';
import { useLabels } from '../i18n/labels.js';

/** Uploads the DICOM files of a series for an exam, with a progress bar. */
export function SeriesUpload(p: { readonly examId: string; readonly onUploaded?: () => void }): ReactElement {
  const { t } = useTranslation();
  const l = useLabels();
  const { api } = useApp();
  const [percent, setPercent] = useState<number | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const upload = async (files: File[]): Promise<void> => {
    if (files.length === 0) return;
    setMessage(null);
    setPercent(0);
    try {
      await api.uploadSeries(p.examId, files, (loaded, total) => {
        setPercent(Math.round((100 * loaded) / Math.max(1, total)));
      });
      setMessage({ ok: true, text: t('imaging.uploaded', { count: files.length }) });
      p.onUploaded?.();
    } catch (e) {
      setMessage({
        ok: false,
        text:
          e instanceof NotFoundError
            ? t('imaging.notConnected')
            : l.message(null, e instanceof Error ? e.message : String(e)),
      });
    } finally {
      setPercent(null);
    }
  };
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <FileButton
          onChange={(f) => void upload(f)}
          multiple
          accept=".dcm,application/dicom,application/zip,*/*"
        >
          {(props) => (
            <Button size="xs" {...props} loading={percent !== null} data-testid="upload-series">
              {t('imaging.upload')}
            </Button>
          )}
        </FileButton>
        {percent !== null && <Text size="xs">{t('imaging.uploading', { percent })}</Text>}
      </Group>
      {percent !== null && (
        <Progress value={percent} size="sm" aria-label={t('imaging.uploading', { percent })} />
      )}
      {message && (
        <Alert color={message.ok ? 'green' : 'gray'} p={4}>
          <Text size="xs">{message.text}</Text>
        </Alert>
      )}
    </Stack>
  );
}
