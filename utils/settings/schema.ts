import * as z from 'zod';
import { i18n } from '#i18n';
import { Adapter, parseAdapter } from '../adapters/schema';
import { BUILT_IN_ADAPTERS } from '../adapters/registry';
import { DEFAULT_RULES } from '../identify/rules';
import { DEFAULT_MAPPING } from '../mapping/defaults';
import { isSalesforceUrl } from '../salesforce/hosts';
import { unsafePatterns } from '../adapters/patterns';
import { unknownPlaceholders } from '../plan/description';
import { AUTO_ACTION_NAMES } from '../plan/actions';
import { DEFAULT_PRESENCE, PresenceSettings } from '../presence/settings';
import { DEFAULT_ROUTING, RoutingSettings } from '../routing/settings';

/** A chat field by its catalogue key (DESIGN.md "Chat fields"). */
export const ChatFieldKey = z.string().regex(/^(visitor|session|preChat|custom|chat|agent)\.[^\u0000-\u001f]{1,80}$/, { error: () => i18n.t('schema.chatField') });
/** A Salesforce field API name. It goes into SOQL as a name, so nothing else may pass. */
export const SalesforceFieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,79}$/, { error: () => i18n.t('schema.fieldName') });

/**
 * The choices of each setting that takes one of a list: the schema's enums, and the options page
 * offers exactly these (components/options/words.ts gives their words).
 */
export const TRIGGERS = ['ended', 'offline', 'started'] as const satisfies readonly (keyof Settings['automation'])[];
export const STRATEGIES = ['none', 'overwrite', 'fillBlank'] as const;
export const NO_MATCH = ['create', 'nothing'] as const;
export const LOGIN_HOSTS = ['production', 'sandbox', 'myDomain'] as const;
export const USERS = ['agent', 'integration'] as const;
export const OTHER_PEOPLE = ['primary', 'taskEach'] as const;
export const OWNERS = ['agent', 'connectedUser'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

const Condition = z.object({ chatField: ChatFieldKey, sfField: SalesforceFieldName });
/** Up to three OR-ed conditions per object (seed 000). */
const Conditions = z.array(Condition).max(3);

const Rule = z.object({
  action: z.enum(AUTO_ACTION_NAMES),
  strategy: z.enum(STRATEGIES),
  /** When nobody in Salesforce matches the visitor: create the person (and the rest), or write nothing (seed 002). Apart from the update strategy. */
  noMatch: z.enum(NO_MATCH).default('create'),
});
const NOTHING = { action: 'nothing', strategy: 'none', noMatch: 'create' } as const;

const MappingRow = z.object({ sfField: SalesforceFieldName, chatField: ChatFieldKey.optional(), display: z.boolean().optional() });
const MappingRows = z.array(MappingRow).max(500);

/** Salesforce login: production, sandbox, or the org's My Domain (https; http only on this machine, for tests). */
const MyDomain = z
  .string()
  .regex(/^(https:\/\/[a-z0-9.-]+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)\/?$/i, { error: () => i18n.t('schema.myDomain') })
  // A login (and every token after it) goes only to Salesforce's own hosts.
  .refine((url) => isSalesforceUrl(url), { error: () => i18n.t('schema.salesforceHost') })
  .nullable();

/** The connected app everyone uses unless the admin brings their own (seed 001). */
export const DEFAULT_CLIENT_ID = 'SalesforceForChatConsoles';

const ConsoleSwitch = z.object({
  enabled: z.boolean(),
  /** URL match patterns the console runs on (a self-hosted console has its own host). */
  matches: z.array(z.string().regex(/^(https?|\*):\/\/[^/]+\/.*$/, { error: () => i18n.t('schema.matchPattern') })).min(1).max(50),
});

/**
 * Every setting, one zod schema: the options page edits it, enterprise policy sets it (the
 * generated public/managed_schema.json), the background reads it. Sections group settings; each
 * key of a section is one setting, validated, merged and locked by policy on its own.
 */
export const SettingsSchema = z.object({
  connection: z.object({
    loginHost: z.enum(LOGIN_HOSTS),
    myDomain: MyDomain,
    clientId: z.string().regex(/^[\w.-]{1,255}$/, { error: () => i18n.t('schema.clientId') }),
    clientSecret: z.string().max(255).nullable(),
    /** Each agent as themselves (least privilege), or one integration user everybody connects as. */
    user: z.enum(USERS),
  }),
  identification: z.object({ contacts: Conditions, leads: Conditions, accounts: Conditions }),
  mapping: z.object({ Contact: MappingRows, Lead: MappingRows, Account: MappingRows, Case: MappingRows, Task: MappingRows }),
  /**
   * The automatic action and update strategy per trigger (seed 000; offline messages apart, seed
   * 002; "when a chat is started", seed 001: written once the chat has a value an identification rule uses).
   */
  automation: z.object({ ended: Rule, offline: Rule, started: Rule }),
  records: z.object({
    task: z.object({
      subject: z.string().min(1).max(255),
      status: z.string().min(1).max(255),
      priority: z.string().min(1).max(255),
      dueInDays: z.number().int().min(0).max(365),
    }),
    /** Case Status, Priority, Origin (picklist values); empty: the org's defaults. */
    case: z.object({ status: z.string().max(255), priority: z.string().max(255), origin: z.string().max(255) }),
    /**
     * The description of the chat's case or task, composed by the admin: chat fields in braces
     * ({chat.transcript}, {chat.startTime}, {chat.notes}…); empty: the mapping's (the transcript).
     */
    description: z.string().max(4000).superRefine((template, ctx) => {
      const unknown = unknownPlaceholders(template);
      if (unknown.length) ctx.addIssue({ code: 'custom', message: i18n.t('schema.placeholders', { names: unknown.map((p) => `{${p}}`).join(', ') }) });
    }),
    /** Every chat's case or task must be related to an account: without one, the panel asks and an automatic write waits. */
    requireAccount: z.boolean(),
    /**
     * The chat's other people where one task cannot name them all (an org without Shared
     * Activities, or a lead's chat): the chat's person alone, or a task for each person.
     */
    otherPeople: z.enum(OTHER_PEOPLE),
    /** Who owns what the extension creates (seed 001): the chat's agent by e-mail, or the connected user. */
    owner: z.enum(OWNERS),
  }),
  /**
   * After a chat ends, the agent's wrap-up before its write goes: a disposition (a picklist of the
   * chat's case or task, or the admin's list for a text field) and notes. The write goes at "Done",
   * after `seconds`, or at once when the console tab closes.
   */
  wrapUp: z.object({
    enabled: z.boolean(),
    seconds: z.number().int().min(5).max(3600),
    /** The field of the chat's case or task that takes the disposition (e.g. Type, or Reason on a case); null: none asked. */
    dispositionField: SalesforceFieldName.nullable(),
    /** The dispositions offered, for a text field (or fewer than the picklist has); empty: the field's picklist. */
    dispositions: z.array(z.string().min(1).max(255)).max(50),
  }),
  general: z.object({
    /** The console's ISO 3166 region, for phones written without a country code when the visitor's country is unknown; else the org's default. */
    phoneRegion: z.string().regex(/^[A-Z]{2}$/, { error: () => i18n.t('schema.region') }).nullable(),
    /** The share of the org's daily API requests this extension may use (percent). */
    apiBudgetPercent: z.number().int().min(1).max(100),
    /** Days a written chat's write keeps the chat (visitor, transcript, values sent); after, only its record ids and times. */
    keepWrittenDays: z.number().int().min(0).max(90),
    /** The extension's pages in light or dark, or as the system is set ('system'). */
    theme: z.enum(THEMES),
  }),
  consoles: z.object({
    builtIn: z.record(z.string().regex(/^[a-z0-9-]{1,40}$/), ConsoleSwitch),
    custom: z.array(Adapter).max(20).superRefine((adapters, ctx) => {
      adapters.forEach((adapter, i) => {
        for (const message of slowPatterns(adapter)) ctx.addIssue({ code: 'custom', path: [i], message });
      });
    }),
    /**
     * The custom adapters as one JSON text, for enterprise policy: Chrome checks only that it is a
     * string, so a mistake inside an adapter reaches the extension, which reports it and keeps the
     * others (a typed value Chrome finds wrong is withheld from the extension without a word).
     * Read into `custom`.
     */
    customJson: z.string().max(500_000).optional(),
  }),
  /** Omni-Channel presence kept in step with the console's state (seed 004): utils/presence. */
  presence: PresenceSettings,
  /** Routing by Salesforce fields (seed 000): rules that suggest transferring the chat to the record's owner or a department. */
  routing: RoutingSettings,
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SectionName = keyof Settings;

export const DEFAULT_SETTINGS: Settings = {
  connection: { loginHost: 'production', myDomain: null, clientId: DEFAULT_CLIENT_ID, clientSecret: null, user: 'agent' },
  identification: DEFAULT_RULES,
  mapping: DEFAULT_MAPPING,
  /** Nothing is written on its own until an admin says so: a pilot never surprises the org. */
  automation: { ended: NOTHING, offline: NOTHING, started: NOTHING },
  records: { task: { subject: 'Chat', status: 'Completed', priority: 'Normal', dueInDays: 0 }, case: { status: '', priority: '', origin: '' }, description: '', requireAccount: false, otherPeople: 'primary', owner: 'agent' },
  wrapUp: { enabled: false, seconds: 120, dispositionField: null, dispositions: [] },
  general: { phoneRegion: null, apiBudgetPercent: 50, keepWrittenDays: 1, theme: 'system' },
  consoles: {
    builtIn: Object.fromEntries(BUILT_IN_ADAPTERS.map((a) => [a.name, { enabled: true, matches: [...a.matches] }])),
    custom: [],
  },
  presence: DEFAULT_PRESENCE,
  routing: DEFAULT_ROUTING,
};

/** Patterns of an adapter that could block the console's tab, as the admin's errors. */
const slowPatterns = (adapter: unknown) =>
  unsafePatterns(adapter).map((pattern) => i18n.t('schema.slowPattern', { pattern: JSON.stringify(pattern.slice(0, 80)) }));

/**
 * Lists whose items stand alone: one wrong item is reported and left out, the rest still apply
 * (one broken adapter in a policy does not take the others with it). Each gives an item's problems.
 */
const ITEMWISE: Record<string, (item: unknown) => string[]> = {
  'consoles.custom': (item) => {
    const parsed = parseAdapter(item);
    return parsed.ok ? slowPatterns(item).map((m) => i18n.t('schema.adapter.named', { adapter: parsed.adapter.name, problem: m })) : parsed.errors;
  },
};

/** Settings a policy may give as JSON text (Chrome then checks only that it is text): the setting each one spells. */
const AS_JSON: Record<string, string> = { 'consoles.customJson': 'custom' };

/** Where a value came from: a problem names its source so the admin knows which file to fix. */
export type SettingsSource = 'local' | 'policy';
export type SettingsProblem = { source: SettingsSource; setting: string; message: string };

/** A section's schema by name, and one setting's schema in it. */
const sectionShape = (section: SectionName) => SettingsSchema.shape[section].shape as Record<string, z.ZodType>;

/** The schema a setting's value is judged by ("records.task"; a setting given as JSON text, by the one it spells); undefined for no such setting. */
export function settingSchema(setting: string): z.ZodType | undefined {
  const [section, key] = setting.split('.');
  if (!section || !key || !Object.hasOwn(SettingsSchema.shape, section)) return undefined;
  const shape = sectionShape(section as SectionName);
  const target = AS_JSON[setting] ?? key;
  return Object.hasOwn(shape, target) ? shape[target] : undefined;
}

/**
 * The valid settings of one source, setting by setting ("automation.ended", "mapping.Contact"):
 * an invalid or unknown one is reported and left out, the others still apply.
 */
export function validSettings(raw: unknown, source: SettingsSource): { values: Record<string, Record<string, unknown>>; problems: SettingsProblem[] } {
  const values: Record<string, Record<string, unknown>> = {};
  const problems: SettingsProblem[] = [];
  if (raw === undefined || raw === null) return { values, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { values, problems: [{ source, setting: '(all)', message: i18n.t('schema.notSections') }] };
  for (const [section, body] of Object.entries(raw)) {
    // Own keys only: "__proto__", "constructor" or "hasOwnProperty" in an import or a policy is an unknown setting, not a way in.
    if (!Object.hasOwn(SettingsSchema.shape, section)) {
      problems.push({ source, setting: section, message: i18n.t('schema.unknownSection', { known: Object.keys(SettingsSchema.shape).join(', ') }) });
      continue;
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      problems.push({ source, setting: section, message: i18n.t('schema.notObject') });
      continue;
    }
    const shape = sectionShape(section as SectionName);
    for (const [key, given] of Object.entries(body)) {
      const setting = `${section}.${key}`;
      let value = given;
      const schema = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (!schema) {
        problems.push({ source, setting, message: i18n.t('schema.unknownSetting', { known: Object.keys(shape).join(', ') }) });
        continue;
      }
      // A setting given as JSON text is read, then judged as the one it spells.
      const spelled = AS_JSON[setting];
      if (spelled && typeof value === 'string') {
        try {
          value = JSON.parse(value) as unknown;
        } catch (error) {
          problems.push({ source, setting, message: i18n.t('schema.notJson', { detail: error instanceof Error ? error.message : String(error) }) });
          continue;
        }
      }
      const target = spelled ?? key;
      const problemsOf = ITEMWISE[`${section}.${target}`];
      if (problemsOf && Array.isArray(value)) {
        const wrong = value.map(problemsOf);
        for (const [i, list] of wrong.entries()) if (list.length) problems.push({ source, setting, message: i18n.t('schema.itemLeftOut', { problems: list.join('; '), item: i + 1 }) });
        value = value.filter((_, i) => !wrong[i]!.length);
      }
      const parsed = (spelled ? shape[spelled]! : schema).safeParse(value);
      if (parsed.success) Object.defineProperty((values[section] ??= {}), target, { value: parsed.data, enumerable: true, writable: true, configurable: true });
      else problems.push({ source, setting, message: parsed.error.issues.map((i) => `${[setting, ...i.path].join('.')}: ${i.message}`).join('; ') });
    }
  }
  return { values, problems };
}

export type EffectiveSettings = {
  settings: Settings;
  /** Settings an enterprise policy set: shown locked, never taken from local storage. */
  locked: string[];
  problems: SettingsProblem[];
};

/** Policy over local over defaults, setting by setting. Never throws. */
export function mergeSettings(local: unknown, managed: unknown): EffectiveSettings {
  const fromLocal = validSettings(local, 'local');
  const fromPolicy = validSettings(managed, 'policy');
  const settings = structuredClone(DEFAULT_SETTINGS) as Record<string, Record<string, unknown>>;
  const locked: string[] = [];
  for (const [section, values] of Object.entries(fromLocal.values)) Object.assign(settings[section]!, values);
  for (const [section, values] of Object.entries(fromPolicy.values)) {
    Object.assign(settings[section]!, values);
    locked.push(...Object.keys(values).map((key) => `${section}.${key}`));
  }
  return { settings: settings as Settings, locked, problems: [...fromPolicy.problems, ...fromLocal.problems] };
}

/** Reads settings from local storage alone (tests, and before policy is known). */
export function parseSettings(raw: unknown): EffectiveSettings {
  return mergeSettings(raw, undefined);
}
