import { LOOPBACK_BUILD } from '../salesforce/hosts';

/**
 * Where the Lightning console runs: `<my domain>.lightning.force.com` (sandboxes too,
 * `<my domain>--<sandbox>.sandbox.lightning.force.com`). The loopback build adds the stand-in page
 * the e2e suite serves on 127.0.0.1 under /lightning/.
 */
export const LIGHTNING_MATCHES: readonly string[] = ['https://*.lightning.force.com/*', ...(LOOPBACK_BUILD ? ['http://127.0.0.1/lightning/*'] : [])];

export function isLightningUrl(raw: string, loopback = LOOPBACK_BUILD): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'https:' && url.hostname.endsWith('.lightning.force.com')) return true;
  return loopback && url.protocol === 'http:' && url.hostname === '127.0.0.1' && url.pathname.startsWith('/lightning/');
}

/**
 * Whether a Lightning page is the connected org's own: `acme.my.salesforce.com` →
 * `acme.lightning.force.com` (sandboxes `acme--dev.sandbox.…` alike). Another org's console (a
 * sandbox open beside production) must not set this agent's state. Loopback: the stand-in page.
 */
export function isOrgLightning(raw: string, instanceUrl: string, loopback = LOOPBACK_BUILD): boolean {
  if (!isLightningUrl(raw, loopback)) return false;
  const page = new URL(raw);
  if (loopback && page.hostname === '127.0.0.1') return new URL(instanceUrl).hostname === '127.0.0.1';
  const org = new URL(instanceUrl).hostname;
  return org.endsWith('.my.salesforce.com') && page.hostname === org.replace(/\.my\.salesforce\.com$/, '.lightning.force.com');
}
