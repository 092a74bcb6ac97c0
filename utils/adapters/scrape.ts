import { FIELD_MAX, MESSAGE_MAX, TRANSCRIPT_MAX, emptySnapshot, type ChatSnapshot, type Message } from '../chat/snapshot';
import { cleanField, cleanMessage, isMasked } from '../chat/text';
import { query, queryAll, read } from './dom';
import type { Adapter, Pairs } from './schema';

type Scope = Document | Element;

/** Canonical keys for labels consoles print ("Time zone" → timeZone, "E-mail" → email). */
const CANONICAL: Record<string, Record<string, string>> = {
  visitor: { name: 'name', email: 'email', emailaddress: 'email', phone: 'phone', phonenumber: 'phone', telephone: 'phone', mobile: 'phone', company: 'company', organization: 'company', organisation: 'company', visits: 'visits', chats: 'chats' },
  session: {
    ip: 'ip', ipaddress: 'ip', country: 'country', region: 'region', state: 'region', city: 'city', browser: 'browser', os: 'os',
    operatingsystem: 'os', language: 'language', timezone: 'timeZone', referrer: 'referrer', referer: 'referrer', landingpage: 'landingPage',
    currentpage: 'currentPage', searchengine: 'searchEngine', searchkeywords: 'searchKeywords', keywords: 'searchKeywords',
    screenresolution: 'screenResolution', resolution: 'screenResolution',
  },
};
const fold = (label: string) => label.toLowerCase().replace(/[^a-z0-9]/g, '');

export function keyFor(group: string, label: string): string | null {
  const clean = cleanField(label, 200)?.replace(/:$/, '').trim();
  if (!clean) return null;
  return CANONICAL[group]?.[fold(clean)] ?? clean;
}

/** Reads a label/value list into [label, value] pairs. */
export function readPairs(doc: Scope, pairs: Pairs): [string, string][] {
  const out: [string, string][] = [];
  if (pairs.kind === 'dl') {
    for (const dl of queryAll(doc, pairs.selector)) {
      for (const dt of Array.from(dl.querySelectorAll('dt'))) {
        const dd = dt.nextElementSibling;
        if (dd?.tagName === 'DD') out.push([dt.textContent ?? '', dd.textContent ?? '']);
      }
    }
  } else if (pairs.kind === 'rows') {
    for (const row of queryAll(doc, pairs.row)) out.push([read(row, pairs.label) ?? '', read(row, pairs.value) ?? '']);
  } else {
    for (const row of queryAll(doc, pairs.row)) {
      const text = row.textContent ?? '';
      const at = text.indexOf(pairs.separator);
      if (at > 0) out.push([text.slice(0, at), text.slice(at + pairs.separator.length)]);
    }
  }
  return out;
}

export function readChatId(adapter: Adapter, doc: Document, url: string): string | null {
  const pane = query(doc, adapter.pane.root);
  if (!pane) return null;
  const raw = adapter.pane.url ? (new RegExp(adapter.pane.url).exec(url)?.slice(1).find(Boolean) ?? null) : read(pane, adapter.pane.id!);
  return cleanField(raw, 200) ?? null;
}

/** The ids (and names) of the open chats in the console's list, in order. */
export function readChatList(adapter: Adapter, doc: Document): { id: string; name?: string; active: boolean }[] {
  if (!adapter.chats) return [];
  const { item, id, name, active } = adapter.chats;
  const out: { id: string; name?: string; active: boolean }[] = [];
  for (const el of queryAll(doc, item)) {
    const chatId = cleanField(read(el, id), 200);
    if (chatId) out.push({ id: chatId, name: name ? cleanField(read(el, name), FIELD_MAX) : undefined, active: el.matches(active) });
  }
  return out;
}

/** Per message element, the raw text it had and the message it was read as. */
export type MessageCache = WeakMap<Element, { raw: string | null; message: Message }>;

/** Where the last read left the transcript: its last message element (a batch that only adds after it reads only what it adds). */
export type TranscriptEnd = { last: Element | null };

/** A message element as a message: from the cache unless it is new or its text changed. */
function messageOf(t: Adapter['transcript'], node: Element, cache: MessageCache, reread: boolean): Message {
  let entry = cache.get(node);
  const raw = entry && !reread ? entry.raw : read(node, t.text);
  if (!entry || entry.raw !== raw) {
    // System first: consoles often mark a system message like a visitor's (not own).
    const role = t.role.system && node.matches(t.role.system) ? 'system' : t.role.agent && node.matches(t.role.agent) ? 'agent' : 'visitor';
    const note = !!t.note && node.matches(t.note);
    entry = {
      raw,
      message: {
        ...(note ? { note } : {}),
        id: t.id ? cleanField(read(node, t.id), 200) : undefined,
        role,
        author: t.author ? cleanField(read(node, t.author), 200) : undefined,
        text: cleanMessage(raw, MESSAGE_MAX),
        time: t.time ? cleanField(read(node, t.time), 100) : undefined,
      },
    };
    cache.set(node, entry);
  }
  return entry.message;
}

/** Adds a message to the transcript being read: a message grouped under the one before (no header of its own) is by the same author. */
function place(t: Adapter['transcript'], out: Message[], message: Message): void {
  if (!message.text || (message.note && t.notes === 'leave-out')) return;
  const before = out.at(-1);
  out.push(!message.author && before?.author && before.role === message.role ? { ...message, author: before.author, ...(message.time ? {} : before.time ? { time: before.time } : {}) } : message);
}

/**
 * Reads the transcript, parsing only message nodes that are new or whose text changed. With
 * `changed` (what mutated since the last read), a message read before is taken from the cache
 * without reading its text again unless a change lies inside it.
 */
export function readTranscript(adapter: Adapter, pane: Element, cache: MessageCache, changed?: readonly Node[], end?: TranscriptEnd): Message[] {
  const t = adapter.transcript;
  const nodes = queryAll(pane, t.message);
  if (end) end.last = nodes.at(-1) ?? null;
  const start = Math.max(0, nodes.length - (TRANSCRIPT_MAX - 1));
  // Never dropped without a word: the transcript starts by saying what it does not hold.
  const out: Message[] = start ? [{ role: 'system', text: `[${start} earlier messages were not read: the chat has more than ${TRANSCRIPT_MAX - 1}]` }] : [];
  for (let i = start; i < nodes.length; i++) {
    const node = nodes[i]!;
    const reread = !changed || !cache.has(node) || changed.some((target) => node.contains(target));
    place(t, out, messageOf(t, node, cache, reread));
  }
  return out;
}

/**
 * The transcript after a batch that only added nodes: the messages read before, then those in the
 * added nodes, when every one of them comes after the last message read (a new message costs the
 * same however long the chat: the messages before are not walked again). Null when that is not
 * so (a message changed, one was added in the middle or removed): read the transcript whole.
 */
export function appendTranscript(adapter: Adapter, before: Message[], added: readonly Node[], cache: MessageCache, end: TranscriptEnd): Message[] | null {
  const t = adapter.transcript;
  if (!end.last?.isConnected || t.message.includes('>>>')) return null;
  const nodes: Element[] = [];
  for (const node of added) {
    // By node type, not instanceof: a pane inside a same-origin frame (`>>>`) has that frame's Element.
    const isElement = node.nodeType === Node.ELEMENT_NODE;
    const element = isElement ? (node as Element) : node.parentElement;
    // Something added inside a message: that message changed.
    const inside = element?.closest(t.message);
    if (inside && inside !== node) return null;
    if (!isElement) continue;
    if (inside) nodes.push(node as Element);
    else nodes.push(...Array.from((node as Element).querySelectorAll(t.message)));
  }
  if (before.length + nodes.length >= TRANSCRIPT_MAX) return null;
  let last = end.last;
  for (const node of nodes) {
    // Each after the one before it, the first after the last message read.
    if (!(last.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) || last.contains(node)) return null;
    last = node;
  }
  const out = [...before];
  for (const node of nodes) place(t, out, messageOf(t, node, cache, true));
  end.last = last;
  return out;
}

function put(snapshot: ChatSnapshot, key: string, raw: string | null | undefined): void {
  const value = cleanField(raw, FIELD_MAX);
  // Consoles print a placeholder for an empty value ("—", "---", "N/A"): that is no value.
  if (value === undefined || /^(?:[-–—]+|n\/?a)$/i.test(value)) return;
  const [group, name] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
  // A masked contact value ("j***@example.com") is useless for matching and misleading to store.
  if (/mail|phone|tel|mobile/i.test(name) && isMasked(value)) {
    if (!snapshot.masked.includes(key)) snapshot.masked.push(key);
    return;
  }
  const target = (snapshot as unknown as Record<string, Record<string, string>>)[group];
  if (target) target[name] = value;
}

/**
 * Reads the active chat into a snapshot. Pure DOM reading: no observers, no side effects.
 * With `since` (the same chat, read before, when only its transcript changed) the visitor,
 * session and other details are taken from it and only the transcript is read again: only the
 * nodes added, when the batch did nothing else (`added`, with where the last read ended).
 */
export function readActiveChat(adapter: Adapter, doc: Document, url: string, cache: MessageCache, since?: { reuse?: ChatSnapshot; changed?: readonly Node[]; added?: readonly Node[] | null; end?: TranscriptEnd }): ChatSnapshot | null {
  const pane = query(doc, adapter.pane.root);
  const chatId = readChatId(adapter, doc, url);
  if (!pane || !chatId) return null;
  const reuse = since?.reuse?.chatId === chatId ? since.reuse : undefined;
  let snapshot: ChatSnapshot;
  if (reuse) {
    snapshot = { ...reuse, state: 'active' };
  } else {
    snapshot = emptySnapshot(chatId, adapter.name);
    for (const [group, pairs] of Object.entries(adapter.lists)) {
      for (const [label, value] of readPairs(doc, pairs)) {
        const key = keyFor(group, label);
        if (key) put(snapshot, `${group}.${key}`, value);
      }
    }
    for (const [key, extract] of Object.entries(adapter.fields)) put(snapshot, key, read(doc, extract));
    for (const [key, extract] of Object.entries(adapter.agent ?? {})) if (extract) put(snapshot, `agent.${key}`, read(doc, extract));
  }
  const appended = reuse && since?.added && since.end ? appendTranscript(adapter, reuse.transcript, since.added, cache, since.end) : null;
  snapshot.transcript = appended ?? readTranscript(adapter, pane, cache, reuse ? since?.changed : undefined, since?.end);
  if (isEnded(adapter, pane)) snapshot.state = 'ended';
  return snapshot;
}

/** The elements that hold the messages: a change inside them changes the transcript only. */
export function transcriptContainers(adapter: Adapter, doc: Document): Element[] {
  const pane = query(doc, adapter.pane.root);
  if (!pane) return [];
  const parents = new Set<Element>();
  for (const node of queryAll(pane, adapter.transcript.message)) if (node.parentElement) parents.add(node.parentElement);
  return [...parents];
}

export function isEnded(adapter: Adapter, pane: Element): boolean {
  const { selector, text } = adapter.ended;
  const wanted = text?.toLowerCase();
  // Both: the console's own element saying so (its system message), never a visitor's words.
  if (selector && wanted) return queryAll(pane.ownerDocument, selector).some((el) => (el.textContent ?? '').toLowerCase().includes(wanted));
  if (selector) return !!query(pane.ownerDocument, selector);
  return !!wanted && (pane.textContent ?? '').toLowerCase().includes(wanted);
}

/** Offline messages listed by the console (an inbox), each as a snapshot in state "offline". */
export function readOffline(adapter: Adapter, doc: Document): ChatSnapshot[] {
  if (!adapter.offline) return [];
  const out: ChatSnapshot[] = [];
  for (const item of queryAll(doc, adapter.offline.item)) {
    const id = cleanField(read(item, adapter.offline.id), 200);
    if (!id) continue;
    const snapshot = emptySnapshot(id, adapter.name, 'offline');
    for (const [key, extract] of Object.entries(adapter.offline.fields)) put(snapshot, key, read(item, extract));
    out.push(snapshot);
  }
  return out;
}
