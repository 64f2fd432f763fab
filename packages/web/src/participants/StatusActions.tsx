import { Button, Group, Modal, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { lostToFollowUpBody, withdrawBody, WithdrawalReason, type Participant } from '@cmr-mass/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.js';
import { useLabels } from '../i18n/labels.js';

type Mode = 'withdraw' | 'lost' | null;

/** Withdrawal and loss to follow-up: a date, a coded reason, an explanation; checked with core's schemas. */
export function StatusActions(p: {
  readonly participant: Participant;
  readonly onDone: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const l = useLabels();
  const { api, meta } = useApp();
  const [mode, setMode] = useState<Mode>(null);
  const [date, setDate] = useState(meta.today);
  const [code, setCode] = useState<string>('participant_request');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = (): void => {
    setMode(null);
    setError(null);
  };
  const submit = async (): Promise<void> => {
    const version = p.participant.version;
    const parsed =
      mode === 'withdraw'
        ? withdrawBody.safeParse({ version, date, reasonCode: code, reason })
        : lostToFollowUpBody.safeParse({ version, date, reason });
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      setError(
        i ? `${l.field('participant', String(i.path[0] ?? ''))}: ${l.message(null, i.message)}` : null
      );
      return;
    }
    try {
      if (mode === 'withdraw') await api.withdraw(p.participant.id, withdrawBody.parse(parsed.data));
      else await api.lostToFollowUp(p.participant.id, lostToFollowUpBody.parse(parsed.data));
      close();
      p.onDone();
    } catch (e) {
      setError(l.message(null, e instanceof Error ? e.message : String(e)));
    }
  };
  const status = p.participant.status;
  if (status === 'withdrawn') return <></>;
  return (
    <>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          color="red"
          onClick={() => {
            setMode('withdraw');
          }}
        >
          {t('casebook.withdraw')}
        </Button>
        {status !== 'lost_to_follow_up' && (
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              setMode('lost');
            }}
          >
            {t('casebook.lost')}
          </Button>
        )}
      </Group>
      <Modal
        opened={mode !== null}
        onClose={close}
        title={t(mode === 'withdraw' ? 'casebook.withdrawTitle' : 'casebook.lostTitle', {
          studyId: p.participant.studyId,
        })}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="xs">
            <TextInput
              id="status-date"
              type="date"
              size="xs"
              label={t('common.date')}
              value={date}
              onChange={(e) => {
                setDate(e.currentTarget.value);
              }}
            />
            {mode === 'withdraw' && (
              <NativeSelect
                id="status-code"
                size="xs"
                label={t('casebook.withdrawReason')}
                value={code}
                onChange={(e) => {
                  setCode(e.currentTarget.value);
                }}
                data={WithdrawalReason.codes.map((c) => ({ value: c, label: l.code(WithdrawalReason, c) }))}
              />
            )}
            <Textarea
              id="status-reason"
              size="xs"
              label={t('casebook.explain')}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
              }}
              error={error}
            />
            <Group justify="flex-end" gap="xs">
              <Button size="xs" variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button size="xs" type="submit" color="red">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
