import { ActionIcon, Button, Table, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../i18n/labels.js';
import { applyTarget, type ApplyTarget } from './apply.js';
import { ROI_COLOUR } from './draw.js';
import { formatNumber, type MapImage } from './MapViewer.js';
import { roiMask, roiStats, type Roi, type RoiStats } from './roi.js';
import type { MapKind } from './types.js';

/** Statistics of each ROI on the current image, with a button to put the mean into its field. */
export function RoiTable(p: {
  readonly rois: readonly Roi[];
  readonly image: MapImage;
  readonly kind: MapKind;
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
  readonly onDelete: (id: string) => void;
  readonly onApply?: (roi: Roi, stats: RoiStats, target: ApplyTarget) => void;
}): ReactElement | null {
  const { t } = useTranslation();
  const l = useLabels();
  if (p.rois.length === 0) return null;
  const unit = p.image.units === 'fraction' ? '' : p.image.units;
  return (
    <Table fz="xs" withTableBorder verticalSpacing={2} data-testid="roi-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('imaging.roiLabel')}</Table.Th>
          <Table.Th>{t('imaging.stats.n')}</Table.Th>
          <Table.Th>{t('imaging.stats.mean')}</Table.Th>
          <Table.Th>{t('imaging.stats.sd')}</Table.Th>
          <Table.Th>{t('imaging.stats.median')}</Table.Th>
          <Table.Th>{t('imaging.stats.area')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {p.rois.map((r) => {
          const s = roiStats(
            p.image.data,
            roiMask(r.shape, p.image.columns, p.image.rows),
            p.image.pixelSpacingMm
          );
          const target = applyTarget(r.label, p.kind);
          return (
            <Table.Tr
              key={r.id}
              onClick={() => {
                p.onSelect(r.id);
              }}
              bg={r.id === p.selected ? 'var(--mantine-color-gray-1)' : undefined}
            >
              <Table.Td>
                <span style={{ color: ROI_COLOUR[r.label], fontWeight: 700 }}>■</span>{' '}
                {t(`imaging.roiLabels.${r.label}`)} ({t(`imaging.tool.${r.shape.kind}`)})
              </Table.Td>
              <Table.Td>{s?.n ?? 0}</Table.Td>
              <Table.Td data-testid="roi-mean">{s ? `${formatNumber(s.mean)} ${unit}` : '—'}</Table.Td>
              <Table.Td>{s ? formatNumber(s.sd) : '—'}</Table.Td>
              <Table.Td>{s ? formatNumber(s.median) : '—'}</Table.Td>
              <Table.Td>{s ? s.areaMm2.toFixed(1) : '—'}</Table.Td>
              <Table.Td>
                {s && target && p.onApply && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={(e) => {
                      e.stopPropagation();
                      p.onApply?.(r, s, target);
                    }}
                  >
                    {t('imaging.applyTo')}: {l.field(target.form, target.field)}
                  </Button>
                )}
                <ActionIcon
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('imaging.deleteRoi')}
                  onClick={(e) => {
                    e.stopPropagation();
                    p.onDelete(r.id);
                  }}
                >
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
      <Table.Caption>
        <Text size="xs" c="dimmed">
          {t('imaging.roiHint')}
        </Text>
      </Table.Caption>
    </Table>
  );
}
