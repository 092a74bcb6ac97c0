import { describe, expect, it, onTestFinished } from 'vitest';
import { EMAIL_DUPLICATE_RULES } from '../../salesforce-emulator/org';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { useExtension } from '../setup';
import { buildLayouts } from '../../salesforce-emulator/metadata/layouts';
import type { SObjectDescribe } from '../../salesforce-emulator/metadata/fields';
import { demoVisitor, demoChatKey } from '../pages/demo-console';
import type { OutboxItem } from '@/utils/messages/protocol';
import type { PanelPage } from '../pages/panel';

const e2e = useExtension();

const visitor = (name: string, email: string, preChat: Record<string, string> = {}) => demoVisitor(name, email, { preChat, firstMessage: 'I need help with my order.' });
const automation = (ended: string, strategy = 'none', offline = 'nothing') => ({
  automation: { ended: { action: ended, strategy }, offline: { action: offline, strategy: 'none' } },
});

const CASE_DESCRIBE = fileURLToPath(new URL('../../salesforce-emulator/metadata/describe-Case.json', import.meta.url));
/** Layouts without the items that show these fields (an org's admin took them off). */
function withoutLayoutFields<T>(layouts: T, fields: string[]): T {
  const shows = (item: unknown) => JSON.stringify((item as { layoutComponents?: unknown }).layoutComponents ?? []).match(/"value":"([A-Za-z0-9_]+)"/g)?.some((m) => fields.includes(m.slice(9, -1)));
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.filter((n) => !(n && typeof n === 'object' && 'layoutComponents' in n && shows(n))).map(strip);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, strip(v)]));
    return node;
  };
  return strip(layouts) as T;
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
    const entry = await panel.settledWrite(chat);
    expect(entry).toMatchObject({ state: 'done', steps: [{ object: 'Contact', method: 'POST' }, { object: 'Case', method: 'POST' }] });

    const ana = (await emulator.records('User')).find((u) => u.Email === 'ana.agent@example.com')!;
    const contact = (await emulator.records('Contact')).find((c) => c.Email === 'ada@engine.example')!;
    expect(contact).toMatchObject({ Id: entry.ids.person, FirstName: 'Ada', LastName: 'Lovelace', Phone: '+14155550199', Department: 'R&D', OwnerId: ana.Id });
    const cases = (await emulator.records('Case')).filter((c) => c.ContactId === contact.Id);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ Id: entry.ids.record, Subject: 'Chat with Ada Lovelace', Origin: 'Web', SuppliedEmail: 'ada@engine.example', SuppliedCompany: 'Analytical Engines', OwnerId: ana.Id });
    expect(String(cases[0]!.Description)).toMatch(/I need help with my order\.\n.*Happy to help\. What is the order number\?/);
    // The write is ONE composite request (the owner lookup is once a day per agent); this org has no
    // Chat_Key__c, so one more composite (of queries) looks for a copy a browser resend made.
    expect((await writes(emulator)).filter((w) => w.includes('/composite'))).toHaveLength(2);
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
    const entry = await panel.settledWrite(chat);
    expect(entry.state).toBe('done');
    const grace = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    expect(grace).toMatchObject(expected);
    expect(grace.Phone).toBe('(415) 555-0100'); // the same number: no update, whatever its format
    expect(await emulator.records('Contact')).toHaveLength(contactsBefore);
    const tasks = (await emulator.records('Task')).filter((t) => t.WhoId === grace.Id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ Subject: 'Chat', Status: 'Completed', CallObject: demoChatKey(e2e.consoleUrl, chat) });
  });

  it('found contact, "Create/Update Contact & Attach Case": the case on the contact and its account', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { panel, demo } = await e2e.openConnectedConsole({ settings: automation('contactCase', 'overwrite') });
    const chat = await demo.startChat(visitor('Grace Hopper', 'grace.hopper@example.com', { Department: 'Fleet' }));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"][data-record-type="Contact"]');
    await demo.endOpenChat();
    expect((await panel.settledWrite(chat)).steps.map((st) => `${st.method} ${st.object}`)).toEqual(['PATCH Contact', 'POST Case']);
    const grace = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    expect(grace.Department).toBe('Fleet');
    const cases = (await emulator.records('Case')).filter((c) => c.ContactId === grace.Id && c.Subject === 'Chat with Grace Hopper');
    expect(cases).toHaveLength(1);
    expect(cases[0]!.AccountId).toBe(grace.AccountId);
  });

  it('found lead at chat end, "Create/Update Lead & Attach Task", overwrite: the lead updated, the task on it', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { panel, demo } = await e2e.openConnectedConsole({ settings: automation('leadTask', 'overwrite') });
    const chat = await demo.startChat(visitor('Chloé Dubois', 'chloe.dubois@example.com', { Company: 'Dubois Conseil' }));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"][data-record-type="Lead"]');
    const leads = (await emulator.records('Lead')).length;
    await demo.endOpenChat();
    expect((await panel.settledWrite(chat)).state).toBe('done');
    const chloe = (await emulator.records('Lead')).find((l) => l.Email === 'chloe.dubois@example.com')!;
    expect(chloe).toMatchObject({ Company: 'Dubois Conseil', FirstName: 'Chloé', LastName: 'Dubois' }); // the full name is no change
    expect(await emulator.records('Lead')).toHaveLength(leads);
    expect((await emulator.records('Task')).filter((t) => t.WhoId === chloe.Id)).toHaveLength(1);
  });

  it('a 5,000-message chat: the case says where its description is cut, the file holds all 5,000 messages', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { panel, demo } = await e2e.openConnectedConsole({ settings: automation('contactCase') });
    const chat = await demo.startChat(visitor('Ada Lovelace', 'ada@engine.example'));
    await panel.waitForVisitor(chat);
    // 4,999 more, one after another as a long chat has them (the first is the visitor's hello).
    await demo.page.evaluate(async (id) => {
      const api = (window as never as { demoConsole: { sendMessage: (id: string, who: string, text: string) => void } }).demoConsole;
      for (let i = 2; i <= 5000; i++) {
        api.sendMessage(id, i % 2 ? 'visitor' : 'agent', `message ${i} of 5000`);
        if (i % 250 === 0) await new Promise((r) => setTimeout(r, 0));
      }
    }, chat);
    await demo.endOpenChat();
    const entry = await panel.settledWrite(chat, 60_000);
    expect(entry.state).toBe('done');
    const record = (await emulator.records('Case')).find((c) => c.Id === entry.ids.record)!;
    const description = String(record.Description);
    expect(description.length).toBeLessThanOrEqual(32_000);
    expect(description).toContain('[cut here: the full transcript is attached to this record as a file]');
    const file = (await emulator.records('ContentVersion')).find((v) => v.FirstPublishLocationId === record.Id)!;
    // One line a message; the console's own "chat started / ended" lines aside.
    const lines = Buffer.from(String(file.VersionData), 'base64').toString('utf8').split('\n').filter((l) => !l.includes('] System: '));
    expect(lines).toHaveLength(5000);
    expect(lines[0]).toMatch(/I need help with my order\.$/);
    expect(lines.at(-1)).toMatch(/message 5000 of 5000$/);
  });

  it('an offline message, "Create/Update Lead & Attach Task": a lead with the message on its task', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { panel, demo } = await e2e.openConnectedConsole({ settings: automation('nothing', 'none', 'leadTask') });
    const offline = await demo.receiveOffline({ name: 'Bea Offline', email: 'bea@later.example', message: 'Please call me back tomorrow about pricing.' });
    const entry = await panel.settledWrite(offline);
    expect(entry).toMatchObject({ state: 'done', steps: [{ object: 'Lead' }, { object: 'Task' }] });
    const lead = (await emulator.records('Lead')).find((l) => l.Email === 'bea@later.example')!;
    expect(lead).toMatchObject({ FirstName: 'Bea', LastName: 'Offline', Company: '[not provided]' });
    expect((await emulator.records('Task')).find((t) => t.WhoId === lead.Id)).toMatchObject({ Subject: 'Offline message from Bea Offline', Description: 'Please call me back tomorrow about pricing.' });
  });

  it('"Create Case": a case of its own; "Do nothing" writes nothing', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const opened = await e2e.openConnectedConsole({ settings: automation('case') });
    const chat = await opened.demo.startChat(visitor('Cy Case', 'cy@case.example'));
    await opened.panel.waitForVisitor(chat);
    await opened.demo.endOpenChat();
    expect(await opened.panel.settledWrite(chat)).toMatchObject({ state: 'done', steps: [{ object: 'Case' }] });
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

  it('says in the panel what the chat had that was not written: an e-mail too long for its field, a company cut', async () => {
    const { emulator, harness } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: automation('contactCase') });
    const email = `${'long.address.'.repeat(7)}x@example.com`;
    const chat = await demo.startChat(visitor('Very Long', email, { Company: 'Compagnie '.repeat(30) }));
    await panel.waitForVisitor(chat);
    await demo.endOpenChat();
    expect((await panel.settledWrite(chat)).state).toBe('done');
    const skipped = await panel.find('[data-write="done"] [data-skipped]');
    const text = await skipped.evaluate((el) => (el as HTMLElement).innerText);
    expect(text).toMatch(/Contact Email: longer than the field's 80 characters/);
    expect(text).toMatch(/Case Company: cut to the field's 80 characters/);
    await skipped.scrollIntoView();
    await harness.screenshot(page, 'write-skipped');
  });

  it('before the chat ends, lists what its write would leave out; the agent corrects the e-mail and the contact gets it', async () => {
    const { emulator, harness } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: automation('contactCase') });
    const email = `${'long.address.'.repeat(7)}x@example.com`;
    const chat = await demo.startChat(visitor('Very Long', email));
    await panel.waitForVisitor(chat);
    const before = await panel.find('[data-not-written] [data-skipped-field="Email"]');
    expect(await before.evaluate((el) => (el as HTMLElement).innerText)).toMatch(/Contact Email: longer than the field's 80 characters/);
    // The chat's own text is there to correct, with the field's limit.
    expect(await before.$eval('input', (el) => (el as HTMLInputElement).value)).toBe(email);
    await harness.screenshot(page, 'write-not-written-before');
    await panel.retype('[data-not-written] [data-skipped-field="Email"] input', 'not an address');
    await panel.click('[data-not-written] [data-skipped-field="Email"] [data-action="fix-value"]');
    const refused = await panel.find('[data-not-written] [data-skipped-field="Email"] .field__problem');
    expect(await refused.evaluate((el) => (el as HTMLElement).innerText)).toMatch(/not an e-mail address/);
    await panel.retype('[data-not-written] [data-skipped-field="Email"] input', 'very.long@example.com');
    await panel.click('[data-not-written] [data-skipped-field="Email"] [data-action="fix-value"]');
    // Taken: the contact's e-mail is no longer listed; the case's own copy (SuppliedEmail) still is.
    await panel.gone('[data-not-written] [data-skipped-field="Email"]');
    await panel.find('[data-not-written] [data-skipped-field="SuppliedEmail"]');
    await demo.endOpenChat();
    const done = await panel.settledWrite(chat);
    expect(done.state).toBe('done');
    const contact = (await emulator.records('Contact')).find((c) => c.Id === done.ids.person);
    expect(contact).toMatchObject({ LastName: 'Long', Email: 'very.long@example.com' });
    const after = await (await panel.find('[data-write="done"] [data-skipped]')).evaluate((el) => (el as HTMLElement).innerText);
    expect(after).toMatch(/Case [^\n]*Email[^\n]*: longer than the field's 80 characters/);
    expect(after).not.toMatch(/Contact Email/);
  });

  it('shows a duplicate rule hit with the existing record, writes nothing, and attaches to it when the agent says so', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    await emulator.settings({ duplicateRules: EMAIL_DUPLICATE_RULES });
    // Identification finds nobody by phone-only rules, so the new contact collides with Grace's e-mail.
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: { ...automation('contactCase'), identification: { contacts: [{ chatField: 'visitor.phone', sfField: 'Phone' }], leads: [], accounts: [] } } });
    const chat = await demo.startChat(visitor('Grace Again', 'grace.hopper@example.com'));
    await panel.waitForVisitor(chat);
    const cases = (await emulator.records('Case')).length;
    const contacts = (await emulator.records('Contact')).length;
    await demo.endOpenChat();
    const entry = await panel.settledWrite(chat);
    expect(entry).toMatchObject({ state: 'needs_attention', errors: [{ code: 'DUPLICATES_DETECTED' }] });
    expect(await emulator.records('Case')).toHaveLength(cases);
    // The panel names the existing contact and offers to attach the case to it.
    const grace = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    const link = await panel.find('[data-write="needs_attention"] .write__duplicate a');
    expect(await link.evaluate((el) => el.getAttribute('href'))).toBe(`${(await emulator.token()).instanceUrl}/lightning/r/Contact/${grace.Id}/view`);
    await harness.screenshot(page, 'write-duplicate');
    await panel.click('[data-action="attach-existing"]');
    await panel.find('[data-write="done"] a');
    expect((await emulator.records('Case')).filter((c) => c.ContactId === grace.Id && c.SuppliedName === 'Grace Again')).toHaveLength(1);
    expect(await emulator.records('Contact')).toHaveLength(contacts);
  });

  it('a refused value waits as "needs attention" with Salesforce\'s words; the agent corrects it and the chat is written', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    await emulator.validationRule({ object: 'Case', field: 'SuppliedCompany', pattern: '^[^<>]*$', message: 'Company names cannot contain < or >.' });
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: automation('contactCase') });
    const chat = await demo.startChat(visitor('Ida Rhodes', 'ida@census.example', { Company: '<b>Census</b>' }));
    await panel.waitForVisitor(chat);
    await demo.endOpenChat();
    const refused = await panel.settledWrite(chat);
    expect(refused).toMatchObject({ state: 'needs_attention', errors: [{ object: 'Case', fields: ['SuppliedCompany'], values: { SuppliedCompany: '<b>Census</b>' } }] });
    expect(await panel.text()).toContain('Company names cannot contain < or >.');
    await harness.screenshot(page, 'write-needs-attention-fix');
    await panel.retype('[data-fix-field="SuppliedCompany"] input', 'Census Bureau');
    await panel.click('[data-action="fix-write"]');
    await panel.find('[data-write="done"]');
    const ida = (await emulator.records('Contact')).filter((c) => c.Email === 'ida@census.example');
    expect(ida).toHaveLength(1);
    expect((await emulator.records('Case')).filter((c) => c.ContactId === ida[0]!.Id).map((c) => c.SuppliedCompany)).toEqual(['Census Bureau']);
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
      const reply = await panel.send<{ data: OutboxItem[] }>({ command: 'outbox.list', payload: { chatId: chat } });
      if (reply.data?.[0]?.attempts) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await emulator.records('Contact')).find((c) => c.Email === 'dora@durable.example')).toBeUndefined();
    await harness.stopWorker();
    await harness.wakeWorker();
    // The new worker keeps the chat, and its backoff: no hammering a server that just failed.
    const [waiting] = (await panel.send<{ data: OutboxItem[] }>({ command: 'outbox.list', payload: { chatId: chat } })).data;
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: expect.any(Number) });
    expect(waiting!.nextAttemptAt! - Date.now()).toBeGreaterThan(5_000);
    // "Try now" (panel or popup) sends it at once instead of at the alarm.
    await panel.send({ command: 'outbox.retry', payload: { id: waiting!.id } });
    const entry = await panel.settledWrite(chat);
    expect(entry.state).toBe('done');
    expect((await emulator.records('Contact')).filter((c) => c.Email === 'dora@durable.example')).toHaveLength(1);
    expect((await emulator.records('Case')).filter((c) => c.SuppliedEmail === 'dora@durable.example')).toHaveLength(1);
  });
});

describe('writing the chat to Salesforce by hand, from the panel', () => {
  const fill = (panel: PanelPage, form: string, field: string, text: string) => panel.retype(`[data-form="${form}"] [data-field="${field}"] .field__control`, text);
  const click = (panel: PanelPage, selector: string) => panel.click(selector);
  const text = async (panel: PanelPage, selector: string) => (await panel.find(selector)).evaluate((el) => (el as HTMLElement).innerText);
  const value = async (panel: PanelPage, form: string, field: string) => (await panel.find(`[data-form="${form}"] [data-field="${field}"] .field__control`)).evaluate((el) => (el as HTMLInputElement).value);

  it('a family name given first ("Wang Wei"): the agent swaps first and last name before the contact is created', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole();
    const chat = await demo.startChat(visitor('Wang Wei', 'wang.wei@example.cn'));
    await panel.waitForVisitor(chat);
    await click(panel, '[data-action="contactTask"]');
    await panel.find('[data-form="Contact"] [data-action="swap-names"]');
    expect([await value(panel, 'Contact', 'FirstName'), await value(panel, 'Contact', 'LastName')]).toEqual(['Wang', 'Wei']);
    await click(panel, '[data-form="Contact"] [data-action="swap-names"]');
    expect([await value(panel, 'Contact', 'FirstName'), await value(panel, 'Contact', 'LastName')]).toEqual(['Wei', 'Wang']);
    await harness.screenshot(page, 'form-contact-swapped');
    await click(panel, '[data-form="Contact"] button[type="submit"]');
    await panel.find('[data-form="Task"]');
    expect((await emulator.records('Contact')).find((c) => c.Email === 'wang.wei@example.cn')).toMatchObject({ FirstName: 'Wei', LastName: 'Wang' });
  });

  it('not found → "Create Contact & Attach Case": the contact now, the case at chat end, confirmed with a link', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole();
    const chat = await demo.startChat(visitor('Hedy Lamarr', 'hedy@spread.example', { Phone: '(310) 555-0142', Department: 'Research' }));
    await panel.waitForVisitor(chat);
    await panel.find('[data-actions="not_found"]');
    expect(await (await panel.find('[data-actions="not_found"]')).evaluate((el) => [...el.querySelectorAll('button')].map((b) => b.textContent))).toEqual([
      'Create Lead & Attach Task', 'Create Case', 'Create Contact & Attach Case', 'Create Contact & Attach Task',
    ]);
    await click(panel, '[data-action="contactCase"]');
    // The org's contact form: its sections, the required mark, the mapping's values.
    await panel.find('[data-form="Contact"] [data-field="LastName"] .field__required');
    expect(await (await panel.find('[data-form="Contact"] [data-field="Email"] .field__control')).evaluate((el) => (el as HTMLInputElement).value)).toBe('hedy@spread.example');
    expect(await (await panel.find('[data-form="Contact"] [data-field="Phone"] .field__control')).evaluate((el) => (el as HTMLInputElement).value)).toBe('+13105550142');
    await panel.find('[data-form="Contact"] [data-action="show-all"]');
    expect(await text(panel, '[data-lookup="OwnerId"] .lookup__chosen')).toContain('Ana Agent');
    // The visitor's name split in two: FirstName and LastName.
    expect(await value(panel, 'Contact', 'FirstName')).toBe('Hedy');
    expect(await value(panel, 'Contact', 'LastName')).toBe('Lamarr');
    await harness.screenshot(page, 'form-contact');
    await click(panel, '[data-form="Contact"] button[type="submit"]');

    // Created at once, shown as the chat's contact; then the case form.
    await panel.find('[data-form="Case"]');
    const hedy = (await emulator.records('Contact')).find((c) => c.Email === 'hedy@spread.example')!;
    const ana = (await emulator.records('User')).find((u) => u.Email === 'ana.agent@example.com')!;
    // Owned by the agent (the Salesforce user with the agent's e-mail), as automatic writes are.
    expect(hedy).toMatchObject({ FirstName: 'Hedy', LastName: 'Lamarr', Phone: '+13105550142', Department: 'Research', OwnerId: ana.Id });
    expect(await text(panel, '[data-identity="found"]')).toContain('Created from this chat');
    await fill(panel, 'Case', 'Subject', 'Frequency hopping question');
    await click(panel, '[data-form="Case"] button[type="submit"]');
    expect(await text(panel, '[data-write="waiting"]')).toContain('A new case will be created and attached to this contact when the chat ends.');
    expect((await emulator.records('Case')).filter((c) => c.ContactId === hedy.Id)).toEqual([]);
    await harness.screenshot(page, 'write-waiting');

    await demo.endOpenChat();
    await panel.find('[data-write="done"] a');
    const cases = (await emulator.records('Case')).filter((c) => c.ContactId === hedy.Id);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ Subject: 'Frequency hopping question', SuppliedEmail: 'hedy@spread.example' });
    expect(await (await panel.find('[data-write="done"] a')).evaluate((el) => el.getAttribute('href'))).toBe(`${(await emulator.token()).instanceUrl}/lightning/r/Case/${cases[0]!.Id}/view`);
    await harness.screenshot(page, 'write-done');
  });

  /** Grace Hopper (a contact in the org) chats; the agent opens "Attach a Case" and types its subject. */
  async function graceCaseForm(subject: string) {
    await e2e.emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole();
    const chat = await demo.startChat(visitor('Grace Hopper', 'grace.hopper@example.com'));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"][data-record-type="Contact"]');
    await click(panel, '[data-action="contactCase"]');
    await panel.find('[data-form="Case"]');
    await fill(panel, 'Case', 'Subject', subject);
    return { page, panel, demo, chat };
  }
  /** Grace's cases with that subject, as the org has them. */
  async function graceCases(subject: string) {
    const grace = (await e2e.emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    return (await e2e.emulator.records('Case')).filter((c) => c.ContactId === grace.Id && c.Subject === subject);
  }

  it('a case saved during the chat is written at its end with the whole chat: messages after the save, the subject the agent typed', async () => {
    const { panel, demo, chat } = await graceCaseForm('Compiler question');
    await click(panel, '[data-form="Case"] button[type="submit"]');
    await panel.find('[data-write="waiting"]');
    // The chat goes on after the case was saved.
    await demo.sendMessage(chat, 'visitor', 'One more thing: the COBOL manual, please.');
    await demo.sendMessage(chat, 'agent', 'Sent it to you just now.');
    await demo.endOpenChat();
    await panel.find('[data-write="done"] a');
    const [written] = await graceCases('Compiler question');
    expect(String(written!.Description)).toMatch(/I need help with my order\.[\s\S]*the COBOL manual, please\.[\s\S]*Sent it to you just now\./);
  });

  it('"Create now": the case exists during the chat, its number shown; at the chat end the same case gets the whole chat, once', async () => {
    const { harness } = e2e;
    const { page, panel, demo, chat } = await graceCaseForm('Bug in the Mark II');
    await click(panel, '[data-action="create-now"]');
    const shown = await panel.find('[data-created-now]');
    const number = await shown.evaluate((el) => el.getAttribute('data-created-now'));
    const created = await graceCases('Bug in the Mark II');
    expect(created.map((c) => c.CaseNumber)).toEqual([number]);
    expect(await shown.evaluate((el) => (el as HTMLElement).innerText)).toContain(`Case ${number} created.`);
    await harness.screenshot(page, 'write-created-now');
    await demo.sendMessage(chat, 'visitor', 'It was a moth, actually.');
    await demo.endOpenChat();
    const done = await panel.settledWrite(chat, 20_000);
    expect(done).toMatchObject({ state: 'done', ids: { record: created[0]!.Id } });
    const after = await graceCases('Bug in the Mark II');
    expect(after).toHaveLength(1);
    expect(String(after[0]!.Description)).toMatch(/I need help with my order\.[\s\S]*It was a moth, actually\./);
  });

  it('"Create now" on a task: the task exists during the chat, linked to the contact; at the chat end the same task gets the whole chat', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole();
    const chat = await demo.startChat(visitor('Grace Hopper', 'grace.hopper@example.com'));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"][data-record-type="Contact"]');
    await click(panel, '[data-action="contactTask"]');
    await panel.find('[data-form="Task"]');
    await fill(panel, 'Task', 'Subject', 'Follow up on the Mark II');
    await click(panel, '[data-form="Task"] [data-action="create-now"]');
    const shown = await panel.find('[data-created-now]');
    const id = await shown.evaluate((el) => el.getAttribute('data-created-now'));
    expect(await shown.evaluate((el) => (el as HTMLElement).innerText)).toMatch(/^Task Follow up on the Mark II created\./);
    const grace = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    expect((await emulator.records('Task')).find((t) => t.Id === id)).toMatchObject({ Subject: 'Follow up on the Mark II', WhoId: grace.Id });
    await harness.screenshot(page, 'write-task-created-now');
    await demo.sendMessage(chat, 'visitor', 'Also, the relay in panel F.');
    await demo.endOpenChat();
    expect(await panel.settledWrite(chat, 20_000)).toMatchObject({ state: 'done', ids: { record: id } });
    const tasks = (await emulator.records('Task')).filter((t) => t.Subject === 'Follow up on the Mark II');
    expect(tasks.map((t) => t.Id)).toEqual([id]);
    expect(String(tasks[0]!.Description)).toMatch(/I need help with my order\.[\s\S]*the relay in panel F\./);
  });

  it('an org whose Case layout lacks Subject, Description and Contact: the form says so, and "Create now" writes them all the same', async () => {
    const { harness, emulator } = e2e;
    const describe = JSON.parse(readFileSync(CASE_DESCRIBE, 'utf8')) as SObjectDescribe;
    // The layout as Salesforce gives it, with the three fields taken off by the org's admin.
    const layouts = withoutLayoutFields(buildLayouts(describe), ['Subject', 'Description', 'ContactId']);
    await emulator.reset({ data: 'scenarios', org: { describes: [{ source: 'Case without Subject on its layout', describe, layouts }] } });
    await harness.forgetMetadata(); // another org's describes: what earlier tests cached is not this org's
    onTestFinished(() => harness.forgetMetadata());
    const { page, panel, demo } = await e2e.openConnectedConsole();
    const chat = await demo.startChat(visitor('Grace Hopper', 'grace.hopper@example.com'));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"][data-record-type="Contact"]');
    await click(panel, '[data-action="contactCase"]');
    await panel.find('[data-form="Case"] button[type="submit"]:not([disabled])');
    const note = await panel.find('[data-form="Case"] [data-off-layout]');
    expect(await note.evaluate((el) => el.getAttribute('data-off-layout')!.split(' ').sort())).toEqual(['ContactId', 'Description', 'Subject']);
    expect(await note.evaluate((el) => (el as HTMLElement).innerText)).toMatch(/^Also written, not on this org's Case layout: /);
    expect(await (await panel.frame()).$('[data-form="Case"] [data-field="Subject"]')).toBeNull();
    await note.scrollIntoView();
    await harness.screenshot(page, 'form-case-off-layout');
    await click(panel, '[data-action="create-now"]');
    const number = await (await panel.find('[data-created-now]')).evaluate((el) => el.getAttribute('data-created-now'));
    const grace = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    const made = (await emulator.records('Case')).find((c) => c.CaseNumber === number);
    expect(made).toMatchObject({ Subject: 'Chat with Grace Hopper', ContactId: grace.Id });
    expect(String(made!.Description)).toMatch(/I need help with my order\./);
  });

  it('finds the account and the owner of a new contact by name', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole();
    const chat = await demo.startChat(visitor('Alan Turing', 'alan@bletchley.example'));
    await panel.waitForVisitor(chat);
    await click(panel, '[data-action="contactTask"]');
    await click(panel, '[data-form="Contact"] [data-action="show-all"]');
    await fill(panel, 'Contact', 'AccountId', 'acme');
    await click(panel, '[data-lookup="AccountId"] .lookup__results .choice');
    await fill(panel, 'Contact', 'OwnerId', "carla");
    (await panel.find('[data-lookup="OwnerId"] .field__control')).press('Enter');
    await click(panel, '[data-lookup="OwnerId"] .lookup__results .choice');
    expect(await text(panel, '[data-lookup="AccountId"] .lookup__chosen')).toContain('Acme Corp');
    await harness.screenshot(page, 'form-lookups');
    await click(panel, '[data-form="Contact"] button[type="submit"]');
    await panel.find('[data-form="Task"]');
    const acme = (await emulator.records('Account')).find((a) => a.Name === 'Acme Corp')!;
    const carla = (await emulator.records('User')).find((u) => u.Email === 'carla.chen@example.com')!;
    expect((await emulator.records('Contact')).find((c) => c.Email === 'alan@bletchley.example')).toMatchObject({ AccountId: acme.Id, OwnerId: carla.Id });
  });

  it('"Create Lead & Attach Task": the agent fills in the required company', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { panel, demo } = await e2e.openConnectedConsole();
    const chat = await demo.startChat(visitor('Lin Lead', 'lin@prospect.example'));
    await panel.waitForVisitor(chat);
    await click(panel, '[data-action="leadTask"]');
    await panel.find('[data-form="Lead"] [data-field="Company"]');
    await click(panel, '[data-form="Lead"] button[type="submit"]');
    expect(await text(panel, '[data-form="Lead"] [data-field="Company"] .field__problem')).toBe('Required in Salesforce.');
    expect((await emulator.records('Lead')).find((l) => l.Email === 'lin@prospect.example')).toBeUndefined();
    await fill(panel, 'Lead', 'Company', 'Prospect & Sons');
    await click(panel, '[data-form="Lead"] button[type="submit"]');
    await panel.find('[data-form="Task"]');
    await click(panel, '[data-form="Task"] button[type="submit"]');
    await panel.find('[data-write="waiting"]');
    await demo.endOpenChat();
    await panel.find('[data-write="done"]');
    const lead = (await emulator.records('Lead')).find((l) => l.Email === 'lin@prospect.example')!;
    expect(lead).toMatchObject({ Company: 'Prospect & Sons', FirstName: 'Lin', LastName: 'Lead' });
    expect((await emulator.records('Task')).filter((t) => t.WhoId === lead.Id)).toHaveLength(1);
  });

  it('"Create Case" (no contact): a dependent picklist offers only what its controlling value allows', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole();
    const chat = await demo.startChat(visitor('Casey Case', 'casey@case.example'));
    await panel.waitForVisitor(chat);
    await click(panel, '[data-action="case"]');
    await click(panel, '[data-form="Case"] [data-action="show-all"]');
    const options = async () => (await panel.find('[data-form="Case"] [data-field="Reason"] select')).evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.value));
    expect(await options()).toEqual(['']); // nothing until a type is chosen
    await (await panel.find('[data-form="Case"] [data-field="Type"] select')).select('Electronic');
    expect(await options()).toEqual(['', 'Equipment Complexity', 'Performance', 'Breakdown']);
    await (await panel.find('[data-form="Case"] [data-field="Reason"] select')).select('Breakdown');
    await (await panel.find('[data-form="Case"] [data-field="Type"] select')).select('Other');
    await click(panel, '[data-form="Case"] button[type="submit"]');
    expect(await text(panel, '[data-form="Case"] [data-field="Reason"] .field__problem')).toBe('Not a choice when Case Type is Other.');
    await harness.screenshot(page, 'form-dependent');
    await (await panel.find('[data-form="Case"] [data-field="Reason"] select')).select('Feedback');
    await click(panel, '[data-form="Case"] button[type="submit"]');
    expect(await text(panel, '[data-write="waiting"]')).toContain('A new case will be created when the chat ends.');
    await demo.endOpenChat();
    await panel.find('[data-write="done"]');
    expect((await emulator.records('Case')).find((c) => c.SuppliedEmail === 'casey@case.example')).toMatchObject({ Type: 'Other', Reason: 'Feedback', ContactId: null });
  });

  it('where the org has record types, the agent picks one, and the form offers its picklist values', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole();
    const chat = await demo.startChat(visitor('Rita Types', 'rita@types.example'));
    await panel.waitForVisitor(chat);
    await click(panel, '[data-action="case"]');
    const recordType = () => panel.find('[data-form="Case"] [data-field="RecordTypeId"] select');
    expect(await (await recordType()).evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => `${o.textContent}${o.selected ? '*' : ''}`))).toEqual(['Support*', 'Billing']);
    await fill(panel, 'Case', 'Subject', 'Invoice twice');
    await click(panel, '[data-form="Case"] [data-action="show-all"]');
    const billing = await (await recordType()).evaluate((el) => [...(el as HTMLSelectElement).options].find((o) => o.textContent === 'Billing')!.value);
    await (await recordType()).select(billing);
    await panel.find('[data-form="Case"] [data-field="Type"] select');
    const typeOptions = async () => (await panel.find('[data-form="Case"] [data-field="Type"] select')).evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.value));
    for (let i = 0; i < 50 && (await typeOptions()).length > 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await typeOptions()).toEqual(['', 'Other']);
    expect(await (await panel.find('[data-form="Case"] [data-field="Subject"] .field__control')).evaluate((el) => (el as HTMLInputElement).value)).toBe('Invoice twice');
    await harness.screenshot(page, 'form-record-type');
    await click(panel, '[data-form="Case"] button[type="submit"]');
    await panel.find('[data-write="waiting"]');
    await demo.endOpenChat();
    await panel.find('[data-write="done"]');
    expect((await emulator.records('Case')).find((c) => c.SuppliedEmail === 'rita@types.example')).toMatchObject({ RecordTypeId: billing, Subject: 'Invoice twice' });
  });

  it('found contact → "Attach a Task", changed before the chat ends; it replaces the automatic action', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { panel, demo } = await e2e.openConnectedConsole({ settings: automation('contactCase') });
    const chat = await demo.startChat(visitor('Grace Hopper', 'grace.hopper@example.com'));
    await panel.waitForVisitor(chat);
    await click(panel, '[data-actions="found"] [data-action="contactTask"]');
    expect(await text(panel, '[data-form="Task"] [data-lookup="WhoId"] .lookup__chosen')).toContain('Grace Hopper');
    await fill(panel, 'Task', 'Subject', 'Call back');
    await click(panel, '[data-form="Task"] button[type="submit"]');
    await click(panel, '[data-action="change-write"]');
    await fill(panel, 'Task', 'Subject', 'Call back on Monday');
    await click(panel, '[data-form="Task"] button[type="submit"]');
    await panel.find('[data-write="waiting"]');
    const cases = (await emulator.records('Case')).length;
    await demo.endOpenChat();
    await panel.find('[data-write="done"]');
    const grace = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    expect((await emulator.records('Task')).filter((t) => t.WhoId === grace.Id).map((t) => t.Subject)).toEqual(['Call back on Monday']);
    expect(await emulator.records('Case')).toHaveLength(cases); // the automatic case was not written as well
  });

  it('a duplicate rule on the new contact offers the existing one, and the case goes to it', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    await emulator.settings({ duplicateRules: EMAIL_DUPLICATE_RULES });
    const { panel, demo } = await e2e.openConnectedConsole({ settings: { identification: { contacts: [{ chatField: 'visitor.phone', sfField: 'Phone' }], leads: [], accounts: [] } } });
    const chat = await demo.startChat(visitor('G. Hopper', 'grace.hopper@example.com'));
    await panel.waitForVisitor(chat);
    await click(panel, '[data-action="contactCase"]');
    await panel.find('[data-form="Contact"] [data-field="LastName"]');
    const contacts = (await emulator.records('Contact')).length;
    await click(panel, '[data-form="Contact"] button[type="submit"]');
    await panel.find('[data-duplicates] [data-action="use-existing"]');
    expect(await emulator.records('Contact')).toHaveLength(contacts);
    await click(panel, '[data-action="use-existing"]');
    await click(panel, '[data-form="Case"] button[type="submit"]');
    await demo.endOpenChat();
    await panel.find('[data-write="done"]');
    const grace = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    expect((await emulator.records('Case')).filter((c) => c.ContactId === grace.Id && c.SuppliedName === 'G. Hopper')).toHaveLength(1);
  });
});
