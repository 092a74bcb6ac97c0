import type { Adapter } from './schema';

/**
 * Where the panel's frame goes and how it sits, so it never covers the console's own controls:
 * beside (inside the console's column), docked-right (a column of its own, the page made
 * narrower), or floating (a card in the bottom-right corner).
 */
export const PANEL_WIDTH = 360;
/** The frame's height before the panel has said how tall it is. */
const FIRST_HEIGHT = 160;

/**
 * The host's own style sheet, inside its closed shadow root. `!important` there wins over any
 * rule of the console page, even its own `!important` ones (the inner context wins those), so
 * the page can neither hide the panel by accident nor move it.
 */
export function frameCss(position: Adapter['mount']['position']): string {
  const host = {
    beside: 'display:block;position:relative;width:100%;margin:0 0 12px;',
    'docked-right': `display:block;position:fixed;top:0;right:0;bottom:0;width:${PANEL_WIDTH}px;z-index:2147483000;background:#f4f6f9;border-left:1px solid #d8dde6;`,
    floating: `display:block;position:fixed;right:16px;bottom:16px;width:${PANEL_WIDTH}px;max-height:calc(100vh - 32px);z-index:2147483000;box-shadow:0 4px 18px rgba(0,0,0,.18);border-radius:8px;overflow:hidden;`,
  }[position];
  const frame = {
    beside: `height:var(--sf-panel-height,${FIRST_HEIGHT}px);`,
    'docked-right': 'height:100%;',
    floating: `height:min(var(--sf-panel-height,${FIRST_HEIGHT}px),70vh);`,
  }[position];
  const important = (rules: string) => rules.split(';').filter(Boolean).map((r) => `${r} !important;`).join('');
  return `:host{all:initial !important;${important(host)}}iframe{${important(`display:block;border:0;width:100%;background:transparent;color-scheme:normal;${frame}`)}}`;
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
