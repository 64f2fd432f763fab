import { Alert, Anchor, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { FormStatus, MassCategory, MassType, type Reading } from '@cmr-mass/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.js';
import { can } from '../app/nav.js';
import { QueryState } from '../app/QueryState.js';
import { formatValue } from '../forms/format.js';
import { useLabels } from '../i18n/labels.js';
import { href, navigate } from '../router/router.js';
import { summarise } from '../participants/summary.js';

/**
 * One CMR exam as a reader sees it: the exam, its lesions, the reader's own diagnosis of each and the
 * way into the images. No reference diagnosis, treatment or outcome is requested.
 */
export function ExamReadPage(p: { readonly examId: string }): ReactElement {
  const { t } = useTranslation();
  const l = useLabels();
  const { api, user } = useApp();
  const exam = useQuery({
    queryKey: ['record', 'cmr_exam', p.examId],
    queryFn: () => api.get('cmr_exam', p.examId),
  });
  const lesions = useQuery({
    queryKey: ['lesions', p.examId],
    queryFn: () => api.list('lesion_finding', { examId: p.examId, pageSize: 100 }),
  });
  const readings = useQuery({
    queryKey: ['readings', p.examId],
    queryFn: () => api.list('reading', { examId: p.examId, pageSize: 100 }),
  });
  if (!exam.data) {
    return <QueryState loading={exam.isLoading} error={exam.error} onRetry={() => void exam.refetch()} />;
  }
  const e = exam.data;
  const siteId = user.siteId;
  const mayLesion = can(user, 'create', 'lesion_finding', siteId);
  const mayRead = can(user, 'create', 'reading', siteId);
  const mine = (lesionId: string): Reading | undefined =>
    readings.data?.items.find(
      (r) => r.lesionId === lesionId && (user.role !== 'reader' || r.readerId === user.id)
    );
  const newRecord = (form: string, q: Record<string, string>): void => {
    navigate(href(`/participants/${e.participantId}/new/${form}`, { examId: e.id, ...q }));
  };
  return (
    <Stack gap="xs">
      <Anchor href={href(user.role === 'reader' ? '/reading' : `/participants/${e.participantId}`)} size="xs">
        ← {t(user.role === 'reader' ? 'reader.title' : 'common.back')}
      </Anchor>
      <Group gap="sm">
        <Title order={1} size="h4">
          {l.form('cmr_exam')} {e.examDate}
        </Title>
        <Text size="xs">{summarise(l, 'cmr_exam', e)}</Text>
        <Button size="xs" variant="light" component="a" href={href(`/exams/${e.id}/imaging`)}>
          {t('casebook.imaging')}
        </Button>
        <Button size="xs" variant="default" component="a" href={href(`/records/cmr_exam/${e.id}`)}>
          {t('common.open')}
        </Button>
      </Group>
      {user.role === 'reader' && (
        <Alert color="grape" p={4}>
          <Text size="xs">{t('reader.blinded')}</Text>
        </Alert>
      )}
      <Grid>
        <Grid.Col span={12}>
          <Card withBorder padding="sm">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h5">
                {t('reader.lesions')}
              </Title>
              {mayLesion && (
                <Button
                  size="xs"
                  onClick={() => {
                    newRecord('lesion_finding', {});
                  }}
                >
                  {t('casebook.addLesion')}
                </Button>
              )}
            </Group>
            <QueryState loading={lesions.isLoading} error={lesions.error} />
            <Table fz="xs" withTableBorder verticalSpacing={3}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{l.field('reading', 'lesionId')}</Table.Th>
                  <Table.Th>{t('reader.findings')}</Table.Th>
                  <Table.Th>{t('reader.myReading')}</Table.Th>
                  <Table.Th>{t('reader.quant')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(lesions.data?.items ?? []).map((f) => {
                  const r = mine(f.lesionId);
                  return (
                    <Table.Tr key={f.id}>
                      <Table.Td fw={700}>
                        <Anchor href={href(`/records/lesion_finding/${f.id}`)} size="xs">
                          {f.lesionLabel}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{summarise(l, 'lesion_finding', f)}</Table.Td>
                      <Table.Td>
                        {r ? (
                          <Anchor href={href(`/records/reading/${r.id}`)} size="xs">
                            {l.code(MassCategory, r.category)}
                            {r.specificType ? ` · ${l.code(MassType, r.specificType)}` : ''} (
                            {l.code(FormStatus, r.formStatus)})
                          </Anchor>
                        ) : (
                          mayRead && (
                            <Button
                              size="compact-xs"
                              onClick={() => {
                                newRecord('reading', { lesionId: f.lesionId });
                              }}
                              data-testid="add-reading"
                            >
                              {t('casebook.addReading')}
                            </Button>
                          )
                        )}
                      </Table.Td>
                      <Table.Td>
                        {formatValue(l, 'lesion_finding', 't1NativeMs', f.t1NativeMs)} /{' '}
                        {formatValue(l, 'lesion_finding', 't2Ms', f.t2Ms)} /{' '}
                        {formatValue(l, 'lesion_finding', 'ecv', f.ecv)}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
