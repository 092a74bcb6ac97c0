import type { Candidate } from '../identify/rank';
import { identifyContext } from '../identify/context';
import { identifyVisitor, identifyVisitors, type CacheStore } from '../identify/service';
import type { SalesforceClient } from '../salesforce/connection';
import type { MetadataCache } from '../salesforce/metadata';
import type { OutboxEntry } from '../outbox/store';
import type { Settings } from '../settings/schema';
import { buildPlan, withFixes, type ActionPlan, type Existing } from './plan';
import { ownerFor } from './owner';
import { equalBest, NoAccountError, UndecidedMatchError } from './undecided';
import { recordOf } from './actions';

export type PlanContext = {
  client: SalesforceClient;
  metadata: MetadataCache;
  cache: CacheStore;
  /** Rules, mapping, automatic action per trigger, task defaults, owner rule, phone region. */
  settings: Settings;
  /** The org's default region (from its locale), for phones without a country when neither the visitor's nor the console's is known. */
  orgRegion?: string;
  /** The open case the agent attached the chat to in the panel. */
  chatCase?: { id: string };
  /** The account the agent related the chat to in the panel. */
  chatAccount?: { id: string };
  /** More contacts the agent put on the chat. */
  others?: { id: string; name?: string }[];
  now?: number;
};

/**
 * What the settings give every plan, automatic or made by hand: mapping, task and case defaults,
 * and the region for phones without a country when the visitor's is unknown: the console's, else the org's.
 */
export function planDefaults(settings: Settings, orgRegion?: string) {
  return { mapping: settings.mapping, region: settings.general.phoneRegion ?? orgRegion, task: settings.records.task, caseDefaults: settings.records.case, othersEach: settings.records.otherPeople === 'taskEach', ...(settings.records.description ? { description: settings.records.description } : {}) };
}

const asExisting = (c: Candidate): Existing => ({ type: c.type as 'Contact' | 'Lead', id: c.id, name: c.name, accountId: c.account?.id, values: c.values ?? {} });

/** The rule an entry is written by: the agent's choice in the panel, else the trigger's automatic action; null for none. */
function ruleOf(entry: OutboxEntry, settings: Settings) {
  const rule = entry.manual ? { action: entry.manual.action, strategy: 'none' as const, noMatch: 'create' as const } : entry.trigger === 'manual' ? null : settings.automation[entry.trigger];
  return rule && rule.action !== 'nothing' ? { ...rule, action: rule.action } : null;
}

/**
 * The visitors of several waiting writes (after an outage) identified together, in a few composite
 * requests instead of one each; their plans then find them in the cache. Writes already planned,
 * or with nothing to write, are not looked up.
 */
export async function identifyAhead(entries: OutboxEntry[], ctx: Omit<PlanContext, 'chatCase' | 'chatAccount' | 'others' | 'now'>): Promise<void> {
  const { client, metadata, settings } = ctx;
  const waiting = entries.filter((e) => !e.plan && ruleOf(e, settings));
  if (waiting.length < 2) return;
  const { read, isPhone } = await identifyContext(metadata, client, settings);
  await identifyVisitors(client, waiting.map((e) => e.snapshot), settings.identification, ctx.cache, { display: read, isPhone, region: planDefaults(settings, ctx.orgRegion).region });
}

/**
 * An outbox entry → its plan: who the visitor is (the agent's pick, else the best contact, else
 * the best lead; usually from the identification cache, so no request), the org's metadata
 * (cached), the owner (cached a day), then the pure plan.
 */
export async function preparePlan(entry: OutboxEntry, ctx: PlanContext): Promise<ActionPlan | null> {
  const { client, metadata, settings } = ctx;
  // An agent's choice (entry.manual) replaces the automatic rule for the trigger.
  const rule = ruleOf(entry, settings);
  if (!rule) return null;
  const defaults = planDefaults(settings, ctx.orgRegion);
  const { meta, read, isPhone } = await identifyContext(metadata, client, settings);
  const found = await identifyVisitor(client, entry.snapshot, settings.identification, ctx.cache, { display: read, isPhone, region: defaults.region });
  const candidates = [...found.contacts, ...found.leads];
  const person = entry.choice && entry.choice.type !== 'Account' ? { type: entry.choice.type, id: entry.choice.id } : undefined;
  // Two people match the chat equally (the same e-mail on two contacts): writing to either is a guess.
  const best = equalBest(found.contacts.length ? found.contacts : found.leads);
  if (!person && rule.action !== 'case' && best.length > 1) throw new UndecidedMatchError(best);
  const picked = person ? candidates.find((c) => c.id === person.id) : entry.choice ? undefined : candidates[0];
  // Nobody matches and the admin wants nothing created for unknown visitors: nothing is written.
  // Only the automatic rule: an agent who chose a write in the panel decided for this chat.
  if (!entry.choice && !picked && rule.action !== 'case' && rule.noMatch === 'nothing') return null;
  // A record picked by hand that identification did not bring: attach to it, change nothing on it.
  const existing: Existing | null = picked ? asExisting(picked) : person ? { ...person, values: {} } : null;
  // The chat's account: the agent's pick, else the one account that matched best (two alike: none,
  // a guess is no link). Not for a person picked by hand, whose own account is not known here.
  const accounts = equalBest(found.accounts);
  const account = entry.choice?.type === 'Account' ? entry.choice.id : ctx.chatAccount?.id ?? (existing && !picked ? undefined : accounts.length === 1 ? accounts[0]!.id : undefined);
  // A new case chosen by hand is a new case; everything else of the chat goes to the case it was attached to.
  const newCase = !!entry.manual && recordOf(rule.action) === 'Case';
  const strategy = picked ? rule.strategy : 'none';
  const ownerId = settings.records.owner === 'agent' ? ((await ownerFor(client, entry.snapshot.agent.email).catch(() => null)) ?? undefined) : undefined;
  const plan = buildPlan({
    snapshot: entry.snapshot, trigger: entry.trigger, action: rule.action, strategy, existing, meta, ...defaults,
    ownerId, overrides: entry.manual?.overrides, now: ctx.now ?? Date.now(),
    ...(account ? { account } : {}), ...(ctx.chatCase && !newCase ? { chatCase: ctx.chatCase } : {}), ...(ctx.others ? { others: ctx.others } : {}),
    ...(entry.wrapUp && (entry.wrapUp.disposition || entry.wrapUp.notes) ? { wrapUp: { field: settings.wrapUp.dispositionField, disposition: entry.wrapUp.disposition, notes: entry.wrapUp.notes } } : {}),
  });
  // The admin wants every chat related to an account (a lead, which has none yet, aside): unsure, nothing is written.
  // (What the agent wrote by hand in the panel's forms is theirs: the form shows its account.)
  if (plan && !entry.manual && settings.records.requireAccount && !relatedToAccount(plan)) throw new NoAccountError();
  // What the agent corrected (before the write, or after a refusal) wins over what the chat gave.
  const fixed = plan && withFixes(plan, entry.fixes);
  // A record created during the chat gets the whole chat at its end, and the wrap-up's disposition.
  const also = entry.wrapUp?.disposition && settings.wrapUp.dispositionField ? [settings.wrapUp.dispositionField] : [];
  return fixed && entry.manual?.update ? asUpdate(fixed, entry.manual.update, also) : fixed;
}

/**
 * A case created during the chat, at its end: the same record updated with the whole chat (its
 * description, and the file of a transcript too long for it). An update: sent twice, still once.
 */
export function asUpdate(plan: ActionPlan, update: { object: 'Case' | 'Task'; id: string }, also: string[] = []): ActionPlan | null {
  const record = plan.steps.find((s) => s.ref === 'record');
  const values = Object.fromEntries(['Description', ...also].flatMap((f) => (record && record.values[f] !== undefined && record.values[f] !== null ? [[f, record.values[f]!]] : [])));
  const steps: ActionPlan['steps'] = Object.keys(values).length ? [{ ref: 'record', object: update.object, method: 'PATCH', id: update.id, values }] : [];
  const file = plan.steps.find((s) => s.ref === 'transcript');
  if (file) steps.push({ ...file, values: { ...file.values, FirstPublishLocationId: update.id } });
  return steps.length ? { ...plan, steps } : null;
}

/** Whether a plan's case or task is related to an account (a task of a lead's counts: a lead has none yet). */
export function relatedToAccount(plan: ActionPlan): boolean {
  const record = plan.steps.find((s) => s.ref === 'record');
  const person = plan.steps.find((s) => s.ref === 'person');
  if (!record) return true;
  if (record.object === 'Case') return !!record.values.AccountId;
  const who = record.values.WhoId;
  const lead = person?.object === 'Lead' || (typeof who === 'string' && who.startsWith('00Q'));
  return lead || (typeof record.values.WhatId === 'string' && !!record.values.WhatId);
}
