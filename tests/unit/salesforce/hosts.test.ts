import { describe, expect, it } from 'vitest';
import { isSalesforceUrl, isWatchableConsole } from '@/utils/salesforce/hosts';

describe('isSalesforceUrl: tokens go to Salesforce hosts only', () => {
  it.each([
    'https://login.salesforce.com', 'https://test.salesforce.com', 'https://acme.my.salesforce.com/', 'https://acme--uat.sandbox.my.salesforce.com',
    'https://acme-dev-ed.develop.my.salesforce.com', 'https://acme.lightning.force.com', 'https://na139.salesforce.com/id/00D000000000001AAA/005000000000001AAA',
    'https://acme.my.salesforce.mil', 'https://acme.my.sfcrmproducts.cn',
  ])('%s is Salesforce', (url) => expect(isSalesforceUrl(url, false)).toBe(true));

  it.each([
    'https://evil.example', 'https://salesforce.com.evil.example', 'https://evilsalesforce.com', 'http://login.salesforce.com',
    'https://login.salesforce.com:8443', 'https://user:pw@login.salesforce.com', 'javascript:alert(1)', 'not a url', 'http://127.0.0.1:8080',
  ])('%s is not, in the production build', (url) => expect(isSalesforceUrl(url, false)).toBe(false));

  it('the loopback build also takes this machine (the emulator)', () => {
    expect(isSalesforceUrl('http://127.0.0.1:45343', true)).toBe(true);
    expect(isSalesforceUrl('http://localhost:8080/id/x', true)).toBe(true);
    expect(isSalesforceUrl('http://192.168.1.2', true)).toBe(false);
  });
});

describe('isWatchableConsole: console pages over https; plain http only on this machine in the loopback build', () => {
  it.each([
    ['https://chat.example.com/*', false, true],
    ['http://chat.example.com/*', false, false],
    ['http://*/*', true, false],
    ['http://127.0.0.1/*', false, false],
    ['http://127.0.0.1/*', true, true],
    ['http://localhost:3000/*', true, true],
  ])('%s (loopback %s) → %s', (pattern, loopback, watched) => expect(isWatchableConsole(pattern, loopback)).toBe(watched));
});
