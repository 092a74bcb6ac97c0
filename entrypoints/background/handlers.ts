import { browser } from 'wxt/browser';
import type { Handlers } from '@/utils/messages/router';
import { loadSession } from '@/utils/salesforce/session';
import { checkStatus } from '@/utils/salesforce/status';

/** command → handler. Each handler gets a payload that the router has already parsed. */
export function createHandlers(startedAt: number): Handlers {
  return {
    'worker.info': async () => ({ version: browser.runtime.getManifest().version, startedAt }),
    'salesforce.status': async () => checkStatus(await loadSession()),
  };
}
