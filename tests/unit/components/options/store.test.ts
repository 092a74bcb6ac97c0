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
    expect(store.problemsOf('general.apiBudgetPercent')).toEqual([{ setting: 'general.apiBudgetPercent', source: 'draft', text: "Share of the org's daily API requests this extension may use (%): enter a whole number from 1 to 100." }]);
    expect(store.notice.value?.tone).toBe('error');
  });

  it('says what is wrong with a value as it is typed, never that a typed value was "stored" or "ignored"', async () => {
    const { store } = setup();
    await store.reload();
    store.set('general', 'phoneRegion', 'G');
    expect(store.problemsOf('general.phoneRegion')).toEqual([{ setting: 'general.phoneRegion', source: 'draft', text: "This console's country: enter a two-letter country code such as US." }]);
    expect(store.ignored.value).toEqual([]);
    store.set('general', 'phoneRegion', 'GB');
    expect(store.problemsOf('general.phoneRegion')).toEqual([]);
  });

  it('a stored value that was rejected is "ignored", in words, until the admin edits that setting', async () => {
    const local = { general: { apiBudgetPercent: 500 }, automation: { offline: { action: 'everything', strategy: 'none' } } };
    const managed = { records: { owner: 'nobody' } };
    const store = createOptionsStore({
      send: (async () => ({ state: 'not_connected' })) as never,
      load: async () => mergeSettings(local, managed),
      save: async () => undefined,
      raw: async () => ({ local, policy: managed }),
    });
    await store.reload();
    expect(store.ignored.value).toEqual([
      { setting: 'records.owner', source: 'policy', text: expect.stringMatching(/^Owner of new records: choose one of: The chat's agent .* or The connected Salesforce user\.$/) },
      { setting: 'general.apiBudgetPercent', source: 'local', text: "Share of the org's daily API requests this extension may use (%): enter a whole number from 1 to 100." },
      { setting: 'automation.offline', source: 'local', text: expect.stringContaining('When an offline message arrives › action: choose one of: Create or update a contact, and create a case,') },
    ]);
    expect(store.problemsOf('general.apiBudgetPercent').map((p) => p.source)).toEqual(['local']);
    store.set('general', 'apiBudgetPercent', 20);
    expect(store.problemsOf('general.apiBudgetPercent')).toEqual([]);
  });

  it('imports a configuration file setting by setting, reporting what it could not take, leaving locks alone', async () => {
    const { store } = setup();
    await store.reload();
    store.importConfiguration(JSON.stringify({ general: { phoneRegion: 'FR', apiBudgetPercent: 'all' }, automation: { ended: { action: 'contactTask', strategy: 'none' } } }));
    expect(store.draft.value!.general.phoneRegion).toBe('FR');
    expect(store.draft.value!.general.apiBudgetPercent).toBe(DEFAULT_SETTINGS.general.apiBudgetPercent);
    expect(store.draft.value!.automation.ended).toEqual({ action: 'case', strategy: 'none', noMatch: 'create' }); // policy's
    expect(store.imported.value.problems.map((p) => p.setting)).toEqual(['general.apiBudgetPercent']);
    expect(store.problemsOf('general.apiBudgetPercent')).toEqual([{ setting: 'general.apiBudgetPercent', source: 'imported', text: "Share of the org's daily API requests this extension may use (%): enter a whole number from 1 to 100." }]);
    expect(store.notice.value?.text).toBe('Imported, except 1 setting that is not valid (listed above). Review, then save.');
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
    expect(store.removal.value).toEqual({ removeData: true, unsent: [{ chatId: 'c1', state: 'pending' }, { chatId: 'c3', state: 'needs_attention' }, { chatId: 'c4', state: 'set_aside' }] });
    await store.removeLocalData(true);
    expect(sent.slice(2, 3)).toEqual([['auth.disconnect', { removeData: true }]]);
    expect(store.removal.value).toBeNull();
    expect(store.notice.value?.text).toBe('Disconnected and removed from this browser 3 writes (2 of them not sent), the audit log and the caches. The settings stay.');
  });

  it('"Disconnect" asks first, naming the writes still waiting (they stay); disconnects only once confirmed', async () => {
    const sent: string[] = [];
    const store = createOptionsStore({
      send: (async (command: string) => {
        sent.push(command);
        if (command === 'outbox.list') return [{ chatId: 'c1', state: 'waiting' }, { chatId: 'c2', state: 'done' }];
        if (command === 'auth.disconnect') return { revoked: true };
        return { state: 'not_connected' };
      }) as never,
      load: async () => mergeSettings({}, undefined),
      save: async () => undefined,
    });
    await store.disconnect();
    expect(sent).toEqual(['outbox.list']);
    expect(store.removal.value).toEqual({ removeData: false, unsent: [{ chatId: 'c1', state: 'waiting' }] });
    await store.disconnect(true);
    expect(sent).toEqual(['outbox.list', 'auth.disconnect', 'salesforce.status']);
    expect(store.removal.value).toBeNull();
    expect(store.notice.value).toEqual({ tone: 'ok', text: 'Disconnected; Salesforce revoked the token.' });
  });
});
