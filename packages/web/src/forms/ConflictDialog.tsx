import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { FormName } from '@cmr-mass/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../i18n/labels.js';
import type { ConflictRow } from './conflict.js';
import { formatValue } from './format.js';

/** Props of the 409 dialog. */
export interface ConflictDialogProps {
  readonly opened: boolean;
  readonly form: FormName;
  readonly rows: readonly ConflictRow[];
  readonly myVersion: number;
  readonly theirVersion: number;
  readonly onKeepMine: () => void;
  readonly onTakeTheirs: () => void;
  readonly onClose: () => void;
}

/**
 * When someone else saved first (409): both versions side by side, field by field, and two clear
 * choices. The user's entry is never discarded without their say.
 */
export function ConflictDialog(p: ConflictDialogProps): ReactElement {
  const { t } = useTranslation();
  const l = useLabels();
  const anyClash = p.rows.some((r) => r.clash);
  return (
    <Modal opened={p.opened} onClose={p.onClose} title={t('forms.conflictTitle')} size="xl" trapFocus>
      <Stack gap="sm">
        <Text size="sm">{t('forms.conflictText', { mine: p.myVersion, theirs: p.theirVersion })}</Text>
        {!anyClash && (
          <Alert color="blue" p="xs">
            {t('forms.conflictNoOverlap')}
          </Alert>
        )}
        <Table striped withTableBorder fz="xs" aria-label={t('forms.conflictTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('forms.conflictField')}</Table.Th>
              <Table.Th>{t('forms.conflictMine')}</Table.Th>
              <Table.Th>{t('forms.conflictTheirs')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.rows.map((r) => (
              <Table.Tr key={r.field} bg={r.clash ? 'var(--mantine-color-red-0)' : undefined}>
                <Table.Td>
                  {l.field(p.form, r.field)}{' '}
                  {r.clash && (
                    <Badge size="xs" color="red">
                      !
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {r.changedByMe ? formatValue(l, p.form, r.field, r.mine) : t('common.none')}
                </Table.Td>
                <Table.Td>{formatValue(l, p.form, r.field, r.theirs)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={p.onTakeTheirs}>
            {t('forms.conflictTakeTheirs')}
          </Button>
          <Button size="xs" onClick={p.onKeepMine} data-autofocus>
            {t('forms.conflictKeepMine')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
