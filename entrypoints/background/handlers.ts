import { browser } from 'wxt/browser';
import type { Handlers } from '@/utils/messages/router';
import { ChatJournal } from '@/utils/chat/journal';
import { sessionCache } from '@/utils/identify/cache';
import { DEFAULT_RULES } from '@/utils/identify/rules';
import { identifyVisitor } from '@/utils/identify/service';
import { manualSearchSosl, searchCandidates } from '@/utils/identify/search';
import { SalesforceClient } from '@/utils/salesforce/connection';
import { failureKind, toSalesforceError, type FailureKind } from '@/utils/salesforce/errors';
import { loadSession } from '@/utils/salesforce/session';
import { checkStatus } from '@/utils/salesforce/status';

/** A failed request in the words the panel shows, with what to do. */
function describeFailure(raw: unknown): { kind: FailureKind; message: string } {
  const error = toSalesforceError(raw);
  const kind = failureKind(error);
  const message = {
    session_expired: 'Your Salesforce session expired. Reconnect from the extension options.',
    over_limit: 'Salesforce is over its daily API limit. Try again later.',
    unreachable: `Salesforce cannot be reached (${error.message}). Try again in a moment.`,
    salesforce: `Salesforce refused the search: ${error.message}`,
  }[kind];
  return { kind, message };
}

/** command → handler. Each handler gets a payload that the router has already parsed. */
export function createHandlers(startedAt: number): Handlers {
  const journal = new ChatJournal();
  const cache = sessionCache();
  return {
    'worker.info': async () => ({ version: browser.runtime.getManifest().version, startedAt }),
    'salesforce.status': async () => checkStatus(await loadSession()),
    'chat.event': async (event) => {
      journal.add(event);
      return { accepted: true };
    },
    'chat.recent': async ({ limit }) => journal.recent(limit),
    'salesforce.search': async ({ text }) => {
      const session = await loadSession();
      if (!session) return { state: 'error', message: 'Not connected to Salesforce. Open the extension options to connect.' };
      const sosl = manualSearchSosl(text);
      if (!sosl) return { state: 'results', instanceUrl: session.instanceUrl, records: [] };
      try {
        const records = await new SalesforceClient(session).search(sosl);
        return { state: 'results', instanceUrl: session.instanceUrl, records: searchCandidates(records as never) };
      } catch (error) {
        return { state: 'error', message: describeFailure(error).message };
      }
    },
    'identify.run': async ({ snapshot, force }) => {
      const session = await loadSession();
      if (!session) return { state: 'error', kind: 'not_connected', message: 'Not connected to Salesforce. Open the extension options to connect.' };
      try {
        const result = await identifyVisitor(new SalesforceClient(session), snapshot, DEFAULT_RULES, cache, { force });
        const found = result.contacts.length + result.leads.length + result.accounts.length > 0;
        return { state: found ? 'found' : 'not_found', instanceUrl: session.instanceUrl, ...result };
      } catch (error) {
        return { state: 'error', ...describeFailure(error) };
      }
    },
  };
}
