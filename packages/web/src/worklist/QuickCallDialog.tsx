import { Anchor, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '../api/types.js';
import { useApp } from '../app/context.js';
import { RecordForm } from '../forms/RecordForm.js';
import { href } from '../router/router.js';

/** The fields of the quick telephone follow-up (the rest of the form stays on the casebook). */
export const QUICK_CALL_FIELDS = [
  'contactDate',
  'contactOutcome',
  'vitalStatus',
  'newEvents',
  'nyhaClass',
  'onAnticoagulation',
] as const;

/**
 * The quick telephone follow-up: one dialog, the visit and mode filled in, the contact details on
 * top; saved as complete when the participant was reached.
 */
export function QuickCallDialog(p: {
  readonly item: WorklistItem | null;
  readonly onClose: () => void;
  readonly onSaved: (item: WorklistItem, reached: boolean) => void;
}): ReactElement {
  const { t } = useTranslation();
  const { meta } = useApp();
  const item = p.item;
  return (
    <Modal
      opened={item !== null}
      onClose={p.onClose}
      size="60rem"
      title={
        item
          ? t('worklist.quickTitle', {
              studyId: item.studyId,
              visit: t('casebook.month', { count: item.month }),
            })
          : ''
      }
      trapFocus
    >
      {item && (
        <Stack gap="xs">
          <Group gap="md">
            {item.contact?.fullName && (
              <Text size="sm" fw={600}>
                {item.contact.fullName}
              </Text>
            )}
            {item.contact?.phone && (
              <Anchor href={`tel:${item.contact.phone}`} size="sm" ff="monospace">
                {item.contact.phone}
              </Anchor>
            )}
            {item.contact?.alternatePhone && (
              <Anchor href={`tel:${item.contact.alternatePhone}`} size="sm" ff="monospace">
                {item.contact.alternatePhone}
              </Anchor>
            )}
            {item.contact?.contactNotes && (
              <Text size="xs" c="dimmed">
                {item.contact.contactNotes}
              </Text>
            )}
            <Anchor href={href(`/participants/${item.participantId}`)} size="xs">
              {t('worklist.openCasebook')}
            </Anchor>
          </Group>
          <RecordForm
            form="follow_up_visit"
            parent={{ participantId: item.participantId }}
            initial={{
              visitMonth: item.month,
              mode: 'telephone',
              contactDate: meta.today,
              contactOutcome: 'reached',
            }}
            only={QUICK_CALL_FIELDS}
            ctx={{ today: meta.today }}
            autoComplete={(v) => v.contactOutcome !== 'not_reached'}
            autoFocus
            onCancel={p.onClose}
            onSaved={(r) => {
              p.onSaved(item, r.record.contactOutcome === 'reached');
            }}
          />
        </Stack>
      )}
    </Modal>
  );
}
