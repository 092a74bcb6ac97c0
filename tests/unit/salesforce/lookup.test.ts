import { describe, expect, it } from 'vitest';
import { lookupResult, lookupSoql, lookupTarget, polymorphicSosl, polymorphicTargets } from '@/utils/salesforce/lookup';
import { taskDescribe } from '../../salesforce-emulator/metadata/task';
import { useEmulatorOrg } from '../org';

describe('lookupSoql', () => {
  it('searches users for owner fields, only active ones, and nothing for one character or a bad object name', () => {
    expect(lookupTarget(['Group', 'User'])).toBe('User');
    expect(lookupTarget(['Account'])).toBe('Account');
    expect(lookupSoql('User', 'ca')).toBe("SELECT Id, Name FROM User WHERE Name LIKE '%ca%' AND IsActive = true ORDER BY Name LIMIT 10");
    expect(lookupSoql('Account', 'a')).toBeNull();
    expect(lookupSoql('Account; DELETE', 'acme')).toBeNull();
  });
});

describe('Related To: every type the field allows, in one search', () => {
  const org = useEmulatorOrg();
  const whatId = taskDescribe.fields.find((f) => f.name === 'WhatId')!.referenceTo;

  it('searches accounts, cases and opportunities of a polymorphic field, and no other field that way', () => {
    expect(polymorphicTargets(whatId)).toEqual(['Account', 'Case', 'Opportunity']);
    expect(polymorphicTargets(['Account'])).toBeNull();
    expect(polymorphicTargets(['Group', 'User'])).toBeNull();
    expect(polymorphicSosl(['Account', 'Case'], 'x')).toBeNull();
    // The agent's text is words, never SOSL syntax.
    expect(polymorphicSosl(['Account'], 'acme} RETURNING User(Id')).toBe('FIND {acme\\} RETURNING User\\(Id*} IN ALL FIELDS RETURNING Account(Id, Name ORDER BY Name LIMIT 5)');
  });

  it('finds an account by the start of its name and a case by its subject, each named by its type', async () => {
    const search = async (text: string) => (await org.client.search(polymorphicSosl(polymorphicTargets(whatId)!, text)!)).map((r) => lookupResult(r as never));
    expect(await search('acm')).toContainEqual({ id: expect.any(String), name: 'Acme Corp', type: 'Account' });
    const found = await search('cannot log');
    expect(found).toContainEqual({ id: expect.any(String), name: expect.stringMatching(/^\d{8} Cannot log in$/), type: 'Case' });
  });
});
