import { PresenceHub, type HubState } from '@/utils/presence/hub';
import { OmniReader, sessionKept } from '@/utils/presence/reader';
import { TRANSFER_OUTCOMES, type PresenceSet, type TransferOutcome, type TransferTarget } from '@/utils/messages/console-protocol';
import type { Adapter } from '@/utils/adapters/schema';
import { callInjected } from '@/utils/adapters/inject';
import { browser } from 'wxt/browser';
import { ChatJournal } from '@/utils/chat/journal';
import { ConsoleTabs, type HealthStore, type KeptHealth } from '@/utils/chat/tabs';
import { chatAccounts, chatCases, chatFixes, chatPeople, chatRecords, chatTransfers, pruneChats } from '@/utils/chat/records';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import { sessionCache } from '@/utils/identify/cache';
import type { CacheStore } from '@/utils/identify/service';
import { recordTokens } from '@/utils/identify/overlap';
import { hasIdentifyingValue } from '@/utils/identify/request';
import type { FieldValue } from '@/utils/mapping/display';
import type { OutboxItem, PanelMessage } from '@/utils/messages/protocol';
import { BACKOFF_BASE_MS, NOT_SENT, Outbox } from '@/utils/outbox/outbox';
import { writePause } from '@/utils/outbox/pause';
import { idbOutboxStore, type OutboxEntry, type OutboxStore } from '@/utils/outbox/store';
import { idbAuditLog, type AuditEntry, type AuditLog } from '@/utils/audit/log';
import { chatKeyOf, mergeFixes, skippedList, type PlanValue } from '@/utils/plan/plan';
import { identifyAhead, planDefaults, preparePlan } from '@/utils/plan/prepare';
import { planOutcome, planRequests } from '@/utils/plan/requests';
import { landedIds } from '@/utils/plan/landed';
import { removeResent } from '@/utils/plan/resent';
import { loadGrant, type Grant } from '@/utils/salesforce/auth';
import type { SalesforceClient } from '@/utils/salesforce/connection';
import { currentClient } from '@/utils/salesforce/current';
import { fieldOf } from '@/utils/salesforce/describe';
import { UnreachableError } from '@/utils/salesforce/errors';
import { MetadataCache, ORG_OBJECTS, type MetadataStore } from '@/utils/salesforce/metadata';
import { localMetadataStore } from '@/utils/salesforce/metadata-storage';
import { API_VERSION } from '@/utils/salesforce/version';
import type { EffectiveSettings } from '@/utils/settings/schema';
import { loadSettings } from '@/utils/settings/storage';
import { HandedIds, type HandedStore } from '@/utils/messages/handed';
import { notConnected } from './failure';

const PRESENCE_KEY = 'presence-sync';

/** What the services stand on: the browser's in the worker, memory and the emulator in unit tests. */
export type ServiceDeps = {
  client: () => Promise<SalesforceClient | null>;
  grant: () => Promise<Grant | null>;
  settings: () => Promise<EffectiveSettings>;
  /** Tells the extension's pages (the panel frames, the popup) what changed; a content script never hears it. */
  tell: (message: PanelMessage) => void;
  /** Asks to be woken at `when` to send what waits (null: nothing waits). */
  retryAt: (when: number | null) => void;
  outboxStore: OutboxStore;
  auditLog: AuditLog;
  cache: CacheStore;
  metadataStore: MetadataStore;
  healthStore?: HealthStore;
  /** Where the record ids handed to each tab are kept across worker restarts. */
  handedStore?: HandedStore;
  /** Where the chat's decisions (record, case, account, people, corrections) are kept. */
  storage?: Parameters<typeof chatRecords>[0];
  /** Asks a content script to set the agent's state (console tab) or Omni's status (Lightning tab); false: it could not. */
  presenceSet?: (tabId: number, message: PresenceSet) => Promise<boolean>;
  /** Transfers the chat a console tab shows through the console's own dialog (its adapter says where that is). */
  transfer?: (tabId: number, adapter: Adapter, chatId: string, to: TransferTarget) => Promise<TransferOutcome>;
};

/** Each console tab's health in storage.session: a restarted worker goes on from it (gone with the browser). */
function sessionHealthStore(): HealthStore {
  const key = (tabId: number) => `console-health:${tabId}`;
  return {
    get: async (tabId) => (await browser.storage.session.get(key(tabId)))[key(tabId)] as KeptHealth | undefined,
    set: (tabId, kept) => browser.storage.session.set({ [key(tabId)]: kept }),
    remove: (tabId) => browser.storage.session.remove(key(tabId)),
    all: async () => Object.entries(await browser.storage.session.get(null))
      .filter(([k]) => k.startsWith('console-health:'))
      .map(([k, v]) => [Number(k.slice('console-health:'.length)), (v as KeptHealth).health]),
  };
}

/** The ids handed to each tab in storage.session: a worker stopped after 30 s idle still knows what each panel shows. */
function sessionHandedStore(): HandedStore {
  return {
    get: async (key) => (await browser.storage.session.get(key))[key] as string[] | undefined,
    set: (key, ids) => browser.storage.session.set({ [key]: ids }),
    remove: (key) => browser.storage.session.remove(key),
  };
}

/** Each tab's panel frame (Firefox tells it through the tab), in storage.session: a suspended background page still knows them. */
export const panelFrames = {
  key: (tabId: number) => `panel-frame:${tabId}`,
  get: async (tabId: number) => (await browser.storage.session.get(panelFrames.key(tabId)))[panelFrames.key(tabId)] as number | undefined,
  set: (tabId: number, frameId: number) => browser.storage.session.set({ [panelFrames.key(tabId)]: frameId }),
};

/** The worker's own: Salesforce through the stored grant, IndexedDB, storage.session and runtime messages. */
export function browserDeps(retryAt: ServiceDeps['retryAt']): ServiceDeps {
  return {
    client: currentClient, grant: loadGrant, settings: loadSettings, retryAt,
    // No frame open: nothing to tell.
    tell: (message) => {
      void browser.runtime.sendMessage(message).catch(() => undefined);
      // Firefox does not deliver runtime messages to an extension frame inside a web page: its tab's panel is told through the tab, that frame only.
      if (import.meta.env.FIREFOX) void panelFrames.get(message.tabId).then((frameId) => frameId !== undefined && browser.tabs.sendMessage(message.tabId, message, { frameId })).catch(() => undefined);
    },
    outboxStore: idbOutboxStore(), auditLog: idbAuditLog(), cache: sessionCache(), metadataStore: localMetadataStore(), healthStore: sessionHealthStore(), handedStore: sessionHandedStore(),
    // The content script's top frame only (frameId 0): the panel frame never sets presence.
    presenceSet: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }).then((done) => done === true),
    // Injected on demand into the console's top frame (entrypoints/console-transfer.ts), then called there;
    // a tab that cannot take it (closed, reloaded, access withdrawn) has no transfer to offer.
    transfer: async (tabId, adapter, chatId, to) => {
      const outcome = await callInjected({ tabId, frameIds: [0] }, '/console-transfer.js', 'sfPanelTransfer', 'run', [adapter, chatId, to]).catch(() => null);
      return TRANSFER_OUTCOMES.includes(outcome as TransferOutcome) ? (outcome as TransferOutcome) : 'no-control';
    },
  };
}

export type Services = ReturnType<typeof createServices>;

/**
 * The background's services, built once: the Salesforce client, describe and identification
 * caches, the console tabs and the chat journal, what the agent decided per chat, the outbox and
 * the audit log. The handlers of each area take what they need from here.
 */
export function createServices(deps: ServiceDeps) {
  const { client, grant, settings, cache } = deps;
  const handed = new HandedIds(deps.handedStore);
  /** A write's news to its tab: the ids in it (a duplicate the agent may attach to) are that tab's from then on. */
  const tell: ServiceDeps['tell'] = (message) => {
    if (message.type === 'outbox.update') void handed.hand(message.tabId, message.item).finally(() => deps.tell(message));
    else deps.tell(message);
  };
  const journal = new ChatJournal();
  const tabs = new ConsoleTabs(deps.healthStore);
  const metadata = new MetadataCache(deps.metadataStore);
  const audit = deps.auditLog;

  /** A client, or a passing failure: the outbox keeps the chat until Salesforce is connected again. */
  async function requireClient() {
    const connected = await client();
    if (!connected) throw new UnreachableError(NOT_SENT, notConnected());
    return connected;
  }
  /** The org connected now (its id from the OAuth grant), or null: a queued write planned for another one waits. */
  const connectedOrg = async () => (await grant())?.orgId ?? null;
  /** Keeps a write in the audit log; a log that cannot be written never fails the write itself. */
  const remember = (entries: AuditEntry[]) => void audit.add(entries).catch((error) => console.warn('audit log', error));

  /** The record the agent chose per chat, and the values they corrected: every write of the chat takes both. */
  const decisions = {
    records: chatRecords(deps.storage), fixes: chatFixes(deps.storage), cases: chatCases(deps.storage),
    accounts: chatAccounts(deps.storage), people: chatPeople(deps.storage), transfers: chatTransfers(deps.storage),
  };
  void pruneChats(deps.storage).catch(() => undefined);

  /** What the agent decided for a chat in the panel, kept per chat: its record, corrections, case, account and other people. */
  const decisionsOf = async (key: string) => {
    const { records, fixes, cases, accounts, people } = decisions;
    const [record, kept, attached, account, others] = await Promise.all([records.get(key), fixes.get(key), cases.get(key), accounts.get(key), people.get(key)]);
    return { record, kept, attached, account, others };
  };
  /** The record the agent chose for the chat, as a write's choice. */
  const choiceOf = async (key: string) => {
    const record = await decisions.records.get(key);
    return record ? { type: record.type, id: record.id } : undefined;
  };

  /** An entry's plan: what the agent corrected before the write, then after a refusal, over what the chat gave. */
  async function planOf(entry: OutboxEntry, decided?: Awaited<ReturnType<typeof decisionsOf>>) {
    const [{ settings: current }, granted, { kept, attached, account, others }] = await Promise.all([settings(), grant(), decided ?? decisionsOf(chatKeyOf(entry.snapshot))]);
    const withKept = kept ? { ...entry, fixes: mergeFixes(kept.fixes, entry.fixes) } : entry;
    return preparePlan(withKept, {
      client: await requireClient(), metadata, cache, settings: current, orgRegion: granted?.orgRegion,
      ...(attached ? { chatCase: { id: attached.id } } : {}), ...(account ? { chatAccount: { id: account.id } } : {}),
      ...(others?.people.length ? { others: others.people } : {}),
    });
  }

  /** An outbox entry as the panel and popup see it. */
  const itemOf = (e: OutboxEntry, org: string | null = null): OutboxItem => ({
    ...(e.orgId ? { orgId: e.orgId } : {}), ...(outbox.elsewhere(e, org) ? { elsewhere: true } : {}),
    id: e.id, chatId: e.snapshot.chatId, ...(e.snapshot.visitor.name ? { visitor: e.snapshot.visitor.name } : {}), trigger: e.trigger, action: e.manual?.action ?? e.plan?.action, state: e.state, attempts: e.attempts, lastError: e.lastError,
    nextAttemptAt: e.state === 'pending' ? e.nextAttemptAt : undefined, updatedAt: e.updatedAt,
    ...(e.state === 'pending' && e.wrapUp?.until ? { wrapUpUntil: e.wrapUp.until } : {}),
    errors: (e.errors ?? []).map((err) => {
      const step = e.plan?.steps.find((st) => st.ref === err.ref);
      const shown = (v: PlanValue | undefined): FieldValue => (Array.isArray(v) ? v.join(', ') : v ?? null);
      return step && err.fields.length ? { ...err, values: Object.fromEntries(err.fields.map((f) => [f, shown(step.values[f])])) } : err;
    }), duplicates: (e.duplicates ?? []).map((d) => ({ object: d.object, id: d.id, ...(d.name ? { name: d.name } : {}) })), ids: e.ids ?? {}, skipped: skippedList(e.plan?.skipped),
    steps: (e.plan?.steps ?? []).map((step) => ({ ref: step.ref, object: step.object, method: step.method })),
  });

  /**
   * The chat as its tab's console script last reported it, messages included: a panel hears of a
   * chat when what it shows changes, not at every message, so its copy may lack the newest ones.
   */
  const latest = (snapshot: ChatSnapshot, tabId: number | undefined) => (tabId === undefined ? undefined : tabs.chat(tabId, snapshot.chatId)) ?? snapshot;

  /** The chat's panel hears where its write stands. */
  const tellWrite = (tabId: number, entry: OutboxEntry) =>
    void client().then((connected) => tell({ type: 'outbox.update', tabId, instanceUrl: connected?.session.instanceUrl ?? '', item: itemOf(entry) }));

  const outbox = new Outbox({
    store: deps.outboxStore,
    // The panel of the chat hears how its write went (no polling on its side).
    settled: async (entry) => {
      // A contact or lead it created must be found when the visitor comes back within ten minutes
      // (the cached answer says "nobody"), or the next chat would create them a second time: the
      // identifications that may see them are forgotten before the next write is planned.
      const created = entry.state === 'done' ? entry.plan?.steps.find((st) => st.ref === 'person' && st.method === 'POST') : undefined;
      const forgotten = created && cache.forget(recordTokens(created.values)).catch(() => undefined);
      if (entry.state === 'done' && entry.plan) {
        const ids = entry.ids ?? {};
        const skipped = skippedList(entry.plan.skipped);
        remember(entry.plan.steps.map((step) => ({
          at: entry.updatedAt, chatId: entry.snapshot.chatId, object: step.object, id: ids[step.ref] ?? step.id ?? '', method: step.method, before: step.before,
          skipped: skipped.filter((s) => s.ref === step.ref).map((s) => ({ field: s.field, reason: s.reason })),
          // A transcript file is kept by its size, not its content.
          fields: step.object === 'ContentVersion' ? { ...step.values, VersionData: `[${String(step.values.VersionData ?? '').length} base64 characters]` } : step.values,
        })));
      }
      if (entry.tabId !== undefined) tellWrite(entry.tabId, entry);
      await forgotten;
    },
    plan: (entry) => planOf(entry),
    identifyAhead: async (entries) => {
      const [{ settings: current }, granted] = await Promise.all([settings(), grant()]);
      await identifyAhead(entries, { client: await requireClient(), metadata, cache, settings: current, orgRegion: granted?.orgRegion });
    },
    send: async (plan) => {
      const connected = await requireClient();
      const outcome = planOutcome(plan, await connected.composite(planRequests(plan, API_VERSION), { allOrNone: true }));
      if (outcome.state !== 'refused') return outcome;
      // The refused fields by the names the agent knows (describe is cached: no request).
      const meta = await metadata.objects(connected, ORG_OBJECTS).catch(() => null);
      const labelOf = (object: string, field: string) => meta?.[object]?.layoutLabels[field] ?? fieldOf(meta?.[object], field)?.label ?? field;
      return { ...outcome, errors: outcome.errors.map((e) => ({ ...e, labels: Object.fromEntries(e.fields.map((f) => [f, labelOf(e.object, f)])) })) };
    },
    landed: async (plan) => landedIds(await requireClient(), plan),
    metadataStale: async () => {
      const connected = await client();
      if (connected) await metadata.invalidate(connected.session.instanceUrl);
    },
    removeResent: async (written) => {
      try {
        const removed = await removeResent(await requireClient(), written);
        if (removed.length) remember(removed.map((r) => ({ at: Date.now(), chatId: r.chatId, object: r.object, id: r.id, method: 'DELETE', fields: { reason: 'a second copy of this chat\'s write, sent again by the browser on its own' } })));
      } catch (error) {
        console.warn('resent check', error); // the write itself is done; the check is a courtesy
      }
    },
    org: connectedOrg,
    usageAllows: async () => {
      const usage = await (await requireClient()).dailyApiUsage();
      return usage.used < usage.max;
    },
    pause: writePause,
  });

  async function resume() {
    // Set before the drain: if the worker dies in the middle of it, the alarm starts a new one.
    deps.retryAt(Date.now() + BACKOFF_BASE_MS);
    await outbox.drain();
    // What still waits (backoff, API limit pause) is sent by an alarm: it survives the worker stopping.
    deps.retryAt(await outbox.nextDue());
    // Written chats keep the visitor and transcript only as long as the admin says.
    await outbox.trimWritten((await settings()).settings.general.keepWrittenDays * 86_400_000);
  }
  let sending: Promise<void> = Promise.resolve();
  /** Sends what is queued without holding up the caller; a failure is logged, the queue keeps it. */
  const sendQueued = () => void (sending = resume().catch((error) => console.warn('outbox', error)));
  /** Settles when what is being sent now has been (the unit tests wait on it). */
  const idle = () => sending;

  /**
   * Keeps what the agent decided for a chat (its record, case or account) under the chat's key; a
   * write of the chat stored but not yet planned is planned again with it.
   */
  async function keepForChat(chat: { console: string; chatId: string }, keep: (key: string) => Promise<void>) {
    const key = chatKeyOf(chat);
    await keep(key);
    await outbox.rechoose(key, await choiceOf(key));
    return { stored: true };
  }

  /** Chats whose start was written (or stored to be) by this worker: the rest of their messages cost nothing here. */
  const startWritten = new Set<string>();
  /**
   * "When a chat is started" (opt-in): the chat's write is stored once the chat has a value an
   * identification rule uses, so the visitor is looked up before anything is created; once per chat.
   */
  async function writeAtStart(snapshot: ChatSnapshot, tabId: number | undefined) {
    const key = chatKeyOf(snapshot);
    if (startWritten.has(key)) return;
    // Every new message comes here: the (cached) settings say first whether the trigger is on at all.
    const { settings: current } = await settings();
    if (current.automation.started.action === 'nothing') return;
    const granted = await grant();
    if (!hasIdentifyingValue(snapshot, current.identification, planDefaults(current, granted?.orgRegion).region)) return;
    startWritten.add(key);
    await outbox.enqueue(snapshot, 'started', await choiceOf(key), tabId);
    sendQueued();
  }

  /** Presence sync between the console tabs and Omni-Channel (utils/presence). */
  const presence = new PresenceHub({
    settings: async () => (await settings()).settings.presence,
    setConsole: (tabId, state) => deps.presenceSet?.(tabId, { type: 'presence.set', state }) ?? Promise.resolve(false),
    setOmni: (tabId, status, statusId) => deps.presenceSet?.(tabId, { type: 'presence.set', status, ...(statusId ? { statusId } : {}) }) ?? Promise.resolve(false),
    now: () => Date.now(),
    warn: (message) => console.warn(message),
    load: async () => (await browser.storage.session.get(PRESENCE_KEY))[PRESENCE_KEY] as HubState | undefined,
    save: (state) => browser.storage.session.set({ [PRESENCE_KEY]: state }),
  });

  /** Omni-Channel presence, read-only: the agent's own status, a record owner's. */
  const omni = new OmniReader(async () => (await grant())?.userId, sessionKept(browser.storage.session));

  /** The console tab closed: its chats are gone from the panel, and their wrap-ups end (the writes go now). */
  const forgetTab = (tabId: number) => {
    void presence.tabClosed(tabId);
    tabs.forget(tabId);
    handed.forget(tabId);
    void outbox.endWrapUps(tabId).then((ended) => ended.length && sendQueued()).catch((error) => console.warn('outbox', error));
  };

  return {
    client, requireClient, grant, settings, connectedOrg, tell, tellWrite, itemOf, latest, audit,
    journal, tabs, handed, cache, metadata, remember, decisions, decisionsOf, choiceOf, planOf,
    outbox, sendQueued, idle, keepForChat, writeAtStart, forgetTab, presence, omni, transfer: deps.transfer,
  };
}
