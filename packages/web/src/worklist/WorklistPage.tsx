import { Badge, Group, NativeSelect, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '../api/types.js';
import { useApp } from '../app/context.js';
import { can } from '../app/nav.js';
import { QueryState } from '../app/QueryState.js';
import { BUCKETS, itemsOf, type Bucket } from './buckets.js';
import { QuickCallDialog } from '../app/pages.js';
import { WorklistTable } from './WorklistTable.js';

/**
 * The follow-up worklist: what to do today, this week, what is overdue or missed, most urgent first.
 * One click (or T) opens the quick telephone form; saving it refreshes the list.
 */
export function WorklistPage(): ReactElement {
  const { t } = useTranslation();
  const { api, user, meta } = useApp();
  const queryClient = useQueryClient();
  const [site, setSite] = useState('');
  const sites = useQuery({
    queryKey: ['sites'],
    queryFn: () => api.sites(),
    staleTime: 300_000,
    enabled: user.siteId === null,
  });
  const list = useQuery({
    queryKey: ['worklist', site],
    queryFn: () => api.worklist({ site: site || undefined }),
  });
  const today = list.data?.today ?? meta.today;
  const [tab, setTab] = useState<Bucket>('today');
  const [selected, setSelected] = useState(0);
  const [calling, setCalling] = useState<WorklistItem | null>(null);
  const byBucket = useMemo(() => {
    const items = list.data?.items ?? [];
    return Object.fromEntries(BUCKETS.map((b) => [b, itemsOf(items, b, today)])) as Record<
      Bucket,
      WorklistItem[]
    >;
  }, [list.data, today]);
  const canCall = can(user, 'create', 'follow_up_visit', user.siteId);
  const siteStaff = user.role === 'coordinator' || user.role === 'investigator';
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={1} size="h4">
          {t('worklist.title')}
        </Title>
        {user.siteId === null && sites.data && (
          <NativeSelect
            id="worklist-site"
            size="xs"
            aria-label={t('participants.site')}
            value={site}
            onChange={(e) => {
              setSite(e.currentTarget.value);
            }}
            data={[
              { value: '', label: t('common.all') },
              ...sites.data.map((s) => ({ value: s.code, label: s.code })),
            ]}
          />
        )}
      </Group>
      {canCall && (
        <Text size="xs" c="dimmed">
          {t('worklist.callHint')}
        </Text>
      )}
      <QueryState loading={list.isLoading} error={list.error} onRetry={() => void list.refetch()} />
      <Tabs
        value={tab}
        onChange={(v) => {
          setTab((v ?? 'today') as Bucket);
          setSelected(0);
        }}
        keepMounted={false}
      >
        <Tabs.List>
          {BUCKETS.map((b) => (
            <Tabs.Tab key={b} value={b} data-testid={`tab-${b}`}>
              {t(`worklist.tabs.${b}`)}{' '}
              <Badge
                size="xs"
                variant="light"
                color={b === 'missed' ? 'red' : b === 'overdue' ? 'orange' : 'blue'}
              >
                {byBucket[b].length}
              </Badge>
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {BUCKETS.map((b) => (
          <Tabs.Panel key={b} value={b} pt="xs">
            {byBucket[b].length === 0 ? (
              <Text size="sm">{t('worklist.empty')}</Text>
            ) : (
              <WorklistTable
                items={byBucket[b]}
                selected={selected}
                onSelect={setSelected}
                onCall={setCalling}
                canCall={canCall}
                showContact={siteStaff}
              />
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
      {calling && (
        <Suspense fallback={null}>
          <QuickCallDialog
            item={calling}
            onClose={() => {
              setCalling(null);
            }}
            onSaved={(item, reached) => {
              setCalling(null);
              notifications.show({
                message: reached
                  ? t('worklist.saved', { studyId: item.studyId, month: item.month })
                  : t('worklist.attemptSaved', { studyId: item.studyId }),
                color: 'green',
              });
              void queryClient.invalidateQueries({ queryKey: ['worklist'] });
              void queryClient.invalidateQueries({ queryKey: ['casebook', item.participantId] });
            }}
          />
        </Suspense>
      )}
    </Stack>
  );
}
