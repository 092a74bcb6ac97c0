import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Outbox } from '@/utils/outbox/outbox';
import { idbOutboxStore, type OutboxEntry } from '@/utils/outbox/store';
import { OUTBOX_VERSION, readStored } from '@/utils/outbox/stored';
import { validSettings } from '@/utils/settings/schema';

const FIXTURES = join(import.meta.dirname, 'fixtures');
type Fixture = { version: string; databaseVersion: number; outbox: Record<string, unknown>[]; local: Record<string, unknown> };
/** What each released version stored, captured from it running in Chromium (fixtures/capture.ts). */
const released = readdirSync(FIXTURES).filter((f) => /^outbox-.*\.json$/.test(f)).map((f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Fixture);

/** The extension's database as a released version left it: its version, its stores, its rows as stored. */
async function storedBy(databaseVersion: number, rows: unknown[]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('sf-panel', databaseVersion);
    open.onupgradeneeded = () => open.result.createObjectStore('outbox', { keyPath: 'id' }).createIndex('state', 'state');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tx = db.transaction('outbox', 'readwrite');
  for (const row of rows) tx.objectStore('outbox').put(row);
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

/** The rows of the outbox as stored, without reading them through the store. */
async function rawRows(): Promise<Record<string, unknown>[]> {
  const db = await new Promise<IDBDatabase>((resolve) => {
    const open = indexedDB.open('sf-panel');
    open.onsuccess = () => resolve(open.result);
  });
  const rows = await new Promise<Record<string, unknown>[]>((resolve) => {
    const all = db.transaction('outbox').objectStore('outbox').getAll();
    all.onsuccess = () => resolve(all.result);
  });
  db.close();
  return rows;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('stored writes across versions', () => {
  it('has a capture of at least one released version', () => {
    expect(released.map((f) => f.version)).toContain('0.1.0');
    expect(released.flatMap((f) => f.outbox.map((e) => e.state)).sort()).toEqual(expect.arrayContaining(['done', 'needs_attention', 'pending']));
  });

  for (const fixture of released) {
    it(`reads everything ${fixture.version} stored: each write as it was, the waiting one sent once, the settings valid`, async () => {
      await storedBy(fixture.databaseVersion, fixture.outbox);
      const store = idbOutboxStore();
      const entries = await store.all();
      expect(await store.quarantined()).toEqual([]);
      expect(entries.map((e) => [e.id, e.state, e.snapshot.transcript.length])).toEqual(fixture.outbox.map((e) => [e.id, e.state, (e.snapshot as OutboxEntry['snapshot']).transcript.length]));
      // The outbox of this version drains it: the write waiting out the outage goes once; nothing else is sent again.
      const sent: string[] = [];
      const outbox = new Outbox({
        store,
        plan: async (entry) => ({ id: entry.id, chatKey: entry.chatKey, chatId: entry.snapshot.chatId, trigger: 'ended', action: 'contactCase', steps: [], skipped: [], createdAt: 1 }),
        send: async (plan) => (sent.push(plan.chatId), { state: 'done', ids: { record: '500000000000001AAA' } }),
        landed: async () => null,
        usageAllows: async () => true,
        pause: { get: async () => 0, set: async () => undefined },
        now: () => Date.now() + 24 * 3_600_000,
      });
      await outbox.drain();
      await outbox.drain();
      const pending = fixture.outbox.filter((e) => e.state === 'pending').map((e) => (e.snapshot as OutboxEntry['snapshot']).chatId);
      expect(sent).toEqual(pending);
      expect((await store.all()).map((e) => e.state).sort()).toEqual(fixture.outbox.map((e) => (e.state === 'pending' ? 'done' : e.state)).sort());
      // Stored again in this version's shape.
      expect((await rawRows()).every((row) => row.v === OUTBOX_VERSION)).toBe(false);
      expect((await rawRows()).filter((row) => row.v === OUTBOX_VERSION).map((row) => row.id)).toEqual(fixture.outbox.filter((e) => e.state === 'pending').map((e) => e.id));
      expect(validSettings(fixture.local.settings, 'local').problems).toEqual([]);
    });
  }

  it('sets aside, with why, a write this version cannot read, and reads the rest; nothing is dropped or sent', async () => {
    const good = released[0]!.outbox.find((e) => e.state === 'pending')!;
    const rows = [
      good,
      { ...good, id: 'broken-state', state: 'sending-maybe' },
      { ...good, id: 'from-the-future', v: OUTBOX_VERSION + 1 },
      { ...good, id: 'no-chat', snapshot: undefined },
    ];
    await storedBy(1, rows);
    const store = idbOutboxStore();
    expect((await store.all()).map((e) => e.id)).toEqual([good.id]);
    const aside = await store.quarantined();
    expect(aside.map((q) => [(q.raw as { id: string }).id, q.reason])).toEqual([
      ['broken-state', expect.stringMatching(/^state: /)],
      ['from-the-future', expect.stringContaining('newer version')],
      ['no-chat', expect.stringMatching(/^snapshot: /)],
    ]);
    // Moved, not copied: reading again sets nothing more aside, and the raw rows are whole in the quarantine.
    expect((await store.all()).map((e) => e.id)).toEqual([good.id]);
    expect(await store.quarantined()).toHaveLength(3);
    expect((await rawRows()).map((row) => row.id)).toEqual([good.id]);
    expect(aside[0]!.raw).toEqual(rows[1]);
    expect(readStored('not an entry')).toEqual({ reason: 'not an outbox entry' });
  });

  it('does not write again on its own a chat whose earlier write was set aside unread: the agent decides', async () => {
    const written = released[0]!.outbox.find((e) => e.state === 'done')!;
    await storedBy(1, [{ ...written, v: OUTBOX_VERSION + 1 }]); // written by a newer version, then the extension went back
    const store = idbOutboxStore();
    const sent: string[] = [];
    const outbox = new Outbox({
      store, plan: async () => null, send: async (plan) => (sent.push(plan.chatId), { state: 'done', ids: {} }), landed: async () => null,
      usageAllows: async () => true, pause: { get: async () => 0, set: async () => undefined },
    });
    expect(await store.all()).toEqual([]); // set aside
    const again = await outbox.enqueue(written.snapshot as OutboxEntry['snapshot'], 'ended');
    expect(again).toMatchObject({ state: 'needs_attention', lastError: expect.stringContaining('set aside unread') });
    await outbox.drain();
    expect(sent).toEqual([]);
  });
});
