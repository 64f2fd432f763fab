import { Anchor, Badge, Table, UnstyledButton } from '@mantine/core';
import { FormStatus, ParticipantStatus, Sex } from '@cmr-mass/core';
import { memo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantRow } from '../api/types.js';
import { useLabels } from '../i18n/labels.js';
import { href } from '../router/router.js';
import type { SortKey } from './list-params.js';

/** The colour of each participant status. */
export const STATUS_COLOUR: Readonly<Record<string, string>> = {
  screening: 'gray',
  enrolled: 'blue',
  excluded: 'dark',
  withdrawn: 'red',
  lost_to_follow_up: 'orange',
  completed: 'green',
};

interface Props {
  readonly rows: readonly ParticipantRow[];
  readonly siteCodes: ReadonlyMap<string, string>;
  readonly sort: string;
  readonly order: 'asc' | 'desc';
  readonly onSort: (key: SortKey) => void;
}

const Row = memo(function Row(p: { readonly row: ParticipantRow; readonly site: string }): ReactElement {
  const l = useLabels();
  const { t } = useTranslation();
  const r = p.row;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor href={href(`/participants/${r.id}`)} size="xs" fw={600} ff="monospace">
          {r.studyId}
        </Anchor>
      </Table.Td>
      <Table.Td>{p.site}</Table.Td>
      <Table.Td>
        <Badge size="xs" variant="light" color={STATUS_COLOUR[r.status] ?? 'gray'}>
          {l.code(ParticipantStatus, r.status)}
        </Badge>
      </Table.Td>
      <Table.Td>{r.sex ? l.code(Sex, r.sex) : t('common.none')}</Table.Td>
      <Table.Td>{r.birthYear ?? t('common.none')}</Table.Td>
      <Table.Td>{r.recruitment ? l.tk(`fields.choices.${r.recruitment}`) : t('common.none')}</Table.Td>
      <Table.Td ff="monospace">{r.baselineDate ?? t('common.none')}</Table.Td>
      <Table.Td>{l.code(FormStatus, r.formStatus)}</Table.Td>
    </Table.Tr>
  );
});

/** The participant rows of one page (memoised rows: typing in the search box re-renders nothing here). */
export const ParticipantTable = memo(function ParticipantTable(p: Props): ReactElement {
  const { t } = useTranslation();
  const head = (key: string, sortKey?: SortKey): ReactElement => {
    const label = t(`participants.columns.${key}` as never);
    if (!sortKey) return <Table.Th key={key}>{label}</Table.Th>;
    const active = p.sort === sortKey;
    return (
      <Table.Th key={key} aria-sort={active ? (p.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <UnstyledButton
          fz="xs"
          fw={700}
          onClick={() => {
            p.onSort(sortKey);
          }}
          aria-label={t('participants.sortBy', { column: label })}
        >
          {label} {active ? (p.order === 'asc' ? '▲' : '▼') : ''}
        </UnstyledButton>
      </Table.Th>
    );
  };
  return (
    <Table
      striped
      highlightOnHover
      withTableBorder
      fz="xs"
      verticalSpacing={3}
      data-testid="participant-table"
    >
      <Table.Thead>
        <Table.Tr>
          {head('studyId', 'studyId')}
          {head('site', 'site')}
          {head('status', 'status')}
          {head('sex')}
          {head('birthYear')}
          {head('recruitment')}
          {head('baselineDate', 'baselineDate')}
          {head('formStatus')}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {p.rows.map((r) => (
          <Row
            key={r.id}
            row={r}
            site={r.siteCode ?? p.siteCodes.get(r.siteId) ?? r.studyId.split('-')[0] ?? ''}
          />
        ))}
      </Table.Tbody>
    </Table>
  );
});
