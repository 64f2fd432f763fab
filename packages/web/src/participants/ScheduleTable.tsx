import { Badge, Button, Table, Text } from '@mantine/core';
import type { ScheduledVisit } from '@cmr-mass/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** The colour of each visit status. */
export const VISIT_COLOUR: Readonly<Record<ScheduledVisit['status'], string>> = {
  upcoming: 'gray',
  due: 'blue',
  overdue: 'orange',
  missed: 'red',
  done: 'green',
  done_out_of_window: 'lime',
  not_required: 'dark',
};

/** The six scheduled visits with their windows and statuses; open ones can be recorded from here. */
export function ScheduleTable(p: {
  readonly visits: readonly ScheduledVisit[];
  readonly onRecord?: (month: number) => void;
}): ReactElement {
  const { t } = useTranslation();
  if (p.visits.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('casebook.noBaseline')}
      </Text>
    );
  }
  return (
    <Table fz="xs" verticalSpacing={2} withTableBorder data-testid="schedule">
      <Table.Tbody>
        {p.visits.map((v) => (
          <Table.Tr key={v.month}>
            <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
              {t('casebook.month', { count: v.month })}
            </Table.Td>
            <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
              {v.contactDate ?? v.targetDate}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Badge size="xs" variant="light" color={VISIT_COLOUR[v.status]}>
                {t(`casebook.visitStatus.${v.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td c="dimmed" fz={11}>
              {t('casebook.window', { from: v.windowStart, to: v.windowEnd })}
            </Table.Td>
            <Table.Td>
              {p.onRecord && ['due', 'overdue', 'missed', 'upcoming'].includes(v.status) && (
                <Button size="compact-xs" variant="light" onClick={() => p.onRecord?.(v.month)}>
                  {t('common.add')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
