import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/** Renders a figure element to SVG markup (for inlining in HTML). */
export function renderSvg(element: ReactElement): string {
  return renderToStaticMarkup(element);
}

/** Renders a figure element to a standalone `.svg` file's text (with an XML declaration). */
export function renderSvgFile(element: ReactElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderSvg(element)}\n`;
}
