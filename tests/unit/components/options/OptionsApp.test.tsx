// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import axe from 'axe-core';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createOptionsStore } from '@/components/options/store';
import { DEFAULT_SETTINGS, mergeSettings } from '@/utils/settings/schema';
import type { SalesforceStatus } from '@/utils/messages/protocol';

const settle = () => new Promise((r) => setTimeout(r, 20));
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/salesforce';
const CONNECTED: SalesforceStatus = { state: 'connected', instanceUrl: 'https://acme.my.salesforce.com', apiVersion: '62.0', usage: null, user: { id: '005', name: 'Ada Admin', username: 'ada@acme.example' } } as SalesforceStatus;
const FIELDS = {
  Contact: [
    { name: 'FirstName', label: 'First Name', type: 'string' },
    { name: 'Email', label: 'Email', type: 'email' },
    { name: 'Title', label: 'Title', type: 'string' },
    { name: 'Jigsaw', label: 'Data.com Key', type: 'string' },
    { name: 'SystemModstamp', label: 'System Modstamp', type: 'datetime' },
  ],
};

/** The page over in-memory settings, with the status Salesforce gives. */
async function page(local: Record<string, unknown>, status: SalesforceStatus = CONNECTED) {
  const sent: string[] = [];
  const store = createOptionsStore({
    send: (async (command: string) => {
      sent.push(command);
      if (command === 'salesforce.status') return status;
      if (command === 'salesforce.fields') return { state: 'fields', objects: FIELDS };
      if (command === 'outbox.list') return [{ chatId: 'c1', state: 'waiting' }];
      return null;
    }) as never,
    load: async () => mergeSettings(local, undefined),
    save: async () => undefined,
    raw: async () => ({ local, policy: undefined }),
  });
  await store.reload();
  await store.refreshStatus();
  const root = document.createElement('div');
  document.body.append(root);
  render(<OptionsApp store={store} />, root);
  await settle();
  return { root, store, sent };
}

beforeEach(() => {
  Object.assign(fakeBrowser.identity, { getRedirectURL: (path = '') => `https://abcdefghijklmnop.chromiumapp.org/${path}` });
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('the options page', () => {
  it('gives every field a name a screen reader reads, and has one main landmark and headings in order', async () => {
    const { root } = await page({ connection: { clientId: 'acme-app' } });
    const unnamed = [...root.querySelectorAll<HTMLInputElement>('input, select, textarea')]
      .filter((el) => el.type !== 'file' && !el.getAttribute('aria-label') && !el.labels?.length && !el.closest('label'))
      .map((el) => el.outerHTML.slice(0, 80));
    expect(unnamed).toEqual([]);
    expect(root.querySelectorAll('main')).toHaveLength(1);
    const levels = [...root.querySelectorAll('h1, h2, h3, h4')].map((h) => Number(h.tagName[1]));
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0), `heading ${i}`).toBeLessThanOrEqual(1));
  });

  it('passes axe (contrast apart: happy-dom has no layout), with the setup steps, a rejected value and a question open', async () => {
    const { root } = await page({ general: { keepWrittenDays: 400 } });
    (root.querySelector('#disconnect') as HTMLButtonElement).click();
    await settle();
    document.documentElement.lang = 'en';
    document.title = 'Settings';
    const { violations } = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 80)).join(' | ')}`)).toEqual([]);
  });

  it('while the consumer key is the placeholder, says the org needs its own connected app and gives the steps to copy', async () => {
    const { root } = await page({}, { state: 'not_connected' });
    const setup = root.querySelector('#connected-app-setup')!;
    expect(setup.textContent).toContain('connected app');
    expect(root.querySelector('#redirect-url')?.textContent).toBe(REDIRECT);
    expect(setup.textContent).toContain('(api)');
    expect(setup.textContent).toContain('(refresh_token, offline_access)');
    expect(setup.textContent).toContain('PKCE');
    expect(setup.querySelectorAll('button')).toHaveLength(4);
    expect(root.querySelector('#connect')?.className).toBe('primary');
  });

  it('once a consumer key is entered, the callback URL stays at hand and the steps go', async () => {
    const { root } = await page({ connection: { clientId: 'acme-app' } }, { state: 'not_connected' });
    expect(root.querySelector('#connected-app-setup')).toBeNull();
    expect(root.querySelectorAll('#redirect-url')).toHaveLength(1);
  });

  it('connected: check and disconnect are the actions, logging in again is the quiet one; disconnecting asks first', async () => {
    const { root, sent } = await page({ connection: { clientId: 'acme-app' } });
    expect(root.querySelector('.status-box')?.textContent).toContain('Connected to acme.my.salesforce.com as Ada Admin (ada@acme.example).');
    expect(root.querySelector('#connect')?.className).toBe('quiet');
    expect(root.querySelector('#connection .primary')).toBeNull();
    (root.querySelector('#disconnect') as HTMLButtonElement).click();
    await settle();
    expect(sent).not.toContain('auth.disconnect');
    expect(root.querySelector('#disconnect-confirm')?.textContent).toContain('1 chat write is waiting to be sent (c1): it stays in this browser');
  });

  it('a locked setting says so in words, without a glyph', async () => {
    const store = createOptionsStore({
      send: (async () => ({ state: 'not_connected' })) as never,
      load: async () => mergeSettings({}, { general: { apiBudgetPercent: 10 } }),
      save: async () => undefined,
    });
    await store.reload();
    const root = document.createElement('div');
    document.body.append(root);
    render(<OptionsApp store={store} />, root);
    await settle();
    const lock = root.querySelector('[data-setting="general.apiBudgetPercent"] .lock')!;
    expect(lock.textContent).toBe('Set by your administrator');
    expect(lock.getAttribute('title')).toContain('administrator');
    expect(root.querySelector('#policy-banner')?.textContent).toBe('Your administrator set 1 setting by enterprise policy; it is shown locked.');
  });

  it('a value typed is reported beside its field in words; a stored one that was rejected is "ignored"', async () => {
    const { root, store } = await page({ connection: { clientId: 'acme-app' }, general: { keepWrittenDays: 400 } });
    expect(root.querySelector('#problems')?.textContent).toContain('general.keepWrittenDays (this browser): Days a written chat stays in this browser: enter a whole number from 0 to 90.');
    expect(root.querySelector('[data-setting="general.keepWrittenDays"] .problem')?.textContent).toBe('The value stored in this browser is ignored. Days a written chat stays in this browser: enter a whole number from 0 to 90.');
    store.set('general', 'apiBudgetPercent', 0);
    await settle();
    expect(root.querySelector('[data-setting="general.apiBudgetPercent"] .problem')?.textContent).toBe("Share of the org's daily API requests this extension may use (%): enter a whole number from 1 to 100.");
    expect(root.textContent).not.toMatch(/Stored value ignored|Invalid (option|input)/);
  });

  it('the mapping table leaves out system fields, shows mapped ones, and filters by label or API name', async () => {
    const { root } = await page({ connection: { clientId: 'acme-app' } });
    const rows = () => [...root.querySelectorAll('table.mapping tbody tr')].map((tr) => tr.getAttribute('data-field'));
    const mapped = DEFAULT_SETTINGS.mapping.Contact.map((r) => r.sfField);
    expect(rows()).toEqual([...mapped, ...['FirstName', 'Email', 'Title'].filter((f) => !mapped.includes(f))]);
    const filter = root.querySelector<HTMLInputElement>('#mapping-filter')!;
    filter.value = 'tit';
    filter.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(rows()).toEqual(['Title']);
  });
});
