import { describe, expect, it } from 'vitest';
import { useExtension } from '../setup';
import { demoVisitor } from '../pages/demo-console';
import type { PanelPage } from '../pages/panel';

const e2e = useExtension();

const visitor = (name: string, email: string, phone = '') => demoVisitor(name, email, { phone });

/** Rules with phone conditions, as an admin sets them (the options page arrives with settings). */
const EMAIL_OR_PHONE = {
  identification: {
    contacts: [{ chatField: 'visitor.email', sfField: 'Email' }, { chatField: 'visitor.phone', sfField: 'Phone' }, { chatField: 'visitor.phone', sfField: 'MobilePhone' }],
    leads: [{ chatField: 'visitor.email', sfField: 'Email' }, { chatField: 'visitor.phone', sfField: 'Phone' }],
    accounts: [],
  },
};

/**
 * Identification's requests. The panel's routing line asks the owners' Omni-Channel presence on its
 * own (tests/e2e/specs/routing.e2e.ts counts those), and, for a session stored by hand as here (a
 * real login's grant names the user), who the agent is once per worker.
 */
const calls = async (emulator: typeof e2e.emulator) => (await emulator.apiCalls())
  .filter((c) => !decodeURIComponent(c.path).includes('FROM UserServicePresence') && !c.path.startsWith('/services/oauth2/userinfo'))
  .map((c) => `${c.method} ${c.path.split('?')[0]}`);
const COMPOSITE = 'POST /services/data/v62.0/composite';

/** The shown fields of a record as label → value, in the order the panel shows them. */
async function shownFields(panel: PanelPage, selector: string): Promise<[string, string][]> {
  const form = await panel.find(selector);
  return form.evaluate((el) => [...el.querySelectorAll('.field')].map((f) => [f.querySelector('dt')!.textContent!.trim(), (f.querySelector('dd') as HTMLElement).innerText.trim()] as [string, string]));
}

describe('recognising the visitor in Salesforce', () => {
  it('shows the contact, its fields in layout order and its account, at chat start; metadata once per org', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    await harness.clearOutbox(); // no write left by another spec fetches metadata before this chat
    await harness.forgetMetadata();
    const { page, panel, demo } = await e2e.openConnectedConsole();
    await emulator.clearLog();
    const chat = await demo.startChat(visitor('Grace Hopper', 'GRACE.HOPPER@example.com'));
    await panel.waitForVisitor(chat);
    const card = await panel.find('[data-identity="found"]');
    expect(await card.evaluate((el) => el.getAttribute('data-record-type'))).toBe('Contact');
    const grace = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    const users = await emulator.records('User');
    const ownerName = (id: unknown) => users.find((u) => u.Id === id)!.Name as string;
    const href = await card.evaluate((el) => el.querySelector('a.identity__name')!.getAttribute('href'));
    expect(href).toBe(`${(await emulator.token()).instanceUrl}/lightning/r/Contact/${grace.Id}/view`);
    // Labels from describe, the layout's order, lookups by name, dates in the agent's locale.
    expect(await shownFields(panel, '[data-fields="Contact"]')).toEqual([
      ['Contact Owner', ownerName(grace.OwnerId)],
      ['Title', 'Rear Admiral'],
      ['Department', 'Engineering'],
      ['Birthdate', 'Dec 9, 1906'],
      ['Lead Source', 'Web'],
      ['Business Phone', '(415) 555-0100'],
      ['Mobile Phone', '—'],
      ['Email', 'grace.hopper@example.com'],
    ]);
    const acme = (await emulator.records('Account')).find((a) => a.Name === 'Acme Corp')!;
    expect(await card.evaluate((el) => (el.querySelector('.identity__account p') as HTMLElement).innerText)).toBe('Account: Acme Corp');
    expect(await shownFields(panel, '[data-fields="Account"]')).toEqual([
      ['Account Owner', ownerName(acme.OwnerId)],
      ['Account Type', String(acme.Type)],
      ['Industry', String(acme.Industry)],
      ['Annual Revenue', new Intl.NumberFormat('en-US').format(acme.AnnualRevenue as number)],
      ['Account Phone', String(acme.Phone)],
      ['Website', String(acme.Website)],
    ]);
    // The org's metadata came once (one composite), then the identification (one composite).
    expect(await calls(emulator)).toEqual([COMPOSITE, COMPOSITE]);
    await harness.screenshot(page, 'identify-contact');

    // Another visitor: one request. The worker stopped and woke: still one (metadata is stored).
    await emulator.clearLog();
    const jose = await demo.startChat(visitor('José Núñez', 'jose.nunez@example.com'));
    await demo.openChat(jose);
    // Wait for José's own card: Grace's is still on screen until the panel follows the switch.
    const contactOf = async (email: string) => (await emulator.records('Contact')).find((c) => String(c.Email).toLowerCase() === email)!.Id as string;
    await panel.find(`[data-identity="found"][data-record-id="${await contactOf('jose.nunez@example.com')}"]`);
    await harness.stopWorker();
    const olivia = await demo.startChat(visitor('Olivia Smith', 'olivia.smith@example.co.uk'));
    await demo.openChat(olivia);
    await panel.find(`.visitor[data-chat-id="${olivia}"]`);
    await panel.find(`[data-identity="found"][data-record-id="${await contactOf('olivia.smith@example.co.uk')}"]`);
    expect(await calls(emulator)).toEqual([COMPOSITE, COMPOSITE]);

    // The same visitor again within ten minutes costs nothing; "Look again" asks Salesforce anew.
    // (Olivia's routing line asks her owner's Omni-Channel presence after the match shows: let it
    // answer first, or its query lands in the log below.)
    await panel.find('.routing__omni').catch(() => undefined);
    await emulator.clearLog();
    const again = await demo.startChat(visitor('Grace Hopper', 'grace.hopper@example.com'));
    await demo.openChat(again);
    await panel.find(`.visitor[data-chat-id="${again}"]`);
    await panel.find('[data-identity="found"]');
    expect(await emulator.apiCalls()).toEqual([]);
    await emulator.latency(400); // long enough to see the panel say it is looking
    await panel.click('[data-action="identify-again"]');
    await panel.find('[data-identity="identifying"]');
    await panel.find('[data-identity="found"] [data-fields="Contact"]');
    expect(await calls(emulator)).toEqual([COMPOSITE]);
  });

  it('finds a contact by a differently formatted phone, stored in any phone field', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: EMAIL_OR_PHONE });
    await emulator.clearLog();
    const grace = await demo.startChat(visitor('Caller', '', '415.555.0100'));
    await panel.waitForVisitor(grace);
    const card = await panel.find('[data-identity="found"]');
    expect(await card.evaluate((el) => (el.querySelector('.identity__name') as HTMLElement).innerText)).toBe('Grace Hopper');
    // A phone match is a search, which cannot carry the contact's open cases: one request more, for the shown
    // record (its own cases and activities, and its account's other open cases, in one composite).
    expect(await calls(emulator)).toEqual([COMPOSITE, COMPOSITE]);
    // Olivia's number is a UK mobile, stored as "+44 7400 123456" in MobilePhone.
    const olivia = await demo.startChat({ ...visitor('Olivia', '', '07400 123456'), session: { country: 'GB' } });
    await demo.openChat(olivia);
    await panel.find(`.visitor[data-chat-id="${olivia}"]`);
    const found = await panel.find('[data-identity="found"] .identity__name');
    expect(await found.evaluate((el) => (el as HTMLElement).innerText)).toBe('Olivia Smith');
    await harness.screenshot(page, 'identify-phone');
  });

  it('compares phones with their country: a French number never shows the Spanish contact with the same national digits', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'empty' });
    // A sample of regions' example numbers (libphonenumber's), stored as an org's users type them.
    const stored: [string, string][] = [
      ['FR', '+33 6 12 34 56 78'], ['ES', '+34 612 34 56 78'], ['MY', '+60 12-345 6789'], ['RU', '+7 912 345-67-89'],
      ['AR', '+54 9 11 2345-6789'], ['TK', '+690 7290'], ['AT', '011 43 664 123456'], ['JP', '090-1234-5678'],
    ];
    const token = await emulator.token();
    for (const [region, Phone] of stored) {
      const created = await fetch(`${token.instanceUrl}/services/data/v62.0/sobjects/Contact`, {
        method: 'POST', headers: { authorization: `Bearer ${token.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ LastName: `Person of ${region}`, Phone }),
      });
      expect(created.status).toBe(201);
    }
    // The console is in the US: the org's users typed Austria's number with the US exit code.
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: { ...EMAIL_OR_PHONE, general: { phoneRegion: 'US', apiBudgetPercent: 50 } } });
    // Each visitor gives their number another way: national, with 00 from the US (whose exit code
    // is 011), Argentina's 15, a short one; Japan's was stored without its country, read in the visitor's.
    const chats: [string, string, string | undefined][] = [
      ['FR', '06 12 34 56 78', 'FR'], ['MY', '012-345 6789', 'MY'], ['RU', '8 (912) 345-67-89', 'RU'], ['AR', '011 15-2345-6789', 'AR'],
      ['TK', '7290', 'TK'], ['AT', '0664 123456', 'AT'], ['ES', '0034 612 34 56 78', undefined], ['JP', '+81 90 1234 5678', 'JP'],
    ];
    for (const [region, phone, country] of chats) {
      const chat = await demo.startChat({ ...visitor('Caller', '', phone), ...(country ? { session: { country } } : {}) });
      await demo.openChat(chat);
      await panel.find(`.visitor[data-chat-id="${chat}"]`);
      const card = await panel.find('[data-identity="found"], [data-identity="not_found"]');
      const shown = await card.evaluate((el) => ({ name: (el.querySelector('.identity__name') as HTMLElement | null)?.innerText, others: el.querySelectorAll('.identity__others li').length }));
      expect(shown, `${region} ${phone}`).toEqual({ name: `Person of ${region}`, others: 0 });
      if (region === 'FR') await harness.screenshot(page, 'identify-phone-country');
    }
  });

  it('lists several matches best first, switches with one click, and remembers the choice for the chat', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: EMAIL_OR_PHONE });
    const chat = await demo.startChat(visitor('Pat', 'morgan-lee@example.org', '(212) 555-0147'));
    await panel.waitForVisitor(chat);
    // Pat Morgan-Lee meets both conditions (e-mail and phone), Pat Morgan only the phone.
    const choices = await panel.find('.identity__others');
    expect(await choices.evaluate((el) => [...el.querySelectorAll('.choice bdi')].map((b) => b.textContent))).toEqual(['Pat Morgan-Lee', 'Pat Morgan']);
    expect(await (await panel.find('[data-identity="found"] .identity__name')).evaluate((el) => el.textContent)).toBe('Pat Morgan-Lee');
    await harness.screenshot(page, 'identify-several');

    await emulator.clearLog();
    await panel.click('.identity__others .choice[aria-pressed="false"]');
    await panel.find('[data-identity="found"] .choice[aria-pressed="true"]');
    const picked = await panel.find('[data-identity="found"] .identity__name');
    expect(await picked.evaluate((el) => el.textContent)).toBe('Pat Morgan');
    expect(await shownFields(panel, '[data-fields="Contact"]')).toContainEqual(['Email', 'morgan@example.org']);

    // Another chat, then back: the choice holds, and switching cost no request.
    const other = await demo.startChat(visitor('Someone', 'nobody@example.org'));
    await demo.openChat(other);
    await panel.find('[data-identity="not_found"]');
    await demo.openChat(chat);
    await panel.find(`.visitor[data-chat-id="${chat}"]`);
    expect(await (await panel.find('[data-identity="found"] .identity__name')).evaluate((el) => el.textContent)).toBe('Pat Morgan');
    expect((await calls(emulator)).length).toBe(1); // only the other visitor's identification
  });

  it('follows a converted lead to its contact, shows a lead, and says when nobody matches', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole();
    const converted = await demo.startChat(visitor('Conrad', 'conrad@oldmail.example'));
    await panel.waitForVisitor(converted);
    const viaLead = await panel.find('[data-identity="found"][data-record-type="Contact"]');
    expect(await viaLead.evaluate((el) => (el as HTMLElement).innerText)).toContain('Found through a converted lead');
    expect(await shownFields(panel, '[data-fields="Contact"]')).toContainEqual(['Email', 'conrad.converse@example.com']);
    expect(await viaLead.evaluate((el) => (el.querySelector('.identity__account p') as HTMLElement).innerText)).toBe('Account: Converse Shoes');

    const lead = await demo.startChat(visitor('Chloé Dubois', 'chloe.dubois@example.com'));
    await demo.openChat(lead);
    await panel.find(`.visitor[data-chat-id="${lead}"]`);
    await panel.find('[data-identity="found"][data-record-type="Lead"]');
    const leadFields = Object.fromEntries(await shownFields(panel, '[data-fields="Lead"]'));
    expect(leadFields).toMatchObject({ Company: expect.any(String), 'Lead Status': 'Open - Not Contacted', Email: 'chloe.dubois@example.com' });
    await harness.screenshot(page, 'identify-lead');

    const stranger = await demo.startChat(visitor('Nobody', 'nobody@example.org'));
    await demo.openChat(stranger);
    await panel.find(`.visitor[data-chat-id="${stranger}"]`);
    await panel.find('[data-identity="not_found"]');
    await harness.screenshot(page, 'identify-not-found');
  });

  it('tells the agent when Salesforce is down or over its API limit, and finds the visitor on "Try again"', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole();
    await emulator.fault({ kind: '503', count: 1, path: '/composite' });
    const chat = await demo.startChat(visitor('José Núñez', 'jose.nunez@example.com'));
    await panel.waitForVisitor(chat);
    const error = await panel.find('[data-identity="error"][data-kind="unreachable"]');
    expect(await error.evaluate((el) => (el as HTMLElement).innerText)).toMatch(/cannot be reached/);
    await harness.screenshot(page, 'identify-unreachable');
    await panel.click('[data-identity="error"] button');
    const found = await panel.find('[data-identity="found"]');
    expect(await found.evaluate((el) => (el as HTMLElement).innerText)).toContain('José Núñez');

    await emulator.fault({ kind: '403-limit', count: 1, path: '/composite' });
    const limited = await demo.startChat(visitor('Chloé', 'chloe.dubois@example.com'));
    await demo.openChat(limited);
    const over = await panel.find('[data-identity="error"][data-kind="over_limit"]');
    expect(await over.evaluate((el) => (el as HTMLElement).innerText)).toMatch(/over its daily API limit/);
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
    await panel.click('.search__form button');
    const result = await panel.find('[data-search="results"] .choice');
    expect(await result.evaluate((el) => (el as HTMLElement).innerText)).toContain('Grace Hopper');
    await harness.screenshot(page, 'identify-search');
    await panel.settled(result);
    await result.click();
    const picked = await panel.find('[data-identity="found"][data-by-hand]');
    expect(await picked.evaluate((el) => (el as HTMLElement).innerText)).toContain('Grace Hopper');
    expect(await shownFields(panel, '[data-fields="Contact"]')).toContainEqual(['Title', 'Rear Admiral']);
  });
});

describe('editing the record in the panel', () => {
  async function openGrace() {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const opened = await e2e.openConnectedConsole();
    const chat = await opened.demo.startChat(visitor('Grace Hopper', 'grace.hopper@example.com'));
    await opened.panel.waitForVisitor(chat);
    await opened.panel.find('[data-fields="Contact"]');
    await opened.panel.click('[data-fields="Contact"] [data-action="edit"]');
    await opened.panel.find('[data-fields="Contact"] .field__control');
    return opened;
  }
  const control = (panel: PanelPage, field: string) => panel.find(`[data-fields="Contact"] [data-field="${field}"] .field__control`);

  const retype = (panel: PanelPage, field: string, text: string) => panel.retype(`[data-fields="Contact"] [data-field="${field}"] .field__control`, text);

  it('saves the changed fields in one request, with controls by type, and shows the new values', async () => {
    const { harness, emulator } = e2e;
    const { page, panel } = await openGrace();
    // Picklists are dropdowns, dates are date pickers, lookups are not edited in place.
    expect(await (await control(panel, 'LeadSource')).evaluate((el) => el.tagName)).toBe('SELECT');
    expect(await (await control(panel, 'Birthdate')).evaluate((el) => (el as HTMLInputElement).type)).toBe('date');
    expect(await (await panel.find('[data-fields="Contact"] [data-field="OwnerId"]')).evaluate((el) => el.querySelector('.field__control'))).toBeNull();
    await retype(panel, 'Title', 'Admiral');
    await (await control(panel, 'LeadSource')).select('Partner Referral');
    await harness.screenshot(page, 'edit-contact');
    await emulator.clearLog();
    await panel.click('[data-fields="Contact"] button[type="submit"]');
    await panel.find('[data-fields="Contact"] .fields__notice');
    const grace = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    expect(grace).toMatchObject({ Title: 'Admiral', LeadSource: 'Partner Referral', Department: 'Engineering' });
    expect((await emulator.apiCalls()).map((c) => `${c.method} ${c.path}`)).toEqual([`PATCH /services/data/v62.0/sobjects/Contact/${grace.Id}`]);
    expect(Object.fromEntries(await shownFields(panel, '[data-fields="Contact"]'))).toMatchObject({ Title: 'Admiral', 'Lead Source': 'Partner Referral' });
    await harness.screenshot(page, 'edit-saved');
  });

  it('shows what describe refuses before sending, and what Salesforce refuses on the field, keeping the typed values', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel } = await openGrace();
    await emulator.clearLog();
    await retype(panel, 'Email', 'grace at navy');
    expect(await (await panel.find('[data-field="Email"] .field__problem')).evaluate((el) => el.textContent)).toBe('Not a valid e-mail address.');
    await panel.click('[data-fields="Contact"] button[type="submit"]');
    await panel.find('[data-fields="Contact"] .fields__message');
    expect(await emulator.apiCalls()).toEqual([]);

    // A validation rule in the org (describe cannot know it): only Salesforce can say no.
    await emulator.validationRule({ object: 'Contact', field: 'Phone', pattern: '^\\+\\d{7,15}$', message: 'Phone must be in international format, like +14155550100.' });
    await retype(panel, 'Email', 'grace@navy.example');
    await retype(panel, 'Phone', '(415) 555-0199');
    await panel.click('[data-fields="Contact"] button[type="submit"]');
    const problem = await panel.find('[data-field="Phone"] .field__problem');
    expect(await problem.evaluate((el) => el.textContent)).toBe('Phone must be in international format, like +14155550100.');
    expect(await (await control(panel, 'Phone')).evaluate((el) => (el as HTMLInputElement).value)).toBe('(415) 555-0199');
    const grace = (await emulator.records('Contact')).find((c) => c.LastName === 'Hopper')!;
    expect(grace).toMatchObject({ Phone: '(415) 555-0100', Email: 'grace.hopper@example.com' });
    await harness.screenshot(page, 'edit-refused');

    // Fixed as Salesforce asked: saved.
    await retype(panel, 'Phone', '+14155550199');
    await panel.click('[data-fields="Contact"] button[type="submit"]');
    await panel.find('[data-fields="Contact"] .fields__notice');
    expect((await emulator.records('Contact')).find((c) => c.LastName === 'Hopper')).toMatchObject({ Phone: '+14155550199', Email: 'grace@navy.example' });
  });
});
