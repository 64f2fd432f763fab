import { Button, Group, NativeSelect, NumberInput, SegmentedControl } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tool } from './MapViewer.js';
import type { RoiLabel } from './roi.js';
import type { ViewerEntry } from './types.js';
import type { WindowLevel } from './window-level.js';

/** The viewer's controls: image, window and level, zoom, tool and ROI label. */
export function ViewerToolbar(p: {
  readonly entries: readonly ViewerEntry[];
  readonly current: string;
  readonly onCurrent: (key: string) => void;
  readonly windowLevel: WindowLevel;
  readonly onWindowLevel: (wl: WindowLevel) => void;
  readonly onZoom: (factor: number) => void;
  readonly onReset: () => void;
  readonly tool: Tool;
  readonly onTool: (t: Tool) => void;
  readonly label: RoiLabel;
  readonly onLabel: (l: RoiLabel) => void;
}): ReactElement {
  const { t } = useTranslation();
  const num = (v: string | number): number | null =>
    typeof v === 'number' ? v : Number.isFinite(Number(v)) && v !== '' ? Number(v) : null;
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <NativeSelect
        id="viewer-image"
        size="xs"
        label={t('imaging.map')}
        value={p.current}
        onChange={(e) => {
          p.onCurrent(e.currentTarget.value);
        }}
        data={p.entries.map((e) => {
          const kind = t(`imaging.maps.${e.kind}`);
          // The server's names start with the map kind already ("T1 map · slice 1 · MOLLI").
          return {
            value: e.key,
            label: e.image.name.startsWith(kind) ? e.image.name : `${kind} · ${e.image.name}`,
          };
        })}
      />
      <NumberInput
        id="viewer-window"
        size="xs"
        w={90}
        label={t('imaging.window')}
        value={Number(p.windowLevel.width.toPrecision(4))}
        min={0}
        onChange={(v) => {
          const n = num(v);
          if (n !== null && n > 0) p.onWindowLevel({ ...p.windowLevel, width: n });
        }}
      />
      <NumberInput
        id="viewer-level"
        size="xs"
        w={90}
        label={t('imaging.level')}
        value={Number(p.windowLevel.level.toPrecision(4))}
        onChange={(v) => {
          const n = num(v);
          if (n !== null) p.onWindowLevel({ ...p.windowLevel, level: n });
        }}
      />
      <Group gap={2}>
        <Button
          size="xs"
          variant="default"
          onClick={() => {
            p.onZoom(1 / 1.25);
          }}
          aria-label={`${t('imaging.zoom')} −`}
        >
          −
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => {
            p.onZoom(1.25);
          }}
          aria-label={`${t('imaging.zoom')} +`}
        >
          +
        </Button>
        <Button size="xs" variant="default" onClick={p.onReset}>
          {t('imaging.reset')}
        </Button>
      </Group>
      <SegmentedControl
        size="xs"
        aria-label={t('imaging.tools')}
        value={p.tool}
        onChange={(v) => {
          p.onTool(v);
        }}
        data={(['pan', 'polygon', 'ellipse'] as const).map((k) => ({
          value: k,
          label: t(`imaging.tool.${k}`),
        }))}
        data-testid="viewer-tool"
      />
      <NativeSelect
        id="viewer-roi-label"
        size="xs"
        label={t('imaging.roiLabel')}
        value={p.label}
        onChange={(e) => {
          p.onLabel(e.currentTarget.value as RoiLabel);
        }}
        data={(['lesion', 'myocardium', 'blood'] as const).map((k) => ({
          value: k,
          label: t(`imaging.roiLabels.${k}`),
        }))}
      />
    </Group>
  );
}
