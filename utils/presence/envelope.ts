/**
 * The messages between the Omni-Channel bridge (salesforce/, inside the Lightning page) and the
 * extension's relay on that page, over window.postMessage: namespaced, from the page's own window
 * and origin only, and after the handshake carrying the secret the relay chose for this page load.
 */
export const BRIDGE_NS = 'sfcc-presence';

export type BridgeMessage = { ns: typeof BRIDGE_NS; from: 'bridge' | 'extension'; type: string; secret?: string; [key: string]: unknown };

/** A message of the bridge's, posted by this very window (not a frame, not another origin). */
export function fromBridge(event: MessageEvent, win: Window): BridgeMessage | null {
  const data = event.data as Partial<BridgeMessage> | null;
  if (event.source !== win || event.origin !== win.location.origin) return null;
  if (!data || typeof data !== 'object' || data.ns !== BRIDGE_NS || data.from !== 'bridge' || typeof data.type !== 'string') return null;
  return data as BridgeMessage;
}
