import { describe, expect, it } from 'vitest';
import { createOptionsStore } from '@/components/options/store';
import { mergeSettings, DEFAULT_SETTINGS } from '@/utils/settings/schema';

/** The options store over an in-memory "storage" with one policy value. */
function setup(local: Record<string, unknown> = {}, managed: Record<string, unknown> = { automation: { ended: { action: 'case', strategy: 'none' } } }) {
  const saved: Record<string, unknown>[] = [];
  let stored: unknown = local;
  const store = createOptionsStore({
    send: (async () => ({ state: 'not_connected' })) as never,
    load: async () => mergeSettings(stored, managed),
    save: async (settings) => void saved.push((stored = settings)),
  });
  return { store, saved };
}

describe('the options page state', () => {
  it('saves the unlocked settings only: what policy set is never copied into local storage', async () => {
    const { store, saved } = setup();
    await store.reload();
    expect(store.isLocked('automation', 'ended')).toBe(true);
    store.set('automation', 'ended', { action: 'nothing', strategy: 'none', noMatch: 'create' }); // ignored: locked
    store.set('general', 'phoneRegion', 'GB');
    await store.save();
    expect(saved).toHaveLength(1);
    expect((saved[0]!.general as { phoneRegion: string }).phoneRegion).toBe('GB');
    expect(saved[0]!.automation).toEqual({ offline: DEFAULT_SETTINGS.automation.offline, started: DEFAULT_SETTINGS.automation.started });
    expect(store.draft.value!.automation.ended).toEqual({ action: 'case', strategy: 'none', noMatch: 'create' });
  });

  it('refuses to save an invalid value and says which', async () => {
    const { store, saved } = setup();
    await store.reload();
    store.set('general', 'apiBudgetPercent', 0);
    await store.save();
    expect(saved).toEqual([]);
    expect(store.problemsOf('general.apiBudgetPercent')).toHaveLength(1);
    expect(store.notice.value?.tone).toBe('error');
  });

  it('imports a configuration file setting by setting, reporting what it could not take, leaving locks alone', async () => {
    const { store } = setup();
    await store.reload();
    store.importConfiguration(JSON.stringify({ general: { phoneRegion: 'FR', apiBudgetPercent: 'all' }, automation: { ended: { action: 'contactTask', strategy: 'none' } } }));
    expect(store.draft.value!.general.phoneRegion).toBe('FR');
    expect(store.draft.value!.general.apiBudgetPercent).toBe(DEFAULT_SETTINGS.general.apiBudgetPercent);
    expect(store.draft.value!.automation.ended).toEqual({ action: 'case', strategy: 'none', noMatch: 'create' }); // policy's
    expect(store.invalid.value.map((p) => p.setting)).toEqual(['general.apiBudgetPercent']);
    store.importConfiguration('{ not json');
    expect(store.notice.value).toMatchObject({ tone: 'error', text: expect.stringContaining('not JSON') });
  });

  it('exports the whole configuration as one JSON document that imports back to the same settings, without the client secret', async () => {
    const { store } = setup({ general: { phoneRegion: 'DE', apiBudgetPercent: 20 }, connection: { clientSecret: 'S3CRET-of-the-app' } }, {});
    await store.reload();
    expect(store.draft.value!.connection.clientSecret).toBe('S3CRET-of-the-app');
    expect(store.exportText.value).not.toContain('S3CRET');
    const exported = JSON.parse(store.exportText.value);
    expect(exported.connection).not.toHaveProperty('clientSecret');
    // Imported back here, the file changes nothing: the secret this browser has stays.
    store.importConfiguration(store.exportText.value);
    expect(store.draft.value!.connection.clientSecret).toBe('S3CRET-of-the-app');
    expect(mergeSettings({ ...exported, connection: { ...exported.connection, clientSecret: 'S3CRET-of-the-app' } }, undefined)).toEqual({ settings: store.draft.value, locked: [], problems: [] });
  });
});

describe('"Disconnect and remove local data"', () => {
  it('first says which writes are not sent, removing nothing; removes only once confirmed, and says what went', async () => {
    const sent: [string, unknown][] = [];
    const store = createOptionsStore({
      send: (async (command: string, payload: unknown) => {
        sent.push([command, payload]);
        if (command === 'outbox.list') return [{ chatId: 'c1', state: 'pending' }, { chatId: 'c2', state: 'done' }, { chatId: 'c3', state: 'needs_attention' }];
        if (command === 'outbox.quarantined') return [{ chatId: 'c4', reason: 'state: Invalid option', at: 1, raw: '{}' }];
        if (command === 'auth.disconnect') return { revoked: true, removed: { writes: 3, unsent: 2 } };
        return { state: 'not_connected' };
      }) as never,
      load: async () => mergeSettings({}, undefined),
      save: async () => undefined,
    });
    await store.removeLocalData();
    expect(sent.map(([c]) => c)).toEqual(['outbox.list', 'outbox.quarantined']);
    // A write set aside (unreadable) was never sent either: named too.
    expect(store.removal.value).toEqual({ unsent: [{ chatId: 'c1', state: 'pending' }, { chatId: 'c3', state: 'needs_attention' }, { chatId: 'c4', state: 'set aside' }] });
    await store.removeLocalData(true);
    expect(sent.slice(2, 3)).toEqual([['auth.disconnect', { removeData: true }]]);
    expect(store.removal.value).toBeNull();
    expect(store.notice.value?.text).toContain('removed 3 write(s), 2 of them not sent, the audit log and the caches. The settings stay.');
  });
});
