import { PANEL_HEIGHT_MESSAGE } from '../messages/console-protocol';
import type { Adapter } from './schema';
import { frameCss, reserveRoom } from './mount';

const MAX_HEIGHT = 4_000;

/**
 * Puts the panel's frame (an extension page) into the host element, behind a closed shadow root:
 * the console page cannot reach the frame element through the DOM, and could not read into the
 * frame if it did (another origin). The frame tells its height; only a message from the frame
 * itself, from the extension's origin, and only a number, is taken.
 */
export function mountPanelFrame(host: HTMLElement, shadow: ShadowRoot, url: string, extensionId: string, position: Adapter['mount']['position']): () => void {
  const style = document.createElement('style');
  style.textContent = frameCss(position);
  const frame = document.createElement('iframe');
  frame.src = url;
  frame.title = 'Salesforce';
  frame.setAttribute('allow', 'clipboard-write');
  shadow.replaceChildren(style, frame);
  // The dynamic URL leads to the extension's own origin: the frame's messages come from there.
  const origins = new Set([new URL(url).origin, `chrome-extension://${extensionId}`]);
  const onMessage = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow || !origins.has(event.origin)) return;
    const data = event.data as { type?: unknown; height?: unknown } | null;
    if (data?.type !== PANEL_HEIGHT_MESSAGE || typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
    host.style.setProperty('--sf-panel-height', `${Math.min(MAX_HEIGHT, Math.max(0, Math.round(data.height)))}px`);
  };
  window.addEventListener('message', onMessage);
  const giveBack = reserveRoom(document, position);
  return () => {
    window.removeEventListener('message', onMessage);
    giveBack();
    shadow.replaceChildren();
  };
}
