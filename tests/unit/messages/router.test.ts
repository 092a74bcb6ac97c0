import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { isExtensionPage, isTrustedSender, route, type Handlers } from '@/utils/messages/router';
import { tabLimiter } from '@/utils/messages/limiter';
import { HandedIds } from '@/utils/messages/handed';

const OWN_ID = 'lpkkncfodlaoljpfckchlfhibhmopokg';
/** The popup: one of the extension's own pages. */
const own = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/popup.html` } as Browser.runtime.MessageSender;
/** The console script on a console page, in tab 7. */
const consoleScript = { id: OWN_ID, url: 'http://127.0.0.1/demo/', tab: { id: 7 } } as Browser.runtime.MessageSender;
/** The panel's frame in tab 7, loaded through its dynamic URL (another host than the extension id). */
const panelFrame = { id: OWN_ID, url: 'chrome-extension://0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b/panel.html', tab: { id: 7 }, frameId: 3 } as Browser.runtime.MessageSender;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'worker.info': async () => ({ version: '1.0.0', startedAt: 42 }),
    'salesforce.status': async () => ({ state: 'not_connected' }),
    'chat.event': async () => ({ accepted: true }),
    'chat.active': async () => ({ known: true }),
    'panel.open': async () => ({ tabId: 1, snapshot: null }),
    'chat.recent': async () => [],
    'salesforce.search': async () => ({ state: 'error', message: 'x' }),
    'identify.run': async () => ({ state: 'error', kind: 'not_connected', message: 'x' }),
    'record.update': async () => ({ state: 'error', message: 'x' }),
    'outbox.list': async () => [],
    'outbox.retry': async () => null,
    'outbox.adopt': async () => null,
    'outbox.discard': async () => ({ discarded: false }),
    'outbox.quarantined': async () => [],
    'outbox.wrapUp': async () => null,
    'form.open': async () => ({ state: 'error', message: 'x' }),
    'lookup.search': async () => ({ state: 'results', records: [] }),
    'record.create': async () => ({ state: 'error', message: 'x' }),
    'console.adapters': async () => ({ adapters: [] }),
    'console.seen': async () => ({}),
    'console.undetected': async () => ({}),
    'presence.console': async () => ({}),
    'presence.omni': async () => ({}),
    'presence.statuses': async () => [],
    'omni.status': async () => ({ state: 'none' }),
    'routing.suggest': async () => ({ owner: null, suggestion: null, transfer: { agent: false, department: false } }),
    'console.transfer': async () => ({ outcome: 'no-control' }),
    'console.problems': async () => [],
    'auth.connect': async () => ({ ok: false, message: 'x' }),
    'auth.disconnect': async () => ({ revoked: true }),
    'salesforce.fields': async () => ({ state: 'error', message: 'x' }),
    'chat.record': async () => ({ stored: true }),
    'chat.case': async () => ({ stored: true }),
    'chat.account': async () => ({ stored: true }),
    'chat.people': async () => ({ stored: true }),
    'chat.preview': async () => ({ state: 'preview', skipped: [] }),
    'chat.fix': async () => ({ ok: true }),
    'chat.plan': async () => ({ id: 'x', chatId: 'c', trigger: 'manual', state: 'waiting', attempts: 0, errors: [], duplicates: [], ids: {}, steps: [], skipped: [] }),
    ...overrides,
  };
}

describe('isTrustedSender', () => {
  it.each([
    [{ id: OWN_ID }, true],
    [{ id: 'abcdefghijklmnopabcdefghijklmnop' }, false],
    [{ id: undefined, url: 'https://evil.example/' }, false],
    [{}, false],
  ])('%j → %s', (sender, trusted) => {
    expect(isTrustedSender(sender, OWN_ID)).toBe(trusted);
  });
});

describe('route', () => {
  it('answers a valid command with its parsed data', async () => {
    await expect(route(handlers(), { command: 'worker.info', payload: {} }, own, OWN_ID)).resolves.toEqual({
      ok: true,
      data: { version: '1.0.0', startedAt: 42 },
    });
  });

  it('takes a lookup on a real Task.WhatId, which names about 80 objects', async () => {
    const targets = Array.from({ length: 80 }, (_, i) => `Object${i}__c`);
    const reply = await route(handlers(), { command: 'lookup.search', payload: { referenceTo: ['Account', ...targets], text: 'Acme' } }, own, OWN_ID);
    expect(reply).toMatchObject({ ok: true });
  });

  it('refuses another extension before looking at the message', async () => {
    let called = false;
    const reply = await route(
      handlers({ 'worker.info': async () => ((called = true), { version: 'x', startedAt: 0 }) }),
      { command: 'worker.info', payload: {} },
      { id: 'abcdefghijklmnopabcdefghijklmnop' } as Browser.runtime.MessageSender,
      OWN_ID,
    );
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(called).toBe(false);
  });

  it('takes connect and disconnect from the extension\'s own pages only, never from a console page', async () => {
    const page = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/options.html` } as Browser.runtime.MessageSender;
    const optionsTab = { ...page, tab: { id: 3 } } as Browser.runtime.MessageSender;
    const lookalike = { id: OWN_ID, url: `https://evil.example/chrome-extension://${OWN_ID}/`, tab: { id: 4 } } as Browser.runtime.MessageSender;
    // Firefox's extension pages (and the panel frame there) have their own scheme.
    const firefoxPage = { id: OWN_ID, url: 'moz-extension://0c7f9c3e-5b1a-4a4e-9f3e-1d2c3b4a5f60/options.html' } as Browser.runtime.MessageSender;
    for (const sender of [page, optionsTab, firefoxPage]) {
      await expect(route(handlers(), { command: 'auth.disconnect', payload: {} }, sender, OWN_ID)).resolves.toEqual({ ok: true, data: { revoked: true } });
    }
    for (const sender of [consoleScript, lookalike]) {
      await expect(route(handlers(), { command: 'auth.disconnect', payload: {} }, sender, OWN_ID)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('takes from a console page only what it reads there; everything that touches Salesforce from the extension\'s pages', async () => {
    for (const command of ['salesforce.status', 'identify.run', 'salesforce.search', 'outbox.list', 'outbox.retry', 'chat.recent', 'chat.record', 'chat.plan', 'chat.preview', 'chat.fix', 'chat.case', 'record.update', 'record.create', 'lookup.search', 'form.open', 'panel.open', 'worker.info']) {
      await expect(route(handlers(), { command, payload: {} }, consoleScript, OWN_ID)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    await expect(route(handlers(), { command: 'chat.active', payload: { chatId: null } }, consoleScript, OWN_ID)).resolves.toEqual({ ok: true, data: { known: true } });
    await expect(route(handlers(), { command: 'console.adapters', payload: {} }, consoleScript, OWN_ID)).resolves.toEqual({ ok: true, data: { adapters: [] } });
    await expect(route(handlers(), { command: 'console.seen', payload: { console: 'demo', list: true, listedActive: true, pane: true, active: 'c1', activeListed: true, messages: true } }, consoleScript, OWN_ID)).resolves.toEqual({ ok: true, data: {} });
    // A console event belongs to a tab: a sender without one has no console to speak for.
    const tabless = { ...consoleScript, tab: undefined } as Browser.runtime.MessageSender;
    await expect(route(handlers(), { command: 'chat.active', payload: { chatId: null } }, tabless, OWN_ID)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(route(handlers(), { command: 'panel.open', payload: {} }, panelFrame, OWN_ID)).resolves.toEqual({ ok: true, data: { tabId: 1, snapshot: null } });
  });

  it('tells an extension page by its scheme and the browser-set id, whatever host a dynamic URL gives it', () => {
    expect(isExtensionPage(panelFrame, OWN_ID)).toBe(true);
    expect(isExtensionPage(own, OWN_ID)).toBe(true);
    expect(isExtensionPage(consoleScript, OWN_ID)).toBe(false);
    expect(isExtensionPage({ ...panelFrame, id: 'abcdefghijklmnopabcdefghijklmnop' }, OWN_ID)).toBe(false);
    expect(isExtensionPage({ id: OWN_ID, url: 'not a url' }, OWN_ID)).toBe(false);
  });

  it('limits the commands that spend API requests per tab: a burst is refused, another tab is not held up', async () => {
    let t = 0;
    const limiter = tabLimiter({ burst: 3, perSecond: 1, now: () => t });
    const status = () => route(handlers(), { command: 'salesforce.status', payload: {} }, panelFrame, OWN_ID, limiter);
    for (let i = 0; i < 3; i++) await expect(status()).resolves.toMatchObject({ ok: true });
    await expect(status()).resolves.toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/Wait a few seconds/) } });
    // Reading the outbox costs Salesforce nothing: never limited.
    await expect(route(handlers(), { command: 'outbox.list', payload: {} }, panelFrame, OWN_ID, limiter)).resolves.toMatchObject({ ok: true });
    await expect(route(handlers(), { command: 'salesforce.status', payload: {} }, { ...panelFrame, tab: { id: 8 } } as Browser.runtime.MessageSender, OWN_ID, limiter)).resolves.toMatchObject({ ok: true });
    t += 1_000;
    await expect(status()).resolves.toMatchObject({ ok: true });
    await expect(status()).resolves.toMatchObject({ ok: false });
  });

  it('takes record ids from pages only in Salesforce\'s shape: a path or a query never gets anything else', async () => {
    const snapshot = { chatId: 'c1', console: 'demo', state: 'active', visitor: {}, session: {}, preChat: {}, custom: {}, chat: {}, transcript: [], agent: {} };
    const bad = ['../sobjects/User', "003' OR Id != '", '003A0000000001', '003A00000000001AAAX'];
    for (const id of bad) {
      for (const [command, payload] of [
        ['chat.plan', { snapshot, action: 'contactCase', overrides: {}, person: { type: 'Contact', id } }],
        ['outbox.retry', { id: 'entry', attachTo: { type: 'Contact', id } }],
        ['form.open', { snapshot, action: 'case', object: 'Case', recordTypeId: id }],
        ['record.update', { type: 'Contact', id, values: {} }],
      ] as const) {
        await expect(route(handlers(), { command, payload }, panelFrame, OWN_ID), `${command} ${id}`).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } });
      }
    }
    await expect(route(handlers(), { command: 'outbox.retry', payload: { id: 'entry', attachTo: { type: 'Contact', id: '003A00000000001AAA' } } }, panelFrame, OWN_ID)).resolves.toMatchObject({ ok: true });
  });

  it("takes from a tab's panel only record ids the background handed to that tab; another tab, or the popup, must be handed them itself", async () => {
    const handed = new HandedIds();
    const grace = '003A00000000001AAA';
    const found = handlers({ 'identify.run': async () => ({ state: 'found', instanceUrl: 'https://x', fields: { Contact: [], Lead: [], Account: [] }, contacts: [{ type: 'Contact', id: grace, name: 'Grace', matched: ['Email'], values: {} }], leads: [], accounts: [] }) as never });
    const update = { command: 'record.update', payload: { type: 'Contact', id: grace, values: { Title: 'x' } } };
    await expect(route(found, update, panelFrame, OWN_ID, undefined, handed)).resolves.toMatchObject({ ok: false, error: { code: 'unknown_record' } });
    const snapshot = { chatId: 'c1', console: 'demo', state: 'active', visitor: {}, session: {}, preChat: {}, custom: {}, chat: {}, transcript: [], agent: {} };
    await expect(route(found, { command: 'identify.run', payload: { snapshot, force: false } }, panelFrame, OWN_ID, undefined, handed)).resolves.toMatchObject({ ok: true });
    await expect(route(found, update, panelFrame, OWN_ID, undefined, handed)).resolves.toMatchObject({ ok: true });
    // Its 15-character form is the same record.
    await expect(route(found, { ...update, payload: { ...update.payload, id: grace.slice(0, 15) } }, panelFrame, OWN_ID, undefined, handed)).resolves.toMatchObject({ ok: true });
    await expect(route(found, update, { ...panelFrame, tab: { id: 8 } } as Browser.runtime.MessageSender, OWN_ID, undefined, handed)).resolves.toMatchObject({ ok: false, error: { code: 'unknown_record' } });
    await expect(route(found, update, own, OWN_ID, undefined, handed)).resolves.toMatchObject({ ok: false, error: { code: 'unknown_record' } });
    // A form's lookups are checked too; its text fields are not ids.
    const create = (values: Record<string, string>) => ({ command: 'record.create', payload: { type: 'Case', values } });
    await expect(route(found, create({ ContactId: grace, Subject: '001A00000000009AAA' }), panelFrame, OWN_ID, undefined, handed)).resolves.toMatchObject({ ok: true });
    await expect(route(found, create({ ContactId: grace, AccountId: '001A00000000009AAA' }), panelFrame, OWN_ID, undefined, handed)).resolves.toMatchObject({ ok: false, error: { code: 'unknown_record' } });
  });

  it('answers before the handed ids are stored, and knows them for the very next command all the same', async () => {
    const grace = '003A00000000001AAA';
    // storage.session busy: its write has not finished (here: never does).
    const handed = new HandedIds({ get: async () => undefined, set: () => new Promise(() => undefined), remove: async () => undefined });
    const found = handlers({ 'identify.run': async () => ({ state: 'found', instanceUrl: 'https://x', fields: { Contact: [], Lead: [], Account: [] }, contacts: [{ type: 'Contact', id: grace, name: 'Grace', matched: ['Email'], values: {} }], leads: [], accounts: [] }) as never });
    const snapshot = { chatId: 'c1', console: 'demo', state: 'active', visitor: {}, session: {}, preChat: {}, custom: {}, chat: {}, transcript: [], agent: {} };
    await expect(route(found, { command: 'identify.run', payload: { snapshot, force: false } }, panelFrame, OWN_ID, undefined, handed)).resolves.toMatchObject({ ok: true });
    await expect(route(found, { command: 'record.update', payload: { type: 'Contact', id: grace, values: { Title: 'x' } } }, panelFrame, OWN_ID, undefined, handed)).resolves.toMatchObject({ ok: true });
  });

  it.each([
    ['not an object', 'hello', 'bad_request'],
    ['no command', { payload: {} }, 'bad_request'],
    ['unknown command', { command: 'salesforce.dropAll', payload: {} }, 'unknown_command'],
    ['prototype key', { command: '__proto__', payload: {} }, 'unknown_command'],
    ['bad payload', { command: 'worker.info', payload: 'x' }, 'bad_request'],
  ])('%s → %s', async (_name, message, code) => {
    const reply = await route(handlers(), message, own, OWN_ID);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe(code);
  });

  it('turns a handler failure into an error reply with its code', async () => {
    const failing = handlers({
      'salesforce.status': async () => {
        throw Object.assign(new Error('boom'), { code: 'UNREACHABLE' });
      },
    });
    await expect(route(failing, { command: 'salesforce.status', payload: {} }, own, OWN_ID)).resolves.toEqual({
      ok: false,
      error: { code: 'UNREACHABLE', message: 'boom' },
    });
  });

  it('refuses an answer that does not match the declared response schema', async () => {
    const lying = handlers({ 'worker.info': async () => ({ version: 1 }) as never });
    const reply = await route(lying, { command: 'worker.info', payload: {} }, own, OWN_ID);
    expect(reply.ok).toBe(false);
  });
});
