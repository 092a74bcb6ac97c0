/**
 * Where a connection logs in, and the hosts to ask access for first. Alone in its file: the pages
 * ask for the hosts in the click itself, without importing the OAuth code.
 */
export type ConnectionSettings = {
  loginHost: 'production' | 'sandbox' | 'myDomain';
  myDomain: string | null;
  clientId: string;
  clientSecret: string | null;
};

/** The login server for the chosen host: Salesforce's, or the org's My Domain. */
export function loginUrlOf(connection: ConnectionSettings): string {
  if (connection.loginHost === 'sandbox') return 'https://test.salesforce.com';
  if (connection.loginHost === 'myDomain' && connection.myDomain) return connection.myDomain.replace(/\/+$/, '');
  return 'https://login.salesforce.com';
}

/** The origins to ask host access for before connecting (the instance may be another host of Salesforce's). */
export function originsToGrant(connection: ConnectionSettings): string[] {
  // Match patterns leave the port out: a pattern with a port is not one Chrome accepts everywhere.
  const url = new URL(loginUrlOf(connection));
  const login = `${url.protocol}//${url.hostname}/*`;
  return connection.loginHost === 'myDomain' ? [login] : [login, 'https://*.salesforce.com/*'];
}

