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
import { Outbox } from '@/utils/outbox/outbox';
import { idbOutboxStore } from '@/utils/outbox/store';
import { preparePlan } from '@/utils/plan/prepare';
import { planOutcome, planRequests } from '@/utils/plan/requests';
import { API_VERSION } from '@/utils/salesforce/version';
import { UnreachableError } from '@/utils/salesforce/errors';

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

/**
 * command → handler (each gets a payload the router has already parsed), and `resume`, which
 * sends what the outbox still holds (at every worker start and on the retry alarm).
 */
export function createHandlers(startedAt: number, { retryLater }: { retryLater: () => void }): { handlers: Handlers; resume: () => Promise<void> } {
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

  /** A client, or a passing failure: the outbox keeps the chat until Salesforce is connected again. */
  async function requireClient() {
    const sf = await connected();
    if (!sf) throw new UnreachableError('NOT_CONNECTED', NOT_CONNECTED);
    return sf.client;
  }

  const outbox = new Outbox({
    store: idbOutboxStore(),
    plan: async (entry) => {
      const { settings } = await loadSettings();
      const rule = entry.trigger === 'manual' ? null : settings.automation[entry.trigger];
      if (!rule) return null;
      return preparePlan(entry, { client: await requireClient(), metadata, cache, rules: settings.identification, rule, region: settings.phoneRegion ?? undefined });
    },
    send: async (plan) => {
      const client = await requireClient();
      return planOutcome(plan, await client.composite(planRequests(plan, API_VERSION), { allOrNone: true }));
    },
  });

  async function resume() {
    await outbox.drain();
    if ((await outbox.entries()).some((e) => e.state === 'pending')) retryLater();
  }

  const handlers: Handlers = {
    'worker.info': async () => ({ version: browser.runtime.getManifest().version, startedAt }),
    'salesforce.status': async () => checkStatus(await loadSession()),
    'chat.event': async (event) => {
      journal.add(event);
      if (event.type === 'ended' || event.type === 'offline-message') {
        const trigger = event.type === 'ended' ? 'ended' : 'offline';
        const { settings } = await loadSettings();
        if (settings.automation[trigger].action !== 'nothing') {
          // Stored before any request: from here on the chat's write cannot be lost.
          await outbox.enqueue(event.snapshot, trigger);
          void resume().catch((error) => console.warn('outbox', error));
        }
      }
      return { accepted: true };
    },
    'outbox.list': async ({ chatId }) =>
      (await outbox.entries())
        .filter((e) => !chatId || e.snapshot.chatId === chatId)
        .map((e) => ({ id: e.id, chatId: e.snapshot.chatId, trigger: e.trigger, state: e.state, attempts: e.attempts, lastError: e.lastError, errors: e.errors ?? [], ids: e.ids ?? {}, steps: (e.plan?.steps ?? []).map((s) => ({ ref: s.ref, object: s.object, method: s.method })) })),
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
        const [{ display, read, isPhone }, { settings }] = await Promise.all([identifyContext(metadata, sf.client), loadSettings()]);
        const result = await identifyVisitor(sf.client, snapshot, settings.identification, cache, { force, display: read, isPhone, region: settings.phoneRegion ?? undefined });
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
  return { handlers, resume };
}
