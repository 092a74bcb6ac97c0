import { describe, expect, it } from 'vitest';
import { emptySnapshot, type ChatSnapshot } from '@/utils/chat/snapshot';
import { chatKeyOf } from '@/utils/plan/plan';
import { consoleHandlers } from '@/entrypoints/background/handlers/console';
import { writeHandlers } from '@/entrypoints/background/handlers/writes';
import { consoleTab, panelIn, popup, useServices } from '../setup';

const ctx = useServices();
const chat = (chatId: string, state: ChatSnapshot['state'] = 'active'): ChatSnapshot => ({
  ...emptySnapshot(chatId, 'demo', state), visitor: { name: 'G. Hopper', email: 'g.hopper@personal.example' },
  transcript: [{ role: 'visitor', text: 'Hello, I wrote before from work' }],
});
const grace = () => ctx.org.emulator.org.lookup('Contact', 'Email', 'grace.hopper@example.com')[0]!;

describe("a chat's writes", () => {
  it("goes to the record the agent chose in the panel, not to whom the chat's e-mail would find", async () => {
    ctx.settings.local = { automation: { ended: { action: 'contactTask', strategy: 'none', noMatch: 'create' } } };
    const w = writeHandlers(ctx.services);
    // The chat as the panel has it: its console named with the page's host (the background sets it).
    const ref = { console: 'demo@demo.example', chatId: 'c1' };
    expect(await w['chat.record']({ ...ref, record: { type: 'Contact', id: grace().Id as string, name: 'Grace Hopper' } }, panelIn(7))).toEqual({ stored: true });
    await consoleHandlers(ctx.services)['chat.event']({ type: 'ended', snapshot: chat('c1', 'ended') }, consoleTab(7, 'https://demo.example/console'));
    await ctx.sent();
    const [item] = await w['outbox.list']({ chatId: 'c1' }, popup);
    expect(item).toMatchObject({ state: 'done' });
    expect(ctx.org.emulator.org.get('Task', item!.ids.record!).WhoId).toBe(grace().Id);
    expect(ctx.org.emulator.org.lookup('Contact', 'Email', 'g.hopper@personal.example')).toEqual([]);
  });

  it('takes a correction only when the field can hold it, and gives the chat\'s own value back when it is taken back', async () => {
    const w = writeHandlers(ctx.services);
    const snapshot = chat('c2');
    const tooLong = await w['chat.fix']({ snapshot, ref: 'person', object: 'Contact', field: 'FirstName', value: 'x'.repeat(41) }, panelIn(7));
    expect(tooLong).toEqual({ ok: false, problem: 'At most 40 characters (this has 41).' });
    expect(await w['chat.fix']({ snapshot, ref: 'person', object: 'Contact', field: 'IsDeleted', value: 'true' }, panelIn(7))).toMatchObject({ ok: false });
    expect(await w['chat.fix']({ snapshot, ref: 'person', object: 'Contact', field: 'FirstName', value: 'Grace' }, panelIn(7))).toEqual({ ok: true });
    expect((await ctx.services.decisionsOf(chatKeyOf(snapshot))).kept?.fixes).toEqual({ person: { FirstName: 'Grace' } });
    // Taken back: the chat's own value again.
    await w['chat.fix']({ snapshot, ref: 'person', object: 'Contact', field: 'FirstName', value: null }, panelIn(7));
    expect((await ctx.services.decisionsOf(chatKeyOf(snapshot))).kept?.fixes).toEqual({ person: {} });
  });

  it("asks for an account before the chat ends when the admin requires one, and stops asking once it is related", async () => {
    ctx.settings.local = { automation: { ended: { action: 'contactCase', strategy: 'none', noMatch: 'create' } }, records: { requireAccount: true } };
    const w = writeHandlers(ctx.services);
    const snapshot = chat('c3');
    expect(await w['chat.preview']({ snapshot }, panelIn(7))).toMatchObject({ state: 'preview', needsAccount: true });
    const acme = ctx.org.emulator.org.lookup('Account', 'Name', 'Acme Corp')[0]!;
    await w['chat.account']({ console: 'demo', chatId: 'c3', account: { id: acme.Id as string, name: 'Acme Corp' } }, panelIn(7));
    const preview = await w['chat.preview']({ snapshot }, panelIn(7));
    expect(preview).toMatchObject({ state: 'preview', chatAccount: { name: 'Acme Corp' } });
    expect(preview.state === 'preview' && preview.needsAccount).toBeFalsy();
  });

  it("lists one chat's writes or all of them, and discards one", async () => {
    const w = writeHandlers(ctx.services);
    await w['chat.plan']({ snapshot: chat('c4'), action: 'contactCase', overrides: {} }, panelIn(7));
    await w['chat.plan']({ snapshot: chat('c5'), action: 'leadTask', overrides: {} }, panelIn(7));
    expect((await w['outbox.list']({ chatId: 'c4' }, popup)).map((i) => [i.chatId, i.state, i.action])).toEqual([['c4', 'waiting', 'contactCase']]);
    const all = await w['outbox.list']({}, popup);
    expect(all.map((i) => i.chatId).sort()).toEqual(['c4', 'c5']);
    expect(await w['outbox.discard']({ id: all[0]!.id }, popup)).toEqual({ discarded: true });
    expect(await w['outbox.list']({}, popup)).toHaveLength(1);
    expect(ctx.org.emulator.apiCalls()).toEqual([]); // a chosen write waits for the chat's end
  });
});
