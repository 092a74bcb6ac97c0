import { describe, expect, it } from 'vitest';
import { useExtension } from '../setup';
import { demoVisitor, demoChatKey } from '../pages/demo-console';

/**
 * Every write of a chat goes to the record the agent chose in the panel: the second of two
 * matches, a record searched and picked. Each test reads the records back from the org.
 */
const e2e = useExtension();

const EMAIL_OR_PHONE = {
  contacts: [{ chatField: 'visitor.email', sfField: 'Email' }, { chatField: 'visitor.phone', sfField: 'Phone' }],
  leads: [],
  accounts: [],
};
const ended = (action: string) => ({ automation: { ended: { action, strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } } });

describe('the record the agent chose', () => {
  it('the visitor matches two contacts; the agent clicks the second: the automatic task goes to it, even after the worker stopped', async () => {
    const { emulator, harness } = e2e;
    await emulator.reset({ data: 'scenarios' });
    await harness.clearOutbox();
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: { identification: EMAIL_OR_PHONE, ...ended('contactTask') } });
    const chat = await demo.startChat(demoVisitor('Pat', 'morgan-lee@example.org', { phone: '(212) 555-0147' }));
    await panel.waitForVisitor(chat);
    await panel.find('.identity__others');
    await panel.click('.identity__others .choice[aria-pressed="false"]');
    expect(await (await panel.find('[data-identity="found"] .identity__name')).evaluate((el) => el.textContent)).toBe('Pat Morgan');
    // The panel says where the chat goes.
    expect(await (await panel.find('[data-at-chat-end]')).evaluate((el) => el.textContent)).toBe('At chat end: a task on Pat Morgan.');
    await harness.screenshot(page, 'chosen-second-match');
    await new Promise((r) => setTimeout(r, 300)); // the choice reaches the background
    await harness.stopWorker(); // the choice is kept where a stopped worker cannot lose it
    await demo.endOpenChat();
    const done = await panel.settledWrite(chat, 20_000);
    expect(done.state).toBe('done');
    const contacts = await emulator.records('Contact');
    const morgan = contacts.find((c) => c.Email === 'morgan@example.org')!;
    const morganLee = contacts.find((c) => c.Email === 'morgan-lee@example.org')!;
    const tasks = (await emulator.records('Task')).filter((t) => t.CallObject === demoChatKey(e2e.consoleUrl, chat));
    expect(tasks.map((t) => t.WhoId)).toEqual([morgan.Id]);
    expect(tasks[0]!.WhoId).not.toBe(morganLee.Id);
  });

  it('two contacts match equally and the agent chose none: nothing is written, the panel says so, and their pick writes it there', async () => {
    const { emulator, harness } = e2e;
    await emulator.reset({ data: 'scenarios' });
    await harness.clearOutbox();
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: { identification: EMAIL_OR_PHONE, ...ended('contactTask') } });
    // Pat Morgan and Pat Morgan-Lee share this phone; the visitor gives nothing else.
    const chat = await demo.startChat(demoVisitor('Pat', '', { phone: '(212) 555-0147' }));
    await panel.waitForVisitor(chat);
    expect(await (await panel.find('.identity__others .identity__count')).evaluate((el) => el.textContent)).toBe('2 matches; 2 of them equally well: choose the one this chat is about.');
    expect(await (await panel.find('[data-at-chat-end]')).evaluate((el) => el.textContent)).toBe('At chat end: nothing until you choose: 2 contacts match this visitor equally.');
    await demo.endOpenChat();
    const held = await panel.settledWrite(chat, 20_000);
    expect(held.state).toBe('needs_attention');
    expect((await emulator.records('Task')).filter((t) => t.CallObject === demoChatKey(e2e.consoleUrl, chat))).toEqual([]);
    const choice = await panel.find('[data-undecided]');
    expect(await choice.evaluate((el) => (el as HTMLElement).innerText)).toMatch(/^Several people in Salesforce match this visitor equally, so nothing was written\./);
    expect(await choice.$('[data-action="retry-write"]')).toBeNull(); // trying again would only ask again
    await choice.scrollIntoView();
    await harness.screenshot(page, 'chosen-undecided');
    const lee = (await emulator.records('Contact')).find((c) => c.Email === 'morgan-lee@example.org')!;
    await panel.click(`[data-undecided] [data-action="attach-existing"][data-record="${lee.Id}"]`);
    await panel.find('[data-write="done"]', 20_000);
    const tasks = (await emulator.records('Task')).filter((t) => t.CallObject === demoChatKey(e2e.consoleUrl, chat));
    expect(tasks.map((t) => t.WhoId)).toEqual([lee.Id]);
  });

  it('nobody matches; the agent searches "Hopper" and picks Grace Hopper: the automatic case goes to her, no new contact', async () => {
    const { emulator, harness } = e2e;
    await emulator.reset({ data: 'scenarios' });
    await harness.clearOutbox();
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: ended('contactCase') });
    const chat = await demo.startChat(demoVisitor('G. H.', 'gh@personal.example'));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="not_found"]');
    await (await panel.find('.search__input')).type('Hopper');
    await panel.click('.search__form button');
    await panel.click('[data-search="results"] .choice');
    await panel.find('[data-identity="found"][data-by-hand]');
    expect(await (await panel.find('[data-at-chat-end]')).evaluate((el) => el.textContent)).toBe('At chat end: a case on Grace Hopper.');
    await harness.screenshot(page, 'chosen-searched');
    const contactsBefore = (await emulator.records('Contact')).length;
    await new Promise((r) => setTimeout(r, 300));
    await demo.endOpenChat();
    const done = await panel.settledWrite(chat, 20_000);
    expect(done.state).toBe('done');
    const grace = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    expect(await emulator.records('Contact')).toHaveLength(contactsBefore);
    const cases = (await emulator.records('Case')).filter((c) => c.SuppliedEmail === 'gh@personal.example');
    expect(cases.map((c) => c.ContactId)).toEqual([grace.Id]);
  });
});
