import { describe, expect, it } from 'vitest';
import { ChatJournal } from '@/utils/chat/journal';
import { emptySnapshot } from '@/utils/chat/snapshot';

const long = (n: number) => ({ type: 'updated' as const, snapshot: { ...emptySnapshot(`c${n}`, 'demo'), transcript: Array.from({ length: 5_000 }, (_, i) => ({ role: 'visitor' as const, text: `${i} ${'x'.repeat(100)}` })) } });

describe('ChatJournal: bounded by count and by size', () => {
  it('keeps the last 20 messages of each event and how many the chat had', () => {
    const journal = new ChatJournal();
    journal.add(long(1), 5);
    const [entry] = journal.recent(1);
    expect(entry).toMatchObject({ chatId: 'c1', at: 5, messages: 5_000 });
    expect(entry!.snapshot.transcript).toHaveLength(20);
    expect(entry!.snapshot.transcript.at(-1)!.text).toMatch(/^4999 /);
  });

  it('drops the oldest events when their text passes the budget, and when there are too many', () => {
    const bySize = new ChatJournal(500, 10_000);
    for (let i = 0; i < 10; i++) bySize.add(long(i));
    expect(bySize.recent(500).map((e) => e.chatId)).toEqual(['c7', 'c8', 'c9']);
    const byCount = new ChatJournal(3);
    for (let i = 0; i < 5; i++) byCount.add({ type: 'started', snapshot: emptySnapshot(`k${i}`, 'demo') });
    expect(byCount.recent(10).map((e) => e.chatId)).toEqual(['k2', 'k3', 'k4']);
  });
});
