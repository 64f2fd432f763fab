import { FormStatus, ParticipantStatus, Sex } from '@cmr-mass/core';
import { memo, useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantRow } from '../api/types.js';
import { useLabels } from '../i18n/labels.js';
import { href } from '../router/router.js';
import type { SortKey } from './list-params.js';

/** The colour of each participant status (Mantine colour names; `.pill` in app.css). */
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

/** Everything a row shows that depends on the language, made once per table (not per row). */
interface RowText {
  readonly none: string;
  readonly status: (code: string) => string;
  readonly sex: (code: string) => string;
  readonly recruitment: (code: string) => string;
  readonly formStatus: (code: string) => string;
}

/** The columns, in order: the dictionary key of the header, the sort key, the width. */
const COLUMNS: readonly { readonly key: string; readonly sort?: SortKey; readonly width: string }[] = [
  { key: 'studyId', sort: 'studyId', width: '9em' },
  { key: 'site', sort: 'site', width: '5em' },
  { key: 'status', sort: 'status', width: '11em' },
  { key: 'sex', width: '6em' },
  { key: 'birthYear', width: '5em' },
  { key: 'recruitment', width: '8em' },
  { key: 'baselineDate', sort: 'baselineDate', width: '8em' },
  { key: 'formStatus', width: '8em' },
];

/**
 * One participant: plain table cells (no styled component per cell: a page of rows renders in a few
 * milliseconds), memoised on the row object, so a re-render of the page re-renders no row.
 */
const Row = memo(function Row(p: {
  readonly row: ParticipantRow;
  readonly site: string;
  readonly text: RowText;
}): ReactElement {
  const { row: r, text: x } = p;
  return (
    <tr>
      <td>
        <a className="row-link mono" href={href(`/participants/${r.id}`)}>
          {r.studyId}
        </a>
      </td>
      <td>{p.site}</td>
      <td>
        <span className="pill" data-colour={STATUS_COLOUR[r.status] ?? 'gray'}>
          {x.status(r.status)}
        </span>
      </td>
      <td>{r.sex ? x.sex(r.sex) : x.none}</td>
      <td className="num">{r.birthYear ?? x.none}</td>
      <td>{r.recruitment ? x.recruitment(r.recruitment) : x.none}</td>
      <td className="mono">{r.baselineDate ?? x.none}</td>
      <td>{x.formStatus(r.formStatus)}</td>
    </tr>
  );
});

/**
 * The participant rows of one page, as a plain HTML table with fixed column widths (the columns do
 * not jump from page to page). Headers sort on the server; one translation hook for the whole table.
 */
export const ParticipantTable = memo(function ParticipantTable(p: Props): ReactElement {
  const { t } = useTranslation();
  const l = useLabels();
  const text = useMemo<RowText>(
    () => ({
      none: t('common.none'),
      status: (c) => l.code(ParticipantStatus, c),
      sex: (c) => l.code(Sex, c),
      recruitment: (c) => l.tk(`fields.choices.${c}`),
      formStatus: (c) => l.code(FormStatus, c),
    }),
    [t, l]
  );
  return (
    <table className="data-table" data-testid="participant-table">
      <colgroup>
        {COLUMNS.map((c) => (
          <col key={c.key} style={{ width: c.width }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {COLUMNS.map((c) => {
            const label = t(`participants.columns.${c.key}` as never);
            if (!c.sort) return <th key={c.key}>{label}</th>;
            const sortKey = c.sort;
            const active = p.sort === sortKey;
            return (
              <th key={c.key} aria-sort={active ? (p.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => {
                    p.onSort(sortKey);
                  }}
                  aria-label={t('participants.sortBy', { column: label })}
                >
                  {label}
                  <span aria-hidden="true">{active ? (p.order === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {p.rows.map((r) => (
          <Row
            key={r.id}
            row={r}
            text={text}
            site={r.siteCode ?? p.siteCodes.get(r.siteId) ?? r.studyId.split('-')[0] ?? ''}
          />
        ))}
      </tbody>
    </table>
  );
});
