import { PANEL_HEIGHT_MESSAGE } from '@/utils/messages/protocol';

/**
 * Tells the embedding page how tall the panel is, so the frame beside the chat takes no more room
 * than its content. Sent only to the console's own origin.
 */
export function reportHeight(root: HTMLElement): void {
  const parentOrigin = location.ancestorOrigins?.[0];
  if (!parentOrigin || window.parent === window) return;
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: PANEL_HEIGHT_MESSAGE, height }, parentOrigin);
  }).observe(root);
}
