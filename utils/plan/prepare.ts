import type { IdentifyRules } from '../identify/rules';
import type { Candidate } from '../identify/rank';
import { identifyContext } from '../identify/context';
import { identifyVisitor, type CacheStore } from '../identify/service';
import { DEFAULT_MAPPING } from '../mapping/defaults';
import type { SalesforceClient } from '../salesforce/connection';
import type { MetadataCache } from '../salesforce/metadata';
import type { OutboxEntry } from '../outbox/store';
import { buildPlan, type ActionPlan, type AutoAction, type Existing, type UpdateStrategy } from './plan';
import { ownerFor } from './owner';

export type PlanContext = {
  client: SalesforceClient;
  metadata: MetadataCache;
  cache: CacheStore;
  rules: IdentifyRules;
  /** The automatic rule for the trigger; an agent's choice (entry.manual) replaces it. */
  rule: { action: AutoAction; strategy: UpdateStrategy };
  region?: string;
  now?: number;
};

const asExisting = (c: Candidate): Existing => ({ type: c.type as 'Contact' | 'Lead', id: c.id, name: c.name, accountId: c.account?.id, values: c.values ?? {} });

/**
 * An outbox entry → its plan: who the visitor is (the agent's pick, else the best contact, else
 * the best lead; usually from the identification cache, so no request), the org's metadata
 * (cached), the owner (cached a day), then the pure plan.
 */
export async function preparePlan(entry: OutboxEntry, ctx: PlanContext): Promise<ActionPlan | null> {
  const rule = entry.manual ? { action: entry.manual.action, strategy: 'none' as const } : ctx.rule;
  if (rule.action === 'nothing') return null;
  const { client, metadata } = ctx;
  const { meta, read, isPhone } = await identifyContext(metadata, client);
  const found = await identifyVisitor(client, entry.snapshot, ctx.rules, ctx.cache, { display: read, isPhone, region: ctx.region });
  const candidates = [...found.contacts, ...found.leads];
  const picked = entry.choice ? candidates.find((c) => c.id === entry.choice!.id) : candidates[0];
  // A record picked by hand that identification did not bring: attach to it, change nothing on it.
  const existing: Existing | null = picked ? asExisting(picked) : entry.choice ? { ...entry.choice, values: {} } : null;
  const strategy = picked ? rule.strategy : 'none';
  const ownerId = (await ownerFor(client, entry.snapshot.agent.email).catch(() => null)) ?? undefined;
  return buildPlan({
    snapshot: entry.snapshot, trigger: entry.trigger, action: rule.action, strategy, existing, meta, mapping: DEFAULT_MAPPING,
    region: ctx.region, ownerId, overrides: entry.manual?.overrides, now: ctx.now ?? Date.now(),
  });
}
