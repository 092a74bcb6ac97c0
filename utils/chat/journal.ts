import type { ChatEvent } from './snapshot';

export type JournalEntry = { type: ChatEvent['type']; chatId: string; console: string; at: number; snapshot: ChatEvent['snapshot'] };

/**
 * The chat events the background received, newest last, bounded. In memory: identification
 * and the durable outbox (later issues) act on events as they arrive; this is for looking back.
 */
export class ChatJournal {
  private readonly entries: JournalEntry[] = [];
  constructor(private readonly max = 500) {}

  add(event: ChatEvent, at = Date.now()): void {
    this.entries.push({ type: event.type, chatId: event.snapshot.chatId, console: event.snapshot.console, at, snapshot: event.snapshot });
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
  }

  recent(limit: number): JournalEntry[] {
    return this.entries.slice(-limit);
  }
}
