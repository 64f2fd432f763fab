import type { MapImage } from './MapViewer.js';

/** The kind of a viewable image. */
export type MapKind = 'source' | 't1' | 't2' | 'ecv';

/** One image the workbench can show, with what a computed value's provenance needs. */
export interface ViewerEntry {
  readonly key: string;
  readonly kind: MapKind;
  readonly image: MapImage;
  /** The map's id on the server (for provenance). */
  readonly mapId?: string;
  /** The model that made it (`molli-3p-look-locker`...). */
  readonly model?: string;
  readonly seriesInstanceUid?: string;
  /** The acquisition, as core's MappingSequence code (`molli`...), if known. */
  readonly sequence?: string;
}

/** The colour map of each kind. */
export const COLOUR_OF = { source: 'gray', t1: 't1', t2: 't2', ecv: 'ecv' } as const;
