import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import type { KeyboardEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '../api/types.js';
import { VISIT_COLOUR } from '../participants/ScheduleTable.js';
import { href } from '../router/router.js';

interface Props {
  readonly items: readonly WorklistItem[];
  readonly selected: number;
  readonly onSelect: (index: number) => void;
  readonly onCall: (item: WorklistItem) => void;
  readonly canCall: boolean;
  readonly showContact: boolean;
}

/**
 * The visits of one worklist tab. The table is one keyboard stop: ↑ ↓ select a row, T or Enter opens
 * the quick telephone form.
 */
export function WorklistTable(p: Props): ReactElement {
  const { t } = useTranslation();
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      p.onSelect(Math.min(p.items.length - 1, p.selected + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      p.onSelect(Math.max(0, p.selected - 1));
    } else if ((e.key === 't' || e.key === 'T' || e.key === 'Enter') && p.canCall) {
      const item = p.items[p.selected];
      if (item) {
        e.preventDefault();
        p.onCall(item);
      }
    }
  };
  const active = p.items[p.selected];
  return (
    <div
      tabIndex={0}
      onKeyDown={onKey}
      role="group"
      aria-label={t('worklist.callHint')}
      aria-activedescendant={active ? `wl-${active.participantId}-${active.month}` : undefined}
      data-testid="worklist"
    >
      <Table fz="xs" striped withTableBorder verticalSpacing={3}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('worklist.columns.studyId')}</Table.Th>
            <Table.Th>{t('worklist.columns.visit')}</Table.Th>
            <Table.Th>{t('worklist.columns.target')}</Table.Th>
            <Table.Th>{t('worklist.columns.window')}</Table.Th>
            <Table.Th>{t('worklist.columns.status')}</Table.Th>
            <Table.Th>{t('worklist.columns.attempts')}</Table.Th>
            {p.showContact && <Table.Th>{t('worklist.columns.contact')}</Table.Th>}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.items.map((i, n) => (
            <Table.Tr
              key={`${i.participantId}-${i.month}`}
              id={`wl-${i.participantId}-${i.month}`}
              bg={n === p.selected ? 'var(--mantine-color-blue-1)' : undefined}
              onClick={() => {
                p.onSelect(n);
              }}
              aria-selected={n === p.selected}
              data-study-id={i.studyId}
            >
              <Table.Td>
                <Anchor href={href(`/participants/${i.participantId}`)} size="xs" ff="monospace" fw={600}>
                  {i.studyId}
                </Anchor>
              </Table.Td>
              <Table.Td>{t('casebook.month', { count: i.month })}</Table.Td>
              <Table.Td ff="monospace">{i.targetDate}</Table.Td>
              <Table.Td ff="monospace">
                {i.windowStart} – {i.windowEnd}
                <Text span size="xs" c="dimmed">
                  {' '}
                  (
                  {i.daysToWindowEnd >= 0
                    ? t('worklist.days', { count: i.daysToWindowEnd })
                    : t('worklist.daysLate', { count: -i.daysToWindowEnd })}
                  )
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge size="xs" variant="light" color={VISIT_COLOUR[i.status]}>
                  {t(`casebook.visitStatus.${i.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{i.failedAttempts > 0 ? i.failedAttempts : ''}</Table.Td>
              {p.showContact && (
                <Table.Td>
                  {i.contact?.fullName ?? ''}{' '}
                  {i.contact?.phone && (
                    <Anchor href={`tel:${i.contact.phone}`} size="xs" ff="monospace">
                      {i.contact.phone}
                    </Anchor>
                  )}
                </Table.Td>
              )}
              <Table.Td>
                {p.canCall && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => {
                      p.onCall(i);
                    }}
                    data-testid="record-call"
                  >
                    {t('worklist.call')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
