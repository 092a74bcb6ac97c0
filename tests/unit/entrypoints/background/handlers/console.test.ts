import { describe, expect, it } from 'vitest';
import { emptySnapshot, type ChatSnapshot } from '@/utils/chat/snapshot';
import { consoleHandlers } from '@/entrypoints/background/handlers/console';
import { consoleTab, useServices } from '../setup';

const ctx = useServices();
const grace = (chatId = 'c1', state: ChatSnapshot['state'] = 'active'): ChatSnapshot => ({
  ...emptySnapshot(chatId, 'demo', state), visitor: { name: 'Grace Hopper', email: 'grace.hopper@example.com' },
  transcript: [{ role: 'visitor', text: 'Hello' }, { role: 'agent', text: 'Hi Grace' }],
});

describe('console events', () => {
  it("puts a chat together from the new messages its tab sends, and tells that tab's panel of what it shows, while it shows the chat", async () => {
    const h = consoleHandlers(ctx.services);
    // The tab has not said which chat it shows yet (a fresh or restarted worker): asked to.
    expect(await h['chat.event']({ type: 'started', snapshot: grace() }, consoleTab(7))).toEqual({ accepted: true, showAgain: true });
    expect(await h['chat.active']({ chatId: 'c1' }, consoleTab(7))).toEqual({ known: true });
    const more = { ...grace(), transcript: [{ role: 'visitor' as const, text: 'My invoice is wrong' }] };
    expect(await h['chat.event']({ type: 'updated', snapshot: more, appendTo: 2 }, consoleTab(7))).toEqual({ accepted: true });
    expect(ctx.services.tabs.chat(7, 'c1')!.transcript.map((m) => m.text)).toEqual(['Hello', 'Hi Grace', 'My invoice is wrong']);
    // The panel shows the visitor, not the messages: a new message alone tells it nothing.
    expect(ctx.told.filter((m) => m.type === 'panel.chat')).toHaveLength(1);
    // A changed visitor (the console shows their phone now) is news to it, with the chat as put together here.
    const phone = { ...more, visitor: { ...more.visitor, phone: '+44 20 7946 0018' }, transcript: [] };
    await h['chat.event']({ type: 'updated', snapshot: phone, appendTo: 3 }, consoleTab(7));
    const shown = ctx.told.filter((m) => m.type === 'panel.chat');
    expect(shown.map((m) => m.tabId)).toEqual([7, 7]);
    expect(shown.at(-1)!.type === 'panel.chat' && shown.at(-1)!.snapshot).toMatchObject({ visitor: { phone: '+44 20 7946 0018' }, transcript: [{ text: 'Hello' }, { text: 'Hi Grace' }, { text: 'My invoice is wrong' }] });
    // Another tab has not seen c1: its new messages cannot be put together there, and its panel hears nothing.
    expect(await h['chat.event']({ type: 'updated', snapshot: more, appendTo: 2 }, consoleTab(8))).toEqual({ accepted: false, known: false });
    expect(ctx.told.filter((m) => m.type === 'panel.chat')).toHaveLength(2);
  });

  it('asks the tab for the whole chat when the messages it builds on are not here (a restarted worker)', async () => {
    const h = consoleHandlers(ctx.services);
    expect(await h['chat.event']({ type: 'updated', snapshot: grace(), appendTo: 5 }, consoleTab(7))).toEqual({ accepted: false, known: false });
    expect(await h['chat.active']({ chatId: 'c9' }, consoleTab(7))).toEqual({ known: false });
  });

  it("stores a chat's write at its end and sends it: the task lands on the visitor's contact in the org", async () => {
    ctx.settings.local = { automation: { ended: { action: 'contactTask', strategy: 'none', noMatch: 'nothing' } } };
    const h = consoleHandlers(ctx.services);
    await h['chat.event']({ type: 'started', snapshot: grace() }, consoleTab(7));
    await h['chat.event']({ type: 'ended', snapshot: grace('c1', 'ended') }, consoleTab(7));
    await ctx.sent();
    const [entry] = await ctx.services.outbox.entries();
    expect(entry?.state).toBe('done');
    const task = ctx.org.emulator.org.get('Task', entry!.ids!.record!);
    const contact = ctx.org.emulator.org.lookup('Contact', 'Email', 'grace.hopper@example.com')[0]!;
    expect(task.WhoId).toBe(contact.Id);
    expect(String(task.Description)).toContain('Hi Grace');
    // Its panel heard how the write went.
    expect(ctx.told.some((m) => m.type === 'outbox.update' && m.tabId === 7 && m.item.state === 'done')).toBe(true);
  });

  it("tells the chat's panel when the browser has no room to keep a chat's write, and refuses the end so the console sends it again", async () => {
    ctx.settings.local = { automation: { ended: { action: 'contactTask', strategy: 'none', noMatch: 'nothing' } } };
    const h = consoleHandlers(ctx.services);
    ctx.services.outbox.enqueue = async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    await h['chat.event']({ type: 'started', snapshot: grace() }, consoleTab(7));
    // Refused with a code the console script's delivery tries again (a chat's end: for two minutes).
    await expect(h['chat.event']({ type: 'ended', snapshot: grace('c1', 'ended') }, consoleTab(7))).rejects.toMatchObject({ code: 'not_stored', message: expect.stringContaining('no room left') });
    expect(ctx.told.filter((m) => m.type === 'panel.problem')).toEqual([{ type: 'panel.problem', tabId: 7, message: expect.stringContaining('no room left to keep the write of chat c1') }]);
    expect(ctx.org.emulator.apiCalls()).toEqual([]);
  });

  it('writes nothing at a chat\'s end when no rule says to', async () => {
    const h = consoleHandlers(ctx.services);
    await h['chat.event']({ type: 'ended', snapshot: grace('c1', 'ended') }, consoleTab(7));
    await ctx.sent();
    expect(await ctx.services.outbox.entries()).toEqual([]);
    expect(ctx.org.emulator.apiCalls()).toEqual([]);
  });

  it('marks a console the script could not find as not recognised, for that tab only', async () => {
    const h = consoleHandlers(ctx.services);
    expect(await h['console.undetected']({ consoles: ['demo'] }, consoleTab(7))).toEqual({});
    expect(await ctx.services.tabs.healthOf(7)).toMatchObject({ state: 'not_recognised' });
    expect(await ctx.services.tabs.healthOf(8)).toBeUndefined();
    // A console the settings do not have is none of the extension's business.
    await h['console.undetected']({ consoles: ['nobody'] }, consoleTab(8));
    expect(await ctx.services.tabs.healthOf(8)).toBeUndefined();
  });

  it('lists the enabled consoles for the console script, and none the admin switched off', async () => {
    const h = consoleHandlers(ctx.services);
    const names = (await h['console.adapters']({}, consoleTab(7))).adapters.map((a) => a.name);
    expect(names).toContain('demo');
    ctx.settings.local = { consoles: { builtIn: { demo: { enabled: false, matches: ['http://127.0.0.1/*'] } }, custom: [] } };
    expect((await h['console.adapters']({}, consoleTab(7))).adapters.map((a) => a.name)).not.toContain('demo');
  });
});
