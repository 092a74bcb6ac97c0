import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { memoryAuditLog } from '@/utils/audit/log';
import { memoryCache } from '@/utils/identify/service';
import type { PanelMessage } from '@/utils/messages/protocol';
import { memoryOutboxStore } from '@/utils/outbox/store';
import { apiMeter } from '@/utils/salesforce/budget';
import { SalesforceClient } from '@/utils/salesforce/connection';
import { memoryMetadataStore } from '@/utils/salesforce/metadata';
import { mergeSettings, type EffectiveSettings } from '@/utils/settings/schema';
import { createServices, type Services } from '@/entrypoints/background/services';
import { useEmulatorOrg } from '../../org';

export type Told = PanelMessage;
export const ORG_ID = '00D000000000001AAA';

/**
 * The background's services as the worker builds them, on memory stores and a fresh emulator org
 * per test: what a handler asks of Salesforce is really asked. `told` is what the extension's
 * pages heard; `settings` the local settings (as the options page saves them).
 */
export function useServices(): { services: Services; told: Told[]; org: ReturnType<typeof useEmulatorOrg>; settings: { local: Record<string, unknown>; connected: boolean }; sent: () => Promise<void> } {
  const org = useEmulatorOrg();
  const state = { told: [] as Told[], settings: { local: {} as Record<string, unknown>, connected: true } } as ReturnType<typeof useServices>;
  beforeEach(() => {
    fakeBrowser.reset();
    apiMeter.forget();
    state.told.length = 0;
    state.settings.local = {};
    state.settings.connected = true;
    const services = createServices({
      // Metered as the worker's client is: every request counts in the day's budget.
      client: async () => (state.settings.connected ? new SalesforceClient(org.client.session, undefined, apiMeter) : null),
      grant: async () => (state.settings.connected ? { orgId: ORG_ID } as never : null),
      settings: async (): Promise<EffectiveSettings> => mergeSettings(state.settings.local, undefined),
      tell: (message) => void state.told.push(message),
      retryAt: () => undefined,
      outboxStore: memoryOutboxStore(), auditLog: memoryAuditLog(), cache: memoryCache(), metadataStore: memoryMetadataStore(),
    });
    state.services = services;
  });
  state.org = org;
  // The worker sends without waiting; a test waits for what was sent.
  state.sent = () => state.services.idle();
  return state;
}

/** A message's sender as the browser sets it: a console tab's content script, or an extension page (the panel frame in that tab, the popup). */
export function consoleTab(tabId: number, url = 'https://console.example.com/chat'): Browser.runtime.MessageSender {
  return { id: 'ext', url, tab: { id: tabId } as Browser.tabs.Tab };
}
export function panelIn(tabId: number): Browser.runtime.MessageSender {
  return { id: 'ext', url: 'chrome-extension://dynamic/panel.html', tab: { id: tabId } as Browser.tabs.Tab };
}
export const popup: Browser.runtime.MessageSender = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
