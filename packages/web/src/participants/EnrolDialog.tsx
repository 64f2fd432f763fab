import { Modal } from '@mantine/core';
import type { ReactElement } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { useApp } from '../app/context.js';
import { RecordForm } from '../forms/RecordForm.js';
import { text } from '../app/text.js';

/** Props of the enrolment dialog. */
export interface EnrolDialogProps {
  readonly opened: boolean;
  readonly siteId: string;
  readonly onClose: () => void;
  readonly onEnrolled: (participantId: string) => void;
}

/** Enrols a participant at the user's site: the participant form; the server gives the study ID. */
export function EnrolDialog(p: EnrolDialogProps): ReactElement {
  const { t } = useTranslation();
  const { meta } = useApp();
  const queryClient = useQueryClient();
  return (
    <Modal opened={p.opened} onClose={p.onClose} title={t('participants.enrolTitle')} size="90rem" trapFocus>
      <RecordForm
        form="participant"
        parent={{ siteId: p.siteId }}
        ctx={{ today: meta.today }}
        autoFocus
        onCancel={p.onClose}
        onSaved={(r) => {
          void queryClient.invalidateQueries({ queryKey: ['participants'] });
          notifications.show({
            message: t('participants.enrolled', { studyId: text(r.record.studyId ?? '') }),
          });
          p.onEnrolled(r.record.id);
        }}
      />
    </Modal>
  );
}
