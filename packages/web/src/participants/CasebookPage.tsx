import { Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { ParticipantStatus, type FormName } from '@cmr-mass/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.js';
import { can } from '../app/nav.js';
import { QueryState } from '../app/QueryState.js';
import { useLabels } from '../i18n/labels.js';
import { href, navigate } from '../router/router.js';
import { decisionOf, scheduleOf, timelineOf } from './casebook-model.js';
import { STATUS_COLOUR } from './ParticipantTable.js';
import { ScheduleTable } from './ScheduleTable.js';
import { StatusActions } from './StatusActions.js';
import { Timeline } from './Timeline.js';

/** The participant page: header, timeline, follow-up schedule, and what can be recorded next. */
export function CasebookPage(p: { readonly participantId: string }): ReactElement {
  const { t } = useTranslation();
  const l = useLabels();
  const { api, user, meta } = useApp();
  const queryClient = useQueryClient();
  const cb = useQuery({
    queryKey: ['casebook', p.participantId],
    queryFn: () => api.casebook(p.participantId),
  });
  if (!cb.data) {
    return <QueryState loading={cb.isLoading} error={cb.error} onRetry={() => void cb.refetch()} />;
  }
  const data = cb.data;
  const part = data.participant;
  const site = part.siteId;
  const may = (form: FormName): boolean => can(user, 'create', form, site) && part.status !== 'withdrawn';
  const add = (form: FormName, query: Record<string, string | number> = {}): void => {
    navigate(href(`/participants/${part.id}/new/${form}`, query));
  };
  const decision = decisionOf(data);
  const schedule = scheduleOf(data, meta.today);
  const refresh = (): void => void queryClient.invalidateQueries({ queryKey: ['casebook', p.participantId] });
  const siteStaff = user.role === 'coordinator' || user.role === 'investigator';
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Anchor href={href('/participants')} size="xs">
              ← {t('participants.title')}
            </Anchor>
          </Group>
          <Group gap="sm">
            <Title order={1} size="h3" ff="monospace" data-testid="study-id">
              {part.studyId}
            </Title>
            <Badge color={STATUS_COLOUR[part.status] ?? 'gray'} variant="light">
              {l.code(ParticipantStatus, part.status)}
            </Badge>
            {data.siteCode && (
              <Badge variant="outline" color="gray">
                {data.siteCode}
              </Badge>
            )}
            {decision && (
              <Text size="xs" c="dimmed">
                {t('casebook.decision', { decision: t(`casebook.decisions.${decision}`) })}
              </Text>
            )}
          </Group>
        </Stack>
        {siteStaff && <StatusActions participant={part} onDone={refresh} />}
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="sm">
            <Title order={2} size="h5" mb="xs">
              {t('casebook.timeline')}
            </Title>
            <Timeline entries={timelineOf(data)} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <Card withBorder padding="sm">
              <Title order={2} size="h5" mb="xs">
                {t('casebook.schedule')}
              </Title>
              <ScheduleTable
                visits={schedule}
                {...(may('follow_up_visit')
                  ? {
                      onRecord: (m: number) => {
                        add('follow_up_visit', { visitMonth: m });
                      },
                    }
                  : {})}
              />
            </Card>
            <Card withBorder padding="sm">
              <Title order={2} size="h5" mb="xs">
                {t('casebook.forms')}
              </Title>
              <Group gap="xs">
                {!data.eligibility && may('eligibility') && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => {
                      add('eligibility');
                    }}
                  >
                    {t('casebook.addEligibility')}
                  </Button>
                )}
                {may('cmr_exam') && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => {
                      add('cmr_exam');
                    }}
                    data-testid="add-exam"
                  >
                    {t('casebook.addExam')}
                  </Button>
                )}
                {data.exams.map((e) =>
                  may('lesion_finding') ? (
                    <Button
                      key={e.id}
                      size="xs"
                      variant="light"
                      onClick={() => {
                        add('lesion_finding', { examId: e.id });
                      }}
                      data-testid="add-lesion"
                    >
                      {t('casebook.addLesion')} ({e.examDate})
                    </Button>
                  ) : null
                )}
                {may('reference_diagnosis') && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => {
                      add('reference_diagnosis');
                    }}
                  >
                    {t('casebook.addReference')}
                  </Button>
                )}
                {may('treatment') && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => {
                      add('treatment');
                    }}
                  >
                    {t('casebook.addTreatment')}
                  </Button>
                )}
                {may('follow_up_visit') && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => {
                      add('follow_up_visit');
                    }}
                  >
                    {t('casebook.addVisit')}
                  </Button>
                )}
                {may('outcome_event') && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => {
                      add('outcome_event');
                    }}
                  >
                    {t('casebook.addEvent')}
                  </Button>
                )}
                {siteStaff &&
                  (data.identifiers ? (
                    <Button
                      size="xs"
                      variant="default"
                      component="a"
                      href={href(`/records/identifiers/${data.identifiers.id}`)}
                    >
                      {t('casebook.identifiers')}
                    </Button>
                  ) : (
                    may('identifiers') && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => {
                          add('identifiers');
                        }}
                      >
                        {t('casebook.identifiers')}
                      </Button>
                    )
                  ))}
              </Group>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
