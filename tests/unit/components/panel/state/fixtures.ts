import { signal } from '@preact/signals';
import type { IdentifyResult, SalesforceStatus } from '@/utils/messages/protocol';
import { fieldOf } from '@/utils/salesforce/describe';
import { objectMeta } from '../../../mapping/fields';

export const contactFields = ['Title', 'Email', 'Birthdate'].map((n) => fieldOf(objectMeta('Contact'), n)!);
/** Grace found by e-mail, as the background answers it. */
export const found: Extract<IdentifyResult, { instanceUrl: string }> = {
  state: 'found', instanceUrl: 'https://x.my.salesforce.com', fields: { Contact: contactFields }, leads: [], accounts: [],
  contacts: [
    { type: 'Contact', id: '003000000000001AAA', name: 'Grace', matched: ['Email'], values: { Title: 'Rear Admiral', Email: 'g@example.com', Birthdate: null } },
    { type: 'Contact', id: '003000000000002AAA', name: 'Grace H.', matched: ['Email'], values: { Title: null, Email: 'g@example.com', Birthdate: null } },
  ],
};
/** The connection slice's part the others use. */
export const connection = (state: 'connected' | 'not_connected' | 'unreachable' = 'connected') => {
  const status = signal<SalesforceStatus | null>(
    state === 'connected' ? { state, instanceUrl: 'https://x.my.salesforce.com', apiVersion: '62.0', usage: null }
      : state === 'unreachable' ? { state, instanceUrl: 'https://x.my.salesforce.com', message: 'Salesforce cannot be reached' } : { state },
  );
  const refreshed: number[] = [];
  return { problem: signal<string | null>(null), status, refreshed, refresh: async () => void refreshed.push(Date.now()) };
};
