import type { ChatSnapshot } from '../chat/snapshot';
import type { ActionPlan, Trigger } from '../plan/plan';
import type { PlanOutcome } from '../plan/requests';
import { failureKind, toSalesforceError } from '../salesforce/errors';
import type { OutboxEntry, OutboxStore } from './store';

/** The chat a write is for, whatever its trigger. */
const chatKeyOf = (snapshot: ChatSnapshot) => `${snapshot.console}:${snapshot.chatId}`;
/** One write per chat and trigger: the same chat ending twice is the same entry. */
const entryId = (snapshot: ChatSnapshot, trigger: OutboxEntry['trigger']) => `${chatKeyOf(snapshot)}:${trigger}`;

export type OutboxDeps = {
  store: OutboxStore;
  /** Builds the plan of an entry (identification, metadata): null when there is nothing to write. */
  plan: (entry: OutboxEntry) => Promise<ActionPlan | null>;
  /** Sends a plan as one allOrNone composite request. */
  send: (plan: ActionPlan) => Promise<PlanOutcome>;
  now?: () => number;
};

/**
 * The durable queue of chat writes. A chat end is stored before anything else happens; its plan
 * is stored before the request; a passing failure leaves it pending for the next drain; a
 * refusal Salesforce will repeat waits as "needs attention" with the reason on each field.
 */
export class Outbox {
  private draining: Promise<void> | null = null;
  private again = false;
  private readonly now: () => number;

  constructor(private readonly deps: OutboxDeps & { settled?: (entry: OutboxEntry) => void }) {
    this.now = deps.now ?? Date.now;
  }

  /** Stores a chat's write; a chat already written is never written again. */
  async enqueue(snapshot: ChatSnapshot, trigger: Trigger, choice?: OutboxEntry['choice'], tabId?: number): Promise<OutboxEntry> {
    const before = await this.deps.store.get(entryId(snapshot, trigger));
    if (before && (before.state === 'done' || before.plan)) return before;
    return this.store(snapshot, trigger, { choice: choice ?? before?.choice, tabId, state: 'pending' }, before);
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
    const entry: OutboxEntry = { id: entryId(snapshot, trigger), chatKey: chatKeyOf(snapshot), trigger, snapshot, attempts: 0, createdAt: before?.createdAt ?? at, updatedAt: at, ...fields };
    await this.deps.store.put(entry);
    return entry;
  }

  /** The chat ended: the agent's choice, if any, goes out with the final transcript. True when there was one. */
  async release(snapshot: ChatSnapshot, tabId?: number): Promise<boolean> {
    const entry = await this.deps.store.get(entryId(snapshot, 'manual'));
    if (!entry) return false;
    if (entry.state === 'waiting') await this.deps.store.put({ ...entry, snapshot, tabId: tabId ?? entry.tabId, state: 'pending', updatedAt: this.now() });
    return true;
  }

  /**
   * Sends a write that needed attention again, built anew: to the record the agent chose instead
   * (the one a duplicate rule pointed to), or as it was once the agent fixed the cause.
   */
  async retry(id: string, choice?: OutboxEntry['choice']): Promise<OutboxEntry | undefined> {
    const entry = await this.deps.store.get(id);
    if (!entry || entry.state !== 'needs_attention') return entry;
    const next: OutboxEntry = { ...entry, choice: choice ?? entry.choice, plan: undefined, errors: undefined, duplicates: undefined, state: 'pending', updatedAt: this.now() };
    await this.deps.store.put(next);
    return next;
  }

  /** Sends every pending entry, oldest first; one at a time (a chat's plans keep their order). */
  drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        const pending = (await this.deps.store.all()).filter((e) => e.state === 'pending').sort((a, b) => a.createdAt - b.createdAt);
        for (const entry of pending) await this.attempt(entry);
      } while (this.again);
    })().finally(() => (this.draining = null));
    return this.draining;
  }

  async entries(): Promise<OutboxEntry[]> {
    return (await this.deps.store.all()).sort((a, b) => a.createdAt - b.createdAt);
  }

  private async attempt(entry: OutboxEntry): Promise<void> {
    const save = async (patch: Partial<OutboxEntry>) => {
      const next = { ...entry, ...patch, updatedAt: this.now() };
      await this.deps.store.put(next);
      if (next.state !== 'pending') this.deps.settled?.(next);
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
      const outcome = await this.deps.send(plan);
      if (outcome.state === 'done') await save({ state: 'done', ids: outcome.ids, attempts: entry.attempts + 1, lastError: undefined });
      else await save({ state: 'needs_attention', errors: outcome.errors, duplicates: outcome.duplicates, attempts: entry.attempts + 1 });
    } catch (raw) {
      const error = toSalesforceError(raw);
      // Passing (network, 5xx, session, limit): pending, tried again later. Anything else: the agent sees it.
      const passing = failureKind(error) !== 'salesforce';
      await save({ state: passing ? 'pending' : 'needs_attention', attempts: entry.attempts + 1, lastError: error.message, ...(passing ? {} : { errors: [{ ref: '', object: '', code: error.code, message: error.message, fields: error.fields }] }) });
    }
  }
}
