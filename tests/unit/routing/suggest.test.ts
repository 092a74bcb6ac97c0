import { describe, expect, it } from 'vitest';
import { ownerOf, routingFields, suggestRoute } from '@/utils/routing/suggest';
import { RoutingRule } from '@/utils/routing/settings';
import type { Candidate } from '@/utils/messages/protocol';

const BEN = '005000000000001AAA';
const CARLA = '005000000000002AAA';
const QUEUE = '00G000000000001AAA';

const contact: Candidate = {
  type: 'Contact', id: '003000000000001AAA', name: 'Grace Hopper', matched: ['email'],
  values: { OwnerId: BEN, Title: 'Rear Admiral', Interests__c: 'Wind;Solar' }, names: { OwnerId: 'Ben Backup' },
  account: { id: '001000000000001AAA', name: 'Acme Corp', values: { OwnerId: CARLA, Type: 'Customer - Direct', AnnualRevenue: 1250000 }, names: { OwnerId: 'Carla Chen' } },
};
const lead: Candidate = { type: 'Lead', id: '00Q000000000001AAA', name: 'Chloé Dubois', matched: ['email'], values: { OwnerId: QUEUE, LeadSource: 'Web' }, names: { OwnerId: 'Web leads' } };

const rule = (r: Partial<RoutingRule>): RoutingRule => RoutingRule.parse({ object: 'Account', field: 'Type', values: [], to: 'owner', ...r });

describe('ownerOf', () => {
  it("a contact's owner, its account's owner", () => {
    expect(ownerOf(contact)).toEqual({ userId: BEN, name: 'Ben Backup', object: 'Contact' });
    expect(ownerOf(contact, 'Account')).toEqual({ userId: CARLA, name: 'Carla Chen', object: 'Account' });
  });
  it('a queue owns no chat: no owner', () => {
    expect(ownerOf(lead)).toBeNull();
  });
  it('a record read without its owner: none (never a guess)', () => {
    expect(ownerOf({ ...contact, values: {} })).toBeNull();
    expect(ownerOf(lead, 'Account')).toBeNull();
  });
});

describe('suggestRoute: the first rule that applies', () => {
  it.each<[string, RoutingRule[], ReturnType<typeof suggestRoute>]>([
    ["Account Type is one of the values (any case) → the account's owner", [rule({ values: ['customer - direct', 'Enterprise'] })],
      { to: 'owner', owner: { userId: CARLA, name: 'Carla Chen', object: 'Account' }, because: { object: 'Account', field: 'Type', value: 'Customer - Direct' } }],
    ['a value the field does not hold: nothing', [rule({ values: ['Enterprise'] })], null],
    ['no values: any value applies', [rule({ object: 'Contact', field: 'Title' })],
      { to: 'owner', owner: { userId: BEN, name: 'Ben Backup', object: 'Contact' }, because: { object: 'Contact', field: 'Title', value: 'Rear Admiral' } }],
    ['a blank field never applies, even with no values', [rule({ object: 'Contact', field: 'Department' })], null],
    ['numbers compare as text', [rule({ field: 'AnnualRevenue', values: ['1250000'] })],
      { to: 'owner', owner: { userId: CARLA, name: 'Carla Chen', object: 'Account' }, because: { object: 'Account', field: 'AnnualRevenue', value: '1250000' } }],
    ['a lookup by its name', [rule({ field: 'OwnerId', values: ['carla chen'] })],
      { to: 'owner', owner: { userId: CARLA, name: 'Carla Chen', object: 'Account' }, because: { object: 'Account', field: 'OwnerId', value: 'Carla Chen' } }],
    ['a department', [rule({ values: ['Customer - Direct'], to: 'department', department: ' Enterprise ' })],
      { to: 'department', department: 'Enterprise', because: { object: 'Account', field: 'Type', value: 'Customer - Direct' } }],
    ['the first that applies wins; one that does not is passed', [rule({ values: ['Partner'], to: 'department', department: 'Partners' }), rule({ object: 'Contact', field: 'Title', values: ['Rear Admiral'] }), rule({})],
      { to: 'owner', owner: { userId: BEN, name: 'Ben Backup', object: 'Contact' }, because: { object: 'Contact', field: 'Title', value: 'Rear Admiral' } }],
    ['a multi-select picklist: any of its values', [rule({ object: 'Contact', field: 'Interests__c', values: ['Solar'] })],
      { to: 'owner', owner: { userId: BEN, name: 'Ben Backup', object: 'Contact' }, because: { object: 'Contact', field: 'Interests__c', value: 'Solar' } }],
    ["a rule on leads does not apply to a contact", [rule({ object: 'Lead', field: 'LeadSource' })], null],
  ])('%s', (_, rules, expected) => {
    expect(suggestRoute(contact, rules)).toEqual(expected);
  });

  it("a lead owned by a queue: an owner rule passes to the next rule (a department)", () => {
    expect(suggestRoute(lead, [rule({ object: 'Lead', field: 'LeadSource' }), rule({ object: 'Lead', field: 'LeadSource', values: ['Web'], to: 'department', department: 'Sales' })]))
      .toEqual({ to: 'department', department: 'Sales', because: { object: 'Lead', field: 'LeadSource', value: 'Web' } });
  });
});

describe('RoutingRule', () => {
  it('a department rule names its department; a field is an API name', () => {
    expect(RoutingRule.safeParse({ object: 'Account', field: 'Type', values: [], to: 'department' }).success).toBe(false);
    expect(RoutingRule.safeParse({ object: 'Account', field: 'Type) FROM User --', values: [], to: 'owner' }).success).toBe(false);
  });
});

describe('routingFields', () => {
  it('the owner always, and each field a rule reads, once', () => {
    expect(routingFields([rule({}), rule({}), rule({ object: 'Contact', field: 'Title' })])).toEqual({ Contact: ['OwnerId', 'Title'], Lead: ['OwnerId'], Account: ['OwnerId', 'Type'] });
  });
});
