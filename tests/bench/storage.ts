import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { Outbox } from '@/utils/outbox/outbox';
import { idbOutboxStore, type OutboxEntry } from '@/utils/outbox/store';

const CHATS = 1_000;
const DAY = 86_400_000;

/**
 * `storage.bytes_per_chat`: what the outbox keeps per chat after 1,000 chats were written and the
 * days an admin keeps them have passed (`.untrimmed`: before). Each chat is the written chat
 * 0.1.0 stored in Chromium (tests/unit/outbox/fixtures), given a 40-message transcript and its own id.
 */
export async function measureStorage(): Promise<Record<string, number>> {
  const fixture = JSON.parse(readFileSync(new URL('../unit/outbox/fixtures/outbox-0.1.0.json', import.meta.url), 'utf8')) as { outbox: OutboxEntry[] };
  const written = fixture.outbox.find((e) => e.state === 'done')!;
  const transcript = Array.from({ length: 40 }, (_, i) => ({ role: i % 2 ? 'agent' as const : 'visitor' as const, author: i % 2 ? 'Ana Agent' : written.snapshot.visitor.name, text: `Message ${i}: about my order #${10_000 + i}, which has not arrived yet.`, time: '12:00' }));
  const store = idbOutboxStore();
  const now = { at: Date.now() };
  for (let i = 0; i < CHATS; i++) {
    const chatId = `bench-${i}`;
    await store.put({ ...written, id: `demo:${chatId}:ended`, chatKey: `demo:${chatId}`, snapshot: { ...written.snapshot, chatId, transcript }, createdAt: now.at, updatedAt: now.at });
  }
  const bytes = async () => (await store.all()).reduce((sum, e) => sum + JSON.stringify(e).length, 0) / CHATS;
  const untrimmed = await bytes();
  const outbox = new Outbox({
    store, plan: async () => null, send: async () => ({ state: 'done', ids: {} }), landed: async () => null, usageAllows: async () => true,
    pause: { get: async () => 0, set: async () => undefined }, now: () => now.at + 2 * DAY,
  });
  await outbox.trimWritten(DAY);
  return { 'storage.bytes_per_chat': Math.round(await bytes()), 'storage.bytes_per_chat.untrimmed': Math.round(untrimmed) };
}
