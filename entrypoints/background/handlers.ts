import { browser } from 'wxt/browser';
import type { Handlers } from '@/utils/messages/router';
import { ChatJournal } from '@/utils/chat/journal';
import { sessionCache } from '@/utils/identify/cache';
import { identifyContext } from '@/utils/identify/context';
import { identifyVisitor } from '@/utils/identify/service';
import { recordTokens } from '@/utils/identify/overlap';
import { manualSearchSosl, searchCandidates } from '@/utils/identify/search';
import { editableInPlace, fieldProblem, newRecordProblems } from '@/utils/mapping/validate';
import { currentClient } from '@/utils/salesforce/current';
import { connect, disconnect, loadGrant } from '@/utils/salesforce/auth';
import { activeAdapters } from '@/utils/adapters/defaults';
import { OBJECTS } from '@/utils/mapping/defaults';
import { fieldOf } from '@/utils/salesforce/describe';
import { failureKind, fieldMessages, SalesforceError, toSalesforceError, type FailureKind } from '@/utils/salesforce/errors';
import { MetadataCache } from '@/utils/salesforce/metadata';
import { localMetadataStore } from '@/utils/salesforce/metadata-storage';
import { checkStatus } from '@/utils/salesforce/status';
import { loadSettings } from '@/utils/settings/storage';
import { BACKOFF_BASE_MS, NOT_SENT, Outbox } from '@/utils/outbox/outbox';
import { idbOutboxStore } from '@/utils/outbox/store';
import { identifyAhead, planDefaults, preparePlan } from '@/utils/plan/prepare';
import { planOutcome, planRequests } from '@/utils/plan/requests';
import { API_VERSION } from '@/utils/salesforce/version';
import { UnreachableError } from '@/utils/salesforce/errors';
import { ORG_OBJECTS } from '@/utils/salesforce/metadata';
import type { OutboxEntry } from '@/utils/outbox/store';
import type { OutboxItem, OutboxUpdate, PanelChat, PanelHealth } from '@/utils/messages/protocol';
import { ConsoleTabs, type HealthStore, type KeptHealth } from '@/utils/chat/tabs';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import { buildPlan, chatKeyOf, isOtherTask, mergeFixes, skippedList, type PlanValue } from '@/utils/plan/plan';
import { chatAccounts, chatCases, chatFixes, chatPeople, chatRecords, pruneChats } from '@/utils/chat/records';
import { onConsoleHost } from '@/utils/chat/origin';
import { duplicatesOf } from '@/utils/plan/requests';
import { formSections, recordTypeFor } from '@/utils/mapping/form';
import { coerce, COMPANY_PLACEHOLDER } from '@/utils/mapping/values';
import { phoneRegions } from '@/utils/identify/phone';
import type { FieldValue } from '@/utils/mapping/display';
import { lookupResult, lookupSoql, lookupTarget, polymorphicSosl, polymorphicTargets } from '@/utils/salesforce/lookup';
import { hasIdentifyingValue } from '@/utils/identify/request';
import { agentUser } from '@/utils/plan/owner';
import { landedIds } from '@/utils/plan/landed';
import { removeResent } from '@/utils/plan/resent';
import { chatKeyField } from '@/utils/plan/chat-key';
import { dispositionChoices } from '@/utils/plan/disposition';
import { NO_ACCOUNT, NoAccountError } from '@/utils/plan/undecided';
import { writePause } from '@/utils/outbox/pause';
import { idbAuditLog, type AuditEntry } from '@/utils/audit/log';
import { allowedCalls, apiMeter, overBudget } from '@/utils/salesforce/budget';

const NOT_CONNECTED = 'Not connected to Salesforce. Open the extension options to connect.';

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
 * command → handler (each gets a payload the router has already parsed), and `sendQueued`, which
 * sends what the outbox still holds (at every worker start and on the retry alarm).
 */
export function createHandlers(startedAt: number, { retryAt }: { retryAt: (when: number | null) => void }): { handlers: Handlers; sendQueued: () => void; forgetTab: (tabId: number) => void } {
  const journal = new ChatJournal();
  const tabs = new ConsoleTabs(sessionHealthStore());
  /** The panel frames of a tab hear what its console shows (extension pages only: a broadcast no content script receives). */
  const tellPanel = (message: PanelChat | OutboxUpdate | PanelHealth) => void browser.runtime.sendMessage(message).catch(() => undefined); // no frame open: nothing to tell
  const showInPanel = (tabId: number, snapshot: ChatSnapshot | null) => tellPanel({ type: 'panel.chat', tabId, snapshot });
  /** The org connected now (its id from the OAuth grant), or null: a queued write planned for another one waits. */
  const connectedOrg = async () => (await loadGrant())?.orgId ?? null;
  const cache = sessionCache();
  const metadata = new MetadataCache(localMetadataStore());

  /** A client, or a passing failure: the outbox keeps the chat until Salesforce is connected again. */
  async function requireClient() {
    const client = await currentClient();
    if (!client) throw new UnreachableError(NOT_SENT, NOT_CONNECTED);
    return client;
  }

  /** An outbox entry as the panel and popup see it. */
  const itemOf = (e: OutboxEntry, org: string | null = null): OutboxItem => ({
    ...(e.orgId ? { orgId: e.orgId } : {}), ...(outbox.elsewhere(e, org) ? { elsewhere: true } : {}),
    id: e.id, chatId: e.snapshot.chatId, trigger: e.trigger, action: e.manual?.action ?? e.plan?.action, state: e.state, attempts: e.attempts, lastError: e.lastError,
    nextAttemptAt: e.state === 'pending' ? e.nextAttemptAt : undefined, updatedAt: e.updatedAt,
    ...(e.state === 'pending' && e.wrapUp?.until ? { wrapUpUntil: e.wrapUp.until } : {}),
    errors: (e.errors ?? []).map((err) => {
      const step = e.plan?.steps.find((st) => st.ref === err.ref);
      const shown = (v: PlanValue | undefined): FieldValue => (Array.isArray(v) ? v.join(', ') : v ?? null);
      return step && err.fields.length ? { ...err, values: Object.fromEntries(err.fields.map((f) => [f, shown(step.values[f])])) } : err;
    }), duplicates: (e.duplicates ?? []).map((d) => ({ object: d.object, id: d.id, ...(d.name ? { name: d.name } : {}) })), ids: e.ids ?? {}, skipped: skippedList(e.plan?.skipped),
    steps: (e.plan?.steps ?? []).map((step) => ({ ref: step.ref, object: step.object, method: step.method })),
  });

  /** The chat's panel hears where its write stands. */
  const tellWrite = (tabId: number, entry: OutboxEntry) =>
    void currentClient().then((client) => tellPanel({ type: 'outbox.update', tabId, instanceUrl: client?.session.instanceUrl ?? '', item: itemOf(entry) }));

  const audit = idbAuditLog();
  /** The record the agent chose per chat, and the values they corrected: every write of the chat takes both. */
  const records = chatRecords();
  const fixes = chatFixes();
  const cases = chatCases();
  const accounts = chatAccounts();
  const people = chatPeople();
  void pruneChats().catch(() => undefined);

  /** What the agent decided for a chat in the panel, kept per chat: its record, corrections, case, account and other people. */
  const decisionsOf = async (key: string) => {
    const [record, kept, attached, account, others] = await Promise.all([records.get(key), fixes.get(key), cases.get(key), accounts.get(key), people.get(key)]);
    return { record, kept, attached, account, others };
  };

  /** An entry's plan: what the agent corrected before the write, then after a refusal, over what the chat gave. */
  async function planOf(entry: OutboxEntry, decided?: Awaited<ReturnType<typeof decisionsOf>>) {
    const [{ settings }, grant, { kept, attached, account, others }] = await Promise.all([loadSettings(), loadGrant(), decided ?? decisionsOf(chatKeyOf(entry.snapshot))]);
    const withKept = kept ? { ...entry, fixes: mergeFixes(kept.fixes, entry.fixes) } : entry;
    return preparePlan(withKept, {
      client: await requireClient(), metadata, cache, settings, orgRegion: grant?.orgRegion,
      ...(attached ? { chatCase: { id: attached.id } } : {}), ...(account ? { chatAccount: { id: account.id } } : {}),
      ...(others?.people.length ? { others: others.people } : {}),
    });
  }
  /** Keeps a write in the audit log; a log that cannot be written never fails the write itself. */
  const remember = (entries: AuditEntry[]) => void audit.add(entries).catch((error) => console.warn('audit log', error));

  const outbox = new Outbox({
    store: idbOutboxStore(),
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
      const [{ settings }, grant] = await Promise.all([loadSettings(), loadGrant()]);
      await identifyAhead(entries, { client: await requireClient(), metadata, cache, settings, orgRegion: grant?.orgRegion });
    },
    send: async (plan) => {
      const client = await requireClient();
      const outcome = planOutcome(plan, await client.composite(planRequests(plan, API_VERSION), { allOrNone: true }));
      if (outcome.state !== 'refused') return outcome;
      // The refused fields by the names the agent knows (describe is cached: no request).
      const meta = await metadata.objects(client, ORG_OBJECTS).catch(() => null);
      const labelOf = (object: string, field: string) => meta?.[object]?.layoutLabels[field] ?? fieldOf(meta?.[object], field)?.label ?? field;
      return { ...outcome, errors: outcome.errors.map((e) => ({ ...e, labels: Object.fromEntries(e.fields.map((f) => [f, labelOf(e.object, f)])) })) };
    },
    landed: async (plan) => landedIds(await requireClient(), plan),
    metadataStale: async () => {
      const client = await currentClient();
      if (client) await metadata.invalidate(client.session.instanceUrl);
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
    retryAt(Date.now() + BACKOFF_BASE_MS);
    await outbox.drain();
    // What still waits (backoff, API limit pause) is sent by an alarm: it survives the worker stopping.
    retryAt(await outbox.nextDue());
  }
  /**
   * Keeps what the agent decided for a chat (its record, case or account) under the chat's key; a
   * write of the chat stored but not yet planned is planned again with it.
   */
  async function keepForChat(chat: { console: string; chatId: string }, keep: (key: string) => Promise<void>) {
    const key = chatKeyOf(chat);
    await keep(key);
    const record = await records.get(key);
    await outbox.rechoose(key, record ? { type: record.type, id: record.id } : undefined);
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
    const { settings } = await loadSettings();
    if (settings.automation.started.action === 'nothing') return;
    const grant = await loadGrant();
    if (!hasIdentifyingValue(snapshot, settings.identification, planDefaults(settings, grant?.orgRegion).region)) return;
    startWritten.add(key);
    const record = await records.get(key);
    await outbox.enqueue(snapshot, 'started', record ? { type: record.type, id: record.id } : undefined, tabId);
    sendQueued();
  }

  /** Sends what is queued without holding up the caller; a failure is logged, the queue keeps it. */
  const sendQueued = () => void resume().catch((error) => console.warn('outbox', error));

  const handlers: Handlers = {
    'worker.info': async () => ({ version: browser.runtime.getManifest().version, startedAt }),
    'salesforce.status': async () => {
      const [client, grant, { settings }] = await Promise.all([currentClient(), loadGrant(), loadSettings()]);
      const status = await checkStatus(client, grant);
      if (status.state !== 'connected') return status;
      const { calls, max } = await apiMeter.today(status.instanceUrl);
      const percent = settings.general.apiBudgetPercent;
      return { ...status, budget: { calls, allowed: allowedCalls(max ?? status.usage?.max, percent), percent }, atChatEnd: settings.automation.ended.action, atChatEndNoMatch: settings.automation.ended.noMatch, requireAccount: settings.records.requireAccount };
    },
    'chat.event': async (delivered, sender) => {
      const tabId = sender.tab?.id;
      let event = { ...delivered, snapshot: onConsoleHost(delivered.snapshot, sender.url) };
      if (tabId !== undefined) {
        const shown = tabs.active(tabId)?.chatId === event.snapshot.chatId;
        if (event.appendTo !== undefined) {
          // Only the new messages came: the chat is put together here from what the tab sent before.
          const whole = tabs.extend(tabId, event.snapshot, event.appendTo);
          if (!whole) return { accepted: false, known: false };
          event = { type: event.type, snapshot: whole };
        } else tabs.record(tabId, event.snapshot);
        if (shown) showInPanel(tabId, event.snapshot);
      } else if (event.appendTo !== undefined) return { accepted: false, known: false };
      journal.add(event);
      if ((event.type === 'started' || event.type === 'updated') && event.snapshot.state === 'active') await writeAtStart(event.snapshot, tabId);
      if (event.type === 'ended' || event.type === 'offline-message') {
        const trigger = event.type === 'ended' ? 'ended' : 'offline';
        // The agent's own choice for the chat wins over the automatic action (one per chat). Read
        // together: until the chat is stored, a browser killed loses it (README: the loss window).
        const [{ settings }, record] = await Promise.all([loadSettings(), records.get(chatKeyOf(event.snapshot))]);
        // An agent in the console wraps the chat up before its write goes (an offline message has nobody to).
        const wrapUpUntil = trigger === 'ended' && settings.wrapUp.enabled && tabId !== undefined ? Date.now() + settings.wrapUp.seconds * 1000 : undefined;
        const chosen = trigger === 'ended' ? await outbox.release(event.snapshot, tabId, wrapUpUntil) : null;
        const automatic = !chosen && settings.automation[trigger].action !== 'nothing';
        // Stored before any request: from here on the chat's write cannot be lost. It goes to the
        // record the agent chose in the panel, if they chose one.
        const stored = automatic ? await outbox.enqueue(event.snapshot, trigger, record ? { type: record.type, id: record.id } : undefined, tabId, wrapUpUntil) : chosen;
        // The panel shows the wrap-up at once (nothing else would tell it before the write).
        if (stored?.wrapUp?.until && tabId !== undefined) tellWrite(tabId, stored);
        if (chosen || automatic) sendQueued();
      }
      return { accepted: true };
    },
    'chat.active': async ({ chatId, snapshot }, sender) => {
      const tabId = sender.tab!.id!;
      const { known, snapshot: shown } = tabs.activate(tabId, chatId, snapshot && onConsoleHost(snapshot, sender.url));
      if (known) showInPanel(tabId, shown);
      return { known };
    },
    'panel.open': async (_payload, sender) => {
      const tabId = sender.tab?.id ?? -1;
      const health = await tabs.healthOf(tabId);
      return { tabId, snapshot: tabs.active(tabId), ...(health ? { health } : {}) };
    },
    'console.seen': async (seen, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return {};
      const health = await tabs.see(tabId, seen, async (name) => activeAdapters((await loadSettings()).settings.consoles).find((a) => a.name === name));
      if (health) tellPanel({ type: 'panel.health', tabId, health });
      return {};
    },
    'console.undetected': async ({ consoles }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return {};
      const expected = activeAdapters((await loadSettings()).settings.consoles).filter((a) => consoles.includes(a.name));
      if (!expected.length) return {};
      const health = { state: 'not_recognised' as const, failing: expected.slice(0, 10).map((a) => `detect (${a.detect.slice(0, 200)})`), console: expected.map((a) => a.label).join(', ').slice(0, 100) };
      await tabs.judged(tabId, health);
      return {};
    },
    'console.problems': async () => Promise.all((await tabs.problems()).map(async (p) => ({ ...p, title: await browser.tabs.get(p.tabId).then((t) => t.title).catch(() => undefined) }))),
    'outbox.list': async ({ chatId }) => {
      const org = await connectedOrg();
      return (await outbox.entries()).filter((e) => !chatId || e.snapshot.chatId === chatId).map((e) => itemOf(e, org));
    },
    'outbox.adopt': async ({ id }) => {
      const entry = await outbox.adopt(id);
      if (entry?.state === 'pending') sendQueued();
      return entry ? itemOf(entry, await connectedOrg()) : null;
    },
    'outbox.discard': async ({ id }) => ({ discarded: await outbox.discard(id) }),
    'outbox.wrapUp': async ({ id, disposition, notes }) => {
      const entry = await outbox.wrapUpDone(id, { ...(disposition ? { disposition } : {}), ...(notes?.trim() ? { notes } : {}) });
      if (entry?.state === 'pending') sendQueued();
      return entry ? itemOf(entry) : null;
    },
    'outbox.retry': async ({ id, attachTo, fixes }) => {
      const entry = await outbox.retry(id, attachTo, fixes);
      if (entry?.state === 'pending') sendQueued();
      return entry ? itemOf(entry) : null;
    },
    'chat.record': async ({ record, ...chat }) => keepForChat(chat, (key) => records.set(key, record)),
    'chat.case': async ({ case: attached, ...chat }) => keepForChat(chat, (key) => cases.set(key, attached)),
    'chat.account': async ({ account, ...chat }) => keepForChat(chat, (key) => accounts.set(key, account)),
    'chat.people': async ({ people: added, ...chat }) => keepForChat(chat, (key) => people.set(key, added.length ? { people: added } : null)),
    'chat.preview': async ({ snapshot }) => {
      const client = await currentClient();
      if (!client) return { state: 'error', message: NOT_CONNECTED };
      try {
        // The automatic write as it would go now: to the chat's chosen record, with the agent's corrections.
        const key = chatKeyOf(snapshot);
        const [decided, { settings }] = await Promise.all([decisionsOf(key), loadSettings()]);
        const { record: chosen, attached, account, others } = decided;
        const entry: OutboxEntry = { id: '', chatKey: key, trigger: snapshot.state === 'offline' ? 'offline' : 'ended', snapshot, attempts: 0, createdAt: 0, updatedAt: 0, state: 'pending', ...(chosen ? { choice: { type: chosen.type, id: chosen.id } } : {}) };
        const [plan, meta] = await Promise.all([
          planOf(entry, decided).catch((error) => (error instanceof NoAccountError ? NO_ACCOUNT : Promise.reject(error))),
          metadata.objects(client, ORG_OBJECTS),
        ]);
        // The admin requires an account and the chat has none: the panel asks for it before the chat ends.
        if (plan === NO_ACCOUNT) return { state: 'preview', skipped: [], needsAccount: true };
        return {
          state: 'preview',
          skipped: (plan?.skipped ?? []).map((s) => {
            const field = fieldOf(meta[s.object], s.field);
            const options = field?.picklistValues.map((p) => ({ value: p.value, label: p.label }));
            return { ...s, ...(field?.length ? { limit: field.length } : {}), ...(options?.length ? { options } : {}) };
          }),
          ...(attached ? { chatCase: { id: attached.id, number: attached.number } } : {}),
          ...(account ? { chatAccount: { id: account.id, name: account.name } } : {}),
          ...(others?.people.length ? { people: others.people } : {}),
          ...(plan?.steps.some((st) => isOtherTask(st.ref)) ? { othersOwnTasks: true } : {}),
          ...(settings.wrapUp.enabled ? { wrapUp: { seconds: settings.wrapUp.seconds, disposition: dispositionChoices(settings.wrapUp, meta[plan?.steps.find((st) => st.ref === 'record')?.object ?? '']) } } : {}),
        };
      } catch (error) {
        return { state: 'error', message: describeFailure(error, 'the check of the chat\'s write').message };
      }
    },
    'chat.fix': async ({ snapshot, ref, object, field, value }) => {
      const client = await currentClient();
      if (!client) return { ok: false, problem: NOT_CONNECTED };
      const [meta, { settings }, grant] = await Promise.all([metadata.objects(client, ORG_OBJECTS), loadSettings(), loadGrant()]);
      const f = fieldOf(meta[object], field);
      if (!f || !(f.createable || f.updateable)) return { ok: false, problem: 'Not a field this user can write.' };
      let typed: FieldValue = null;
      if (value !== null && value.trim()) {
        // The agent's text as the chat's would be taken (a phone to E.164, a picklist by its label), but never cut.
        const coerced = coerce(f, value, phoneRegions(snapshot.session.country, settings.general.phoneRegion ?? grant?.orgRegion));
        if ('skip' in coerced) return { ok: false, problem: `Still ${coerced.skip}.` };
        if (coerced.cut) return { ok: false, problem: `At most ${f.length} characters (this has ${[...value.trim()].length}).` };
        const problem = fieldProblem(f, coerced.value);
        if (problem) return { ok: false, problem };
        typed = coerced.value;
      }
      const key = chatKeyOf(snapshot);
      const kept = (await fixes.get(key))?.fixes ?? {};
      const forRef = { ...kept[ref] };
      if (typed === null) delete forRef[field];
      else forRef[field] = typed;
      await fixes.set(key, { fixes: { ...kept, [ref]: forRef } });
      return { ok: true };
    },
    'chat.plan': async ({ snapshot, action, person, overrides, update }, sender) => {
      // A case or task on its own still goes to the chat's chosen person.
      const chosen = person ?? (action === 'case' ? undefined : await records.get(chatKeyOf(snapshot)).then((r) => (r ? { type: r.type, id: r.id } : undefined)));
      return itemOf(await outbox.choose(snapshot, { action, overrides, ...(update ? { update } : {}) }, chosen, sender.tab?.id));
    },
    'form.open': async ({ snapshot, action, object, recordTypeId }) => {
      const client = await currentClient();
      if (!client) return { state: 'error', message: NOT_CONNECTED };
      try {
        const [{ settings }, grant] = await Promise.all([loadSettings(), loadGrant()]);
        const [meta, owner] = await Promise.all([
          metadata.objects(client, ORG_OBJECTS),
          // The owner rule (seed 001) holds for records made by hand too: the agent, else the connected user.
          settings.records.owner === 'agent' ? agentUser(client, snapshot.agent.email).catch(() => null) : null,
        ]);
        const plan = buildPlan({ snapshot, trigger: 'manual', action, strategy: 'none', existing: null, meta, ...planDefaults(settings, grant?.orgRegion), ownerId: owner?.id, now: Date.now() });
        const step = plan?.steps.find((st) => st.object === object);
        // References to records not yet written (@{person.id}) are the plan's business, not the form's.
        // The agent is there to give a real company: the automatic placeholder is not offered.
        // The chat's key (CallObject) is the write's own bookkeeping: written at chat end, never the agent's to edit.
        const initial = Object.fromEntries(Object.entries(step?.values ?? {}).filter((e): e is [string, FieldValue] => !Array.isArray(e[1])).filter(([k, v]) => !(typeof v === 'string' && v.startsWith('@{')) && !(k === 'Company' && v === COMPANY_PLACEHOLDER) && k !== 'CallObject'));
        const objectMeta = meta[object]!;
        const recordType = recordTypeFor(objectMeta, recordTypeId);
        const sections = formSections(objectMeta, recordType);
        if (recordType) initial.RecordTypeId = recordType;
        // Picklists start at the org's default value, as Salesforce's own form does.
        for (const f of sections.flatMap((sec) => sec.fields)) {
          const preset = f.picklistValues.find((p) => p.defaultValue)?.value;
          if (preset && initial[f.name] === undefined) initial[f.name] = preset;
        }
        const names: Record<string, string> = owner && initial.OwnerId === owner.id ? { OwnerId: owner.name } : {};
        // An org's layout may lack mapped fields (Subject, Description): they are written all the same, and the form says which.
        const onLayout = new Set(sections.flatMap((sec) => sec.fields.map((f) => f.name)));
        const offLayout = [...new Set([...Object.keys(initial), 'ContactId', 'WhoId'])]
          .filter((name) => name !== 'RecordTypeId' && !onLayout.has(name) && fieldOf(objectMeta, name)?.createable)
          .map((name) => ({ name, label: objectMeta.layoutLabels[name] ?? fieldOf(objectMeta, name)!.label }));
        return { state: 'form', object, label: objectMeta.label, sections, initial, names, recordTypes: objectMeta.recordTypes, recordTypeId: recordType ?? null, offLayout };
      } catch (error) {
        return { state: 'error', message: describeFailure(error, 'the form').message };
      }
    },
    'lookup.search': async ({ referenceTo, text }) => {
      const client = await currentClient();
      if (!client) return { state: 'error', message: NOT_CONNECTED };
      // Only what a lookup field of the panel's forms points to (describe, cached): not any object a caller names.
      const offered = (meta: Awaited<ReturnType<typeof metadata.objects>>, types: string[]) =>
        Object.values(meta).some((object) => object?.fields.some((f) => types.every((t) => f.referenceTo.includes(t))));
      const polymorphic = polymorphicTargets(referenceTo);
      if (polymorphic) {
        // Related To: every type the field allows, in one search, each result with its type.
        const sosl = polymorphicSosl(polymorphic, text);
        if (!sosl) return { state: 'results', records: [] };
        try {
          if (!offered(await metadata.objects(client, ORG_OBJECTS), polymorphic)) return { state: 'error', message: "No field of the panel's forms looks up these records." };
          return { state: 'results', records: (await client.search(sosl)).map((r) => lookupResult(r as never)) };
        } catch (error) {
          return { state: 'error', message: describeFailure(error, 'the search').message };
        }
      }
      const target = lookupTarget(referenceTo);
      const soql = target && lookupSoql(target, text);
      if (!soql) return { state: 'results', records: [] };
      try {
        if (!offered(await metadata.objects(client, ORG_OBJECTS), [target])) return { state: 'error', message: `No field of the panel's forms looks up ${target}.` };
        const result = await client.get<{ records: { Id: string; Name?: string }[] }>(`/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`);
        return { state: 'results', records: result.records.map((r) => ({ id: r.Id, name: r.Name ?? r.Id })) };
      } catch (error) {
        return { state: 'error', message: describeFailure(error, 'the search').message };
      }
    },
    'record.create': async ({ type, values }) => {
      const client = await currentClient();
      if (!client) return { state: 'error', message: NOT_CONNECTED };
      try {
        const meta = (await metadata.objects(client, ORG_OBJECTS))[type]!;
        const recordType = typeof values.RecordTypeId === 'string' ? values.RecordTypeId : undefined;
        const problems = newRecordProblems(formSections(meta, recordTypeFor(meta, recordType)).flatMap((s) => s.fields), values);
        if (Object.keys(problems).length) return { state: 'refused', fields: problems, duplicates: [] };
        const id = await client.create(type, values);
        remember([{ at: Date.now(), object: type, id, method: 'POST', fields: values }]);
        await cache.clear();
        // A case is known by its number, which the agent gives the customer.
        const name = type === 'Case'
          ? String((await client.get<{ CaseNumber?: string }>(`/services/data/v${API_VERSION}/sobjects/Case/${id}?fields=CaseNumber`)).CaseNumber ?? id)
          : type === 'Task' ? String(values.Subject ?? 'Task') : [values.FirstName, values.LastName].filter((v) => typeof v === 'string' && v).join(' ');
        return { state: 'created', id, name };
      } catch (raw) {
        const error = toSalesforceError(raw);
        if (failureKind(error) !== 'salesforce') return { state: 'error', message: describeFailure(error, 'the record').message };
        return { state: 'refused', ...fieldMessages(error), duplicates: duplicatesOf(error) };
      }
    },
    'chat.recent': async ({ limit }) => journal.recent(limit),
    'console.adapters': async () => ({ adapters: activeAdapters((await loadSettings()).settings.consoles) }),
    'options.open': async () => {
      await browser.runtime.openOptionsPage();
      return {};
    },
    'auth.connect': async () => {
      const { settings } = await loadSettings();
      try {
        await connect(settings.connection, browser.identity.getRedirectURL('salesforce'), async (url) => {
          const redirect = await browser.identity.launchWebAuthFlow({ url, interactive: true });
          if (!redirect) throw new Error('The Salesforce login window was closed before it finished.');
          return redirect;
        });
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
      // Another user or org now: nothing identified under the old one still holds. What waited goes out.
      await cache.clear();
      await outbox.hurryAll();
      sendQueued();
      return { ok: true, status: await checkStatus(await currentClient(), await loadGrant()) };
    },
    'auth.disconnect': async () => {
      const result = await disconnect();
      await cache.clear();
      return result;
    },
    'salesforce.fields': async () => {
      const client = await currentClient();
      if (!client) return { state: 'error', message: NOT_CONNECTED };
      try {
        const meta = await metadata.objects(client, [...OBJECTS]);
        const objects = Object.fromEntries(OBJECTS.map((o) => {
          const chatKey = chatKeyField(meta[o]);
          return [o, (meta[o]?.fields ?? []).map((f) => ({ name: f.name, label: f.label, type: f.type, ...(f.name === chatKey ? { chatKey: true } : {}) }))];
        }));
        return { state: 'fields', objects };
      } catch (error) {
        return { state: 'error', message: describeFailure(error, 'the field list').message };
      }
    },
    'salesforce.search': async ({ text }) => {
      const client = await currentClient();
      if (!client) return { state: 'error', message: NOT_CONNECTED };
      try {
        const { settings } = await loadSettings();
        const { display } = await identifyContext(metadata, client, settings.mapping);
        const sosl = manualSearchSosl(text, display);
        const records = sosl ? await client.search(sosl) : [];
        return { state: 'results', instanceUrl: client.session.instanceUrl, fields: display, records: searchCandidates(records as never, display) };
      } catch (error) {
        return { state: 'error', message: describeFailure(error, 'the search').message };
      }
    },
    'identify.run': async ({ snapshot, force }) => {
      // The agent is waiting: read the session and the settings at once.
      const [client, { settings }, grant] = await Promise.all([currentClient(), loadSettings(), loadGrant()]);
      if (!client) return { state: 'error', kind: 'not_connected', message: NOT_CONNECTED };
      // The automatic lookup can wait for tomorrow; the agent's own "Look again" cannot.
      const percent = settings.general.apiBudgetPercent;
      if (!force && (await overBudget(client.session.instanceUrl, percent))) {
        return { state: 'error', kind: 'over_budget', message: `This extension used its share (${percent}%) of your org's daily Salesforce API requests, so visitors are no longer looked up on their own today. "Try again" looks this one up; writes still go.` };
      }
      try {
        const { display, read, isPhone } = await identifyContext(metadata, client, settings.mapping);
        const result = await identifyVisitor(client, snapshot, settings.identification, cache, { force, display: read, isPhone, region: planDefaults(settings, grant?.orgRegion).region });
        const found = result.contacts.length + result.leads.length + result.accounts.length > 0;
        return { state: found ? 'found' : 'not_found', instanceUrl: client.session.instanceUrl, fields: display, ...result };
      } catch (error) {
        if (error instanceof SalesforceError && error.code === 'INVALID_FIELD') await metadata.invalidate(client.session.instanceUrl);
        return { state: 'error', ...describeFailure(error, 'the search') };
      }
    },
    'record.update': async ({ type, id, values, before }) => {
      const client = await currentClient();
      if (!client) return { state: 'error', message: NOT_CONNECTED };
      try {
        // Checked against describe first: what Salesforce would refuse costs no request.
        const meta = (await metadata.objects(client, [type]))[type];
        const problems: Record<string, string> = {};
        for (const [name, value] of Object.entries(values)) {
          const field = fieldOf(meta, name);
          const problem = !field ? 'Salesforce has no such field.' : !editableInPlace(field) ? 'This field cannot be edited here.' : fieldProblem(field, value);
          if (problem) problems[name] = problem;
        }
        if (Object.keys(problems).length) return { state: 'refused', fields: problems };
        await client.update(type, id, values);
        remember([{ at: Date.now(), object: type, id, method: 'PATCH', fields: values, before }]);
        await cache.clear();
        return { state: 'saved' };
      } catch (raw) {
        const error = toSalesforceError(raw);
        if (failureKind(error) !== 'salesforce') return { state: 'error', message: describeFailure(error, 'the change').message };
        return { state: 'refused', ...fieldMessages(error, (f) => f in values) };
      }
    },
  };
  /** The console tab closed: its chats are gone from the panel, and their wrap-ups end (the writes go now). */
  const forgetTab = (tabId: number) => {
    tabs.forget(tabId);
    void outbox.endWrapUps(tabId).then((ended) => ended.length && sendQueued()).catch((error) => console.warn('outbox', error));
  };
  return { handlers, sendQueued, forgetTab };
}
