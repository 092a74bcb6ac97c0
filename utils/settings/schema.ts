import * as z from 'zod';
import { DEFAULT_RULES } from '../identify/rules';

/** A chat field by its catalogue key (DESIGN.md "Chat fields"). */
export const ChatFieldKey = z.string().regex(/^(visitor|session|preChat|custom|chat|agent)\.[^\u0000-\u001f]{1,80}$/, 'a chat field such as visitor.email or preChat.phone');
/** A Salesforce field API name. It goes into SOQL as a name, so nothing else may pass. */
export const SalesforceFieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,79}$/, 'a Salesforce field API name such as Email or Phone__c');

const Condition = z.object({ chatField: ChatFieldKey, sfField: SalesforceFieldName });
/** Up to three OR-ed conditions per object (seed 000). */
const Conditions = z.array(Condition).max(3);

const Rule = z.object({
  action: z.enum(['contactCase', 'contactTask', 'case', 'leadTask', 'nothing']),
  strategy: z.enum(['none', 'overwrite', 'fillBlank']),
});
/** The automatic action and update strategy per trigger (seed 000; offline messages set apart, seed 002). */
export const AutomationSettings = z.object({ ended: Rule, offline: Rule });
const NOTHING = { action: 'nothing', strategy: 'none' } as const;

export const IdentificationSettings = z.object({
  contacts: Conditions,
  leads: Conditions,
  accounts: Conditions,
});

/**
 * The settings, one section per concept. Each section is read on its own: an invalid one is
 * reported and replaced by its default, the others still apply.
 */
export const SETTINGS_SECTIONS = {
  identification: { schema: IdentificationSettings, fallback: DEFAULT_RULES },
  /** Nothing is written on its own until an admin says so: a pilot never surprises the org. */
  automation: { schema: AutomationSettings, fallback: { ended: NOTHING, offline: NOTHING } as z.infer<typeof AutomationSettings> },
  /** ISO 3166 region for phone numbers written without a country code; else the visitor's country. */
  phoneRegion: { schema: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code such as US').nullable(), fallback: null as string | null },
} as const;

export type Settings = { [K in keyof typeof SETTINGS_SECTIONS]: z.infer<(typeof SETTINGS_SECTIONS)[K]['schema']> };
export type SettingsProblem = { section: string; message: string };

/** Reads stored settings: each section valid or its default, with what was wrong. Never throws. */
export function parseSettings(raw: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const source = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const settings = {} as Record<string, unknown>;
  const problems: SettingsProblem[] = [];
  for (const [section, { schema, fallback }] of Object.entries(SETTINGS_SECTIONS)) {
    if (source[section] === undefined) {
      settings[section] = fallback;
      continue;
    }
    const parsed = schema.safeParse(source[section]);
    if (parsed.success) settings[section] = parsed.data;
    else {
      settings[section] = fallback;
      problems.push({ section, message: parsed.error.issues.map((i) => `${[section, ...i.path].join('.')}: ${i.message}`).join('; ') });
    }
  }
  return { settings: settings as Settings, problems };
}
