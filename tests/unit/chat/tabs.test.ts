import { describe, expect, it } from 'vitest';
import { type HealthStore, type KeptHealth } from '@/utils/chat/tabs';
import { Adapter } from '@/utils/adapters/schema';
import { demoAdapter } from '@/utils/adapters/demo';
import { ConsoleTabs } from '@/utils/chat/tabs';
import { emptySnapshot } from '@/utils/chat/snapshot';

const chat = (id: string, name?: string) => ({ ...emptySnapshot(id, 'demo'), visitor: name ? { name } : {} });

describe('ConsoleTabs: what each console tab shows, for its own panel frame only', () => {
  it('shows the latest snapshot an event brought, by chat id alone', () => {
    const tabs = new ConsoleTabs();
    tabs.record(1, chat('a', 'Ada'));
    tabs.record(1, chat('a', 'Ada Lovelace'));
    expect(tabs.activate(1, 'a')).toEqual({ known: true, snapshot: chat('a', 'Ada Lovelace') });
    expect(tabs.active(1)?.visitor.name).toBe('Ada Lovelace');
    // Another tab never sees it.
    expect(tabs.active(2)).toBeNull();
    expect(tabs.activate(2, 'a')).toEqual({ known: false, snapshot: null });
  });

  it('asks for the snapshot of a chat it never heard of (a worker that restarted), and takes it when given', () => {
    const tabs = new ConsoleTabs();
    expect(tabs.activate(1, 'b')).toEqual({ known: false, snapshot: null });
    expect(tabs.active(1)).toBeNull();
    expect(tabs.activate(1, 'b', chat('b', 'Grace'))).toEqual({ known: true, snapshot: chat('b', 'Grace') });
    // A snapshot of another chat than the one named is not taken as it.
    expect(tabs.activate(1, 'c', chat('b', 'Grace'))).toEqual({ known: false, snapshot: null });
    expect(tabs.active(1)?.chatId).toBe('b');
  });

  it('shows nothing when the console shows no chat, and forgets a closed tab', () => {
    const tabs = new ConsoleTabs();
    tabs.activate(1, 'a', chat('a'));
    expect(tabs.activate(1, null)).toEqual({ known: true, snapshot: null });
    expect(tabs.active(1)).toBeNull();
    tabs.activate(1, 'a');
    tabs.forget(1);
    expect(tabs.active(1)).toBeNull();
  });

  it('keeps at most 100 chats per tab, the oldest going first', () => {
    const tabs = new ConsoleTabs();
    for (let i = 0; i < 101; i++) tabs.record(1, chat(`c${i}`));
    expect(tabs.activate(1, 'c0').known).toBe(false);
    expect(tabs.activate(1, 'c1').known).toBe(true);
  });
});

describe("ConsoleTabs: a console's health across a worker restart", () => {
  it('a list lost after the worker restarted is still a list lost (the tracker goes on from storage.session)', async () => {
    const kept = new Map<number, KeptHealth>();
    const store: HealthStore = {
      get: async (tabId) => kept.get(tabId), set: async (tabId, k) => void kept.set(tabId, k), remove: async (tabId) => void kept.delete(tabId),
      all: async () => [...kept].map(([tabId, k]) => [tabId, k.health]),
    };
    const demo = Adapter.parse(demoAdapter);
    const adapterOf = async (name: string) => (name === 'demo' ? demo : undefined);
    const seen = { console: 'demo', list: true, listedActive: true, pane: true, active: 'c1', activeListed: true, messages: true };
    expect(await new ConsoleTabs(store).see(7, seen, adapterOf)).toMatchObject({ state: 'recognised' });
    // The worker stopped; a new one hears that the list no longer shows the open chat.
    const next = new ConsoleTabs(store);
    expect(await next.see(7, { ...seen, list: false, listedActive: false, activeListed: false }, adapterOf)).toMatchObject({ state: 'partly', failing: ['chats.item (.chat-list .chat-tab)'] });
    expect(await new ConsoleTabs(store).healthOf(7)).toMatchObject({ state: 'partly' });
    expect((await new ConsoleTabs(store).problems()).map((p) => p.tabId)).toEqual([7]);
    next.forget(7);
    await Promise.resolve();
    expect(kept.has(7)).toBe(false);
  });

  it('a console that never appeared on a page its URL matches is a problem (kept for the next worker), until its console is read there', async () => {
    const kept = new Map<number, KeptHealth>();
    const store: HealthStore = {
      get: async (tabId) => kept.get(tabId), set: async (tabId, k) => void kept.set(tabId, k), remove: async (tabId) => void kept.delete(tabId),
      all: async () => [...kept].map(([tabId, k]) => [tabId, k.health]),
    };
    const undetected = { state: 'not_recognised' as const, failing: ['detect ([data-demo-console])'], console: 'Demo console' };
    await new ConsoleTabs(store).judged(3, undetected);
    expect(await new ConsoleTabs(store).problems()).toEqual([{ tabId: 3, health: undetected }]);
    // The page reloads and the console is there: the watcher's judgement replaces it.
    const demo = Adapter.parse(demoAdapter);
    const seen = { console: 'demo', list: true, listedActive: true, pane: true, active: 'c1', activeListed: true, messages: true };
    expect(await new ConsoleTabs(store).see(3, seen, async () => demo)).toMatchObject({ state: 'recognised' });
    expect(await new ConsoleTabs(store).problems()).toEqual([]);
  });
});
