import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import type { SalesforceClient } from '../salesforce/connection';
import { soqlString } from '../salesforce/escape';
import { API_VERSION } from '../salesforce/version';

const DAY = 86_400_000;
const Owners = z.record(z.string(), z.object({ id: z.nullable(z.string()), name: z.optional(z.string()), at: z.number() }));
type Owners = z.infer<typeof Owners>;
const item = storage.defineItem<unknown>('local:owners', { fallback: {} });
/** A cache: a stored value that does not parse is looked up again, not trusted. */
const owners = { getValue: async (): Promise<Owners> => Owners.safeParse(await item.getValue()).data ?? {}, setValue: (value: Owners) => item.setValue(value) };

/**
 * The Salesforce user whose e-mail is the agent's (seed 001), looked up once a day per agent;
 * null when none is active (then Salesforce makes the connected user the owner).
 */
export async function ownerFor(client: SalesforceClient, agentEmail: string | undefined, now = Date.now()): Promise<string | null> {
  return (await agentUser(client, agentEmail, now))?.id ?? null;
}

/** The agent's Salesforce user, with its name (forms show it in the Owner field). */
export async function agentUser(client: SalesforceClient, agentEmail: string | undefined, now = Date.now()): Promise<{ id: string; name: string } | null> {
  const email = agentEmail?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) return null;
  const key = `${client.session.instanceUrl}|${email}`;
  const known = (await owners.getValue())[key];
  if (known && now - known.at < DAY) return known.id ? { id: known.id, name: known.name ?? known.id } : null;
  const soql = `SELECT Id, Name FROM User WHERE Email = ${soqlString(email)} AND IsActive = true LIMIT 1`;
  const result = await client.get<{ records: { Id: string; Name?: string }[] }>(`/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`);
  const user = result.records[0];
  await owners.setValue({ ...(await owners.getValue()), [key]: { id: user?.Id ?? null, name: user?.Name, at: now } });
  return user ? { id: user.Id, name: user.Name ?? user.Id } : null;
}
