import type { ChatEvent, ChatSnapshot } from '../chat/snapshot';
import { startsWith } from '../chat/delta';
import { emptySnapshot } from '../chat/snapshot';
import { innerScopes, query } from './dom';
import type { Adapter } from './schema';
import { readActiveChat, readChatList, readOffline, transcriptContainers, type MessageCache, type TranscriptEnd } from './scrape';
import type { ConsoleSeen } from '../messages/console-protocol';

export type WatcherOptions = {
  adapter: Adapter;
  doc: Document;
  /** `messagesOnly`: an update that brings new or changed messages and nothing else (the sender may hold it back a moment). */
  emit: (event: ChatEvent, messagesOnly: boolean) => void;
  /** The active chat changed (or its snapshot did): what the panel shows. */
  onActive?: (snapshot: ChatSnapshot | null) => void;
  signal: AbortSignal;
  /** Elements whose mutations are ours (the panel host) and must not wake the watcher. */
  ignore?: () => Element | null;
  /** Runs a callback in a task of its own, after the page's current one (tests step it by hand). */
  schedule?: (run: () => void) => void;
  onError?: (error: unknown) => void;
  /** Runs after each batch (the panel's mount is checked there: the console may have replaced its anchor). */
  afterBatch?: () => void;
  /** What the watcher sees of the console's parts (list, pane, messages), when that changed: its health is judged from it. */
  onSeen?: (seen: ConsoleSeen) => void;
  /** Records each batch as a User Timing measure "sf-panel:scrape" (npm run bench reads them). */
  profile?: boolean;
};

type Known = { snapshot: ChatSnapshot; key: string; ended: boolean };

/**
 * A chat's visitor, session, pre-chat and custom values stay once read: a console shows some only
 * while a side bar is open, and closing it does not make the visitor someone else. A value the
 * console now shows differently replaces the old one.
 */
function withKeptFields(now: ChatSnapshot, before: ChatSnapshot): ChatSnapshot {
  if (now === before) return now;
  // A value the console masks now is not brought back.
  // The same values (a batch that read only new messages) stay the same object: the change key is then reused.
  const kept = (group: 'visitor' | 'session' | 'preChat' | 'custom') => now[group] === before[group] ? now[group] : {
    ...Object.fromEntries(Object.entries(before[group]).filter(([k]) => !now.masked.includes(`${group}.${k}`))), ...now[group],
  };
  return { ...now, visitor: kept('visitor'), session: kept('session'), preChat: kept('preChat'), custom: kept('custom') };
}

/** A change key for everything but the transcript: cheap to compare, covers what the background cares about. */
function keyOf(s: ChatSnapshot): string {
  return JSON.stringify([s.state, s.visitor, s.masked, s.session, s.preChat, s.custom, s.chat, s.agent]);
}

/** Whether two snapshots hold the very same values besides their messages (nothing to compare, let alone serialise). */
const sameParts = (a: ChatSnapshot, b: ChatSnapshot) =>
  a.state === b.state && a.visitor === b.visitor && a.masked === b.masked && a.session === b.session && a.preChat === b.preChat && a.custom === b.custom && a.chat === b.chat && a.agent === b.agent;

/**
 * A task right after the current one, through a MessageChannel: unlike requestAnimationFrame it
 * runs in a hidden tab (a chat that ends while the agent is in another tab is seen at once), and
 * unlike setTimeout it is not clamped or throttled there.
 */
function nextTaskAfter(signal: AbortSignal): (run: () => void) => void {
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.splice(0).forEach((run) => run());
  signal.addEventListener('abort', () => channel.port1.close());
  return (run) => {
    queue.push(run);
    if (queue.length === 1) channel.port2.postMessage(null);
  };
}

/**
 * Watches one console page: one MutationObserver, the mutations of one page task read in one
 * batch, and only after something changed (no polling, no timers while idle). Emits started /
 * updated / ended / offline-message with a snapshot that changed. Never throws into the page.
 */
export function watchConsole({ adapter, doc, emit, onActive, signal, ignore, schedule, onError, onSeen, afterBatch, profile }: WatcherOptions): { flush: () => void } {
  let lastSeen = '';
  const known = new Map<string, Known>();
  const offlineSeen = new Set<string>();
  /** Chats the console's list has shown: only these can end by leaving it. */
  const listedOnce = new Set<string>();
  const cache: MessageCache = new WeakMap();
  const observed = new WeakSet<Node>();
  const nextBatch = schedule ?? nextTaskAfter(signal);
  let pending = false;
  let activeSnapshot: ChatSnapshot | undefined;
  let activeId: string | null = null;
  /** What mutated since the last batch; null when everything must be read again. */
  let changed: Node[] | null = null;
  /** The nodes added since the last batch, when nothing else changed; null otherwise. */
  let added: Node[] | null = null;
  /** Where the open chat's transcript ended at the last read. */
  const end: TranscriptEnd = { last: null };
  let containers: Element[] = [];
  let lastList: ReturnType<typeof readChatList> = [];
  let paneThere = false;
  /** How many children the list element has besides its chats (learnt while chats match). */
  let listBaseline = 0;
  const attributeFilter = watchedAttributes(adapter);
  const pierced = scopedSelectors(adapter);

  const observer = new MutationObserver((records) => {
    const own = ignore?.();
    const relevant = own ? records.filter((r) => own !== r.target && !own.contains(r.target)) : records;
    if (!relevant.length) return;
    if (changed && changed.length + relevant.length < 1000) changed.push(...relevant.map((r) => r.target));
    else changed = null;
    // Nodes added and nothing else (the usual new message): the batch reads only those.
    for (const r of relevant) {
      if (!added || r.type !== 'childList' || r.removedNodes.length || added.length + r.addedNodes.length > 1000) added = null;
      else added.push(...Array.from(r.addedNodes));
    }
    request();
  });
  const observe = (node: Node) => {
    if (observed.has(node)) return;
    observed.add(node);
    observer.observe(node, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter });
  };

  function request(everything = false) {
    if (everything) changed = added = null;
    if (pending || signal.aborted) return;
    pending = true;
    nextBatch(() => {
      pending = false;
      if (!signal.aborted) flush();
    });
  }

  // Events are sent after the batch, so reading the page is never held up by messaging.
  const outbox: [ChatEvent, boolean][] = [];
  const send = (event: ChatEvent, messagesOnly = false) => {
    if (!outbox.length) queueMicrotask(() => outbox.splice(0).forEach(([e, only]) => emit(e, only)));
    outbox.push([event, messagesOnly]);
  };

  /** Stores a chat's latest snapshot and says what happened to it, if anything did. */
  function remember(snapshot: ChatSnapshot) {
    const before = known.get(snapshot.chatId);
    // A new message in the open chat leaves the rest as it was: its key is the one before.
    const key = before && sameParts(before.snapshot, snapshot) ? before.key : keyOf(snapshot);
    if (before && before.key === key && before.snapshot.transcript.length === snapshot.transcript.length && startsWith(snapshot.transcript, before.snapshot.transcript)) return;
    const ended = snapshot.state === 'ended' || !!before?.ended;
    known.set(snapshot.chatId, { snapshot, key, ended });
    if (!before) {
      // A chat already closed when first seen (opened from the history, a page reloaded) did not
      // end now: its end may have been written long ago, so nothing is written for it automatically.
      send({ type: 'started', snapshot });
    } else if (ended && !before.ended) send({ type: 'ended', snapshot });
    else send({ type: 'updated', snapshot }, before.key === key);
  }

  function flush() {
    const started = profile ? performance.now() : 0;
    try {
      const url = doc.location?.href ?? '';
      // Most batches are a new message in the open chat: then only the transcript is read.
      const transcriptOnly = changed !== null && changed.length > 0 && changed.every((n) => containers.some((c) => c.contains(n)));
      const mutated = changed ?? [];
      const appended = added;
      changed = [];
      added = [];
      const list = transcriptOnly ? lastList : readChatList(adapter, doc);
      lastList = list;
      const previous = activeId ? known.get(activeId)?.snapshot : undefined;
      const active = readActiveChat(adapter, doc, url, cache, { end, ...(transcriptOnly ? { reuse: previous, changed: mutated, added: appended } : {}) });
      if (!transcriptOnly) containers = transcriptContainers(adapter, doc);
      // Chats listed but never shown yet: started, with what the list tells (their name).
      for (const item of list) {
        if (!known.has(item.id) && item.id !== active?.chatId) {
          const snapshot = emptySnapshot(item.id, adapter.name);
          if (item.name) snapshot.visitor.name = item.name;
          remember(snapshot);
        }
      }
      if (active) {
        const before = known.get(active.chatId);
        // A console may drop old messages from the DOM: keep what was read before.
        if (before && before.snapshot.transcript.length > active.transcript.length && active.transcript.length) {
          const firstId = active.transcript[0]!.id;
          const at = firstId ? before.snapshot.transcript.findIndex((m) => m.id === firstId) : -1;
          if (at > 0) active.transcript = [...before.snapshot.transcript.slice(0, at), ...active.transcript];
        }
        if (before?.ended) active.state = 'ended';
        remember(before ? withKeptFields(active, before.snapshot) : active);
      }
      // A chat that left the list has ended, but absence alone proves nothing: only a chat the list
      // showed before, gone from a list that is still there (the list's own element when the
      // adapter names it, else chats left in it: one that matches nothing may be a console this
      // adapter no longer recognises), and not still open in the pane.
      // A list element is read when its items match, or when it holds no more than what it held
      // besides chats (a dashboard tab): more children than that, none of them a chat the adapter
      // can read, is a list whose markup changed, not an empty one, and its chats did not end.
      const listElement = adapter.chats?.list ? query(doc, adapter.chats.list) : null;
      if (listElement && list.length && !transcriptOnly) listBaseline = nonChatChildren(listElement, adapter.chats!.item);
      const listThere = adapter.chats && (adapter.chats.list ? !!listElement && (list.length > 0 || listElement.childElementCount <= listBaseline) : list.length > 0);
      if (adapter.chats && listThere) {
        const listed = new Set(list.map((c) => c.id));
        for (const id of listed) listedOnce.add(id);
        for (const [id, entry] of known) {
          if (!listed.has(id) && listedOnce.has(id) && id !== active?.chatId && !entry.ended && entry.snapshot.state !== 'offline') {
            remember({ ...entry.snapshot, state: 'ended' });
          }
        }
      }
      if (onSeen) {
        // A batch of messages only: the list and pane are as the last batch found them.
        paneThere = !!active || (transcriptOnly ? paneThere : !!query(doc, adapter.pane.root));
        const seen: ConsoleSeen = {
          console: adapter.name, list: !!listThere, listedActive: list.some((c) => c.active), pane: paneThere,
          active: active?.chatId ?? null, activeListed: !!active && list.some((c) => c.id === active.chatId), messages: !!active?.transcript.length,
        };
        const key = JSON.stringify(seen);
        if (key !== lastSeen) onSeen(seen);
        lastSeen = key;
      }
      for (const message of transcriptOnly ? [] : readOffline(adapter, doc)) {
        if (offlineSeen.has(message.chatId)) continue;
        offlineSeen.add(message.chatId);
        send({ type: 'offline-message', snapshot: message });
      }
      const entry = active ? known.get(active.chatId) : undefined;
      activeId = entry?.snapshot.chatId ?? null;
      // A chat's snapshot is replaced only when it changed.
      if (entry?.snapshot !== activeSnapshot) {
        activeSnapshot = entry?.snapshot;
        onActive?.(entry?.snapshot ?? null);
      }
      for (const selector of pierced) for (const scope of innerScopes(doc, selector)) observe(scope);
      afterBatch?.();
    } catch (error) {
      onError?.(error);
    }
    if (profile) performance.measure('sf-panel:scrape', { start: started });
  }

  observe(doc);
  // Form controls change their value without a DOM mutation (e.g. the agent's status select).
  const onInput = () => request(true);
  doc.addEventListener('change', onInput, true);
  doc.addEventListener('input', onInput, true);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    doc.removeEventListener('change', onInput, true);
    doc.removeEventListener('input', onInput, true);
  });
  flush();
  return { flush: () => { changed = added = null; flush(); } };
}

/** The list element's children that hold no chat item (a dashboard tab, a heading). */
const nonChatChildren = (list: Element, item: string) => [...list.children].filter((child) => !child.matches(item) && !child.querySelector(item)).length;

function watchedAttributes(adapter: Adapter): string[] {
  const attrs = new Set(['class', 'hidden', 'href', 'value', 'data-state', 'aria-selected', 'open']);
  const visit = (value: unknown) => {
    if (value && typeof value === 'object') {
      const attr = (value as { attr?: unknown }).attr;
      if (typeof attr === 'string') attrs.add(attr);
      Object.values(value).forEach(visit);
    }
  };
  visit(adapter);
  return [...attrs];
}

function scopedSelectors(adapter: Adapter): string[] {
  const out: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string' && value.includes('>>>')) out.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(adapter);
  return out;
}
