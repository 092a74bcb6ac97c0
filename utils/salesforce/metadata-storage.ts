import { storage } from 'wxt/utils/storage';
import { OrgMetadata, type MetadataStore } from './metadata';

/** Metadata in storage.local, one item per org: it outlives the worker and the browser session. */
export function localMetadataStore(): MetadataStore {
  const key = (org: string) => `local:metadata:${org}` as const;
  return {
    get: async (org) => {
      const parsed = OrgMetadata.safeParse(await storage.getItem(key(org)));
      return parsed.success ? parsed.data : undefined;
    },
    set: (org, value) => storage.setItem(key(org), value),
  };
}
