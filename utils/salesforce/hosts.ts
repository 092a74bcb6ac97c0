/**
 * The hosts Salesforce serves orgs from: production and sandbox login, My Domain (including
 * enhanced domains: *.my.salesforce.com, *.sandbox.my.salesforce.com, *.develop.my.salesforce.com,
 * *.lightning.force.com), Government Cloud (.mil), Hyperforce China (sfcrmproducts.cn). A token,
 * a refresh token or a record is never sent anywhere else, whatever the settings or a token
 * response say.
 */
const SALESFORCE_DOMAINS = ['salesforce.com', 'force.com', 'cloudforce.com', 'salesforce.mil', 'force.mil', 'sfcrmproducts.cn', 'salesforce-setup.com'];

/** The build for the demo and the e2e suite (`--mode loopback`, and the unit tests): the emulator on 127.0.0.1 is an org. */
export const LOOPBACK_BUILD: boolean = typeof __LOOPBACK_BUILD__ !== 'undefined' && __LOOPBACK_BUILD__;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** Is this URL on one of Salesforce's hosts (https only); in the loopback build, also 127.0.0.1 and localhost. */
export function isSalesforceUrl(raw: string, loopback = LOOPBACK_BUILD): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (loopback && LOOPBACK_HOSTS.has(url.hostname) && (url.protocol === 'http:' || url.protocol === 'https:')) return true;
  if (url.protocol !== 'https:' || url.port) return false;
  const host = url.hostname.toLowerCase();
  return SALESFORCE_DOMAINS.some((domain) => host.endsWith(`.${domain}`));
}

/** Is this console URL one the extension may watch: https, or plain http only on this machine in the loopback build. */
export function isWatchableConsole(pattern: string, loopback = LOOPBACK_BUILD): boolean {
  const scheme = pattern.split('://')[0];
  if (scheme === 'https') return true;
  if (scheme !== 'http' || !loopback) return false;
  const host = pattern.slice('http://'.length).split(/[/:]/)[0] ?? '';
  return LOOPBACK_HOSTS.has(host);
}
