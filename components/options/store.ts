import { computed, signal } from '@preact/signals';
import { i18n } from '#i18n';
import type { CommandName, CommandRequest, CommandResponse, OutboxItem, SalesforceStatus } from '@/utils/messages/protocol';
import { SettingsSchema, validSettings, type EffectiveSettings, type SectionName, type Settings, type SettingsProblem } from '@/utils/settings/schema';
import { connectAdvice } from '@/components/text/connect';
import { problemSentences, valueErrors } from './setting-errors';

type Send = <C extends CommandName>(command: C, payload: CommandRequest<C>) => Promise<CommandResponse<C>>;
export type FieldList = Record<string, { name: string; label: string; type: string; chatKey?: boolean; writable?: boolean; values?: { value: string; label: string }[] }[]>;

export type OptionsSources = {
  send: Send;
  load: () => Promise<EffectiveSettings>;
  save: (settings: Record<string, unknown>) => Promise<void>;
  /** The settings as stored (local) and as policy gives them, unchecked: a rejected value is said from what it was. */
  raw?: () => Promise<{ local: unknown; policy: unknown }>;
};

/**
 * A problem shown beside a setting: a value that was stored (in this browser or by policy) or
 * imported and is ignored, or what is wrong with the draft's value (typed, not saved).
 */
export type ShownProblem = { setting: string; source: 'policy' | 'local' | 'imported' | 'draft'; text: string };

/** A write that is not sent yet, as the disconnect questions name it (no chat id: a write set aside that could not be read). */
export type Unsent = { chatId: string | null; state: OutboxItem['state'] | 'set_aside' };

const covers = (prefix: string, setting: string) => setting === prefix || setting.startsWith(`${prefix}.`);

/**
 * The options page's state: a draft of every setting (what the admin is editing), what policy
 * locked, what was wrong with the stored values, and the connection. Saving writes the draft's
 * unlocked settings to local storage in one go, after the same schema checks the background makes.
 */
export function createOptionsStore(sources: OptionsSources) {
  const draft = signal<Settings | null>(null);
  /** The settings in force as loaded (what the background uses until Save). */
  const saved = signal<Settings | null>(null);
  const locked = signal<string[]>([]);
  const stored = signal<SettingsProblem[]>([]);
  const storedRaw = signal<{ local: unknown; policy: unknown } | null>(null);
  /** An import's values that were not taken, with the file's settings to say why. */
  const imported = signal<{ problems: SettingsProblem[]; raw: unknown }>({ problems: [], raw: undefined });
  /** What the last save refused (the schema's word on the whole draft), until that setting is edited. */
  const refused = signal<SettingsProblem[]>([]);
  /** Settings edited since the page loaded (by hand or by import). */
  const touched = signal<string[]>([]);
  const dirty = signal(false);
  const notice = signal<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const status = signal<SalesforceStatus | null>(null);
  const busy = signal(false);
  const fields = signal<FieldList | null>(null);
  /** "Disconnect" or "Disconnect and remove local data" asked: what is not sent yet, for the admin to confirm. */
  const removal = signal<{ removeData: boolean; unsent: Unsent[] } | null>(null);

  async function reload() {
    const [effective, raw] = await Promise.all([sources.load(), sources.raw?.().catch(() => null) ?? null]);
    draft.value = structuredClone(effective.settings);
    saved.value = effective.settings;
    locked.value = effective.locked;
    stored.value = effective.problems;
    storedRaw.value = raw;
    imported.value = { problems: [], raw: undefined };
    refused.value = [];
    touched.value = [];
    dirty.value = false;
  }

  const isLocked = (section: SectionName, key: string) => locked.value.includes(`${section}.${key}`);

  const touch = (settings: string[]) => {
    touched.value = [...new Set([...touched.value, ...settings])];
    refused.value = refused.value.filter((p) => !settings.some((s) => covers(s, p.setting)));
  };

  /** Changes one setting in the draft (nothing is stored until Save). */
  function set<S extends SectionName, K extends keyof Settings[S]>(section: S, key: K, value: Settings[S][K]) {
    if (!draft.value || isLocked(section, String(key))) return;
    draft.value = { ...draft.value, [section]: { ...draft.value[section], [key]: value } };
    const setting = `${section}.${String(key)}`;
    touch([setting]);
    imported.value = { ...imported.value, problems: imported.value.problems.filter((p) => !covers(setting, p.setting)) };
    dirty.value = true;
    notice.value = null;
  }

  /** Replaces the draft with an imported configuration (checked setting by setting). */
  function importConfiguration(text: string) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      notice.value = { tone: 'error', text: i18n.t('options.importExport.notJson', { detail: error instanceof Error ? error.message : String(error) }) };
      return;
    }
    const { values, problems } = validSettings(raw, 'local');
    const next = structuredClone(draft.value!) as Record<string, Record<string, unknown>>;
    const taken: string[] = [];
    for (const [section, settings] of Object.entries(values)) {
      for (const [key, value] of Object.entries(settings)) {
        if (locked.value.includes(`${section}.${key}`)) continue;
        next[section]![key] = value;
        taken.push(`${section}.${key}`);
      }
    }
    draft.value = next as Settings;
    touch(taken);
    dirty.value = true;
    imported.value = { problems, raw };
    notice.value = problems.length
      ? { tone: 'error', text: i18n.t('options.importExport.except', problems.length, { count: problems.length }) }
      : { tone: 'ok', text: i18n.t('options.importExport.done') };
  }

  /**
   * The whole configuration as one JSON file (what import and policy take), without the
   * connected app's client secret: a file is mailed and attached to tickets. Importing it keeps
   * the secret this browser has.
   */
  const exportText = computed(() => {
    if (!draft.value) return '';
    const { clientSecret: _secret, ...connection } = draft.value.connection;
    return `${JSON.stringify({ ...draft.value, connection }, null, 2)}\n`;
  });

  /** What is wrong with the edited settings' values, as they are typed (before any save). */
  const draftErrors = computed<ShownProblem[]>(() => {
    const settings = draft.value as Record<string, Record<string, unknown>> | null;
    if (!settings) return [];
    return touched.value.flatMap((setting) => {
      const [section, key] = setting.split('.') as [string, string];
      if (locked.value.includes(setting) || !Object.hasOwn(SettingsSchema.shape, section)) return [];
      return valueErrors(setting, settings[section]?.[key]).map((text) => ({ setting, source: 'draft' as const, text }));
    });
  });

  /** Values stored (this browser, policy) or imported that were ignored: the page's banner lists them all. */
  const ignored = computed<ShownProblem[]>(() => [
    ...stored.value.flatMap((p) => problemSentences(p, p.source === 'policy' ? storedRaw.value?.policy : storedRaw.value?.local).map((text) => ({ setting: p.setting, source: p.source, text }))),
    ...imported.value.problems.flatMap((p) => problemSentences(p, imported.value.raw).map((text) => ({ setting: p.setting, source: 'imported' as const, text }))),
  ]);

  async function save() {
    if (!draft.value) return;
    // Locked settings are policy's: they are never copied into local storage.
    const local: Record<string, Record<string, unknown>> = {};
    for (const [section, settings] of Object.entries(draft.value)) {
      for (const [key, value] of Object.entries(settings as Record<string, unknown>)) {
        if (!locked.value.includes(`${section}.${key}`)) (local[section] ??= {})[key] = value;
      }
    }
    const { problems } = validSettings(local, 'local');
    refused.value = problems;
    if (problems.length || draftErrors.value.length) {
      notice.value = { tone: 'error', text: i18n.t('options.save.refused') };
      return;
    }
    await sources.save(local);
    await reload();
    notice.value = { tone: 'ok', text: i18n.t('options.save.saved') };
  }

  async function refreshStatus() {
    status.value = await sources.send('salesforce.status', {}).catch((error) => ({ state: 'unreachable' as const, instanceUrl: '', message: String(error) }));
    if (status.value.state === 'connected' && !fields.value) void loadFields();
  }

  async function loadFields() {
    const answer = await sources.send('salesforce.fields', {}).catch(() => null);
    if (answer?.state === 'fields') fields.value = answer.objects;
  }

  async function connect() {
    busy.value = true;
    notice.value = null;
    try {
      const answer = await sources.send('auth.connect', {});
      if (answer.ok) {
        status.value = answer.status;
        notice.value = { tone: 'ok', text: i18n.t('options.connection.connected') };
        void loadFields();
      } else notice.value = { tone: 'error', text: answer.reason ? connectAdvice(answer.reason) : answer.message };
    } catch (error) {
      notice.value = { tone: 'error', text: i18n.t('options.connection.connectFailed', { detail: error instanceof Error ? error.message : String(error) }) };
    } finally {
      busy.value = false;
    }
  }

  /** First step of both disconnects: says what is not sent yet; nothing happens until confirmed. */
  async function ask(removeData: boolean) {
    // Unknown (the worker did not answer): the question is asked all the same, naming none.
    const [queue, aside] = await Promise.all([
      sources.send('outbox.list', {}).catch(() => []),
      removeData ? sources.send('outbox.quarantined', {}).catch(() => []) : Promise.resolve([]),
    ]);
    removal.value = {
      removeData,
      unsent: [
        ...queue.filter((item) => item.state !== 'done').map(({ chatId, state }): Unsent => ({ chatId, state })),
        ...aside.map((q): Unsent => ({ chatId: q.chatId ?? null, state: 'set_aside' })),
      ],
    };
  }

  /** Disconnects once confirmed (`disconnect(true)`); the writes waiting stay and go once someone connects again. */
  async function disconnect(confirmed = false) {
    if (!confirmed) return ask(false);
    busy.value = true;
    try {
      const { revoked } = await sources.send('auth.disconnect', {});
      removal.value = null;
      notice.value = revoked
        ? { tone: 'ok', text: i18n.t('options.connection.disconnected') }
        : { tone: 'error', text: i18n.t('options.connection.notRevoked') };
      fields.value = null;
      await refreshStatus();
    } finally {
      busy.value = false;
    }
  }

  /** First step: says what is not sent yet; nothing is removed until `removeLocalData(true)`. */
  async function removeLocalData(confirmed = false) {
    if (!confirmed) return ask(true);
    busy.value = true;
    try {
      const { revoked, removed } = await sources.send('auth.disconnect', { removeData: true });
      removal.value = null;
      const writes = removed?.writes ?? 0;
      const done = i18n.t('options.connection.removed', writes, { count: writes, unsent: removed?.unsent ?? 0 });
      notice.value = { tone: revoked ? 'ok' : 'error', text: revoked ? done : `${done} ${i18n.t('options.connection.removedNotRevoked')}` };
      fields.value = null;
      await refreshStatus();
    } finally {
      busy.value = false;
    }
  }

  /**
   * Problems of one setting (or section), beside it: a value stored here or by policy that was
   * ignored (a stored one only until the admin edits it), an import's value not taken, and what
   * is wrong with the value as typed (live; what the last save refused where that says nothing).
   */
  const problemsOf = (prefix: string): ShownProblem[] => {
    const edited = (setting: string) => touched.value.some((t) => covers(t, setting) || covers(setting, t));
    const live = draftErrors.value.filter((p) => covers(prefix, p.setting));
    const refusedHere = refused.value
      .filter((p) => covers(prefix, p.setting) && !live.some((l) => covers(l.setting, p.setting) || covers(p.setting, l.setting)))
      .flatMap((p) => problemSentences(p, { [p.setting.split('.')[0]!]: (draft.value as Record<string, unknown> | null)?.[p.setting.split('.')[0]!] }).map((text) => ({ setting: p.setting, source: 'draft' as const, text })));
    return [
      ...ignored.value.filter((p) => covers(prefix, p.setting) && (p.source !== 'local' || !edited(p.setting))),
      ...live,
      ...refusedHere,
    ];
  };

  return { draft, saved, locked, stored, imported, dirty, notice, status, busy, fields, removal, ignored, draftErrors, reload, isLocked, set, importConfiguration, exportText, save, refreshStatus, connect, disconnect, removeLocalData, problemsOf };
}

export type OptionsStore = ReturnType<typeof createOptionsStore>;
