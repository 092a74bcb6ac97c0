import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { ExtensionHarness } from './extension';
import { EXTENSION_ID } from './paths';

/** Where Chromium on Linux reads mandatory policies (root-owned; CI runs the suite as root). */
export const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/salesforce-chat-e2e.json`;

/**
 * Enterprise policy for real: a JSON file in Chromium's policy folder, as an admin deploys it.
 * Chromium watches the folder, so the running browser picks the policy up (and drops it again
 * when the file goes); this waits until the extension's storage.managed shows the change.
 */
export async function applyPolicy(harness: ExtensionHarness, settings: Record<string, unknown> | null): Promise<void> {
  try {
    if (settings) {
      mkdirSync(POLICY_DIR, { recursive: true });
      writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: settings } } }, null, 2));
    } else rmSync(POLICY_FILE, { force: true });
  } catch (error) {
    throw new Error(`The enterprise policy test writes ${POLICY_FILE}, which needs root (CI runs as root): ${error instanceof Error ? error.message : String(error)}`);
  }
  const want = settings ? Object.keys(settings).sort().join(',') : '';
  for (let i = 0; i < 300; i++) {
    const have = await harness.inWorker(async () => Object.keys(await chrome.storage.managed.get(null)).sort().join(','));
    if (have === want) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Chromium did not ${settings ? 'apply' : 'drop'} the policy in ${POLICY_FILE} within 30 s`);
}
