import { storage } from 'wxt/utils/storage';
import type { SalesforceClient } from '../salesforce/connection';
import { soqlString } from '../salesforce/escape';
import { API_VERSION } from '../salesforce/version';

const DAY = 86_400_000;
type Owners = Record<string, { id: string | null; at: number }>;
const owners = storage.defineItem<Owners>('local:owners', { fallback: {} });

/**
 * The Salesforce user whose e-mail is the agent's (seed 001), looked up once a day per agent;
 * null when none is active (then Salesforce makes the connected user the owner).
 */
export async function ownerFor(client: SalesforceClient, agentEmail: string | undefined, now = Date.now()): Promise<string | null> {
  const email = agentEmail?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) return null;
  const key = `${client.session.instanceUrl}|${email}`;
  const known = (await owners.getValue())[key];
  if (known && now - known.at < DAY) return known.id;
  const soql = `SELECT Id FROM User WHERE Email = ${soqlString(email)} AND IsActive = true LIMIT 1`;
  const result = await client.get<{ records: { Id: string }[] }>(`/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`);
  const id = result.records[0]?.Id ?? null;
  await owners.setValue({ ...(await owners.getValue()), [key]: { id, at: now } });
  return id;
}
