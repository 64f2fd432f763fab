import { Group, Stack, Text } from '@mantine/core';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplyTarget } from './apply.js';
import { ColourBar } from './ColourBar.js';
import { MapViewer, type Tool } from './MapViewer.js';
import type { Roi, RoiLabel, RoiStats } from './roi.js';
import { RoiTable } from './RoiTable.js';
import { COLOUR_OF, type ViewerEntry } from './types.js';
import { zoomAt, type View } from './view.js';
import { autoWindow, type WindowLevel } from './window-level.js';
import { ViewerToolbar } from './ViewerToolbar.js';

let roiCounter = 0;

/**
 * Source images and maps side by side with their controls: pick an image, adjust window/level and
 * zoom, draw ROIs on the lesion, myocardium and blood pool, read their statistics, and put them into
 * the record's fields.
 */
export function ImagingWorkbench(p: {
  readonly entries: readonly ViewerEntry[];
  readonly onApply?: (entry: ViewerEntry, roi: Roi, stats: RoiStats, target: ApplyTarget) => void;
  readonly size?: number;
  /** Told of the ROIs whenever they change (the ECV form takes the blood-pool ROI). */
  readonly onRois?: (rois: readonly Roi[]) => void;
}): ReactElement {
  const { t } = useTranslation();
  const [currentKey, setCurrent] = useState(p.entries[0]?.key ?? '');
  const entry = p.entries.find((e) => e.key === currentKey) ?? p.entries[0];
  const [wlByKey, setWl] = useState<Record<string, WindowLevel>>({});
  const [view, setView] = useState<View | null>(null);
  const [tool, setTool] = useState<Tool>('pan');
  const [label, setLabel] = useState<RoiLabel>('lesion');
  const [rois, setRois] = useState<readonly Roi[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const size = p.size ?? 512;
  const { onRois } = p;
  useEffect(() => {
    onRois?.(rois);
  }, [rois, onRois]);
  if (!entry) return <Text size="sm">{t('imaging.noImage')}</Text>;
  const wl = wlByKey[entry.key] ?? autoWindow(entry.image.data);
  const colourMap = COLOUR_OF[entry.kind];
  const setWindow = (w: WindowLevel): void => {
    setWl((m) => ({ ...m, [entry.key]: w }));
  };
  return (
    <Stack gap="xs">
      <ViewerToolbar
        entries={p.entries}
        current={entry.key}
        onCurrent={(k) => {
          setCurrent(k);
        }}
        windowLevel={wl}
        onWindowLevel={setWindow}
        onZoom={(f) => {
          const base = view ?? {
            zoom: Math.min(size / entry.image.columns, size / entry.image.rows),
            panX: 0,
            panY: 0,
          };
          setView(zoomAt(base, f, size / 2, size / 2));
        }}
        onReset={() => {
          setView(null);
          setWl((m) => {
            const { [entry.key]: _drop, ...rest } = m;
            return rest;
          });
        }}
        tool={tool}
        onTool={setTool}
        label={label}
        onLabel={setLabel}
      />
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <MapViewer
          image={entry.image}
          colourMap={colourMap}
          windowLevel={wl}
          onWindowLevel={setWindow}
          view={view}
          onView={setView}
          tool={tool}
          drawLabel={label}
          rois={rois}
          selectedRoi={selected}
          width={size}
          height={size}
          onRoiDrawn={(shape) => {
            roiCounter += 1;
            const roi: Roi = { id: `roi-${roiCounter}`, label, shape };
            setRois((r) => [...r, roi]);
            setSelected(roi.id);
          }}
        />
        <ColourBar colourMap={colourMap} windowLevel={wl} units={entry.image.units} height={size} />
      </Group>
      <RoiTable
        rois={rois}
        image={entry.image}
        kind={entry.kind}
        selected={selected}
        onSelect={setSelected}
        onDelete={(id) => {
          setRois((r) => r.filter((x) => x.id !== id));
        }}
        {...(p.onApply
          ? {
              onApply: (roi: Roi, stats: RoiStats, target: ApplyTarget) =>
                p.onApply?.(entry, roi, stats, target),
            }
          : {})}
      />
    </Stack>
  );
}
