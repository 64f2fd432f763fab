import { Anchor, Badge, Group, Stack, Text, Timeline as MTimeline } from '@mantine/core';
import { FormStatus, type FormName } from '@cmr-mass/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../i18n/labels.js';
import { href } from '../router/router.js';
import type { TimelineEntry } from './casebook-model.js';
import { summarise } from './summary.js';
import { text } from '../app/text.js';

const COLOUR: Readonly<Record<FormName, string>> = {
  participant: 'gray',
  identifiers: 'gray',
  eligibility: 'gray',
  cmr_exam: 'blue',
  lesion_finding: 'cyan',
  reading: 'indigo',
  reference_diagnosis: 'grape',
  treatment: 'teal',
  follow_up_visit: 'green',
  outcome_event: 'red',
};

function titleOf(t: (k: string, o?: Record<string, unknown>) => string, e: TimelineEntry): string {
  switch (e.form) {
    case 'participant':
      return t('casebook.enrolment');
    case 'lesion_finding':
      return t('casebook.lesion', { label: text(e.record.lesionLabel ?? '') });
    case 'cmr_exam':
      return t('casebook.exam');
    case 'reading':
      return t('casebook.reading');
    case 'reference_diagnosis':
      return t('casebook.reference');
    case 'treatment':
      return t('casebook.treatment');
    case 'follow_up_visit':
      return t('casebook.visit');
    case 'outcome_event':
      return t('casebook.event');
    case 'eligibility':
      return t('casebook.eligibility');
    case 'identifiers':
      return t('casebook.identifiers');
  }
}

function EntryLine(p: { readonly e: TimelineEntry; readonly nested?: boolean }): ReactElement {
  const { t } = useTranslation();
  const l = useLabels();
  const tt = (k: string, o?: Record<string, unknown>): string => l.tk(k, o);
  const r = p.e.record;
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      {!p.nested && (
        <Text size="xs" ff="monospace" c="dimmed" w={78}>
          {p.e.date}
        </Text>
      )}
      <Anchor href={href(`/records/${p.e.form}/${r.id}`)} size="xs" fw={600}>
        {titleOf(tt, p.e)}
      </Anchor>
      <Text size="xs" lineClamp={1}>
        {summarise(l, p.e.form, r)}
      </Text>
      {r.formStatus === 'incomplete' && (
        <Badge size="xs" color="orange" variant="light">
          {l.code(FormStatus, 'incomplete')}
        </Badge>
      )}
      {p.e.form === 'cmr_exam' && (
        <Anchor href={href(`/exams/${r.id}/imaging`)} size="xs">
          {t('casebook.imaging')}
        </Anchor>
      )}
    </Group>
  );
}

/** The participant's timeline: every record in date order, lesions and readings under their exam. */
export function Timeline(p: { readonly entries: readonly TimelineEntry[] }): ReactElement {
  return (
    <MTimeline bulletSize={12} lineWidth={2} data-testid="timeline">
      {p.entries.map((e) => (
        <MTimeline.Item key={`${e.form}-${e.record.id}`} color={COLOUR[e.form]} title={<EntryLine e={e} />}>
          {e.children.length > 0 && (
            <Stack gap={2} mt={2} pl="sm">
              {e.children.map((c) => (
                <EntryLine key={`${c.form}-${c.record.id}`} e={c} nested />
              ))}
            </Stack>
          )}
        </MTimeline.Item>
      ))}
    </MTimeline>
  );
}
