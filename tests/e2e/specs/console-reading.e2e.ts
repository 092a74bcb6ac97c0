import { describe, expect, it } from 'vitest';
import { useExtension } from '../setup';
import { demoVisitor } from '../pages/demo-console';
import { POPUP_URL } from '../pages/options';

const e2e = useExtension();

const openConsole = () => e2e.openConnectedConsole();

const GRACE = {
  name: 'Grace Hopper', email: 'Grace.Hopper@Example.com', phone: '+1 (415) 555-0100', visits: 3, chats: 1,
  session: { ip: '198.51.100.7', country: 'US', city: 'Arlington', browser: 'Chrome 131', os: 'macOS 15', language: 'en-US', timeZone: 'America/New_York', referrer: '', landingPage: 'https://shop.example.com/pricing', currentPage: 'https://shop.example.com/pricing', searchEngine: 'Google', searchKeywords: 'cobol', screenResolution: '1440x900' },
  preChat: { Name: 'Grace Hopper', Email: 'Grace.Hopper@Example.com', Phone: '+1 (415) 555-0100', Company: 'Acme Corp', Department: 'Engineering', Product: 'Pro plan' },
  custom: { plan: 'pro', cartValue: '120', userId: 'u-1906' },
  firstMessage: 'Hi, I found a bug.',
};

describe('reading chats from the demo console', () => {
  it('follows two chats at once as the agent switches between them', async () => {
    const { page, panel, demo } = await openConsole();
    const a = await demo.startChat(GRACE);
    const b = await demo.startChat(2);
    expect(await panel.waitForVisitor(a)).toContain('Grace Hopper');
    await demo.sendMessage(a, 'visitor', 'Are you there?');
    await demo.openChat(b);
    const second = await demo.visitor(2);
    expect(await panel.waitForVisitor(b)).toContain(String(second.name));
    await harness().screenshot(page, 'console-two-chats');

    // A's new message may be held a moment (a chat's messages go about once a second), never lost.
    const events = await panel.backgroundEventsWhen((all) => all.some((e) => e.chatId === a && e.snapshot.transcript.length >= 3));
    const ofA = events.filter((e) => e.chatId === a);
    expect(ofA[0]!.type).toBe('started');
    const latestA = ofA.at(-1)!.snapshot;
    expect(latestA.visitor).toMatchObject({ name: 'Grace Hopper', email: 'Grace.Hopper@Example.com', phone: '+1 (415) 555-0100' });
    expect(latestA.transcript.length).toBeGreaterThanOrEqual(3);
    expect(events.some((e) => e.chatId === b && e.type === 'started')).toBe(true);
  });

  it('sees a chat end when the agent clicks "End chat", and an offline message arrive', async () => {
    const { page, panel, demo } = await openConsole();
    const chat = await demo.startChat(4);
    await panel.waitForVisitor(chat);
    await demo.endOpenChat();
    await panel.find(`.visitor[data-chat-id="${chat}"][data-chat-state="ended"]`);
    const offline = await demo.receiveOffline({ name: 'Olivia Smith', email: 'olivia.smith@example.co.uk', message: 'Please call me back tomorrow.' });
    await page.waitForFunction(() => true);
    let events = await panel.backgroundEvents();
    for (let i = 0; i < 40 && !events.some((e) => e.chatId === offline); i++) {
      await new Promise((r) => setTimeout(r, 50));
      events = await panel.backgroundEvents();
    }
    expect(events.filter((e) => e.chatId === chat && e.type === 'ended')).toHaveLength(1);
    expect(events.find((e) => e.chatId === offline)).toMatchObject({ type: 'offline-message', snapshot: { state: 'offline', visitor: { name: 'Olivia Smith', email: 'olivia.smith@example.co.uk' } } });
    await harness().screenshot(page, 'console-chat-ended');
  });

  it('sees a chat end while the console tab is in the background', async () => {
    const { page, panel, demo } = await openConsole();
    const chat = await demo.startChat(5);
    await panel.waitForVisitor(chat);
    const other = await harness().newPage('about:blank');
    await other.bringToFront();
    await page.waitForFunction(() => document.visibilityState === 'hidden');
    const endedOf = (events: Awaited<ReturnType<typeof panel.backgroundEvents>>) => events.filter((e) => e.chatId === chat && e.type === 'ended').length;
    const before = endedOf(await panel.backgroundEvents()); // chat ids repeat across page loads
    // The visitor leaves while the agent works in another tab (no frames are drawn there).
    await page.evaluate((id) => (window as never as { demoConsole: { endChat: (id: string) => void } }).demoConsole.endChat(id), chat);
    let events = await panel.backgroundEvents();
    for (let i = 0; i < 40 && endedOf(events) === before; i++) {
      await new Promise((r) => setTimeout(r, 50));
      events = await panel.backgroundEvents();
    }
    expect(endedOf(events)).toBe(before + 1);
  });

  it('sends nothing when the console re-renders the whole chat pane with the same content', async () => {
    const { panel, demo } = await openConsole();
    const chat = await demo.startChat(3);
    await panel.waitForVisitor(chat);
    await new Promise((r) => setTimeout(r, 200));
    const before = (await panel.backgroundEvents()).length;
    await demo.rerender();
    await demo.rerender();
    await new Promise((r) => setTimeout(r, 300));
    expect((await panel.backgroundEvents()).length).toBe(before);
    await demo.sendMessage(chat, 'visitor', 'one more');
    expect((await panel.backgroundEventsWhen((events) => events.length > before)).length).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 1_200)); // nothing held back comes after it
    expect((await panel.backgroundEvents()).length).toBe(before + 1);
  });

  it('passes a burst of messages on together, every one of them, and a quiet chat\'s next message at once', async () => {
    const { panel, demo } = await openConsole();
    const chat = await demo.startChat(6);
    await panel.waitForVisitor(chat);
    await new Promise((r) => setTimeout(r, 1_100)); // a quiet second
    const before = (await panel.backgroundEvents()).length;
    const length = async () => Math.max(0, ...(await panel.backgroundEvents()).filter((e) => e.chatId === chat).map((e) => e.messages));
    const start = await length();
    // The first after a quiet second goes at once.
    await demo.sendMessage(chat, 'visitor', 'first');
    expect(await panel.backgroundEventsWhen((events) => events.length > before, 500)).toHaveLength(before + 1);
    for (let i = 0; i < 12; i++) {
      await demo.sendMessage(chat, i % 2 ? 'agent' : 'visitor', `burst ${i}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const events = await panel.backgroundEventsWhen(() => false, 1_500);
    // Thirteen messages, two or three sends: the background still has every message, in order.
    expect(events.length - before).toBeLessThanOrEqual(3);
    expect(await length()).toBe(start + 13);
    const last = events.filter((e) => e.chatId === chat).at(-1)!.snapshot.transcript as { text: string }[];
    expect(last.slice(-13).map((m) => m.text)).toEqual(['first', ...Array.from({ length: 12 }, (_, i) => `burst ${i}`)]);
  });

  it('shows a hostile visitor as plain text and runs none of it', async () => {
    const { page, panel, demo } = await openConsole();
    const hostile = {
      ...GRACE,
      name: '<img src=x onerror="window.__pwned=1">‮evil‬ 👩🏽‍💻 "Robert\'); DROP TABLE Contact;--"',
      email: 'x"><script>window.__pwned=2</script>@example.com',
      firstMessage: `<script>window.__pwned=3</script>${'spam '.repeat(30_000)}`,
    };
    const chat = await demo.startChat(hostile);
    const text = await panel.waitForVisitor(chat);
    expect(text).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    const events = await panel.backgroundEvents();
    const snapshot = events.filter((e) => e.chatId === chat).at(-1)!.snapshot as { transcript: { text: string }[] };
    expect(snapshot.transcript.at(-1)!.text.length).toBeLessThanOrEqual(20_000);
    await harness().screenshot(page, 'console-hostile-visitor');
  });
});

function harness() {
  return e2e.harness;
}

describe("a console whose layout changes under its adapter (issue 20, fail safe)", () => {
  it('its chat list stops matching mid-chat: a chat gone from it is not taken as ended, and the panel and popup say why', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const settings = { automation: { ended: { action: 'contactCase', strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } } };
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings });
    const other = await demo.startChat(demoVisitor('Nia New', 'nia.new@example.net'));
    const open = await demo.startChat(demoVisitor('Grace Hopper', 'grace.hopper@example.com'));
    await demo.openChat(open);
    await panel.waitForVisitor(open);
    await emulator.clearLog();
    // The console's new release renames its chat tabs: the adapter's item selector matches nothing.
    await page.evaluate(() => document.querySelectorAll('.chat-list .chat-tab').forEach((tab) => tab.classList.replace('chat-tab', 'conversation-tab')));
    const note = await panel.find('[data-console-health="partly"]');
    expect(await note.evaluate((el) => (el as HTMLElement).innerText)).toMatch(/only partly recognised[\s\S]*Not matching: chats\.item \(\.chat-list \.chat-tab\)/);
    await harness.screenshot(page, 'console-health-partly');
    // The other chat leaves the list: without a list it can read, that is no end.
    await page.evaluate((id) => document.querySelector(`.chat-list [data-chat-id="${id}"]`)!.remove(), other);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await emulator.apiCalls()).filter((c) => c.method !== 'GET')).toEqual([]);
    expect((await panel.backgroundEvents()).filter((e) => e.chatId === other && e.type === 'ended')).toEqual([]);
    const popup = await harness.newPage(POPUP_URL);
    const said = await popup.waitForSelector('[data-console-health="partly"]');
    expect(await said!.evaluate((el) => (el as HTMLElement).innerText)).toMatch(/only partly recognised[\s\S]*chats\.item/);
    await harness.screenshot(popup, 'console-health-popup');
  });
});
