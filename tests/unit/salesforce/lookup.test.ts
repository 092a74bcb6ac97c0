import { describe, expect, it } from 'vitest';
import { lookupSoql, lookupTarget } from '@/utils/salesforce/lookup';

describe('lookupSoql', () => {
  it('searches users for owner fields, only active ones, and nothing for one character or a bad object name', () => {
    expect(lookupTarget(['Group', 'User'])).toBe('User');
    expect(lookupTarget(['Account'])).toBe('Account');
    expect(lookupSoql('User', 'ca')).toBe("SELECT Id, Name FROM User WHERE Name LIKE '%ca%' AND IsActive = true ORDER BY Name LIMIT 10");
    expect(lookupSoql('Account', 'a')).toBeNull();
    expect(lookupSoql('Account; DELETE', 'acme')).toBeNull();
  });
});
