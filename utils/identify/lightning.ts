/** The record's page in Lightning Experience, on the org's own domain. */
export function lightningUrl(instanceUrl: string, type: string, id: string): string {
  const url = new URL(instanceUrl);
  // acme.my.salesforce.com → acme.lightning.force.com (sandboxes: acme--dev.sandbox.…)
  url.hostname = url.hostname.replace(/\.my\.salesforce\.com$/, '.lightning.force.com');
  url.pathname = `/lightning/r/${encodeURIComponent(type)}/${encodeURIComponent(id)}/view`;
  url.search = '';
  return url.toString();
}
