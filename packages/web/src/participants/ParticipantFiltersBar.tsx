import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { ParticipantStatus } from '@cmr-mass/core';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantFilters, SiteRow } from '../api/types.js';
import { useLabels } from '../i18n/labels.js';
import { COHORT_FILTERS } from './list-params.js';

interface Props {
  readonly filters: ParticipantFilters;
  readonly sites: readonly SiteRow[] | null;
  readonly onChange: (patch: Partial<ParticipantFilters>) => void;
}

/**
 * Search (debounced: one request after typing pauses, not one per key) and filters by site, status
 * and cohort. `/` focuses the search box.
 */
export function ParticipantFiltersBar(p: Props): ReactElement {
  const { t } = useTranslation();
  const l = useLabels();
  const [q, setQ] = useState(p.filters.q ?? '');
  const [debounced] = useDebouncedValue(q, 250);
  const search = useRef<HTMLInputElement>(null);
  const { onChange } = p;
  const current = p.filters.q ?? '';
  useEffect(() => {
    if (debounced.trim() !== current) onChange({ q: debounced.trim(), page: 1 });
  }, [debounced, current, onChange]);
  useHotkeys([['/', () => search.current?.focus()]]);
  const none = { value: '', label: t('common.all') };
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        ref={search}
        id="participant-search"
        size="xs"
        w={220}
        label={t('participants.search')}
        placeholder={t('participants.searchHint')}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
        }}
        type="search"
      />
      {p.sites && p.sites.length > 1 && (
        <NativeSelect
          id="filter-site"
          size="xs"
          label={t('participants.site')}
          value={p.filters.site ?? ''}
          onChange={(e) => {
            onChange({ site: e.currentTarget.value, page: 1 });
          }}
          data={[none, ...p.sites.map((s) => ({ value: s.code, label: `${s.code} · ${s.name}` }))]}
        />
      )}
      <NativeSelect
        id="filter-status"
        size="xs"
        label={t('participants.status')}
        value={p.filters.status ?? ''}
        onChange={(e) => {
          onChange({ status: e.currentTarget.value as ParticipantFilters['status'], page: 1 });
        }}
        data={[
          none,
          ...ParticipantStatus.codes.map((c) => ({ value: c, label: l.code(ParticipantStatus, c) })),
        ]}
      />
      <NativeSelect
        id="filter-cohort"
        size="xs"
        label={t('participants.cohort')}
        value={p.filters.cohort ?? ''}
        onChange={(e) => {
          onChange({ cohort: e.currentTarget.value, page: 1 });
        }}
        data={[none, ...COHORT_FILTERS.map((c) => ({ value: c, label: t(`participants.cohorts.${c}`) }))]}
      />
    </Group>
  );
}
