import { openDB, type IDBPDatabase } from 'idb';
import type { ChatSnapshot } from '../chat/snapshot';
import type { ActionPlan, Fixes, Trigger } from '../plan/plan';
import type { Duplicate, StepError } from '../plan/requests';
import type { ManualActionName } from '../plan/actions';

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
  createdAt: number;
  updatedAt: number;
};

export type OutboxStore = {
  get: (id: string) => Promise<OutboxEntry | undefined>;
  put: (entry: OutboxEntry) => Promise<void>;
  all: () => Promise<OutboxEntry[]>;
  delete: (id: string) => Promise<void>;
};

export function memoryOutboxStore(): OutboxStore {
  const map = new Map<string, OutboxEntry>();
  return {
    get: async (id) => structuredClone(map.get(id)), put: async (e) => void map.set(e.id, structuredClone(e)), all: async () => [...map.values()].map((e) => structuredClone(e)),
    delete: async (id) => void map.delete(id),
  };
}

const DB = 'sf-panel';
const STORE = 'outbox';

/** The outbox in IndexedDB: it survives the worker stopping and the browser restarting. */
export function idbOutboxStore(): OutboxStore {
  let db: Promise<IDBPDatabase> | undefined;
  const open = () =>
    (db ??= openDB(DB, 1, {
      upgrade(database) {
        const store = database.createObjectStore(STORE, { keyPath: 'id' });
        store.createIndex('state', 'state');
      },
    }));
  return {
    get: async (id) => (await open()).get(STORE, id),
    // Committed to disk before it resolves ('strict'): the in-flight mark must outlive a SIGKILL.
    put: async (entry) => {
      const tx = (await open()).transaction(STORE, 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.put(entry), tx.done]);
    },
    all: async () => (await open()).getAll(STORE),
    delete: async (id) => (await open()).delete(STORE, id),
  };
}
