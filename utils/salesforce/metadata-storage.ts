import { storage } from 'wxt/utils/storage';
import { OrgMetadata, type MetadataStore } from './metadata';

/** Metadata in storage.local, one item per org: it outlives the worker and the browser session. */
export function localMetadataStore(): MetadataStore {
  // v2: field metadata gained externalId and unique; a v1 item (which lacks them) is read again from Salesforce.
  const key = (org: string) => `local:metadata:v2:${org}` as const;
  return {
    get: async (org) => {
      const parsed = OrgMetadata.safeParse(await storage.getItem(key(org)));
      return parsed.success ? parsed.data : undefined;
    },
    set: async (org, value) => {
      await storage.setItem(key(org), value);
      await storage.removeItem(`local:metadata:${org}`);
    },
  };
}
