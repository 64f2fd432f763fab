import { Button, Group, NativeSelect, NumberInput, Text } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobRequest } from './imaging-api.js';
import type { Point } from './roi.js';
import type { ViewerEntry } from './types.js';

/**
 * Asks for an ECV map: the native and the post-contrast T1 map (same slice, same grid), the
 * haematocrit (left empty: the exam form's), and the blood pool's T1, from the blood-pool ROI drawn
 * on a map or typed in (Messroghli et al., JCMR 2017;19:75: ECV = (1 − Hct) ΔR1 myocardium / ΔR1 blood).
 */
export function EcvForm(p: {
  readonly t1Maps: readonly ViewerEntry[];
  readonly bloodRoi: readonly Point[] | null;
  readonly busy: boolean;
  readonly onSubmit: (r: Extract<JobRequest, { kind: 'ecv' }>) => void;
}): ReactElement {
  const { t } = useTranslation();
  const [pre, setPre] = useState(p.t1Maps[0]?.key ?? '');
  const [post, setPost] = useState(p.t1Maps[1]?.key ?? '');
  const [hct, setHct] = useState<number | ''>('');
  const [bloodPre, setBloodPre] = useState<number | ''>('');
  const [bloodPost, setBloodPost] = useState<number | ''>('');
  const options = p.t1Maps.map((m) => ({ value: m.key, label: m.image.name }));
  const useRoi = p.bloodRoi !== null && p.bloodRoi.length >= 3;
  const typed = bloodPre !== '' && bloodPost !== '';
  const ready = pre !== '' && post !== '' && pre !== post && (useRoi || typed);
  return (
    <Group gap="xs" align="flex-end" data-testid="ecv-form">
      <Text size="xs" fw={600}>
        {t('imaging.jobs.ecv.title')}
      </Text>
      <NativeSelect
        size="xs"
        label={t('imaging.jobs.ecv.pre')}
        data={options}
        value={pre}
        onChange={(e) => {
          setPre(e.currentTarget.value);
        }}
      />
      <NativeSelect
        size="xs"
        label={t('imaging.jobs.ecv.post')}
        data={options}
        value={post}
        onChange={(e) => {
          setPost(e.currentTarget.value);
        }}
      />
      <NumberInput
        size="xs"
        w={110}
        label={t('imaging.jobs.ecv.haematocrit')}
        placeholder={t('imaging.jobs.ecv.fromExam')}
        min={0.1}
        max={0.7}
        step={0.01}
        decimalScale={3}
        value={hct}
        onChange={(v) => {
          setHct(typeof v === 'number' ? v : '');
        }}
      />
      {useRoi ? (
        <Text size="xs" c="dimmed">
          {t('imaging.jobs.ecv.bloodFromRoi')}
        </Text>
      ) : (
        <>
          <NumberInput
            size="xs"
            w={110}
            label={t('imaging.jobs.ecv.bloodPre')}
            min={1}
            value={bloodPre}
            onChange={(v) => {
              setBloodPre(typeof v === 'number' ? v : '');
            }}
          />
          <NumberInput
            size="xs"
            w={110}
            label={t('imaging.jobs.ecv.bloodPost')}
            min={1}
            value={bloodPost}
            onChange={(v) => {
              setBloodPost(typeof v === 'number' ? v : '');
            }}
          />
        </>
      )}
      <Button
        size="xs"
        disabled={!ready}
        loading={p.busy}
        onClick={() => {
          const mapId = (key: string): string => p.t1Maps.find((m) => m.key === key)?.mapId ?? key;
          p.onSubmit({
            kind: 'ecv',
            preMapIds: [mapId(pre)],
            postMapIds: [mapId(post)],
            ...(hct !== '' ? { haematocrit: hct } : {}),
            ...(useRoi && p.bloodRoi
              ? { bloodRoi: { polygon: p.bloodRoi } }
              : typed
                ? { bloodT1: { preMs: bloodPre, postMs: bloodPost } }
                : {}),
          });
        }}
      >
        {t('imaging.jobs.ecv.run')}
      </Button>
    </Group>
  );
}
