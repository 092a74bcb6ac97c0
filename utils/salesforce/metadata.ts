import { i18n } from '#i18n';
import * as z from 'zod/mini';
import type { SalesforceClient, SubRequest } from './connection';
import { layoutFields, layoutOf, ObjectMeta, slimObject } from './describe';
import { SalesforceError } from './errors';
import { API_VERSION } from './version';

/** How long metadata is trusted before it is revalidated (a conditional request: 304 when unchanged). */
export const REVALIDATE_MS = 60 * 60 * 1000;

/** Every object the extension reads or writes: all described together, in the org's first request. */
export const ORG_OBJECTS = ['Contact', 'Lead', 'Account', 'Case', 'Task', 'ContentVersion'];
/** Objects an org may not let us use (files): without them a feature is skipped, nothing fails. */
const OPTIONAL = new Set(['ContentVersion']);

export const OrgMetadata = z.object({
  checkedAt: z.number(),
  objects: z.record(z.string(), ObjectMeta),
  /** Optional objects the org would not describe. */
  absent: z._default(z.array(z.string()), []),
});
export type OrgMetadata = z.infer<typeof OrgMetadata>;

export type MetadataStore = {
  get: (org: string) => Promise<OrgMetadata | undefined>;
  set: (org: string, value: OrgMetadata) => Promise<void>;
};

const headerOf = (r: { httpHeaders?: Record<string, string> }, name: string) =>
  Object.entries(r.httpHeaders ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];

export function memoryMetadataStore(): MetadataStore {
  const map = new Map<string, OrgMetadata>();
  return { get: async (org) => map.get(org), set: async (org, value) => void map.set(org, value) };
}

/**
 * Describe and layout metadata per org: fetched once (all missing objects in ONE composite
 * request), kept in memory and in storage, and revalidated in the background with ETags after
 * REVALIDATE_MS. A chat never waits for, nor pays for, metadata that is already known.
 */
export class MetadataCache {
  private readonly memory = new Map<string, OrgMetadata>();
  private readonly inflight = new Map<string, Promise<OrgMetadata>>();

  constructor(private readonly store: MetadataStore, private readonly now: () => number = Date.now) {}

  async objects(client: SalesforceClient, names: string[]): Promise<Record<string, ObjectMeta>> {
    const org = client.session.instanceUrl;
    let known = this.memory.get(org) ?? (await this.store.get(org));
    if (known) this.memory.set(org, known);
    const missing = names.filter((n) => !known?.objects[n] && !known?.absent.includes(n));
    if (missing.length) known = await this.refresh(client, missing);
    else if (known && this.now() - known.checkedAt > REVALIDATE_MS) void this.refresh(client, Object.keys(known.objects)).catch(() => undefined);
    return known!.objects;
  }

  /** Forget an org's metadata: Salesforce named a field we thought existed. */
  async invalidate(org: string): Promise<void> {
    const known = this.memory.get(org) ?? (await this.store.get(org));
    if (!known) return;
    const stale = { ...known, checkedAt: 0 };
    this.memory.set(org, stale);
    await this.store.set(org, stale);
  }

  private refresh(client: SalesforceClient, names: string[]): Promise<OrgMetadata> {
    const org = client.session.instanceUrl;
    const running = this.inflight.get(org);
    if (running) return running.then((m) => (names.every((n) => m.objects[n]) ? m : this.refresh(client, names)));
    const task = this.fetch(client, names).finally(() => this.inflight.delete(org));
    this.inflight.set(org, task);
    return task;
  }

  private async fetch(client: SalesforceClient, names: string[]): Promise<OrgMetadata> {
    const org = client.session.instanceUrl;
    const previous = this.memory.get(org) ?? (await this.store.get(org));
    const base = `/services/data/v${API_VERSION}/sobjects`;
    const conditional = (etag?: string) => (etag ? { httpHeaders: { 'If-None-Match': etag } } : {});
    const requests: SubRequest[] = names.flatMap((name) => {
      const old = previous?.objects[name];
      return [
        { method: 'GET', url: `${base}/${name}/describe`, referenceId: `describe_${name}`, ...conditional(old?.etags.describe) },
        { method: 'GET', url: `${base}/${name}/describe/layouts`, referenceId: `layouts_${name}`, ...conditional(old?.etags.layouts) },
      ];
    });
    const answers = new Map((await client.composite(requests)).map((r) => [r.referenceId, r]));
    const objects = { ...previous?.objects };
    const absent = new Set(previous?.absent ?? []);
    for (const name of names) {
      const describe = answers.get(`describe_${name}`);
      const layouts = answers.get(`layouts_${name}`);
      const old = previous?.objects[name];
      const fields = describe?.httpStatusCode === 200 ? slimObject(describe.body, undefined) : describe?.httpStatusCode === 304 ? old : undefined;
      if (!fields && OPTIONAL.has(name)) {
        absent.add(name);
        continue;
      }
      if (!fields) throw new SalesforceError('describe_failed', i18n.t('failure.notDescribed', { object: name, detail: JSON.stringify(describe?.body ?? null).slice(0, 200) }));
      absent.delete(name);
      // A layout that could not be read keeps the order known before (or the describe order).
      const layoutOk = layouts?.httpStatusCode === 200;
      const layout = layoutOk
        ? layoutFields(layoutOf(layouts.body))
        : {
            layoutOrder: old?.layoutOrder ?? [], layoutLabels: old?.layoutLabels ?? {}, sections: old?.sections ?? [], layoutRequired: old?.layoutRequired ?? [],
            recordTypes: old?.recordTypes ?? [], recordTypePicklists: old?.recordTypePicklists ?? {}, recordTypeSections: old?.recordTypeSections ?? {},
          };
      objects[name] = {
        ...fields,
        ...layout,
        etags: {
          describe: describe!.httpStatusCode === 200 ? headerOf(describe!, 'etag') : old?.etags.describe,
          layouts: layoutOk ? headerOf(layouts, 'etag') : layouts?.httpStatusCode === 304 ? old?.etags.layouts : undefined,
        },
      };
    }
    const next: OrgMetadata = { checkedAt: this.now(), objects, absent: [...absent] };
    this.memory.set(org, next);
    await this.store.set(org, next);
    return next;
  }
}
