import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { recordHandlers } from '@/entrypoints/background/handlers/records';
import { ORG_OBJECTS } from '@/utils/salesforce/metadata';
import { panelIn, useServices } from '../setup';

const ctx = useServices();
const ada = { ...emptySnapshot('c1', 'demo'), visitor: { name: 'Ada Lovelace', email: 'ada@example.com' }, transcript: [{ role: 'visitor' as const, text: 'My order never came' }] };
const contact = () => ctx.org.emulator.org.lookup('Contact', 'Email', 'grace.hopper@example.com')[0]!;

describe('records by hand', () => {
  it("opens a new contact's form filled from the chat, on the org's layout", async () => {
    const h = recordHandlers(ctx.services);
    const form = await h['form.open']({ snapshot: ada, action: 'contactCase', object: 'Contact' }, panelIn(7));
    expect(form.state).toBe('form');
    if (form.state !== 'form') return;
    expect(form.initial).toMatchObject({ FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com' });
    expect(form.sections.flatMap((s) => s.fields.map((f) => f.name))).toContain('LastName');
  });

  it('creates a case and names it by its number, as the agent gives it to the customer; the audit log keeps it', async () => {
    const h = recordHandlers(ctx.services);
    const made = await h['record.create']({ type: 'Case', values: { Subject: 'Order never came', ContactId: contact().Id as string } }, panelIn(7));
    expect(made.state).toBe('created');
    if (made.state !== 'created') return;
    expect(made.name).toBe(ctx.org.emulator.org.get('Case', made.id).CaseNumber);
  });

  it("refuses before asking Salesforce what describe says it would refuse, and Salesforce's own refusals by field", async () => {
    const h = recordHandlers(ctx.services);
    await ctx.services.metadata.objects((await ctx.services.client())!, ORG_OBJECTS); // describe is read once, then cached
    const calls = ctx.org.emulator.apiCalls().length;
    const unknown = await h['record.update']({ type: 'Contact', id: contact().Id as string, values: { Nickname__c: 'Amazing' } }, panelIn(7));
    expect(unknown).toEqual({ state: 'refused', fields: { Nickname__c: 'Salesforce has no such field.' } });
    const missing = await h['record.create']({ type: 'Contact', values: { FirstName: 'Ada' } }, panelIn(7));
    expect(missing).toMatchObject({ state: 'refused', fields: { LastName: expect.any(String) } });
    expect(ctx.org.emulator.apiCalls().length).toBe(calls);
  });

  it('saves a change in place: the org has it, and the identification cache forgets the old answer', async () => {
    const h = recordHandlers(ctx.services);
    const saved = await h['record.update']({ type: 'Contact', id: contact().Id as string, values: { Title: 'Commodore' }, before: { Title: 'Rear Admiral' } }, panelIn(7));
    expect(saved).toEqual({ state: 'saved' });
    expect(contact().Title).toBe('Commodore');
  });

  it("searches only the objects a form's lookup points to, never any object a caller names", async () => {
    const h = recordHandlers(ctx.services);
    const accounts = await h['lookup.search']({ referenceTo: ['Account'], text: 'Acme' }, panelIn(7));
    expect(accounts.state === 'results' && accounts.records.map((r) => r.name)).toContain('Acme Corp');
    const calls = ctx.org.emulator.apiCalls().length;
    const orgs = await h['lookup.search']({ referenceTo: ['Organization'], text: 'Acme' }, panelIn(7));
    expect(orgs).toMatchObject({ state: 'error', message: expect.stringContaining('No field') });
    expect(ctx.org.emulator.apiCalls().length).toBe(calls);
  });
});
