import { computed, signal } from '@preact/signals';
import type { CommandName, CommandRequest, CommandResponse, SalesforceStatus } from '@/utils/messages/protocol';
import { validSettings, type EffectiveSettings, type SectionName, type Settings, type SettingsProblem } from '@/utils/settings/schema';

type Send = <C extends CommandName>(command: C, payload: CommandRequest<C>) => Promise<CommandResponse<C>>;
export type FieldList = Record<string, { name: string; label: string; type: string; chatKey?: boolean }[]>;

export type OptionsSources = {
  send: Send;
  load: () => Promise<EffectiveSettings>;
  save: (settings: Record<string, unknown>) => Promise<void>;
};

/**
 * The options page's state: a draft of every setting (what the admin is editing), what policy
 * locked, what was wrong with the stored values, and the connection. Saving writes the draft's
 * unlocked settings to local storage in one go, after the same schema checks the background makes.
 */
export function createOptionsStore(sources: OptionsSources) {
  const draft = signal<Settings | null>(null);
  const locked = signal<string[]>([]);
  const stored = signal<SettingsProblem[]>([]);
  const invalid = signal<SettingsProblem[]>([]);
  const dirty = signal(false);
  const notice = signal<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const status = signal<SalesforceStatus | null>(null);
  const busy = signal(false);
  const fields = signal<FieldList | null>(null);
  /** "Disconnect and remove local data" asked: what is not sent yet, for the admin to confirm losing. */
  const removal = signal<{ unsent: { chatId: string; state: string }[] } | null>(null);

  async function reload() {
    const effective = await sources.load();
    draft.value = structuredClone(effective.settings);
    locked.value = effective.locked;
    stored.value = effective.problems;
    invalid.value = [];
    dirty.value = false;
  }

  const isLocked = (section: SectionName, key: string) => locked.value.includes(`${section}.${key}`);

  /** Changes one setting in the draft (nothing is stored until Save). */
  function set<S extends SectionName, K extends keyof Settings[S]>(section: S, key: K, value: Settings[S][K]) {
    if (!draft.value || isLocked(section, String(key))) return;
    draft.value = { ...draft.value, [section]: { ...draft.value[section], [key]: value } };
    dirty.value = true;
    notice.value = null;
  }

  /** Replaces the draft with an imported configuration (checked setting by setting). */
  function importConfiguration(text: string) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      notice.value = { tone: 'error', text: `That file is not JSON: ${error instanceof Error ? error.message : String(error)}` };
      return;
    }
    const { values, problems } = validSettings(raw, 'local');
    const next = structuredClone(draft.value!) as Record<string, Record<string, unknown>>;
    for (const [section, settings] of Object.entries(values)) {
      for (const [key, value] of Object.entries(settings)) if (!locked.value.includes(`${section}.${key}`)) next[section]![key] = value;
    }
    draft.value = next as Settings;
    dirty.value = true;
    invalid.value = problems;
    notice.value = problems.length
      ? { tone: 'error', text: `Imported, except ${problems.length} setting(s) that are not valid (listed above). Review, then save.` }
      : { tone: 'ok', text: 'Imported. Review, then save.' };
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
    invalid.value = problems;
    if (problems.length) {
      notice.value = { tone: 'error', text: 'Nothing was saved: fix the settings marked in red first.' };
      return;
    }
    await sources.save(local);
    await reload();
    notice.value = { tone: 'ok', text: 'Saved. Open consoles use the new settings from their next chat.' };
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
        notice.value = { tone: 'ok', text: 'Connected to Salesforce.' };
        void loadFields();
      } else notice.value = { tone: 'error', text: answer.message };
    } catch (error) {
      notice.value = { tone: 'error', text: `Could not connect: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      busy.value = false;
    }
  }

  async function disconnect() {
    busy.value = true;
    try {
      const { revoked } = await sources.send('auth.disconnect', {});
      notice.value = revoked
        ? { tone: 'ok', text: 'Disconnected; Salesforce revoked the token.' }
        : { tone: 'error', text: 'Disconnected here, but Salesforce could not be reached to revoke the token: revoke it under Connected Apps OAuth Usage.' };
      fields.value = null;
      await refreshStatus();
    } finally {
      busy.value = false;
    }
  }

  /** First step: says what is not sent yet; nothing is removed until `removeLocalData(true)`. */
  async function removeLocalData(confirmed = false) {
    if (!confirmed) {
      const [queue, aside] = await Promise.all([sources.send('outbox.list', {}), sources.send('outbox.quarantined', {})]);
      removal.value = {
        unsent: [
          ...queue.filter((item) => item.state !== 'done').map(({ chatId, state }) => ({ chatId, state })),
          ...aside.map((q) => ({ chatId: q.chatId ?? '(unreadable)', state: 'set aside' })),
        ],
      };
      return;
    }
    busy.value = true;
    try {
      const { revoked, removed } = await sources.send('auth.disconnect', { removeData: true });
      removal.value = null;
      notice.value = {
        tone: revoked ? 'ok' : 'error',
        text: `Disconnected${revoked ? '' : ' here (Salesforce could not be reached to revoke the token: revoke it under Connected Apps OAuth Usage)'}; removed ${removed?.writes ?? 0} write(s), ${removed?.unsent ?? 0} of them not sent, the audit log and the caches. The settings stay.`,
      };
      fields.value = null;
      await refreshStatus();
    } finally {
      busy.value = false;
    }
  }

  /** Problems of one section: stored ones (local or policy) and the draft's. */
  const problemsOf = (section: string) => [...stored.value, ...invalid.value].filter((p) => p.setting === section || p.setting.startsWith(`${section}.`));

  return { draft, locked, stored, invalid, dirty, notice, status, busy, fields, removal, reload, isLocked, set, importConfiguration, exportText, save, refreshStatus, connect, disconnect, removeLocalData, problemsOf };
}

export type OptionsStore = ReturnType<typeof createOptionsStore>;
