import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { cssColour, type ColourMapName } from './colormap.js';
import { formatNumber } from './MapViewer.js';
import type { WindowLevel } from './window-level.js';

/** A vertical colour bar for the current window, labelled with its ends and middle in the map's units. */
export function ColourBar(p: {
  readonly colourMap: ColourMapName;
  readonly windowLevel: WindowLevel;
  readonly units: string;
  readonly height?: number;
}): ReactElement {
  const { t } = useTranslation();
  const h = p.height ?? 512;
  const lo = p.windowLevel.level - p.windowLevel.width / 2;
  const hi = p.windowLevel.level + p.windowLevel.width / 2;
  const steps = 32;
  const id = `cb-${p.colourMap}`;
  return (
    <svg
      width={86}
      height={h}
      role="img"
      aria-label={t('imaging.colourBar', { min: formatNumber(lo), max: formatNumber(hi), unit: p.units })}
      data-testid="colour-bar"
    >
      <defs>
        <linearGradient id={id} x1="0" y1="1" x2="0" y2="0">
          {Array.from({ length: steps + 1 }, (_, i) => (
            <stop key={i} offset={i / steps} stopColor={cssColour(p.colourMap, i / steps)} />
          ))}
        </linearGradient>
      </defs>
      <rect x={4} y={8} width={18} height={h - 16} fill={`url(#${id})`} stroke="#555" />
      {[
        [hi, 12],
        [(hi + lo) / 2, h / 2 + 4],
        [lo, h - 8],
      ].map(([v, y]) => (
        <text key={y} x={27} y={y} fontSize={11} fill="currentColor">
          {formatNumber(v ?? 0)} {p.units === 'fraction' ? '' : p.units}
        </text>
      ))}
    </svg>
  );
}
