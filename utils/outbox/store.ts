import { openDB, type IDBPDatabase } from 'idb';
import type { ChatSnapshot } from '../chat/snapshot';
import type { ActionPlan, Fixes, Trigger } from '../plan/plan';
import type { Duplicate, StepError } from '../plan/requests';
import type { ManualActionName } from '../plan/actions';
import { OUTBOX_VERSION, readStored, storedIdOf, toStored, type Quarantined } from './stored';

/**
 * One chat's write, from the moment the chat ended: the chat itself first (so nothing is lost
 * even before Salesforce can be asked), then the plan built from it, then the outcome.
 */
export type OutboxEntry = {
  id: string;
  chatKey: string;
  trigger: Trigger | 'manual';
  snapshot: ChatSnapshot;
  /** The record the agent picked for this chat, if they did. */
  choice?: { type: 'Contact' | 'Lead' | 'Account'; id: string };
  /** The agent's own choice in the panel (seed 000's four options, or attach): it replaces the automatic action. */
  manual?: {
    action: ManualActionName;
    overrides: Record<string, string | number | boolean | null>;
    /** The case created during the chat: the write at its end updates it with the whole chat. */
    update?: { object: 'Case' | 'Task'; id: string };
  };
  /** Values the agent corrected after Salesforce refused them, per plan step (ref → field → value). */
  fixes?: Fixes;
  /**
   * The agent's wrap-up after the chat ended: the write waits until `until` (then goes as it is),
   * or until the agent is done (until 0) with a disposition and notes.
   */
  wrapUp?: { until: number; disposition?: string; notes?: string };
  /** The tab whose panel is told how the write went. */
  tabId?: number;
  /** The Salesforce org (Organization Id) the chat's write is for: connected to another, it waits for the agent to say. */
  orgId?: string;
  plan?: ActionPlan;
  /** waiting: chosen by the agent, written when the chat ends. */
  state: 'waiting' | 'pending' | 'done' | 'needs_attention';
  attempts: number;
  /** Why the last attempt did not land (passing failures: it will be tried again). */
  lastError?: string;
  /** A pending entry is not sent before this time (backoff after a passing failure). */
  nextAttemptAt?: number;
  /** The plan was sent and no answer came: Salesforce may have written it. Checked before sending again. */
  unknownOutcome?: boolean;
  errors?: StepError[];
  duplicates?: Duplicate[];
  ids?: Record<string, string>;
  /** Written, and kept past the days set: the chat and the values sent were removed, its ids and times kept. */
  trimmed?: boolean;
  createdAt: number;
  updatedAt: number;
};

export type OutboxStore = {
  get: (id: string) => Promise<OutboxEntry | undefined>;
  put: (entry: OutboxEntry) => Promise<void>;
  all: () => Promise<OutboxEntry[]>;
  delete: (id: string) => Promise<void>;
  /** Entries this version could not read: set aside, never sent, shown to the agent. */
  quarantined: () => Promise<Quarantined[]>;
  /** Everything, the quarantine included ("Disconnect and remove local data"). */
  clear: () => Promise<void>;
};

export function memoryOutboxStore(): OutboxStore {
  const map = new Map<string, OutboxEntry>();
  return {
    get: async (id) => structuredClone(map.get(id)), put: async (e) => void map.set(e.id, structuredClone(e)), all: async () => [...map.values()].map((e) => structuredClone(e)),
    delete: async (id) => void map.delete(id),
    quarantined: async () => [],
    clear: async () => map.clear(),
  };
}

const DB = 'sf-panel';
const STORE = 'outbox';
const QUARANTINE = 'quarantine';

/**
 * The outbox in IndexedDB: it survives the worker stopping, the browser restarting and an update.
 * The database upgrades one version at a time; each entry is read through its stored shape
 * (stored.ts), and one this version cannot read is moved to the quarantine with the reason.
 */
export function idbOutboxStore(): OutboxStore {
  let db: Promise<IDBPDatabase> | undefined;
  /** Entries known good at their updatedAt (written or read by this worker): not parsed again. */
  const checked = new Map<string, number>();
  const open = () =>
    (db ??= openDB(DB, 2, {
      upgrade(database, from) {
        if (from < 1) database.createObjectStore(STORE, { keyPath: 'id' }).createIndex('state', 'state');
        if (from < 2) database.createObjectStore(QUARANTINE, { autoIncrement: true });
      },
    }));
  /** The entries of `raws` this version can read; the others are moved to the quarantine. */
  async function readable(raws: unknown[]): Promise<OutboxEntry[]> {
    const good: OutboxEntry[] = [];
    const bad: Quarantined[] = [];
    for (const raw of raws) {
      const known = raw as Partial<OutboxEntry> & { v?: unknown };
      if (known.v === OUTBOX_VERSION && typeof known.id === 'string' && checked.get(known.id) === known.updatedAt) {
        const { v: _v, ...entry } = known;
        good.push(entry as OutboxEntry);
        continue;
      }
      const read = readStored(raw);
      if ('entry' in read) {
        checked.set(read.entry.id, read.entry.updatedAt);
        good.push(read.entry);
      } else bad.push({ raw, reason: read.reason, at: Date.now() });
    }
    if (bad.length) {
      const tx = (await open()).transaction([STORE, QUARANTINE], 'readwrite', { durability: 'strict' });
      for (const { raw, reason, at } of bad) {
        await tx.objectStore(QUARANTINE).add({ raw, reason, at });
        const id = storedIdOf(raw);
        if (id !== null) await tx.objectStore(STORE).delete(id);
      }
      await tx.done;
      console.warn(`outbox: ${bad.length} stored write(s) could not be read and were set aside`, bad.map((b) => b.reason));
    }
    return good;
  }
  return {
    get: async (id) => (await readable([await (await open()).get(STORE, id)].filter((raw) => raw !== undefined)))[0],
    // Committed to disk before it resolves ('strict'): the in-flight mark must outlive a SIGKILL.
    put: async (entry) => {
      const tx = (await open()).transaction(STORE, 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.put(toStored(entry)), tx.done]);
      checked.set(entry.id, entry.updatedAt);
    },
    all: async () => readable(await (await open()).getAll(STORE)),
    delete: async (id) => {
      checked.delete(id);
      await (await open()).delete(STORE, id);
    },
    quarantined: async () => (await open()).getAll(QUARANTINE),
    clear: async () => {
      const tx = (await open()).transaction([STORE, QUARANTINE], 'readwrite', { durability: 'strict' });
      await Promise.all([tx.objectStore(STORE).clear(), tx.objectStore(QUARANTINE).clear(), tx.done]);
      checked.clear();
    },
  };
}
