import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { updateMeta } from '@cmr-mass/core';
import { useLabels } from '../i18n/labels.js';

/** Props of the reason-for-change dialog. */
export interface ReasonDialogProps {
  readonly opened: boolean;
  readonly onCancel: () => void;
  readonly onConfirm: (reason: string) => void;
  /** A message from the server about the reason (e.g. too short). */
  readonly serverError?: string | null;
  readonly title?: string;
  readonly text?: string;
}

/**
 * Asks why data already saved as complete changes (always on, unlike REDCap's opt-in setting). The
 * reason is checked with core's schema, so the message is the server's.
 */
export function ReasonDialog(p: ReasonDialogProps): ReactElement {
  const { t } = useTranslation();
  const l = useLabels();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (): void => {
    const r = updateMeta.reason.safeParse(reason);
    if (!r.success || r.data === undefined) {
      setError(
        l.message(
          null,
          r.success ? 'give a reason of at least 3 characters' : (r.error.issues[0]?.message ?? '')
        )
      );
      return;
    }
    setError(null);
    p.onConfirm(r.data);
    setReason('');
  };
  return (
    <Modal
      opened={p.opened}
      onClose={p.onCancel}
      title={p.title ?? t('forms.reasonTitle')}
      size="md"
      trapFocus
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          e.stopPropagation();
          submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{p.text ?? t('forms.reasonText')}</Text>
          <Textarea
            id="reason-for-change"
            label={t('forms.reasonLabel')}
            placeholder={t('forms.reasonPlaceholder')}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
            }}
            error={error ?? (p.serverError ? l.message(null, p.serverError) : undefined)}
            autosize
            minRows={2}
            data-autofocus
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                submit();
              }
            }}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={p.onCancel}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" onClick={submit}>
              {t('forms.reasonConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
