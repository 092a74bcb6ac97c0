import type { ChatEvent } from './snapshot';

export type JournalEntry = { type: ChatEvent['type']; chatId: string; console: string; at: number; snapshot: ChatEvent['snapshot']; messages: number };

/** Messages kept per entry: enough to look back at what happened, never a whole long chat again and again. */
const MESSAGES_KEPT = 20;
/** The journal's size in characters of message text, about: a long day of long chats stays far below the worker's memory. */
const TEXT_BUDGET = 4_000_000;

/**
 * The chat events the background received, newest last, bounded by count and by size. In
 * memory, for looking back (diagnostics, tests): the outbox stores what must not be lost.
 */
export class ChatJournal {
  private readonly entries: { entry: JournalEntry; size: number }[] = [];
  private size = 0;
  constructor(private readonly max = 500, private readonly budget = TEXT_BUDGET) {}

  add(event: ChatEvent, at = Date.now()): void {
    const { snapshot } = event;
    const kept = snapshot.transcript.slice(-MESSAGES_KEPT);
    const size = 1_000 + kept.reduce((sum, m) => sum + m.text.length + (m.author?.length ?? 0), 0);
    const entry = { type: event.type, chatId: snapshot.chatId, console: snapshot.console, at, snapshot: { ...snapshot, transcript: kept }, messages: snapshot.transcript.length };
    this.entries.push({ entry, size });
    this.size += size;
    while (this.entries.length > this.max || (this.size > this.budget && this.entries.length > 1)) this.size -= this.entries.shift()!.size;
  }

  recent(limit: number): JournalEntry[] {
    return this.entries.slice(-limit).map((e) => e.entry);
  }
}
