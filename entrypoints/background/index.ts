import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { route } from '@/utils/messages/router';
import { registrationSync } from '@/utils/adapters/registration';
import { loadSettings, watchSettings } from '@/utils/settings/storage';
import { tabLimiter } from '@/utils/messages/limiter';
import { createHandlers } from './handlers';
import { browserDeps, createServices } from './services';

export default defineBackground(() => {
  // Tokens, the client secret and the settings stay out of content scripts' reach (extension pages and this worker only).
  void browser.storage.local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((error: unknown) => console.warn('storage access level', error));
  const RETRY = 'outbox-retry';
  const limiter = tabLimiter();
  const services = createServices(browserDeps(
    // An alarm survives the worker stopping, unlike a timer (Chrome fires it 30 s after now at the soonest).
    // None when nothing waits: no alarm wakes the worker for nothing.
    (when) => void (when === null ? browser.alarms.clear(RETRY) : browser.alarms.create(RETRY, { when: Math.max(when, Date.now() + 1_000) })),
  ));
  const { sendQueued, forgetTab } = services;
  const handlers = createHandlers(services, Date.now());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY) sendQueued();
  });
  // Whatever a stopped worker or a closed browser left in the outbox goes out now.
  sendQueued();

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void route(handlers, message, sender, browser.runtime.id, limiter, services.handed).then(sendResponse);
    return true; // the answer is sent asynchronously
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId);
    limiter.forget(tabId);
  });

  // The console script runs only where an active console is configured AND its host granted;
  // the Omni relay on the Lightning console while presence sync is on.
  const registered = registrationSync(loadSettings);
  const warn = (error: unknown) => console.warn('console script sync failed', error);
  const sync = () => void registered().catch(warn);
  // Checked at every start (a read when nothing changed): whatever left the consoles without their
  // script (a worker stopped mid-sync, a browser quirk), the next start puts it back.
  sync();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Installed (by policy, onto a browser with consoles open) or updated: the open consoles get the script now.
    if (reason !== 'install' && reason !== 'update') return sync();
    void registered(true).catch(warn);
  });
  // A new version starts once what is being sent now has been (the outbox and storage carry the rest
  // across); its console scripts are put into the open consoles at once (onInstalled above).
  browser.runtime.onUpdateAvailable.addListener(() => void services.idle().finally(() => browser.runtime.reload()));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  // New rules or mappings (options page or policy): consoles follow, and no chat is answered from the old rules.
  watchSettings(() => {
    sync();
    void services.cache.clear();
  });
});
