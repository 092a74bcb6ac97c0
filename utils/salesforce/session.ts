import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';

/** What the background needs to call the org. Lives in storage.session: never on disk, never in a page. */
export const SalesforceSession = z.object({
  instanceUrl: z.url(),
  accessToken: z.string().check(z.minLength(1)),
});
export type SalesforceSession = z.infer<typeof SalesforceSession>;

const sessionItem = storage.defineItem<unknown>('session:salesforce', { fallback: null });

export async function loadSession(): Promise<SalesforceSession | null> {
  const parsed = SalesforceSession.safeParse(await sessionItem.getValue());
  return parsed.success ? parsed.data : null;
}

export async function saveSession(session: SalesforceSession): Promise<void> {
  await sessionItem.setValue(SalesforceSession.parse(session));
}

export async function clearSession(): Promise<void> {
  await sessionItem.removeValue();
}
