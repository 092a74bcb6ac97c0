import { describe, expect, it } from 'vitest';
import { fieldOf, layoutOf } from '@/utils/salesforce/describe';
import { MetadataCache, memoryMetadataStore, REVALIDATE_MS } from '@/utils/salesforce/metadata';
import { useEmulatorOrg } from '../org';

const org = useEmulatorOrg();

const calls = () => org.emulator.apiCalls().map((c) => `${c.method} ${c.path.split('?')[0]} ${c.status}`);
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('MetadataCache', () => {
  it('fetches describe and layouts of every missing object in ONE request, then never again', async () => {
    const cache = new MetadataCache(memoryMetadataStore());
    const objects = await cache.objects(org.client, ['Contact', 'Lead', 'Account']);
    expect(calls()).toEqual(['POST /services/data/v62.0/composite 200']);
    expect(fieldOf(objects.Contact, 'email')).toMatchObject({ name: 'Email', label: 'Email', type: 'email' });
    expect(fieldOf(objects.Lead, 'Status')!.picklistValues.map((p) => p.value)).toContain('Open - Not Contacted');
    // Layout order: owner, the name parts, account, title... as the page layout has them.
    expect(objects.Contact!.layoutOrder.slice(0, 6)).toEqual(['OwnerId', 'Name', 'Salutation', 'FirstName', 'LastName', 'AccountId']);
    for (let i = 0; i < 100; i++) await cache.objects(org.client, ['Contact', 'Lead', 'Account']);
    expect(calls()).toHaveLength(1);
  });

  it('survives the worker: a new cache on the same store asks nothing', async () => {
    const store = memoryMetadataStore();
    await new MetadataCache(store).objects(org.client, ['Contact']);
    await new MetadataCache(store).objects(org.client, ['Contact']);
    expect(calls()).toHaveLength(1);
  });

  it('concurrent chats share one fetch', async () => {
    const cache = new MetadataCache(memoryMetadataStore());
    await Promise.all([cache.objects(org.client, ['Contact', 'Lead']), cache.objects(org.client, ['Contact', 'Lead']), cache.objects(org.client, ['Contact', 'Lead'])]);
    expect(calls()).toHaveLength(1);
  });

  it('revalidates after an hour without waiting for it: 304s when nothing changed', async () => {
    let now = 1_000_000;
    const cache = new MetadataCache(memoryMetadataStore(), () => now);
    const first = await cache.objects(org.client, ['Contact']);
    now += REVALIDATE_MS + 1;
    const second = await cache.objects(org.client, ['Contact']);
    expect(second).toEqual(first);
    await settle();
    expect(calls()).toHaveLength(2);
    // Within the hour again: nothing.
    await cache.objects(org.client, ['Contact']);
    await settle();
    expect(calls()).toHaveLength(2);
  });

  it('picks up an admin change (new label) on revalidation', async () => {
    let now = 1_000_000;
    const cache = new MetadataCache(memoryMetadataStore(), () => now);
    await cache.objects(org.client, ['Contact']);
    const title = org.emulator.org.metadata.get('contact')!.describe.fields.find((f) => f.name === 'Title')!;
    title.label = 'Job title';
    now += REVALIDATE_MS + 1;
    await cache.objects(org.client, ['Contact']);
    await settle();
    expect(fieldOf((await cache.objects(org.client, ['Contact'])).Contact, 'Title')!.label).toBe('Job title');
  });

  it('sends If-None-Match with the ETags it has, and keeps the data on 304', async () => {
    let now = 1_000_000;
    const sent: unknown[] = [];
    const statuses: number[][] = [];
    const spy = new Proxy(org.client, {
      get: (target, key) =>
        key === 'composite'
          ? async (requests: unknown[]) => {
              sent.push(requests);
              const answers = await target.composite(requests as never);
              statuses.push(answers.map((a) => a.httpStatusCode));
              return answers;
            }
          : Reflect.get(target, key),
    });
    const cache = new MetadataCache(memoryMetadataStore(), () => now);
    const before = await cache.objects(spy, ['Lead']);
    now += REVALIDATE_MS + 1;
    await cache.objects(spy, ['Lead']);
    await settle();
    expect(sent[1]).toEqual([
      expect.objectContaining({ url: '/services/data/v62.0/sobjects/Lead/describe', httpHeaders: { 'If-None-Match': expect.stringMatching(/^"/) } }),
      expect.objectContaining({ url: '/services/data/v62.0/sobjects/Lead/describe/layouts', httpHeaders: { 'If-None-Match': expect.stringMatching(/^"/) } }),
    ]);
    expect(statuses).toEqual([[200, 200], [304, 304]]);
    expect((await cache.objects(spy, ['Lead'])).Lead).toEqual(before.Lead);
  });

  it('says which object Salesforce would not describe', async () => {
    const cache = new MetadataCache(memoryMetadataStore());
    await expect(cache.objects(org.client, ['NoSuchThing__c'])).rejects.toThrow(/did not describe NoSuchThing__c/);
  });
});

describe('layoutOf', () => {
  it('follows the default record type mapping and expands compound fields', () => {
    const layouts = {
      layouts: [
        { id: 'A', detailLayoutSections: [{ layoutRows: [{ layoutItems: [{ label: 'Ex', layoutComponents: [{ type: 'Field', value: 'X' }] }] }] }] },
        { id: 'B', detailLayoutSections: [{ layoutRows: [{ layoutItems: [{ layoutComponents: [{ type: 'Field', value: 'Name', components: [{ type: 'Field', value: 'FirstName' }] }] }, { layoutComponents: [{ type: 'EmptySpace' }] }] }] }] },
      ],
      recordTypeMappings: [{ layoutId: 'A' }, { layoutId: 'B', defaultRecordTypeMapping: true }],
    };
    expect(layoutOf(layouts).order).toEqual(['Name', 'FirstName']);
    expect(layoutOf(layouts).sections).toEqual([{ heading: '', fields: ['FirstName'] }]);
    expect(layoutOf(undefined)).toEqual({ order: [], labels: {}, sections: [], required: [], recordTypes: [], recordTypePicklists: {}, recordTypeSections: {} });
  });
});

describe('layoutOf with record types', () => {
  it('gives a record type with its own page layout its own sections, and reads each one\'s picklist values', () => {
    const section = (field: string) => ({ heading: field, layoutRows: [{ layoutItems: [{ layoutComponents: [{ type: 'Field', value: field }] }] }] });
    const raw = {
      layouts: [{ id: 'L1', detailLayoutSections: [section('A')] }, { id: 'L2', detailLayoutSections: [section('B')] }],
      recordTypeMappings: [
        { recordTypeId: 'RT1', name: 'One', available: true, defaultRecordTypeMapping: true, layoutId: 'L1', picklistsForRecordType: [{ picklistName: 'P', picklistValues: [{ value: 'x' }] }] },
        { recordTypeId: 'RT2', name: 'Two', available: true, layoutId: 'L2', picklistsForRecordType: [] },
        { recordTypeId: 'M', name: 'Master', available: false, master: true, layoutId: 'L1' },
      ],
    };
    const info = layoutOf(raw);
    expect(info.sections).toEqual([{ heading: 'A', fields: ['A'] }]);
    expect(info.recordTypeSections).toEqual({ RT2: [{ heading: 'B', fields: ['B'] }] });
    expect(info.recordTypes).toEqual([{ id: 'RT1', name: 'One', default: true }, { id: 'RT2', name: 'Two', default: false }]);
    expect(info.recordTypePicklists).toEqual({ RT1: { P: ['x'] }, RT2: {} });
  });
});
