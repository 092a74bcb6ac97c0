import { Connection } from 'jsforce';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../server';

export type Org = { emulator: Emulator; conn: () => Connection };

/** One emulator per test file, a fresh org before every test, a jsforce client on it. */
export function useOrg(options: EmulatorOptions = { data: 'scenarios' }): Org {
  const org = {} as Org;
  beforeAll(async () => {
    org.emulator = await startEmulator(options);
  });
  beforeEach(() => org.emulator.reset({ data: options.data }));
  afterAll(() => org.emulator.close());
  org.conn = () => {
    const { instanceUrl, accessToken } = org.emulator.issueToken();
    return new Connection({ instanceUrl, accessToken, version: '62.0' });
  };
  return org;
}

/** Raw fetch with the bearer token, to see statuses and headers as they are. */
export async function raw(org: Org, path: string, init: RequestInit = {}) {
  const { accessToken } = org.emulator.issueToken();
  return fetch(`${org.emulator.url}${path}`, { ...init, headers: { authorization: `Bearer ${accessToken}`, ...(init.headers ?? {}) } });
}

export const NO_RETRY = { retry: { maxRetries: 0 } };
