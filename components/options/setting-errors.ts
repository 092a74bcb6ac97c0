import type * as z from 'zod';
import { i18n } from '#i18n';
import { countOf, uiLocale } from '@/utils/i18n/locale';
import { SettingsSchema, settingSchema, type SettingsProblem } from '@/utils/settings/schema';
import { choiceWords, partName, settingName } from './words';

// What is wrong with a setting, said to the admin: the setting by its label and what it takes
// ("Share of the org's daily API requests…: enter a whole number from 1 to 100"), never the
// validator's own words (`Invalid option: expected one of "contactCase"|…`). Messages our schema
// writes itself (a regex's or refine's message) are kept: they already say what is expected.

type Issue = z.core.$ZodIssue;
type Def = { type: string; shape?: Record<string, Schema>; element?: Schema; valueType?: Schema; innerType?: Schema; in?: Schema; out?: Schema };
type Schema = { _zod: { def: Def } } & Partial<{ minValue: number | null; maxValue: number | null; isInt: boolean; options: readonly unknown[] }>;

/** The schema itself under nullable, optional, default… */
function bare(schema: Schema | undefined): Schema | undefined {
  let at = schema;
  for (let i = 0; at && i < 10; i++) {
    const def = at._zod.def;
    if (def.innerType) at = def.innerType;
    else if (def.type === 'pipe' && def.in) at = def.in;
    else break;
  }
  return at;
}

/** The schema at a path inside a setting (an object's key, a list's item, a record's value). */
function schemaAt(setting: string, path: readonly PropertyKey[]): Schema | undefined {
  let at = bare(settingSchema(setting) as unknown as Schema | undefined);
  for (const step of path) {
    const def = at?._zod.def;
    if (!def) return undefined;
    if (def.type === 'object' && typeof step === 'string') at = bare(def.shape?.[step]);
    else if (def.type === 'array') at = bare(def.element);
    else if (def.type === 'record') at = bare(def.valueType);
    else return undefined;
  }
  return at;
}

/** The setting, and the part of it a path points at, as the page names them ("When a chat ends › action"). */
export function nameOf(setting: string, path: readonly PropertyKey[] = []): string {
  let name = settingName(setting) ?? setting;
  for (const step of path) {
    const part = typeof step === 'number'
      ? setting.startsWith('identification.') ? i18n.t('options.errors.condition', { n: countOf(step + 1) }) : i18n.t('options.errors.item', { n: countOf(step + 1) })
      : partName(setting, String(step)) ?? String(step);
    name = i18n.t('options.errors.path', { setting: name, part });
  }
  return name;
}

const orList = (words: string[]) => new Intl.ListFormat(uiLocale(), { type: 'disjunction' }).format(words);

/** "Enter a whole number from 1 to 100", from the number's own bounds in the schema. */
function numberSentence(setting: string, schema: Schema | undefined): string {
  const min = schema?.minValue;
  const max = schema?.maxValue;
  const whole = schema?.isInt ?? false;
  const bounded = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER;
  if (bounded(min) && bounded(max)) return whole ? i18n.t('options.errors.wholeNumber', { setting, min: countOf(min), max: countOf(max) }) : i18n.t('options.errors.number', { setting, min: countOf(min), max: countOf(max) });
  if (bounded(min)) return i18n.t('options.errors.atLeastNumber', { setting, min: countOf(min) });
  return whole ? i18n.t('options.errors.anyWholeNumber', { setting }) : i18n.t('options.errors.anyNumber', { setting });
}

/** Whether a format issue carries our schema's own message (a regex's "a two-letter country code such as US"), not zod's. */
const ownMessage = (issue: Issue) => !/^Invalid\b/.test(issue.message);

/** One zod issue of a setting's value as a sentence naming the setting and what it takes. */
export function issueSentence(setting: string, issue: Issue): string {
  const at = schemaAt(setting, issue.path);
  const name = nameOf(setting, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      switch (issue.expected) {
        case 'number':
        case 'int': return numberSentence(name, at);
        case 'string': return i18n.t('options.errors.text', { setting: name });
        case 'boolean': return i18n.t('options.errors.onOff', { setting: name });
        case 'array': return i18n.t('options.errors.list', { setting: name });
        default: return i18n.t('options.errors.shape', { setting: name });
      }
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'bigint') return numberSentence(name, at);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? i18n.t('options.errors.required', { setting: name }) : i18n.t('options.errors.minChars', { setting: name, min: countOf(Number(issue.minimum)) });
      return i18n.t('options.errors.atLeast', Number(issue.minimum), { setting: name, count: countOf(Number(issue.minimum)) });
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'bigint') return numberSentence(name, at);
      if (issue.origin === 'string') return i18n.t('options.errors.maxChars', { setting: name, max: countOf(Number(issue.maximum)) });
      return i18n.t('options.errors.atMost', Number(issue.maximum), { setting: name, count: countOf(Number(issue.maximum)) });
    case 'invalid_value': {
      const key = issue.path.at(-1);
      const words = issue.values.map((v) => choiceWords(setting, typeof key === 'string' ? key : undefined, String(v)) ?? JSON.stringify(v));
      return i18n.t('options.errors.choose', { setting: name, choices: orList(words) });
    }
    case 'invalid_format':
      return ownMessage(issue) ? i18n.t('options.errors.expected', { setting: name, expected: issue.message }) : i18n.t('options.errors.form', { setting: name });
    case 'custom':
      return ownMessage(issue) ? i18n.t('options.errors.own', { setting: name, message: issue.message }) : i18n.t('options.errors.invalid', { setting: name });
    case 'invalid_key':
      return i18n.t('options.errors.name', { setting: nameOf(setting, issue.path.slice(0, -1)), key: String(issue.path.at(-1) ?? '') });
    case 'unrecognized_keys':
      return i18n.t('options.errors.unknownKeys', { setting: name, keys: issue.keys.join(', ') });
    default:
      return i18n.t('options.errors.invalid', { setting: name });
  }
}

/** What is wrong with a value for a setting, in sentences; empty when it is valid (or there is no such setting). */
export function valueErrors(setting: string, value: unknown): string[] {
  const schema = settingSchema(setting);
  if (!schema) return [];
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : [...new Set(parsed.error.issues.map((issue) => issueSentence(setting, issue)))];
}

/**
 * A problem `validSettings` found in a stored, policy or imported value, said as `valueErrors`
 * says it: the value is judged again from `source`, the settings it came from. Custom adapters
 * keep their own messages (each names its adapter and item); without the source, the message stays.
 */
export function problemSentences(problem: SettingsProblem, source?: unknown): string[] {
  const { setting } = problem;
  if (setting === '(all)') return [i18n.t('options.errors.notSettings')];
  const [section, key] = setting.split('.');
  const sections = Object.keys(SettingsSchema.shape);
  if (!Object.hasOwn(SettingsSchema.shape, section!)) return [i18n.t('options.errors.unknownSection', { setting, known: sections.join(', ') })];
  if (key === undefined) return [i18n.t('options.errors.notSection', { setting })];
  const shape = SettingsSchema.shape[section as keyof typeof SettingsSchema.shape].shape;
  if (!Object.hasOwn(shape, key)) return [i18n.t('options.errors.unknownSetting', { setting, known: Object.keys(shape).join(', ') })];
  if (section === 'consoles' && (key === 'custom' || key === 'customJson')) return [problem.message];
  const body = source && typeof source === 'object' ? (source as Record<string, unknown>)[section!] : undefined;
  if (!body || typeof body !== 'object' || !Object.hasOwn(body, key)) return [problem.message];
  const sentences = valueErrors(setting, (body as Record<string, unknown>)[key]);
  return sentences.length ? sentences : [problem.message];
}
