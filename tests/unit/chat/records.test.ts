import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { chatCases, chatFixes, chatRecords, KEEP_MS, pruneChats } from '@/utils/chat/records';

describe('chatRecords: the record the agent chose, per chat', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps a choice per chat, replaces it, and forgets it when the agent undoes it', async () => {
    const records = chatRecords();
    await records.set('demo:1', { type: 'Contact', id: '003000000000001AAA', name: 'Pat Morgan' }, 10);
    await records.set('demo:2', { type: 'Lead', id: '00Q000000000001AAA', name: 'Chloé Dubois' }, 10);
    await records.set('demo:1', { type: 'Contact', id: '003000000000002AAA', name: 'Pat Morgan-Lee' }, 20);
    expect(await records.get('demo:1')).toEqual({ type: 'Contact', id: '003000000000002AAA', name: 'Pat Morgan-Lee', at: 20 });
    // Another instance (a new worker) reads the same.
    expect((await chatRecords().get('demo:2'))?.name).toBe('Chloé Dubois');
    await records.set('demo:1', null);
    expect(await records.get('demo:1')).toBeNull();
  });

  it('forgets choices, corrections and attached cases older than a week, and nothing else in storage', async () => {
    const records = chatRecords();
    const fixes = chatFixes();
    await fakeBrowser.storage.local.set({ settings: { x: 1 } });
    await records.set('demo:old', { type: 'Contact', id: '003000000000001AAA', name: 'Old' }, 0);
    await records.set('demo:new', { type: 'Contact', id: '003000000000002AAA', name: 'New' }, KEEP_MS);
    await fixes.set('demo:old', { fixes: { person: { Email: 'a@example.com' } } }, 0);
    await fixes.set('demo:new', { fixes: { person: { Email: 'b@example.com' } } }, KEEP_MS);
    await chatCases().set('demo:old', { id: '500000000000001AAA', number: '00001001' }, 0);
    await chatCases().set('demo:new', { id: '500000000000002AAA', number: '00001002' }, 10);
    await pruneChats(undefined, KEEP_MS + 1);
    expect(await chatCases().get('demo:old')).toBeNull();
    expect(await chatCases().get('demo:new')).toMatchObject({ number: '00001002' });
    expect(await records.get('demo:old')).toBeNull();
    expect(await records.get('demo:new')).not.toBeNull();
    expect(await fixes.get('demo:old')).toBeNull();
    expect(await fixes.get('demo:new')).not.toBeNull();
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({ x: 1 });
  });
});
