import { describe, expect, it } from 'vitest';
import { useExtension } from '../setup';

const e2e = useExtension();

const visitor = (name: string, email: string) => ({
  name, email, phone: '', visits: 1, chats: 0,
  session: { country: 'US' }, preChat: { Name: name, Email: email }, custom: {}, firstMessage: 'Hello',
});

describe('recognising the visitor in Salesforce', () => {
  it('shows the contact with its account and a link to the record, at chat start', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole();
    await emulator.clearLog();
    const chat = await demo.startChat(visitor('Grace Hopper', 'GRACE.HOPPER@example.com'));
    await panel.waitForVisitor(chat);
    const card = await panel.find('[data-identity="found"]');
    expect(await card.evaluate((el) => el.getAttribute('data-record-type'))).toBe('Contact');
    const text = await card.evaluate((el) => (el as HTMLElement).innerText);
    expect(text).toContain('Grace Hopper');
    expect(text).toContain('Account: Acme Corp');
    const href = await card.evaluate((el) => el.querySelector('a.identity__name')!.getAttribute('href'));
    const grace = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    expect(href).toBe(`${(await emulator.token()).instanceUrl}/lightning/r/Contact/${grace.Id}/view`);
    expect((await emulator.apiCalls()).map((c) => `${c.method} ${c.path.split('?')[0]}`)).toEqual(['POST /services/data/v62.0/composite']);
    await harness.screenshot(page, 'identify-contact');

    // The same visitor again within ten minutes costs nothing.
    await emulator.clearLog();
    const again = await demo.startChat(visitor('Grace Hopper', 'grace.hopper@example.com'));
    await demo.openChat(again);
    await panel.find(`.visitor[data-chat-id="${again}"]`);
    await panel.find('[data-identity="found"]');
    expect(await emulator.apiCalls()).toEqual([]);
  });

  it('follows a converted lead to its contact, shows a lead, and says when nobody matches', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole();
    const converted = await demo.startChat(visitor('Conrad', 'conrad@oldmail.example'));
    await panel.waitForVisitor(converted);
    const viaLead = await panel.find('[data-identity="found"][data-record-type="Contact"]');
    expect(await viaLead.evaluate((el) => (el as HTMLElement).innerText)).toContain('Found through a converted lead');

    const lead = await demo.startChat(visitor('Chloé Dubois', 'chloe.dubois@example.com'));
    await demo.openChat(lead);
    await panel.find(`.visitor[data-chat-id="${lead}"]`);
    await panel.find('[data-identity="found"][data-record-type="Lead"]');
    await harness.screenshot(page, 'identify-lead');

    const stranger = await demo.startChat(visitor('Nobody', 'nobody@example.org'));
    await demo.openChat(stranger);
    await panel.find(`.visitor[data-chat-id="${stranger}"]`);
    await panel.find('[data-identity="not_found"]');
    await harness.screenshot(page, 'identify-not-found');
  });

  it('tells the agent when Salesforce is down, and finds the visitor on "Try again"', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole();
    await emulator.fault({ kind: '503', count: 1, path: '/composite' });
    const chat = await demo.startChat(visitor('José Núñez', 'jose.nunez@example.com'));
    await panel.waitForVisitor(chat);
    const error = await panel.find('[data-identity="error"][data-kind="unreachable"]');
    expect(await error.evaluate((el) => (el as HTMLElement).innerText)).toMatch(/cannot be reached/);
    await harness.screenshot(page, 'identify-unreachable');
    await (await panel.find('[data-identity="error"] button')).click();
    const found = await panel.find('[data-identity="found"]');
    expect(await found.evaluate((el) => (el as HTMLElement).innerText)).toContain('José Núñez');
  });

  it('lets the agent search Salesforce by hand and pick the record for this chat', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole();
    const chat = await demo.startChat(visitor('G. H.', 'gh@personal.example'));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="not_found"]');
    const input = await panel.find('.search__input');
    await input.type('Hopper');
    await (await panel.find('.search__form button')).click();
    const result = await panel.find('[data-search="results"] .choice');
    expect(await result.evaluate((el) => (el as HTMLElement).innerText)).toContain('Grace Hopper');
    await harness.screenshot(page, 'identify-search');
    await result.click();
    const picked = await panel.find('[data-identity="found"][data-by-hand]');
    expect(await picked.evaluate((el) => (el as HTMLElement).innerText)).toContain('Grace Hopper');
  });
});

