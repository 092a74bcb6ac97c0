import { describe, expect, it } from 'vitest';
import { HandedIds, idsIn, memoryHandedStore } from '@/utils/messages/handed';

describe('the ids handed to each tab', () => {
  it('finds the ids anywhere in an answer, and nothing that is not one', () => {
    const answer = { contacts: [{ id: '003A00000000001AAA', values: { AccountId: '001A00000000002' } }], ids: { record: '500A00000000003AAA' }, text: 'not an id at all', n: 3 };
    expect([...idsIn(answer)].sort()).toEqual(['001A00000000002', '003A00000000001AAA', '500A00000000003AAA']);
  });

  it('survives a worker restart through its store, and forgets a closed tab', async () => {
    const store = memoryHandedStore();
    await new HandedIds(store).hand(7, { id: '003A00000000001AAA' });
    const restarted = new HandedIds(store);
    expect(await restarted.unknown(7, ['003A00000000001AAA', '003A00000000002AAA'])).toEqual(['003A00000000002AAA']);
    restarted.forget(7);
    expect(await new HandedIds(store).unknown(7, ['003A00000000001AAA'])).toEqual(['003A00000000001AAA']);
  });

  it('stores only when something new was handed (most answers repeat what the panel already has)', async () => {
    const store = memoryHandedStore();
    let writes = 0;
    const counted = { ...store, set: async (key: string, ids: string[]) => (writes++, store.set(key, ids)) };
    const handed = new HandedIds(counted);
    await handed.hand(7, { id: '003A00000000001AAA' });
    await handed.hand(7, { again: '003A00000000001AAA' });
    await handed.hand(7, { none: 'x' });
    expect(writes).toBe(1);
  });
});
