import { browser } from 'wxt/browser';
import type { Handlers } from '@/utils/messages/router';
import { OBJECTS } from '@/utils/mapping/defaults';
import { connect, disconnect, ConnectError } from '@/utils/salesforce/auth';
import { allowedCalls, apiMeter } from '@/utils/salesforce/budget';
import { checkStatus } from '@/utils/salesforce/status';
import { chatKeyField } from '@/utils/plan/chat-key';
import { describeFailure, notConnected } from '../failure';
import type { Services } from '../services';

type ConnectionCommands = 'worker.info' | 'salesforce.status' | 'auth.connect' | 'auth.disconnect' | 'salesforce.fields';

/** The connection to Salesforce and what the options page reads of the org: status, budget, login, fields. */
export function connectionHandlers(s: Services, startedAt: number, meter = apiMeter): Pick<Handlers, ConnectionCommands> {
  return {
    'worker.info': async () => ({ version: browser.runtime.getManifest().version, startedAt }),
    'salesforce.status': async () => {
      const [client, grant, { settings }] = await Promise.all([s.client(), s.grant(), s.settings()]);
      const status = await checkStatus(client, grant);
      if (status.state !== 'connected') return status;
      const { calls, max } = await meter.today(status.instanceUrl);
      const percent = settings.general.apiBudgetPercent;
      return { ...status, budget: { calls, allowed: allowedCalls(max ?? status.usage?.max, percent), percent }, atChatEnd: settings.automation.ended.action, atChatEndNoMatch: settings.automation.ended.noMatch, requireAccount: settings.records.requireAccount };
    },
    'auth.connect': async () => {
      const { settings } = await s.settings();
      try {
        await connect(settings.connection, browser.identity.getRedirectURL('salesforce'), async (url) => {
          // Closed by hand, or left on an error page of Salesforce's (unknown consumer key, callback URL not the app's).
          const closed = new ConnectError('window_closed', 'The Salesforce login window was closed before it finished.');
          const redirect = await browser.identity.launchWebAuthFlow({ url, interactive: true }).catch(() => Promise.reject(closed));
          if (!redirect) throw closed;
          return redirect;
        });
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error), ...(error instanceof ConnectError ? { reason: error.reason } : {}) };
      }
      // Another user or org now: nothing identified under the old one still holds. What waited goes out.
      await s.cache.clear();
      await s.outbox.hurryAll();
      s.sendQueued();
      return { ok: true, status: await checkStatus(await s.client(), await s.grant()) };
    },
    'auth.disconnect': async ({ removeData }) => {
      const result = await disconnect();
      await s.cache.clear();
      if (!removeData) return result;
      await s.idle(); // a write being sent now is settled first, so it does not come back after the clear
      const removed = await s.outbox.clear();
      await s.audit.clear();
      // Every cache (describes, owners, the day's API count, a write pause); the settings are the admin's and stay.
      meter.forget();
      const local = Object.keys(await browser.storage.local.get(null)).filter((key) => key !== 'settings');
      await browser.storage.local.remove(local);
      return { ...result, removed };
    },
    'salesforce.fields': async () => {
      const client = await s.client();
      if (!client) return { state: 'error', message: notConnected() };
      try {
        const meta = await s.metadata.objects(client, [...OBJECTS]);
        const objects = Object.fromEntries(OBJECTS.map((o) => {
          const chatKey = chatKeyField(meta[o]);
          return [o, (meta[o]?.fields ?? []).map((f) => ({
            name: f.name, label: f.label, type: f.type, ...(f.name === chatKey ? { chatKey: true } : {}), writable: f.createable || f.updateable,
            ...(f.type === 'picklist' && f.picklistValues.length ? { values: f.picklistValues.map((p) => ({ value: p.value, label: p.label })) } : {}),
          }))];
        }));
        return { state: 'fields', objects };
      } catch (error) {
        return { state: 'error', message: describeFailure(error, 'fields').message };
      }
    },
  };
}
