import { Button, Group, NativeSelect, Pagination, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantFilters } from '../api/types.js';
import { useApp } from '../app/context.js';
import { can } from '../app/nav.js';
import { QueryState } from '../app/QueryState.js';
import { href, navigate, useRoute } from '../router/router.js';
import { filtersFromQuery, PAGE_SIZES, queryOfFilters, type SortKey } from './list-params.js';
import { ParticipantFiltersBar } from './ParticipantFiltersBar.js';
import { participantsQuery, sitesQuery } from './participants-query.js';
import { ParticipantTable } from './ParticipantTable.js';
import { useListTiming } from './use-list-timing.js';

/** The enrolment form loads with the forms' code when first opened, not with the list. */
const EnrolDialog = lazy(() => import('./EnrolDialog.js').then((m) => ({ default: m.EnrolDialog })));

/**
 * The participant list: filtered, sorted and paged on the server (it stays fast with thousands of
 * participants), with the filters in the URL and the previous page kept on screen while the next loads.
 */
export function ParticipantsPage(): ReactElement {
  const { t } = useTranslation();
  const { api, user } = useApp();
  const route = useRoute();
  const queryText = route.query.toString();
  const filters = useMemo(() => filtersFromQuery(new URLSearchParams(queryText)), [queryText]);
  const [enrolOpen, setEnrolOpen] = useState(false);
  const sites = useQuery(sitesQuery(api));
  const filterKey = queryText;
  const list = useQuery({ ...participantsQuery(api, filters), placeholderData: keepPreviousData });
  const { ms, startFilter } = useListTiming(
    filterKey,
    list.data && !list.isPlaceholderData ? filterKey : null
  );

  const setFilters = useCallback(
    (patch: Partial<ParticipantFilters>) => {
      startFilter();
      const next = {
        ...filtersFromQuery(new URLSearchParams(window.location.hash.split('?')[1] ?? '')),
        ...patch,
      };
      navigate(href('/participants', queryOfFilters(next)), true);
    },
    [startFilter]
  );
  const onSort = useCallback(
    (key: SortKey) => {
      setFilters({
        sort: key,
        order: filters.sort === key && filters.order === 'asc' ? 'desc' : 'asc',
        page: 1,
      });
    },
    [filters.sort, filters.order, setFilters]
  );
  const siteCodes = useMemo(() => new Map((sites.data ?? []).map((s) => [s.id, s.code])), [sites.data]);
  const page = list.data;
  const pages = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  const canEnrol = user.siteId !== null && can(user, 'create', 'participant', user.siteId);

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={1} size="h4">
          {t('participants.title')}
        </Title>
        {canEnrol && (
          <Button
            size="xs"
            onClick={() => {
              setEnrolOpen(true);
            }}
            data-testid="enrol"
          >
            {t('participants.enrol')}
          </Button>
        )}
      </Group>
      <ParticipantFiltersBar filters={filters} sites={sites.data ?? null} onChange={setFilters} />
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed" role="status" aria-live="polite" data-testid="participant-count">
          {page ? t('participants.count', { count: page.total }) : ''}
          {ms !== null && page ? ` · ${t('participants.shownIn', { ms })}` : ''}
        </Text>
        <QueryState
          loading={list.isFetching && !page}
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      </Group>
      {page && page.items.length === 0 && <Text size="sm">{t('participants.empty')}</Text>}
      {page && page.items.length > 0 && (
        <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
          <ParticipantTable
            rows={page.items}
            siteCodes={siteCodes}
            sort={filters.sort ?? 'studyId'}
            order={filters.order ?? 'asc'}
            onSort={onSort}
          />
        </div>
      )}
      <Group justify="space-between">
        <Pagination
          size="sm"
          total={pages}
          value={filters.page}
          onChange={(n) => {
            setFilters({ page: n });
          }}
          getControlProps={(c) => ({ 'aria-label': t(`common.pager.${c}`) })}
        />
        <NativeSelect
          size="xs"
          id="page-size"
          label={t('common.rows')}
          value={String(filters.pageSize)}
          onChange={(e) => {
            setFilters({ pageSize: Number(e.currentTarget.value), page: 1 });
          }}
          data={PAGE_SIZES.map((n) => String(n))}
        />
      </Group>
      {canEnrol && user.siteId && enrolOpen && (
        <Suspense fallback={null}>
          <EnrolDialog
            opened={enrolOpen}
            siteId={user.siteId}
            onClose={() => {
              setEnrolOpen(false);
            }}
            onEnrolled={(id) => {
              setEnrolOpen(false);
              navigate(`/participants/${id}`);
            }}
          />
        </Suspense>
      )}
    </Stack>
  );
}
