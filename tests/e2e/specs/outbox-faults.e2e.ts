import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useExtension } from '../setup';
import { demoVisitor, demoChatKey } from '../pages/demo-console';
import type { PanelPage } from '../pages/panel';
import type { OutboxItem } from '@/utils/messages/protocol';
import { startFaultProxy, type FaultProxy } from '../../salesforce-emulator/fault-proxy';

/**
 * Network faults produced for real, between Chromium and the emulator (a proxy that refuses,
 * resets, cuts and holds answers), and a worker stopped while a write is in flight.
 */
const e2e = useExtension();
let proxy: FaultProxy;

const contactCase = { automation: { ended: { action: 'contactCase', strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } } };

/** The demo console, connected through the proxy: every Salesforce request crosses it. */
async function consoleThroughProxy() {
  const opened = await e2e.openConnectedConsole({ settings: contactCase });
  const token = await e2e.emulator.token();
  await e2e.harness.useSalesforceSession({ instanceUrl: proxy.url, accessToken: token.accessToken });
  return opened;
}

/** Grace Hopper (a contact in the org) chats; her chat's write, a case on her, meets the fault. */
async function foundContactChatEnds(fault: 'cut' | 'hold') {
  const { panel, demo } = await consoleThroughProxy();
  const chat = await demo.startChat(demoVisitor('Grace Hopper', 'grace.hopper@example.com'));
  await panel.waitForVisitor(chat);
  await panel.find('[data-identity="found"][data-record-type="Contact"]');
  proxy.fault(fault, { writes: true });
  await demo.endOpenChat();
  return { panel, chat };
}

/** The write is done, and Salesforce has exactly one case of it: the one the entry names. */
async function writtenOnce(panel: PanelPage, chat: string) {
  const done = await panel.settledWrite(chat, 20_000);
  expect(done.state).toBe('done');
  const { cases } = await casesOf('grace.hopper@example.com');
  expect(cases).toHaveLength(1);
  expect(done.ids.record).toBe(cases[0]!.Id);
}

async function outbox(panel: PanelPage, chatId?: string): Promise<OutboxItem[]> {
  const reply = await panel.send<{ data: OutboxItem[] }>({ command: 'outbox.list', payload: chatId ? { chatId } : {} });
  return reply.data;
}

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeout: number): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`${what}: still ${JSON.stringify(value).slice(0, 2_000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const casesOf = async (email: string) => {
  const contacts = (await e2e.emulator.records('Contact')).filter((c) => c.Email === email);
  const cases = (await e2e.emulator.records('Case')).filter((c) => contacts.some((p) => p.Id === c.ContactId) && String(c.Subject).startsWith('Chat with'));
  return { contacts, cases };
};

describe('the outbox under real network faults', () => {
  beforeEach(async () => {
    await e2e.emulator.reset({ data: 'scenarios' });
    await e2e.harness.clearOutbox();
    proxy = await startFaultProxy(e2e.emulator.url);
  });
  afterEach(async () => {
    await proxy.close();
  });

  it('Salesforce refuses connections while 8 chats end; once it is back the retry alarm writes each one once, with no "Try now"', async () => {
    const { page, panel, demo } = await consoleThroughProxy();
    await proxy.refuse();
    const chats: string[] = [];
    for (let i = 0; i < 8; i++) {
      const chat = await demo.startChat(demoVisitor(`Outage Visitor ${i}`, `outage.${i}@example.org`));
      await panel.waitForVisitor(chat);
      await demo.endChat(chat);
      chats.push(chat);
    }
    // Each failure is recorded as it happens (a transport that never settles records none).
    const waiting = await waitFor('every chat pending after a failed attempt', () => outbox(panel), (items) => items.length === 8 && items.every((i) => i.state === 'pending' && i.attempts >= 1 && !!i.nextAttemptAt), 20_000);
    expect(waiting[0]!.lastError).toMatch(/no connection to 127\.0\.0\.1:\d+/);
    await e2e.harness.screenshot(page, 'outbox-outage-pending');
    await proxy.restore();
    // Backoff: the first retry is 15–45 s after each failure; nobody presses anything.
    await waitFor('every chat written', () => outbox(panel), (items) => items.length === 8 && items.every((i) => i.state === 'done'), 120_000);
    for (let i = 0; i < 8; i++) {
      const { contacts, cases } = await casesOf(`outage.${i}@example.org`);
      expect(contacts, `contacts of chat ${i}`).toHaveLength(1);
      expect(cases, `cases of chat ${i}`).toHaveLength(1);
    }
    await e2e.harness.screenshot(page, 'outbox-outage-written');
  }, 180_000);

  it('the answer of a committed write for a found contact is cut (Chrome does not resend it): one case, found by one check', async () => {
    const { panel, chat } = await foundContactChatEnds('cut');
    const [pending] = await waitFor('the write pending after no answer', () => outbox(panel, chat), (items) => items[0]?.state === 'pending' && items[0].attempts === 1, 20_000);
    expect(pending!.lastError).toMatch(/no connection to 127\.0\.0\.1:\d+/);
    // Written in Salesforce already, though the extension never heard it.
    expect((await casesOf('grace.hopper@example.com')).cases).toHaveLength(1);
    await panel.send({ command: 'outbox.retry', payload: { id: pending!.id } }); // "Try now"
    await writtenOnce(panel, chat);
    expect(proxy.log.filter((r) => r.write).map((w) => w.fate)).toEqual(['cut']);
  }, 60_000);

  it('the worker is stopped while a committed write waits for its answer: the next worker checks, and does not write it again', async () => {
    const { harness } = e2e;
    const { panel, chat } = await foundContactChatEnds('hold');
    await proxy.heldCount(1);
    expect((await casesOf('grace.hopper@example.com')).cases).toHaveLength(1); // committed
    await harness.stopWorker();
    proxy.cut();
    await harness.wakeWorker(); // a new worker sends what the outbox holds
    await writtenOnce(panel, chat);
    expect(proxy.log.filter((r) => r.write).map((w) => w.fate)).toEqual(['hold']);
  }, 60_000);
});

describe("Chrome's own resend of a committed write (the emulator resets the connection after committing)", () => {
  const chatKey = { externalIdField: { name: 'Chat_Key__c', objects: ['Case', 'Task', 'Contact', 'Lead'] } };
  afterEach(() => e2e.harness.forgetMetadata()); // the next org has no such field

  /** Grace chats, her case is written, and the write's connection is reset after Salesforce committed it. */
  async function resetAfterCommit() {
    await e2e.harness.clearOutbox();
    await e2e.harness.forgetMetadata();
    const { panel, demo } = await e2e.openConnectedConsole({ settings: contactCase });
    const chat = await demo.startChat(demoVisitor('Grace Hopper', 'grace.hopper@example.com'));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"][data-record-type="Contact"]');
    await e2e.emulator.clearLog();
    await e2e.emulator.fault({ kind: 'reset-after', count: 1, method: 'POST', path: '/composite' });
    await demo.endOpenChat();
    const settled = await waitFor('the write tried', () => outbox(panel, chat), (items) => items[0]?.state === 'done' || (items[0]?.attempts ?? 0) >= 1, 20_000);
    // Chrome may resend by itself, or leave it to the outbox's retry: "Try now" stands for the alarm.
    if (settled[0]!.state === 'pending') await panel.send({ command: 'outbox.retry', payload: { id: settled[0]!.id } });
    return { panel, chat };
  }
  /** The statuses of the writes as the emulator saw them: -2 is a connection reset after the commit. */
  const composites = async () => (await e2e.emulator.log()).filter((e) => e.method === 'POST' && e.path.endsWith('/composite')).map((e) => e.status);

  it('with the org\'s Chat_Key__c field, every create is an upsert: however often it is sent, one case', async () => {
    await e2e.emulator.reset({ data: 'scenarios', org: chatKey });
    const { panel, chat } = await resetAfterCommit();
    await writtenOnce(panel, chat);
    expect((await composites())[0]).toBe(-2); // the connection was reset after the commit, and sent again
    const [written] = (await casesOf('grace.hopper@example.com')).cases;
    expect(written!.Chat_Key__c).toBe(`${demoChatKey(e2e.consoleUrl, chat)}:ended`);
  }, 60_000);

  it('without the field, one check after the write finds the copy the resend made and deletes it: one case', async () => {
    await e2e.emulator.reset({ data: 'scenarios' });
    const { panel, chat } = await resetAfterCommit();
    const statuses = await composites();
    expect(statuses[0]).toBe(-2);
    await waitFor('one case of the chat', async () => (await casesOf('grace.hopper@example.com')).cases.length, (n) => n === 1, 20_000);
    await writtenOnce(panel, chat);
    // Chrome's resend made a second case, which no answer told of: the check after the write deleted it.
    const everCreated = (await (await fetch(`${e2e.emulator.url}/__emulator/records?type=Case&includeDeleted`)).json()) as { Subject: string; IsDeleted: boolean }[];
    expect(everCreated.filter((c) => c.Subject === 'Chat with Grace Hopper').map((c) => c.IsDeleted).sort()).toEqual([false, true]);
  }, 60_000);
});
