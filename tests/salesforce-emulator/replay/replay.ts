/**
 * Replays real request/response pairs (captures/) on the emulator, one cassette at a time on an
 * empty org, in recorded order. The org is seeded from what the real answers show (records a
 * query returned that this org lacks), and ids the emulator gave are substituted for the real
 * ones in later requests, so a cassette's creates, reads and updates chain as they did.
 */
import { readFileSync } from 'node:fs';
import { ORG_ID, type Org } from '../org';
import type { Emulator } from '../server';
import { generalPath, shapeDiff } from './shape';

export type Pair = {
  file: string;
  index: number;
  request: { method: string; uri: string; body: string | null };
  response: { status: number; headers: Record<string, unknown>; body: string | null };
};

export type Outcome = { id: string; request: string; diffs: string[] };

const CAPTURES = new URL('../captures/', import.meta.url);
const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
/** Headers a client reads, where the capture kept them. */
const READ_HEADERS = ['content-type', 'location', 'etag', 'last-modified'];

/** The pairs this emulator is meant to answer, and why the others are left out. */
export function loadPairs(): { pairs: Pair[]; outOfScope: Map<string, number> } {
  const all = JSON.parse(readFileSync(new URL('cumulusci_pairs.json', CAPTURES), 'utf8')) as Pair[];
  const outOfScope = new Map<string, number>();
  const pairs = all.filter((pair) => {
    const reason = scopeOf(pair.request.uri);
    if (reason) outOfScope.set(reason, (outOfScope.get(reason) ?? 0) + 1);
    return !reason;
  });
  return { pairs, outOfScope };
}

function scopeOf(uri: string): string | null {
  if (!uri.includes('/services/data/')) return uri.includes('/services/async/') ? 'Bulk API 1.0 (XML jobs): not used by the product' : 'not Salesforce';
  if (uri.includes('/tooling/')) return 'Tooling API: not used by the product';
  if (uri.includes('/connect/')) return 'Connect API (Experience Cloud): not used by the product';
  return null;
}

const parse = (body: string | null): unknown => {
  if (!body) return null;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
};

function substitute(text: string, ids: Map<string, string>): string {
  let out = text;
  for (const [real, ours] of ids) out = out.split(real).join(ours).split(real.slice(0, 15)).join(ours.slice(0, 15));
  return out;
}

/** Where the real answer has an id and ours has another at the same place, remember the pair. */
function learnIds(real: unknown, ours: unknown, ids: Map<string, string>): void {
  if (typeof real === 'string' && typeof ours === 'string') {
    if (real !== ours && ID.test(real) && ID.test(ours) && real.slice(0, 3) === ours.slice(0, 3) && !ids.has(real)) ids.set(real, ours);
    return;
  }
  if (Array.isArray(real) && Array.isArray(ours)) {
    real.forEach((r, i) => learnIds(r, ours[i], ids));
    return;
  }
  if (real && ours && typeof real === 'object' && typeof ours === 'object') {
    for (const [k, v] of Object.entries(real)) learnIds(v, (ours as Record<string, unknown>)[k], ids);
  }
}

/**
 * Inserts the records a real answer shows (with their real ids) that this org does not have,
 * linked as the answer shows them: a nested parent (`Who`, `Account`) sets the lookup, a
 * subquery's children (`Opportunities`) point back at their parent.
 */
function seedFrom(org: Org, body: unknown, ids: Map<string, string>, link: Record<string, string> = {}): string | undefined {
  if (Array.isArray(body)) {
    body.forEach((item) => seedFrom(org, item, ids, link));
    return undefined;
  }
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  if (Array.isArray(record.records)) return void seedFrom(org, record.records, ids, link);
  const attributes = record.attributes as { type?: string; url?: string } | undefined;
  const type = attributes?.type && org.metadata.has(attributes.type.toLowerCase()) ? org.object(attributes.type).name : undefined;
  if (!type) {
    for (const value of Object.values(record)) if (value && typeof value === 'object') seedFrom(org, value, ids);
    return undefined;
  }
  const id = typeof record.Id === 'string' ? record.Id : attributes!.url?.split('/').pop();
  const fields: Record<string, unknown> = { ...link };
  const children: [string, unknown][] = [];
  for (const [key, value] of Object.entries(record)) {
    if (key === 'attributes' || key === 'Id') continue;
    if (value && typeof value === 'object') {
      const lookup = org.object(type).fields.find((f) => f.relationshipName?.toLowerCase() === key.toLowerCase());
      const parentId = seedFrom(org, value, ids);
      if (lookup && parentId) fields[lookup.name] = parentId;
      else children.push([key, value]);
      continue;
    }
    const field = org.field(type, key);
    if (field) fields[field.name] = value;
  }
  if (!id || !ID.test(id)) return undefined;
  const existing = org.find(ids.get(id) ?? id) ?? org.table(type).get(id);
  const known = existing?.Id;
  if (!existing) org.insert(type, { ...fields, Id: id });
  // A record first seen with fewer fields: what this answer shows of it is true of the org too.
  else for (const [k, v] of Object.entries(fields)) if (existing[k] === null || existing[k] === undefined) existing[k] = v;
  const relationships = (org.object(type) as unknown as { childRelationships?: { relationshipName?: string | null; field: string }[] }).childRelationships ?? [];
  for (const [key, value] of children) {
    const rel = relationships.find((r) => r.relationshipName?.toLowerCase() === key.toLowerCase());
    seedFrom(org, value, ids, rel ? { [rel.field]: known ?? id } : {});
  }
  return known ?? id;
}

function headerOf(headers: Record<string, unknown>, name: string): string | undefined {
  const entry = Object.entries(headers).find(([k]) => k.toLowerCase() === name);
  const value = Array.isArray(entry?.[1]) ? (entry[1] as unknown[])[0] : entry?.[1];
  return typeof value === 'string' ? value : undefined;
}

/** Replays one cassette's pairs on a fresh empty org, which has the objects as the cassette's describes show them. */
export async function replayCassette(emulator: Emulator, pairs: Pair[]): Promise<Outcome[]> {
  const describes = pairs
    .filter((p) => p.request.method === 'GET' && p.response.status === 200 && /\/sobjects\/[^/]+\/describe\/?$/.test(p.request.uri))
    .map((p) => ({ source: `${p.file}#${p.index}`, describe: p.response.body }));
  emulator.reset({ data: 'empty', org: { describes } });
  const { accessToken } = emulator.issueToken();
  const ids = new Map<string, string>();
  const outcomes: Outcome[] = [];
  for (const pair of pairs) {
    const real = parse(pair.response.body);
    // The org's own id is whatever the org's id is.
    for (const m of (pair.request.uri + (pair.response.body ?? '')).matchAll(/\b00D[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?\b/g)) if (m[0] !== ORG_ID) ids.set(m[0], ORG_ID);
    seedFrom(emulator.org, real, ids);
    // The recorded org's metadata was last changed when its answers say.
    const lastModified = /"Last-Modified"\s*:\s*"([^"]+)"/.exec(pair.response.body ?? '')?.[1];
    if (lastModified) emulator.rest.lastModified = lastModified;
    const uri = substitute(pair.request.uri.replace(/^https:\/\/[^/]+/, emulator.url).replace(/\/vxx\.0\//g, '/v62.0/'), ids);
    const body = pair.request.body ? substitute(pair.request.body.replace(/\/vxx\.0\//g, '/v62.0/'), ids) : undefined;
    const res = await fetch(uri, {
      method: pair.request.method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body,
    });
    const text = await res.text();
    const ours = parse(text);
    learnIds(real, ours, ids);
    const diffs = res.status !== pair.response.status ? [`status: real ${pair.response.status}, emulator ${res.status}`] : [];
    diffs.push(...shapeDiff(real, ours));
    for (const name of READ_HEADERS) {
      const have = headerOf(pair.response.headers, name);
      if (have && !res.headers.get(name)) diffs.push(`header ${name}: missing`);
      else if (have && name === 'content-type' && have.toLowerCase() !== res.headers.get(name)?.toLowerCase()) diffs.push(`header ${name}: real ${have}, emulator ${res.headers.get(name)}`);
    }
    outcomes.push({ id: `${pair.file}#${pair.index}`, request: `${pair.request.method} ${decodeURIComponent((pair.request.uri.split('/services/data/')[1] ?? pair.request.uri).replace(/\+/g, ' ')).slice(0, 120)}`, diffs: [...new Set(diffs.map(generalPath))] });
  }
  return outcomes;
}

/** Every in-scope pair, cassette by cassette. */
export async function replayAll(emulator: Emulator): Promise<{ outcomes: Outcome[]; outOfScope: Map<string, number> }> {
  const { pairs, outOfScope } = loadPairs();
  const byFile = new Map<string, Pair[]>();
  for (const pair of pairs) byFile.set(pair.file, [...(byFile.get(pair.file) ?? []), pair]);
  const outcomes: Outcome[] = [];
  for (const cassette of byFile.values()) outcomes.push(...(await replayCassette(emulator, cassette)));
  return { outcomes, outOfScope };
}
