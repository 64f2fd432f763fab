import { Badge, Table, Text } from '@mantine/core';
import type { FormName } from '@cmr-mass/core';
import { forms } from '@cmr-mass/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../api/types.js';
import { formatValue } from '../forms/format.js';
import { useLabels } from '../i18n/labels.js';

const ACTIONS = ['create', 'update', 'delete', 'read', 'withdraw', 'login', 'logout', 'export'];

/** The form an audit entity names (`cmr_exam`, `cmr_exams`…), if any. */
function formOf(entity: string): FormName | null {
  if (entity in forms) return entity as FormName;
  const singular = entity.replace(/s$/, '');
  return singular in forms ? (singular as FormName) : null;
}

/** Audit entries as a table: who, when, what changed (before → after) and why. */
export function HistoryTable(p: {
  readonly entries: readonly HistoryEntry[];
  readonly showEntity?: boolean;
}): ReactElement {
  const { t } = useTranslation();
  const l = useLabels();
  if (p.entries.length === 0) return <Text size="xs">{t('history.empty')}</Text>;
  return (
    <Table fz="xs" verticalSpacing={3} withTableBorder striped data-testid="history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('history.when')}</Table.Th>
          <Table.Th>{t('history.who')}</Table.Th>
          {p.showEntity && <Table.Th>{t('audit.entity')}</Table.Th>}
          <Table.Th>{t('history.what')}</Table.Th>
          <Table.Th>{t('history.why')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {p.entries.map((e) => {
          const form = formOf(e.entity);
          const action = ACTIONS.includes(e.action.toLowerCase())
            ? t(`history.actions.${e.action.toLowerCase()}` as never)
            : e.action;
          return (
            <Table.Tr key={e.seq}>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {e.at.replace('T', ' ').slice(0, 19)}
              </Table.Td>
              <Table.Td>
                {e.actor.display}
                <Text span c="dimmed" size="xs">
                  {' '}
                  ({l.tk(`roles.${e.actor.role}`)})
                </Text>
              </Table.Td>
              {p.showEntity && <Table.Td>{form ? l.form(form) : e.entity}</Table.Td>}
              <Table.Td>
                <Badge size="xs" variant="light" mr={4}>
                  {action}
                </Badge>
                {e.changes.map((c) => (
                  <div key={c.field}>
                    <b>{form ? l.field(form, c.field) : c.field}</b>:{' '}
                    <s>{form ? formatValue(l, form, c.field, c.before) : String(c.before)}</s> →{' '}
                    {form ? formatValue(l, form, c.field, c.after) : String(c.after)}
                  </div>
                ))}
              </Table.Td>
              <Table.Td>{e.reason ?? ''}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
