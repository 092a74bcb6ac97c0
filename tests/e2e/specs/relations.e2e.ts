import { describe, expect, it } from 'vitest';
import { useExtension } from '../setup';
import { demoVisitor } from '../pages/demo-console';
import type { PanelPage } from '../pages/panel';

// The chat related the way service teams work (issue 16): the customer's open cases and account,
// read back from the emulator after the real extension wrote them.
const e2e = useExtension();

const automation = (ended: string) => ({ automation: { ended: { action: ended, strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } } });
const BY_COMPANY = { identification: { contacts: [{ chatField: 'visitor.email', sfField: 'Email' }], leads: [{ chatField: 'visitor.email', sfField: 'Email' }], accounts: [{ chatField: 'preChat.company', sfField: 'Name' }] } };
const grace = () => demoVisitor('Grace Hopper', 'grace.hopper@example.com', { firstMessage: 'I still cannot log in.' });

const click = async (panel: PanelPage, selector: string) => panel.click(selector);
const text = async (panel: PanelPage, selector: string) => (await panel.find(selector)).evaluate((el) => (el as HTMLElement).innerText);

describe("the customer's context and the chat's case", () => {
  it('shows the open case under the contact; attached to it, the chat ends as a task on that case, not a second case', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: automation('contactCase') });
    const chat = await demo.startChat(grace());
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"][data-record-type="Contact"]');
    const open = (await emulator.records('Case')).find((c) => c.Subject === 'Cannot log in')!;
    expect(await text(panel, `[data-open-case="${open.CaseNumber}"]`)).toMatch(/Cannot log in\s+New/);
    expect(await text(panel, '[data-at-chat-end]')).toBe('At chat end: a case on Grace Hopper.');
    await harness.screenshot(page, 'relations-open-cases');

    // "Attach a Case" first shows the open one, and offers to attach instead.
    await click(panel, '[data-action="contactCase"]');
    expect(await text(panel, '[data-open-cases-check]')).toMatch(/Grace Hopper has an open case\. Is this chat about it\?/);
    await harness.screenshot(page, 'relations-open-case-check');
    await click(panel, `[data-action="attach-instead"][data-case="${open.CaseNumber}"]`);
    await panel.gone('[data-form="Case"]');
    await panel.find(`[data-open-case="${open.CaseNumber}"][data-attached]`);
    expect(await text(panel, '[data-at-chat-end]')).toBe(`At chat end: a task on case ${open.CaseNumber}, for Grace Hopper.`);
    await harness.screenshot(page, 'relations-attached');

    const casesBefore = (await emulator.records('Case')).length;
    await demo.sendMessage(chat, 'agent', 'I have reset your password.');
    await demo.endOpenChat();
    const entry = await panel.settledWrite(chat);
    expect(entry).toMatchObject({ state: 'done', steps: [{ object: 'Task', method: 'POST' }] });
    expect(await emulator.records('Case')).toHaveLength(casesBefore);
    const contact = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    const task = (await emulator.records('Task')).find((t) => t.Id === entry.ids.record)!;
    expect(task).toMatchObject({ WhatId: open.Id, WhoId: contact.Id, Subject: 'Chat' });
    expect(String(task.Description)).toMatch(/I still cannot log in\.[\s\S]*I have reset your password\./);
  });

  it("shows the contact's account's other open cases; attached to a colleague's case, the chat ends as a task on it", async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const token = await emulator.token();
    const create = async (object: string, values: Record<string, unknown>) => {
      const answer = await fetch(`${token.instanceUrl}/services/data/v62.0/sobjects/${object}`, { method: 'POST', headers: { authorization: `Bearer ${token.accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify(values) });
      expect(answer.status).toBe(201);
      return ((await answer.json()) as { id: string }).id;
    };
    const account = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!.AccountId as string;
    const colleague = await create('Contact', { FirstName: 'Ada', LastName: 'Byron', AccountId: account });
    const outage = await create('Case', { Subject: 'Whole office offline', Status: 'New', ContactId: colleague, AccountId: account });
    const number = (await emulator.records('Case')).find((c) => c.Id === outage)!.CaseNumber as string;
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: automation('contactCase') });
    const chat = await demo.startChat(grace());
    await panel.waitForVisitor(chat);
    expect(await text(panel, '[data-cases-of="account"]')).toMatch(new RegExp(`Other open cases of Acme Corp \\(1\\)\\s+${number}\\s+Whole office offline\\s+New`));
    await harness.screenshot(page, 'relations-account-cases');
    // The case form's check names both: Grace's own open case and her account's.
    await click(panel, '[data-action="contactCase"]');
    expect(await text(panel, '[data-open-cases-check]')).toMatch(/Grace Hopper and Acme Corp have 2 open cases\. Is this chat about one of them\?/);
    await click(panel, `[data-action="attach-instead"][data-case="${number}"]`);
    await panel.gone('[data-form="Case"]');
    expect(await text(panel, '[data-at-chat-end]')).toBe(`At chat end: a task on case ${number}, for Grace Hopper.`);
    const casesBefore = (await emulator.records('Case')).length;
    await demo.endOpenChat();
    const entry = await panel.settledWrite(chat);
    expect(await emulator.records('Case')).toHaveLength(casesBefore);
    expect((await emulator.records('Task')).find((t) => t.Id === entry.ids.record)).toMatchObject({ WhatId: outage, Subject: 'Chat' });
  });

  it("an automatic task on a found contact is related to the contact's account", async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { panel, demo } = await e2e.openConnectedConsole({ settings: automation('contactTask') });
    const chat = await demo.startChat(grace());
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"][data-record-type="Contact"]');
    await demo.endOpenChat();
    const entry = await panel.settledWrite(chat);
    const contact = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    expect((await emulator.records('Task')).find((t) => t.Id === entry.ids.record)).toMatchObject({ WhoId: contact.Id, WhatId: contact.AccountId });
  });

  it('a visitor who matches only an account: actions under it, and the automatic contact and case go under it', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: { ...BY_COMPANY, ...automation('contactCase') } });
    const chat = await demo.startChat(demoVisitor('Nia New', 'nia.new@example.net', { preChat: { Company: 'Acme Corp' } }));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"][data-record-type="Account"]');
    await panel.find('[data-actions="account"] [data-action="contactCase"]');
    expect(await text(panel, '[data-at-chat-end]')).toBe('At chat end: a new contact and a case under Acme Corp.');
    await harness.screenshot(page, 'relations-account-only');
    await demo.endOpenChat();
    const entry = await panel.settledWrite(chat);
    expect(entry.state).toBe('done');
    const acme = (await emulator.records('Account')).find((a) => a.Name === 'Acme Corp')!;
    expect((await emulator.records('Contact')).find((c) => c.Id === entry.ids.person)).toMatchObject({ Email: 'nia.new@example.net', AccountId: acme.Id });
    expect((await emulator.records('Case')).find((c) => c.Id === entry.ids.record)).toMatchObject({ ContactId: entry.ids.person, AccountId: acme.Id });
  });

  it('"Create Contact & Attach Task" under the account shown, the task Related To a case the agent found by its subject', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: BY_COMPANY });
    const chat = await demo.startChat(demoVisitor('Nia New', 'nia.new@example.net', { preChat: { Company: 'Acme Corp' } }));
    await panel.waitForVisitor(chat);
    await click(panel, '[data-actions="account"] [data-action="contactTask"]');
    await panel.find('[data-form="Contact"]');
    expect(await text(panel, '[data-lookup="AccountId"] .lookup__chosen')).toContain('Acme Corp');
    await click(panel, '[data-form="Contact"] button[type="submit"]');
    await panel.find('[data-form="Task"]');
    // Related To starts at the account; the agent relates the task to Acme's open case instead.
    expect(await text(panel, '[data-lookup="WhatId"] .lookup__chosen')).toContain('Acme Corp');
    await panel.retype('[data-form="Task"] [data-field="WhatId"] .field__control', 'cannot log');
    const result = await panel.find('[data-lookup="WhatId"] .lookup__results .choice');
    expect(await result.evaluate((el) => (el as HTMLElement).innerText)).toMatch(/^Case\s+\d{8} Cannot log in$/);
    await harness.screenshot(page, 'relations-related-to-search');
    await click(panel, '[data-lookup="WhatId"] .lookup__results .choice');
    await click(panel, '[data-form="Task"] button[type="submit"]');
    await panel.find('[data-write="waiting"]');
    await demo.endOpenChat();
    const entry = await panel.settledWrite(chat);
    const open = (await emulator.records('Case')).find((c) => c.Subject === 'Cannot log in')!;
    const nia = (await emulator.records('Contact')).find((c) => c.Email === 'nia.new@example.net')!;
    expect(nia.AccountId).toBe(open.AccountId);
    expect((await emulator.records('Task')).find((t) => t.Id === entry.ids.record)).toMatchObject({ WhoId: nia.Id, WhatId: open.Id });
  });
});

describe('when nobody matches', () => {
  it('"write nothing" for unknown visitors: the panel says so, and the chat end writes nothing', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const settings = { automation: { ended: { action: 'contactCase', strategy: 'none', noMatch: 'nothing' }, offline: { action: 'nothing', strategy: 'none' } } };
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings });
    const chat = await demo.startChat(demoVisitor('Nia New', 'nia.new@example.net'));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="not_found"]');
    expect(await text(panel, '[data-at-chat-end]')).toBe('At chat end: nothing: nobody in Salesforce matches this visitor.');
    await harness.screenshot(page, 'relations-no-match-nothing');
    const [contacts, cases] = [(await emulator.records('Contact')).length, (await emulator.records('Case')).length];
    await demo.endOpenChat();
    expect(await panel.settledWrite(chat)).toMatchObject({ state: 'done', steps: [] });
    expect(await emulator.records('Contact')).toHaveLength(contacts);
    expect(await emulator.records('Case')).toHaveLength(cases);
  });
});

describe('wrap-up after the chat', () => {
  const wrapUp = (seconds: number) => ({ ...automation('contactTask'), wrapUp: { enabled: true, seconds, dispositionField: 'Type', dispositions: [] } });
  const graceTasks = async (emulator: typeof e2e.emulator) => {
    const contact = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    return (await emulator.records('Task')).filter((t) => t.WhoId === contact.Id);
  };

  it('waits for the agent: the disposition and notes go with the chat at "Done", the worker stopped in between', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: wrapUp(600) });
    const chat = await demo.startChat(grace());
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"][data-record-type="Contact"]');
    await demo.sendMessage(chat, 'agent', 'I have reset your password.');
    await demo.endOpenChat();
    await panel.find('[data-wrap-up] [data-field="disposition"] select');
    await harness.screenshot(page, 'wrap-up');
    // Nothing is written while the agent wraps up, whatever the worker does.
    await harness.stopWorker();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await graceTasks(emulator)).toEqual([]);
    const frame = await panel.frame();
    await frame.select('[data-wrap-up] [data-field="disposition"] select', 'Call');
    await panel.retype('[data-wrap-up] [data-field="notes"] textarea', 'Reset the password; she will try tonight.');
    await click(panel, '[data-action="wrap-up-done"]');
    const entry = await panel.settledWrite(chat);
    expect(entry.state).toBe('done');
    const tasks = await graceTasks(emulator);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ Id: entry.ids.record, Type: 'Call' });
    expect(String(tasks[0]!.Description)).toMatch(/^Wrap-up notes: Reset the password; she will try tonight\.\n\n[\s\S]*I have reset your password\./);
  });

  it('goes as it is when the wrap-up time is up, and at once when the console tab closes', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    let { panel, demo } = await e2e.openConnectedConsole({ settings: wrapUp(5) });
    let chat = await demo.startChat(grace());
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"]');
    await demo.endOpenChat();
    await panel.find('[data-wrap-up]');
    const ended = Date.now();
    expect((await panel.settledWrite(chat, 20_000)).state).toBe('done');
    expect(Date.now() - ended).toBeGreaterThan(3_000);
    expect(await graceTasks(emulator)).toHaveLength(1);

    // A long wrap-up, and the agent closes the console tab: the write goes now.
    await harness.closePages();
    ({ panel, demo } = await e2e.openConnectedConsole({ settings: wrapUp(3600) }));
    chat = await demo.startChat(grace());
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"]');
    await demo.endOpenChat();
    await panel.find('[data-wrap-up]');
    await harness.closePages();
    const until = Date.now() + 15_000;
    while ((await graceTasks(emulator)).length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    expect(await graceTasks(emulator)).toHaveLength(2);
  });
});

describe('every chat related to an account', () => {
  const settings = { automation: { ended: { action: 'contactCase', strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } }, records: { requireAccount: true } };
  /** A visitor nobody in Salesforce matches (no account either), in a console set so. */
  const unknownVisitor = async () => {
    await e2e.emulator.reset({ data: 'scenarios' });
    const opened = await e2e.openConnectedConsole({ settings });
    const chat = await opened.demo.startChat(demoVisitor('Nia New', 'nia.new@example.net'));
    await opened.panel.waitForVisitor(chat);
    await opened.panel.find('[data-identity="not_found"]');
    return { ...opened, chat };
  };
  const pickAcme = async (panel: PanelPage) => {
    await panel.retype('[data-account-picker] .field__control', 'acme');
    await click(panel, '[data-account-picker] .lookup__results .choice');
  };

  it('the panel asks for the account before the chat ends; the new contact and case go under it', async () => {
    const { harness, emulator } = e2e;
    const { page, panel, demo, chat } = await unknownVisitor();
    expect(await text(panel, '[data-at-chat-end]')).toBe('At chat end: nothing until this chat is related to an account.');
    await harness.screenshot(page, 'relations-require-account');
    await pickAcme(panel);
    await panel.find('[data-related-account]');
    expect(await text(panel, '[data-at-chat-end]')).toBe('At chat end: a new contact and a case under Acme Corp.');
    await demo.endOpenChat();
    const entry = await panel.settledWrite(chat);
    const acme = (await emulator.records('Account')).find((a) => a.Name === 'Acme Corp')!;
    expect((await emulator.records('Contact')).find((c) => c.Id === entry.ids.person)).toMatchObject({ AccountId: acme.Id });
    expect((await emulator.records('Case')).find((c) => c.Id === entry.ids.record)).toMatchObject({ AccountId: acme.Id });
  });

  it('a chat that ends without one writes nothing and waits for the agent; their account writes it', async () => {
    const { harness, emulator } = e2e;
    const { page, panel, demo } = await unknownVisitor();
    const contacts = (await emulator.records('Contact')).length;
    await demo.endOpenChat();
    await panel.find('[data-write="needs_attention"] [data-account-picker]');
    expect(await emulator.records('Contact')).toHaveLength(contacts);
    await harness.screenshot(page, 'relations-require-account-waits');
    await pickAcme(panel);
    await panel.find('[data-write="done"]', 20_000);
    const acme = (await emulator.records('Account')).find((a) => a.Name === 'Acme Corp')!;
    expect((await emulator.records('Contact')).filter((c) => c.Email === 'nia.new@example.net').map((c) => c.AccountId)).toEqual([acme.Id]);
  });
});

describe('when a chat is started', () => {
  it('writes once the visitor gives an e-mail, during the chat and only once; a visitor without one gets nothing', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const settings = { automation: { started: { action: 'leadTask', strategy: 'none' }, ended: { action: 'nothing', strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } } };
    const { panel, demo } = await e2e.openConnectedConsole({ settings });
    const anonymous = await demo.startChat(demoVisitor('Anonymous', ''));
    const chat = await demo.startChat(demoVisitor('Nia New', 'nia.new@example.net'));
    await demo.openChat(chat);
    const entry = await panel.settledWrite(chat);
    expect(entry).toMatchObject({ trigger: 'started', state: 'done', steps: [{ object: 'Lead', method: 'POST' }, { object: 'Task', method: 'POST' }] });
    const lead = (await emulator.records('Lead')).find((l) => l.Email === 'nia.new@example.net')!;
    expect((await emulator.records('Task')).filter((t) => t.WhoId === lead.Id)).toHaveLength(1);
    // More messages, then the end: nothing more is written for it.
    await demo.sendMessage(chat, 'visitor', 'Thanks!');
    await demo.endOpenChat();
    await new Promise((r) => setTimeout(r, 1000));
    expect((await emulator.records('Lead')).filter((l) => l.Email === 'nia.new@example.net')).toHaveLength(1);
    expect((await emulator.records('Task')).filter((t) => t.WhoId === lead.Id)).toHaveLength(1);
    expect((await panel.send<{ data: unknown[] }>({ command: 'outbox.list', payload: { chatId: anonymous } })).data).toEqual([]);
  });
});

describe('several people on one task', () => {
  const rules = { contacts: [{ chatField: 'visitor.email', sfField: 'Email' }, { chatField: 'visitor.phone', sfField: 'Phone' }], leads: [], accounts: [] };
  const settings = { identification: rules, ...automation('contactTask') };
  const visitor = () => demoVisitor('Pat', 'morgan-lee@example.org', { phone: '(212) 555-0147' });
  /** Pat Morgan-Lee's chat, identified, with Pat Morgan (another match) put on it by the agent. */
  async function withMorganAdded(chosen: Record<string, unknown>) {
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: chosen });
    const chat = await demo.startChat(visitor());
    await panel.waitForVisitor(chat);
    const contacts = await e2e.emulator.records('Contact');
    const morgan = contacts.find((c) => c.Email === 'morgan@example.org')!;
    const morganLee = contacts.find((c) => c.Email === 'morgan-lee@example.org')!;
    await click(panel, `[data-action="add-person"][data-person="${morgan.Id}"]`);
    return { page, panel, demo, chat, morgan, morganLee };
  }

  it('with Shared Activities, the other match the agent adds is named on the same task', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios', org: { sharedActivities: true } });
    await harness.forgetMetadata(); // this org's Task has TaskWhoIds
    const { page, panel, demo, chat, morgan, morganLee } = await withMorganAdded(settings);
    expect(await text(panel, '[data-also-on-chat]')).toBe('Its task also names Pat Morgan (take off).');
    await harness.screenshot(page, 'relations-several-people');
    await demo.endOpenChat();
    const entry = await panel.settledWrite(chat);
    const task = (await emulator.records('Task')).find((t) => t.Id === entry.ids.record)!;
    expect(task).toMatchObject({ TaskWhoIds: [morganLee.Id, morgan.Id], WhoId: morganLee.Id, WhoCount: 2 });
    await harness.forgetMetadata();
  });

  it('without it, the task names the chat\'s person alone and says who was left off', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    await harness.forgetMetadata();
    const { panel, demo } = await e2e.openConnectedConsole({ settings });
    const chat = await demo.startChat(visitor());
    await panel.waitForVisitor(chat);
    // Found by the agent's own search this time.
    const morgan = (await emulator.records('Contact')).find((c) => c.Email === 'morgan@example.org')!;
    await panel.retype('.search__input', 'morgan@example.org');
    await click(panel, '.search__form button[type="submit"]');
    await click(panel, `.search__results [data-action="add-person"][data-person="${morgan.Id}"]`);
    await panel.find('[data-also-on-chat]');
    await demo.endOpenChat();
    const entry = await panel.settledWrite(chat);
    expect(entry.skipped).toContainEqual(expect.objectContaining({ label: 'Other contacts', reason: expect.stringMatching(/^Pat Morgan: this org has no Shared Activities/) }));
    const task = (await emulator.records('Task')).find((t) => t.Id === entry.ids.record)!;
    expect(task.WhoId).not.toBe(morgan.Id);
  });

  it("without it, and the admin's choice a task each: the other person gets the chat's task of their own", async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    await harness.forgetMetadata();
    const { page, panel, demo, chat, morgan, morganLee } = await withMorganAdded({ ...settings, records: { otherPeople: 'taskEach' } });
    await expect.poll(() => text(panel, '[data-also-on-chat]')).toBe('A task of their own also goes to Pat Morgan (take off).');
    await harness.screenshot(page, 'relations-task-each');
    await demo.sendMessage(chat, 'agent', 'Both of you will get the quote.');
    await demo.endOpenChat();
    const entry = await panel.settledWrite(chat);
    expect(entry).toMatchObject({ state: 'done', steps: [{ ref: 'record', object: 'Task' }, { ref: 'other1', object: 'Task' }] });
    expect(entry.skipped.filter((s) => s.label === 'Other contacts')).toEqual([]);
    const all = await emulator.records('Task');
    const key = String(all.find((t) => t.Id === entry.ids.record)!.CallObject);
    const tasks = all.filter((t) => String(t.CallObject).startsWith(key));
    expect(tasks.map((t) => t.WhoId).sort()).toEqual([morganLee.Id, morgan.Id].sort());
    expect(tasks.every((t) => /Both of you will get the quote\./.test(String(t.Description)))).toBe(true);
    expect(new Set(tasks.map((t) => t.CallObject)).size).toBe(2);
  });
});

describe('the description template', () => {
  it("composes the chat's task description from the admin's template, read back from the org", async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const settings = { ...automation('contactTask'), records: { description: 'Chat {chat.id} with {visitor.email}, {chat.startTime} to {chat.endTime}\n\n{chat.transcript}' } };
    const { panel, demo } = await e2e.openConnectedConsole({ settings });
    const chat = await demo.startChat(grace());
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"]');
    await demo.endOpenChat();
    const entry = await panel.settledWrite(chat);
    const task = (await emulator.records('Task')).find((t) => t.Id === entry.ids.record)!;
    expect(String(task.Description)).toMatch(new RegExp(`^Chat ${chat} with grace\\.hopper@example\\.com, \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z to \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\n\n\\[[^\\]]+\\] System: Chat started[\\s\\S]*Grace Hopper: I still cannot log in\\.`));
  });
});
