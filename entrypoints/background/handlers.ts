import { browser } from 'wxt/browser';
import type { Handlers } from '@/utils/messages/router';
import { ChatJournal } from '@/utils/chat/journal';
import { sessionCache } from '@/utils/identify/cache';
import { identifyContext } from '@/utils/identify/context';
import { identifyVisitor } from '@/utils/identify/service';
import { manualSearchSosl, searchCandidates } from '@/utils/identify/search';
import { editableInPlace, fieldProblem } from '@/utils/mapping/validate';
import { SalesforceClient } from '@/utils/salesforce/connection';
import { fieldOf } from '@/utils/salesforce/describe';
import { failureKind, SalesforceError, toSalesforceError, type FailureKind } from '@/utils/salesforce/errors';
import { MetadataCache } from '@/utils/salesforce/metadata';
import { localMetadataStore } from '@/utils/salesforce/metadata-storage';
import { loadSession } from '@/utils/salesforce/session';
import { checkStatus } from '@/utils/salesforce/status';
import { loadSettings } from '@/utils/settings/storage';

const NOT_CONNECTED = 'Not connected to Salesforce. Open the extension options to connect.';

/** A failed request in the words the panel shows, with what to do. */
function describeFailure(raw: unknown, action: string): { kind: FailureKind; message: string } {
  const error = toSalesforceError(raw);
  const kind = failureKind(error);
  const message = {
    session_expired: 'Your Salesforce session expired. Reconnect from the extension options.',
    over_limit: 'Salesforce is over its daily API limit. Try again later.',
    unreachable: `Salesforce cannot be reached (${error.message}). Try again in a moment.`,
    salesforce: `Salesforce refused ${action}: ${error.message}`,
  }[kind];
  return { kind, message };
}

/** command → handler. Each handler gets a payload that the router has already parsed. */
export function createHandlers(startedAt: number): Handlers {
  const journal = new ChatJournal();
  const cache = sessionCache();
  const metadata = new MetadataCache(localMetadataStore());

  /** The client for the stored session, or null when not connected. */
  async function connected() {
    const session = await loadSession();
    if (!session) return null;
    const client = new SalesforceClient(session);
    return { session, client };
  }

  return {
    'worker.info': async () => ({ version: browser.runtime.getManifest().version, startedAt }),
    'salesforce.status': async () => checkStatus(await loadSession()),
    'chat.event': async (event) => {
      journal.add(event);
      return { accepted: true };
    },
    'chat.recent': async ({ limit }) => journal.recent(limit),
    'salesforce.search': async ({ text }) => {
      const sf = await connected();
      if (!sf) return { state: 'error', message: NOT_CONNECTED };
      try {
        const { display } = await identifyContext(metadata, sf.client);
        const sosl = manualSearchSosl(text, display);
        const records = sosl ? await sf.client.search(sosl) : [];
        return { state: 'results', instanceUrl: sf.session.instanceUrl, fields: display, records: searchCandidates(records as never, display) };
      } catch (error) {
        return { state: 'error', message: describeFailure(error, 'the search').message };
      }
    },
    'identify.run': async ({ snapshot, force }) => {
      const sf = await connected();
      if (!sf) return { state: 'error', kind: 'not_connected', message: NOT_CONNECTED };
      try {
        const [{ display, isPhone }, { settings }] = await Promise.all([identifyContext(metadata, sf.client), loadSettings()]);
        const result = await identifyVisitor(sf.client, snapshot, settings.identification, cache, { force, display, isPhone, region: settings.phoneRegion ?? undefined });
        const found = result.contacts.length + result.leads.length + result.accounts.length > 0;
        return { state: found ? 'found' : 'not_found', instanceUrl: sf.session.instanceUrl, fields: display, ...result };
      } catch (error) {
        if (error instanceof SalesforceError && error.code === 'INVALID_FIELD') await metadata.invalidate(sf.session.instanceUrl);
        return { state: 'error', ...describeFailure(error, 'the search') };
      }
    },
    'record.update': async ({ type, id, values }) => {
      const sf = await connected();
      if (!sf) return { state: 'error', message: NOT_CONNECTED };
      try {
        // Checked against describe first: what Salesforce would refuse costs no request.
        const meta = (await metadata.objects(sf.client, [type]))[type];
        const problems: Record<string, string> = {};
        for (const [name, value] of Object.entries(values)) {
          const field = fieldOf(meta, name);
          const problem = !field ? 'Salesforce has no such field.' : !editableInPlace(field) ? 'This field cannot be edited here.' : fieldProblem(field, value);
          if (problem) problems[name] = problem;
        }
        if (Object.keys(problems).length) return { state: 'refused', fields: problems };
        await sf.client.update(type, id, values);
        await cache.clear();
        return { state: 'saved' };
      } catch (raw) {
        const error = toSalesforceError(raw);
        if (failureKind(error) !== 'salesforce') return { state: 'error', message: describeFailure(error, 'the change').message };
        // Salesforce's own words, on the fields it names (validation rules, duplicates, triggers).
        const fields: Record<string, string> = {};
        const general: string[] = [];
        for (const d of error.details) {
          const named = d.fields.filter((f) => f in values);
          if (named.length) for (const f of named) fields[f] = d.message;
          else general.push(d.message);
        }
        return { state: 'refused', fields, ...(general.length ? { message: general.join(' ') } : {}) };
      }
    },
  };
}
