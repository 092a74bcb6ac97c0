import { browser } from 'wxt/browser';
import type { Handlers } from '@/utils/messages/router';
import { ChatJournal } from '@/utils/chat/journal';
import { loadSession } from '@/utils/salesforce/session';
import { checkStatus } from '@/utils/salesforce/status';

/** command → handler. Each handler gets a payload that the router has already parsed. */
export function createHandlers(startedAt: number): Handlers {
  const journal = new ChatJournal();
  return {
    'worker.info': async () => ({ version: browser.runtime.getManifest().version, startedAt }),
    'salesforce.status': async () => checkStatus(await loadSession()),
    'chat.event': async (event) => {
      journal.add(event);
      return { accepted: true };
    },
    'chat.recent': async ({ limit }) => journal.recent(limit),
  };
}
