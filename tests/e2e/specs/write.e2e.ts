import { describe, expect, it } from 'vitest';
import { useExtension } from '../setup';
import type { PanelPage } from '../pages/panel';

const e2e = useExtension();

const visitor = (name: string, email: string, preChat: Record<string, string> = {}) => ({
  name, email, phone: '', visits: 1, chats: 0,
  session: { country: 'US' }, preChat: { Name: name, Email: email, ...preChat }, custom: {}, firstMessage: 'I need help with my order.',
});
const automation = (ended: string, strategy = 'none', offline = 'nothing') => ({
  automation: { ended: { action: ended, strategy }, offline: { action: offline, strategy: 'none' } },
});

type Entry = { state: string; ids: Record<string, string>; errors: { code: string; message: string; fields: string[] }[]; steps: { object: string; method: string }[]; chatId: string };

/** Waits until the outbox has settled this chat's write (done or needs attention). */
async function settled(panel: PanelPage, chatId: string, timeout = 15_000): Promise<Entry> {
  const until = Date.now() + timeout;
  for (;;) {
    const reply = await panel.send<{ ok: boolean; data: Entry[] }>({ command: 'outbox.list', payload: { chatId } });
    const entry = reply.data?.find((e) => e.state !== 'pending');
    if (entry) return entry;
    if (Date.now() > until) throw new Error(`the write of ${chatId} never settled: ${JSON.stringify(reply.data)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const writes = async (emulator: typeof e2e.emulator) => (await emulator.apiCalls()).filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`);

describe('writing the chat to Salesforce automatically', () => {
  it('new visitor, "Create Contact & Attach Case": both in one request, linked, owned by the agent', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: automation('contactCase') });
    const chat = await demo.startChat(visitor('Ada Lovelace', 'ada@engine.example', { Phone: '(415) 555-0199', Department: 'R&D', Company: 'Analytical Engines' }));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="not_found"]');
    await demo.sendMessage(chat, 'agent', 'Happy to help. What is the order number?');
    await emulator.clearLog();
    await demo.endOpenChat();
    const entry = await settled(panel, chat);
    expect(entry).toMatchObject({ state: 'done', steps: [{ object: 'Contact', method: 'POST' }, { object: 'Case', method: 'POST' }] });

    const ana = (await emulator.records('User')).find((u) => u.Email === 'ana.agent@example.com')!;
    const contact = (await emulator.records('Contact')).find((c) => c.Email === 'ada@engine.example')!;
    expect(contact).toMatchObject({ Id: entry.ids.person, LastName: 'Ada Lovelace', Phone: '+14155550199', Department: 'R&D', OwnerId: ana.Id });
    const cases = (await emulator.records('Case')).filter((c) => c.ContactId === contact.Id);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ Id: entry.ids.record, Subject: 'Chat with Ada Lovelace', Origin: 'Web', SuppliedEmail: 'ada@engine.example', SuppliedCompany: 'Analytical Engines', OwnerId: ana.Id });
    expect(String(cases[0]!.Description)).toMatch(/I need help with my order\.\n.*Happy to help\. What is the order number\?/);
    // The write is ONE composite request (the owner lookup is once a day per agent).
    expect((await writes(emulator)).filter((w) => w.includes('/composite'))).toHaveLength(1);
    await harness.screenshot(page, 'write-contact-case');
  });

  it.each([
    ['none', { Department: 'Engineering', MobilePhone: null }],
    ['fillBlank', { Department: 'Engineering' }],
    ['overwrite', { Department: 'Navy Research' }],
  ] as const)('found contact, "Create/Update Contact & Attach Task", strategy %s', async (strategy, expected) => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { panel, demo } = await e2e.openConnectedConsole({ settings: automation('contactTask', strategy) });
    const chat = await demo.startChat(visitor('Grace Hopper', 'grace.hopper@example.com', { Department: 'Navy Research', Phone: '(415) 555-0100' }));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"][data-record-type="Contact"]');
    const contactsBefore = (await emulator.records('Contact')).length;
    await demo.endOpenChat();
    const entry = await settled(panel, chat);
    expect(entry.state).toBe('done');
    const grace = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    expect(grace).toMatchObject(expected);
    expect(grace.Phone).toBe('(415) 555-0100'); // the same number: no update, whatever its format
    expect(await emulator.records('Contact')).toHaveLength(contactsBefore);
    const tasks = (await emulator.records('Task')).filter((t) => t.WhoId === grace.Id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ Subject: 'Chat', Status: 'Completed', CallObject: `demo:${chat}` });
  });

  it('an offline message, "Create/Update Lead & Attach Task": a lead with the message on its task', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { panel, demo } = await e2e.openConnectedConsole({ settings: automation('nothing', 'none', 'leadTask') });
    const offline = await demo.receiveOffline({ name: 'Bea Offline', email: 'bea@later.example', message: 'Please call me back tomorrow about pricing.' });
    const entry = await settled(panel, offline);
    expect(entry).toMatchObject({ state: 'done', steps: [{ object: 'Lead' }, { object: 'Task' }] });
    const lead = (await emulator.records('Lead')).find((l) => l.Email === 'bea@later.example')!;
    expect(lead).toMatchObject({ LastName: 'Bea Offline', Company: '[not provided]' });
    expect((await emulator.records('Task')).find((t) => t.WhoId === lead.Id)).toMatchObject({ Subject: 'Offline message from Bea Offline', Description: 'Please call me back tomorrow about pricing.' });
  });

  it('"Create Case": a case of its own; "Do nothing" writes nothing', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const opened = await e2e.openConnectedConsole({ settings: automation('case') });
    const chat = await opened.demo.startChat(visitor('Cy Case', 'cy@case.example'));
    await opened.panel.waitForVisitor(chat);
    await opened.demo.endOpenChat();
    expect(await settled(opened.panel, chat)).toMatchObject({ state: 'done', steps: [{ object: 'Case' }] });
    expect((await emulator.records('Case')).find((c) => c.SuppliedEmail === 'cy@case.example')).toMatchObject({ ContactId: null });
    expect((await emulator.records('Contact')).find((c) => c.Email === 'cy@case.example')).toBeUndefined();

    await emulator.clearLog();
    const quiet = await e2e.openConnectedConsole();
    const other = await quiet.demo.startChat(visitor('No One', 'no.one@quiet.example'));
    await quiet.panel.waitForVisitor(other);
    await quiet.demo.endOpenChat();
    await new Promise((r) => setTimeout(r, 500));
    expect(await writes(emulator)).toEqual(['POST /services/data/v62.0/composite']); // the identification only
  });

  it('shows a duplicate rule hit as needing attention, with the existing record, and writes nothing', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    // Identification finds nobody by phone-only rules, so the new contact collides with Grace's e-mail.
    const { panel, demo } = await e2e.openConnectedConsole({ settings: { ...automation('contactCase'), identification: { contacts: [{ chatField: 'visitor.phone', sfField: 'Phone' }], leads: [], accounts: [] } } });
    const chat = await demo.startChat(visitor('Grace Again', 'grace.hopper@example.com'));
    await panel.waitForVisitor(chat);
    const cases = (await emulator.records('Case')).length;
    await demo.endOpenChat();
    const entry = await settled(panel, chat);
    expect(entry).toMatchObject({ state: 'needs_attention', errors: [{ code: 'DUPLICATES_DETECTED' }] });
    expect(await emulator.records('Case')).toHaveLength(cases);
  });

  it('never loses a chat that ended while Salesforce was out of reach, across a worker stop', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { panel, demo } = await e2e.openConnectedConsole({ settings: automation('contactCase') });
    const chat = await demo.startChat(visitor('Dora Durable', 'dora@durable.example'));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="not_found"]');
    // The write fails (503) after its plan was stored; then Chrome stops the worker.
    await emulator.fault({ kind: '503', count: 1, path: '/composite', method: 'POST' });
    await demo.endOpenChat();
    for (let i = 0; i < 100; i++) {
      const reply = await panel.send<{ data: (Entry & { attempts: number })[] }>({ command: 'outbox.list', payload: { chatId: chat } });
      if (reply.data?.[0]?.attempts) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await emulator.records('Contact')).find((c) => c.Email === 'dora@durable.example')).toBeUndefined();
    await harness.stopWorker();
    await harness.wakeWorker(); // a new worker sends what the outbox holds, at start
    const entry = await settled(panel, chat);
    expect(entry.state).toBe('done');
    expect((await emulator.records('Contact')).filter((c) => c.Email === 'dora@durable.example')).toHaveLength(1);
    expect((await emulator.records('Case')).filter((c) => c.SuppliedEmail === 'dora@durable.example')).toHaveLength(1);
  });
});
