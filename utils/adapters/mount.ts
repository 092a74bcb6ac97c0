import type { Adapter } from './schema';

/**
 * Where the panel's host element goes and how it sits, so it never covers the console's own
 * controls: beside (inside the console's column), docked-right (a column of its own, the page
 * made narrower), or floating (a small card in the corner).
 */
export const PANEL_WIDTH = 360;

export function hostStyle(position: Adapter['mount']['position']): string {
  switch (position) {
    case 'docked-right':
      return `position:fixed;top:0;right:0;bottom:0;width:${PANEL_WIDTH}px;overflow:auto;z-index:2147483000;background:#f4f6f9;padding:8px;box-sizing:border-box;`;
    case 'floating':
      return `position:fixed;right:16px;bottom:16px;width:${PANEL_WIDTH}px;max-height:70vh;overflow:auto;z-index:2147483000;box-shadow:0 4px 18px rgba(0,0,0,.18);border-radius:8px;`;
    default:
      return 'display:block;margin:0 0 12px;';
  }
}

/** Makes room for a docked panel; returns how to give the room back. */
export function reserveRoom(doc: Document, position: Adapter['mount']['position']): () => void {
  if (position !== 'docked-right') return () => undefined;
  const html = doc.documentElement;
  const before = html.style.marginRight;
  html.style.marginRight = `${PANEL_WIDTH}px`;
  return () => {
    html.style.marginRight = before;
  };
}
