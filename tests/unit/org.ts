import { afterAll, beforeAll, beforeEach } from 'vitest';
import { SalesforceClient } from '@/utils/salesforce/connection';
import { startEmulator, type Emulator } from '../salesforce-emulator/server';

/** One emulator per test file, a fresh org of the hard cases before each test, our client on it. */
export function useEmulatorOrg(): { emulator: Emulator; client: SalesforceClient } {
  const org = {} as { emulator: Emulator; client: SalesforceClient };
  beforeAll(async () => {
    org.emulator = await startEmulator({ data: 'scenarios' });
  });
  afterAll(() => org.emulator.close());
  beforeEach(() => {
    org.emulator.reset({ data: 'scenarios' });
    const { instanceUrl, accessToken } = org.emulator.issueToken();
    org.client = new SalesforceClient({ instanceUrl, accessToken });
  });
  return org;
}
