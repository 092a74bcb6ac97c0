import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendRelayCommand } from '@/utils/messages/relay-protocol';
import type { PresenceSet } from '@/utils/messages/console-protocol';
import { BRIDGE_NS, fromBridge } from '@/utils/presence/envelope';

/**
 * The relay on a Lightning console page: what the Omni-Channel bridge (the utility-bar component
 * of salesforce/) says goes to the background, and the background's "set this status" goes to
 * the bridge. It reads nothing else of the page.
 */
export default defineContentScript({
  // Registered at run time while presence sync is on (utils/adapters/registration.ts).
  registration: 'runtime',
  main() {
    // This relay's secret: the bridge answers the latest hello's (a relay put in after an update replaces the old one's).
    const secret = crypto.randomUUID();
    let bridged = false;
    const post = (type: string, body: Record<string, unknown> = {}) => window.postMessage({ ns: BRIDGE_NS, from: 'extension', type, secret, ...body }, window.location.origin);
    window.addEventListener('message', (event) => {
      const message = fromBridge(event, window);
      if (!message) return;
      if (message.type === 'ready') return void post('hello');
      if (message.secret !== secret) return;
      bridged = true;
      // The rest goes to the worker, whose protocol (OmniEvent) takes only what the bridge may say.
      const { ns: _ns, from: _from, secret: _secret, ...said } = message;
      void sendRelayCommand(said as never).catch((error: unknown) => console.debug?.('[salesforce presence] could not reach the extension', error));
    });
    // A bridge that loaded first said "ready" before this script listened: greet it.
    post('hello');
    browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string; tab?: unknown }, respond: (done: boolean) => void) => {
      const set = message as PresenceSet | null;
      if (sender.id !== browser.runtime.id || sender.tab || set?.type !== 'presence.set' || !('status' in set)) return;
      if (!bridged) return void respond(false);
      post('set', { status: set.status, statusId: set.statusId });
      respond(true);
    });
  },
});
