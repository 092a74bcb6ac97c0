import { i18n } from '#i18n';
import { emptySnapshot, type ChatSnapshot } from '../chat/snapshot';
import { lostChatKey } from '../plan/chat-key';
import { NO_ACCOUNT, NoAccountError, UNDECIDED, UndecidedMatchError } from '../plan/undecided';
import { chatKeyOf, isIdempotent, mergeFixes, withoutUpserts, type ActionPlan, type Trigger } from '../plan/plan';
import type { PlanOutcome } from '../plan/requests';
import { ApiLimitError, failureKind, toSalesforceError, UnreachableError } from '../salesforce/errors';
import { RECORD_ID } from '../salesforce/record-id';
import type { OutboxEntry, OutboxStore } from './store';
import { storedIdOf } from './stored';

/** One write per chat and trigger: the same chat ending twice is the same entry. */
const entryId = (snapshot: ChatSnapshot, trigger: OutboxEntry['trigger']) => `${chatKeyOf(snapshot)}:${trigger}`;

export type OutboxDeps = {
  store: OutboxStore;
  /** Builds the plan of an entry (identification, metadata): null when there is nothing to write. */
  plan: (entry: OutboxEntry) => Promise<ActionPlan | null>;
  /** Identifies the visitors of several waiting entries together, so their plans need no request each. */
  identifyAhead?: (entries: OutboxEntry[]) => Promise<void>;
  /** Sends a plan as one allOrNone composite request. */
  send: (plan: ActionPlan) => Promise<PlanOutcome>;
  /** Whether a plan sent without an answer was written after all: its record ids, or null (one query). */
  landed: (plan: ActionPlan) => Promise<Record<string, string> | null>;
  /** The org's metadata is out of date (a field it named is gone): read it again before the next plan. */
  metadataStale?: () => Promise<void>;
  /**
   * After plans without chat key upserts are written: removes second copies the browser's own
   * resend made, for all the drain's plans at once (never throws).
   */
  removeResent?: (written: { plan: ActionPlan; ids: Record<string, string> }[]) => Promise<void>;
  /** Whether the org's daily API usage allows writing again (one request), after it ran out. */
  usageAllows: () => Promise<boolean>;
  /** When writes are paused for the org's API limit (kept across worker restarts). */
  pause: { get: () => Promise<number>; set: (until: number) => Promise<void> };
  /** The org connected now (Organization Id), or null when none: a write planned for another waits. */
  org?: () => Promise<string | null>;
  now?: () => number;
  random?: () => number;
};

/** Values of the agent's that name records of one org (lookups: AccountId, OwnerId…; ids): meaningless in another. */
const namesARecord = (field: string, value: unknown) => /Id$/.test(field) || (typeof value === 'string' && RECORD_ID.test(value) && /\d/.test(value));

/** The code of a failure before any request left (not connected): the write cannot have landed. */
export const NOT_SENT = 'NOT_CONNECTED';

/** Chats written at the same time after an outage: each its own request, in flight together. */
export const PARALLEL_CHATS = 6;

/** First retry after 30 s (Chrome's shortest alarm), doubling up to 30 minutes. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 30 * 60_000;
/** Over the org's API limit: writes wait this long, then one request asks whether usage allows. */
export const LIMIT_PAUSE_MS = 15 * 60_000;

/** Exponential backoff with jitter (0.5×–1.5×), so agents' browsers do not retry in step. */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.5 + random()));
}

/**
 * The wrap-up a chat's write waits for, stored with the write itself (a drain running meanwhile
 * never sends it early): until the time given, as the alarm's time too. A write stored again keeps its own.
 */
const wrapUp = (before: OutboxEntry | undefined, until: number | undefined): Partial<OutboxEntry> =>
  before?.wrapUp ? { wrapUp: before.wrapUp, nextAttemptAt: before.nextAttemptAt } : until ? { wrapUp: { until }, nextAttemptAt: until } : {};

/**
 * The durable queue of chat writes. A chat end is stored before anything else happens; its plan
 * is stored before the request; a passing failure leaves it pending for the next drain; a
 * refusal Salesforce will repeat waits as "needs attention" with the reason on each field.
 */

export class Outbox {
  private draining: Promise<void> | null = null;
  /** Plans written in this drain that a browser resend could have doubled: checked together at its end. */
  private written: { plan: ActionPlan; ids: Record<string, string> }[] = [];
  private again = false;
  private readonly now: () => number;
  private readonly random: () => number;

  /** `settled` hears of every attempt; the next plan waits for it (it forgets what a new person changes). */
  constructor(private readonly deps: OutboxDeps & { settled?: (entry: OutboxEntry) => void | Promise<void> }) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  /**
   * Stores a chat's write; a chat already written is never written again. `hold`: unsure whether
   * it is this browser's to write (the chat was transferred away): kept, not sent, the agent decides.
   */
  async enqueue(snapshot: ChatSnapshot, trigger: Trigger, choice?: OutboxEntry['choice'], tabId?: number, wrapUpUntil?: number, hold?: string): Promise<OutboxEntry> {
    const before = await this.deps.store.get(entryId(snapshot, trigger));
    if (before && (before.state === 'done' || before.plan)) return before;
    if (hold) return this.store(snapshot, trigger, { choice: choice ?? before?.choice, tabId, state: 'needs_attention', lastError: hold }, before);
    // This chat's write was set aside unread (it may have been written): unsure, so the agent decides.
    if (!before && (await this.deps.store.quarantined()).some((q) => storedIdOf(q.raw) === entryId(snapshot, trigger))) {
      return this.store(snapshot, trigger, { choice, tabId, state: 'needs_attention', lastError: i18n.t('outbox.earlierSetAside') });
    }
    return this.store(snapshot, trigger, { choice: choice ?? before?.choice, tabId, state: 'pending', ...wrapUp(before, wrapUpUntil) }, before);
  }

  /** The agent chose the chat's record after its end was stored: its writes not yet planned go there. */
  async rechoose(chatKey: string, choice: OutboxEntry['choice']): Promise<void> {
    for (const entry of await this.deps.store.all()) {
      if (entry.chatKey === chatKey && entry.trigger !== 'manual' && entry.state === 'pending' && !entry.plan) await this.deps.store.put({ ...entry, choice, updatedAt: this.now() });
    }
  }

  /**
   * Keeps the agent's choice for a chat until it ends (one per chat: a new choice replaces the
   * last). Nothing is sent yet.
   */
  async choose(snapshot: ChatSnapshot, manual: NonNullable<OutboxEntry['manual']>, choice: OutboxEntry['choice'], tabId?: number): Promise<OutboxEntry> {
    const before = await this.deps.store.get(entryId(snapshot, 'manual'));
    if (before && before.state !== 'waiting') return before;
    return this.store(snapshot, 'manual', { choice, manual, tabId, state: 'waiting' }, before);
  }

  /** A new entry for a chat's write, stored; it keeps when the chat's write was first stored. */
  private async store(snapshot: ChatSnapshot, trigger: OutboxEntry['trigger'], fields: Pick<OutboxEntry, 'state'> & Partial<OutboxEntry>, before?: OutboxEntry): Promise<OutboxEntry> {
    const at = this.now();
    // Tied to the org connected when the chat's write was first stored (none connected: the first it is sent to).
    const orgId = before?.orgId ?? (await this.deps.org?.()) ?? undefined;
    const entry: OutboxEntry = { id: entryId(snapshot, trigger), chatKey: chatKeyOf(snapshot), trigger, snapshot, attempts: 0, createdAt: before?.createdAt ?? at, updatedAt: at, ...(orgId ? { orgId } : {}), ...fields };
    await this.deps.store.put(entry);
    return entry;
  }

  /** The chat ended: the agent's choice, if any, goes out with the final transcript. True when there was one. */
  async release(snapshot: ChatSnapshot, tabId?: number, wrapUpUntil?: number): Promise<OutboxEntry | null> {
    const entry = await this.deps.store.get(entryId(snapshot, 'manual'));
    if (!entry) return null;
    if (entry.state !== 'waiting') return entry;
    const next: OutboxEntry = { ...entry, snapshot, tabId: tabId ?? entry.tabId, state: 'pending', updatedAt: this.now(), ...wrapUp(entry, wrapUpUntil) };
    await this.deps.store.put(next);
    return next;
  }

  /** The agent's wrap-up is done (or the tab closed): the write goes now, with what they gave. */
  async wrapUpDone(id: string, given: { disposition?: string; notes?: string } = {}): Promise<OutboxEntry | undefined> {
    const entry = await this.deps.store.get(id);
    if (!entry?.wrapUp || entry.state !== 'pending' || entry.plan) return entry;
    const next: OutboxEntry = { ...entry, wrapUp: { ...entry.wrapUp, ...given, until: 0 }, nextAttemptAt: undefined, updatedAt: this.now() };
    await this.deps.store.put(next);
    return next;
  }

  /** The console tab closed: every wrap-up of its chats ends now (nobody is left to finish it). */
  async endWrapUps(tabId: number): Promise<OutboxEntry[]> {
    const ended: OutboxEntry[] = [];
    for (const entry of await this.deps.store.all()) {
      if (entry.tabId !== tabId || !entry.wrapUp?.until) continue;
      const next = await this.wrapUpDone(entry.id);
      if (next) ended.push(next);
    }
    return ended;
  }

  /** Still in the agent's wrap-up: waits for them, not for a backoff, so nothing hurries it. */
  private inWrapUp = (entry: OutboxEntry) => (entry.wrapUp?.until ?? 0) > this.now();

  /**
   * Sends a write that needed attention again, built anew: to the record the agent chose instead
   * (the one a duplicate rule pointed to), or as it was once the agent fixed the cause.
   */
  async retry(id: string, choice?: OutboxEntry['choice'], fixes?: OutboxEntry['fixes']): Promise<OutboxEntry | undefined> {
    const entry = await this.deps.store.get(id);
    if (entry?.state === 'pending') return this.inWrapUp(entry) ? entry : this.hurry(entry);
    if (!entry || entry.state !== 'needs_attention') return entry;
    const next: OutboxEntry = { ...entry, choice: choice ?? entry.choice, fixes: mergeFixes(entry.fixes, fixes), plan: undefined, errors: undefined, duplicates: undefined, state: 'pending', nextAttemptAt: undefined, updatedAt: this.now() };
    await this.deps.store.put(next);
    return next;
  }

  /** Is this entry for another org than the one connected now (it waits for the agent to say)? */
  elsewhere(entry: OutboxEntry, org: string | null): boolean {
    return !!(org && entry.orgId && entry.orgId !== org && entry.state !== 'done');
  }

  /**
   * "Send to this org": a write planned for another org is planned again for the one connected
   * now. What named records of the first org (the chosen person, a case made during the chat,
   * lookups the agent set) is left behind; the chat itself and the agent's text go.
   */
  async adopt(id: string): Promise<OutboxEntry | undefined> {
    const [entry, org] = await Promise.all([this.deps.store.get(id), this.deps.org?.() ?? null]);
    if (!entry || !org || !this.elsewhere(entry, org)) return entry;
    const manual = entry.manual && { ...entry.manual, update: undefined, overrides: Object.fromEntries(Object.entries(entry.manual.overrides).filter(([f, v]) => !namesARecord(f, v))) };
    const next: OutboxEntry = {
      ...entry, orgId: org, choice: undefined, manual, fixes: undefined, plan: undefined, errors: undefined, duplicates: undefined, unknownOutcome: false,
      state: entry.state === 'waiting' ? 'waiting' : 'pending', nextAttemptAt: undefined, updatedAt: this.now(),
    };
    await this.deps.store.put(next);
    return next;
  }

  /** "Discard": the agent gives up a write that waits (planned for another org): it is forgotten, never sent. */
  async discard(id: string): Promise<boolean> {
    const entry = await this.deps.store.get(id);
    if (!entry || entry.state === 'done') return false;
    await this.deps.store.delete(id);
    return true;
  }

  /** A pending entry goes at the next drain instead of waiting out its backoff ("Try now"). */
  private async hurry(entry: OutboxEntry): Promise<OutboxEntry> {
    // Paused for the API limit: the next drain asks once whether usage allows, instead of waiting.
    if ((await this.deps.pause.get()) > this.now()) await this.deps.pause.set(this.now());
    const next = { ...entry, nextAttemptAt: undefined };
    await this.deps.store.put(next);
    return next;
  }

  /** Every pending entry goes at the next drain (Salesforce was just reconnected: the cause is gone). */
  async hurryAll(): Promise<void> {
    for (const entry of await this.deps.store.all()) if (entry.state === 'pending' && entry.nextAttemptAt && !this.inWrapUp(entry)) await this.hurry(entry);
  }

  /** When the next pending entry is due (for the retry alarm), or null when none waits. */
  async nextDue(): Promise<number | null> {
    const org = (await this.deps.org?.()) ?? null;
    // A write for another org waits for the agent, not for a time.
    const pending = (await this.entries()).filter((e) => e.state === 'pending' && !this.elsewhere(e, org));
    // A chat's later write waits for its first: only the first of each chat sets the time.
    const firsts = pending.filter((e, i) => pending.findIndex((o) => o.chatKey === e.chatKey) === i);
    if (!firsts.length) return null;
    return Math.max(await this.deps.pause.get(), Math.min(...firsts.map((e) => e.nextAttemptAt ?? 0)));
  }

  /**
   * Sends every pending entry that is due, oldest first, several chats at a time. A chat's
   * entries keep their order (a later one waits while an earlier one is pending); one chat failing
   * never holds up another. Over the org's API limit, nothing is sent until usage allows. When
   * Salesforce answers again, entries still waiting out a backoff go at once.
   */
  drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      // Its loop takes what was just stored; asked after that loop ended (while it checks resends), one more drain does.
      return this.draining.then(() => (this.again ? this.drain() : undefined));
    }
    this.draining = (async () => {
      do {
        this.again = false;
        if (!(await this.writesAllowed())) return;
        const org = (await this.deps.org?.()) ?? null;
        const pending = (await this.deps.store.all()).filter((e) => e.state === 'pending').sort((a, b) => a.createdAt - b.createdAt);
        const blocked = new Set<string>();
        const waiting: OutboxEntry[] = [];
        const chats = new Map<string, OutboxEntry[]>();
        for (const entry of pending) {
          if (blocked.has(entry.chatKey)) continue;
          // Planned for another org: never sent here until the agent says so (popup), and the chat's later writes wait with it.
          if (this.elsewhere(entry, org)) {
            blocked.add(entry.chatKey);
            continue;
          }
          // Not due: it waits, and so does every later write of its chat.
          if ((entry.nextAttemptAt ?? 0) > this.now()) {
            blocked.add(entry.chatKey);
            if (!this.inWrapUp(entry)) waiting.push(entry);
            continue;
          }
          chats.set(entry.chatKey, [...(chats.get(entry.chatKey) ?? []), entry]);
        }
        let limited = false;
        let answered = false;
        const queue = [...chats.values()];
        /** One chat's entries in order, until one stays pending. */
        const sendOne = async () => {
          const chat = queue.shift();
          for (const entry of chat ?? []) {
            if (limited) return;
            const result = await this.attempt(org && !entry.orgId ? { ...entry, orgId: org } : entry);
            limited ||= !!result.limited;
            answered ||= result.state !== 'pending';
            if (result.state === 'pending') return;
          }
        };
        const sendChats = async () => {
          while (queue.length && !limited) await sendOne();
        };
        // The oldest chat goes alone first: only when Salesforce answers it do the others go
        // several at a time (an org that is down or over its limit gets one request, not six).
        await sendOne();
        // Salesforce answers: the waiting chats' visitors are looked up together, a few requests
        // for all of them (a failure here only means each plan asks for its own).
        if (answered && !limited && queue.length > 1) await this.deps.identifyAhead?.(queue.flat()).catch(() => undefined);
        await Promise.all(Array.from({ length: answered ? PARALLEL_CHATS : 1 }, sendChats));
        if (limited) return; // the org is over its API limit: stop asking
        // Salesforce answers again: what waits out a backoff from the outage need not wait longer.
        if (answered && waiting.length) {
          for (const entry of waiting) await this.deps.store.put({ ...entry, nextAttemptAt: undefined });
          this.again = true;
        }
      } while (this.again);
    })()
      .finally(() => this.checkResent())
      .finally(() => (this.draining = null));
    return this.draining;
  }

  private async checkResent(): Promise<void> {
    const written = this.written.splice(0);
    if (written.length) await this.deps.removeResent?.(written);
  }

  /** False while paused for the API limit; after the pause, one request says whether to go on. */
  private async writesAllowed(): Promise<boolean> {
    const until = await this.deps.pause.get();
    if (!until) return true;
    if (until > this.now()) return false;
    const allows = await this.deps.usageAllows().catch(() => false);
    await this.deps.pause.set(allows ? 0 : this.now() + LIMIT_PAUSE_MS);
    return allows;
  }

  /**
   * A written chat's write, once older than `keepMs`, keeps only what sending it exactly once and
   * the popup need: its id (a chat's end heard again is not written again), state, record ids,
   * steps' objects and times. The chat (visitor, transcript), the values sent and the agent's own
   * go. Returns how many were trimmed.
   */
  async trimWritten(keepMs: number): Promise<number> {
    let trimmed = 0;
    for (const entry of await this.deps.store.all()) {
      if (entry.state !== 'done' || entry.trimmed || entry.updatedAt > this.now() - keepMs) continue;
      const { snapshot, plan, manual, fixes: _fixes, wrapUp: _wrapUp, choice: _choice, errors: _errors, duplicates: _duplicates, lastError: _lastError, ...kept } = entry;
      await this.deps.store.put({
        ...kept,
        trimmed: true,
        snapshot: emptySnapshot(snapshot.chatId, snapshot.console, snapshot.state),
        ...(manual ? { manual: { action: manual.action, overrides: {} } } : {}),
        ...(plan ? { plan: { ...plan, steps: plan.steps.map(({ ref, object, method, id }) => ({ ref, object, method, ...(id ? { id } : {}), values: {} })), skipped: [] } } : {}),
      });
      trimmed++;
    }
    return trimmed;
  }

  /** Forgets every write, sent or not ("Disconnect and remove local data"); says how many there were and how many were not sent. */
  async clear(): Promise<{ writes: number; unsent: number }> {
    const [entries, aside] = await Promise.all([this.deps.store.all(), this.deps.store.quarantined()]);
    await this.deps.store.clear();
    // What was set aside was never sent either.
    return { writes: entries.length + aside.length, unsent: entries.filter((e) => e.state !== 'done').length + aside.length };
  }

  /** Stored entries this version could not read (set aside, never sent). */
  quarantined() {
    return this.deps.store.quarantined();
  }

  async entries(): Promise<OutboxEntry[]> {
    return (await this.deps.store.all()).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** One try at an entry: where it stands afterwards, and whether the org's API limit stopped it. */
  private async attempt(entry: OutboxEntry): Promise<{ state: OutboxEntry['state']; limited?: boolean }> {
    const save = async (patch: Partial<OutboxEntry>) => {
      const next = { ...entry, ...patch, updatedAt: this.now() };
      await this.deps.store.put(next);
      // The chat's panel hears of every attempt: done, needs attention, or pending until a time.
      if (patch.state) await this.deps.settled?.(next);
      return { state: next.state };
    };
    try {
      let plan = entry.plan;
      if (!plan) {
        const built = await this.deps.plan(entry);
        if (!built) return save({ state: 'done', ids: {} });
        plan = built;
        // The plan is durable before the request that carries it.
        entry = { ...entry, plan };
        await save({});
      }
      // Sent before without an answer (or by a worker or browser that died waiting for one):
      // written after all? Then it is done, and never sent twice.
      // (A plan of upserts is looked up by its chat key: sending it again would overwrite what an
      // agent changed on the record since.)
      const wasUnknown = !!entry.unknownOutcome;
      if (wasUnknown) {
        const ids = await this.deps.landed(plan);
        if (ids) return save({ state: 'done', ids, unknownOutcome: false, nextAttemptAt: undefined, lastError: undefined });
      }
      // In flight, durably, before the request: whoever finds it so (this worker after no answer,
      // a new one after this one died) asks Salesforce whether it landed before sending it again.
      entry = { ...entry, unknownOutcome: true };
      await save({});
      let outcome: PlanOutcome;
      try {
        outcome = await this.deps.send(plan);
        // The chat key field is gone since describe was read (allOrNone: nothing was written): plain creates then.
        if (outcome.state === 'refused' && plan.steps.some((s) => s.upsertBy) && lostChatKey(outcome.errors)) {
          await this.deps.metadataStale?.();
          plan = withoutUpserts(plan);
          entry = { ...entry, plan };
          await save({});
          // An earlier send whose answer was lost may have written it while the field was there.
          const landed = wasUnknown ? await this.deps.landed(plan) : null;
          if (landed) return save({ state: 'done', ids: landed, attempts: entry.attempts + 1, lastError: undefined, unknownOutcome: false, nextAttemptAt: undefined });
          outcome = await this.deps.send(plan);
        }
      } catch (raw) {
        // No answer at all (connection dropped, reset, timeout, 5xx): Salesforce may have committed
        // it. Any other answer (refused, session expired, over the limit) means nothing was written.
        const error = toSalesforceError(raw);
        if (!(error instanceof UnreachableError) || error.code === NOT_SENT) entry = { ...entry, unknownOutcome: false };
        throw raw;
      }
      if (outcome.state === 'done') {
        // Without the chat key field, the browser may have sent a create twice on its own: looked for at the drain's end.
        if (!isIdempotent(plan)) this.written.push({ plan, ids: outcome.ids });
        return save({ state: 'done', ids: outcome.ids, attempts: entry.attempts + 1, lastError: undefined, unknownOutcome: false, nextAttemptAt: undefined });
      }
      // A duplicate of this very chat's records is this plan, written by a request whose answer was
      // lost (or that the browser sent again on its own after a reset): it is done, not refused.
      const own = outcome.duplicates.length ? await this.deps.landed(plan) : null;
      if (own) return save({ state: 'done', ids: own, attempts: entry.attempts + 1, lastError: undefined, unknownOutcome: false, nextAttemptAt: undefined });
      return save({ state: 'needs_attention', errors: outcome.errors, duplicates: outcome.duplicates, attempts: entry.attempts + 1, unknownOutcome: false, nextAttemptAt: undefined });
    } catch (raw) {
      // Unsure who the visitor is: nothing is written; the agent picks one of them (as for a duplicate rule).
      if (raw instanceof UndecidedMatchError) {
        return save({
          state: 'needs_attention', attempts: entry.attempts + 1, lastError: raw.message, nextAttemptAt: undefined,
          errors: [{ ref: 'person', object: raw.candidates[0]!.type, code: UNDECIDED, message: raw.message, fields: [] }],
          duplicates: raw.candidates.map((c) => ({ ref: 'person', object: c.type, id: c.id, name: c.name })),
        });
      }
      if (raw instanceof NoAccountError) {
        return save({ state: 'needs_attention', attempts: entry.attempts + 1, lastError: raw.message, nextAttemptAt: undefined, errors: [{ ref: 'record', object: '', code: NO_ACCOUNT, message: raw.message, fields: [] }] });
      }
      const error = toSalesforceError(raw);
      const limited = error instanceof ApiLimitError;
      if (limited) await this.deps.pause.set(this.now() + LIMIT_PAUSE_MS);
      // Passing (network, 5xx, session, limit): pending, tried again after a backoff. Anything else: the agent sees it.
      const passing = failureKind(error) !== 'salesforce';
      const attempts = entry.attempts + 1;
      const saved = await save(
        passing
          ? { state: 'pending', attempts, lastError: error.message, nextAttemptAt: this.now() + backoffDelay(attempts, this.random) }
          : { state: 'needs_attention', attempts, lastError: error.message, errors: [{ ref: '', object: '', code: error.code, message: error.message, fields: error.fields }] },
      );
      return { ...saved, limited };
    }
  }
}
