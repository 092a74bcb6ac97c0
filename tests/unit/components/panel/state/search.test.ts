import { describe, expect, it } from 'vitest';
import { searchSlice } from '@/components/panel/state/search';
import { CommandError } from '@/utils/messages/protocol';
import { found } from './fixtures';

describe('the search slice', () => {
  it("is 'searching' while the background looks, then the results by the agent's words", async () => {
    let answer!: () => void;
    const slice = searchSlice({ readStatus: async () => ({ state: 'not_connected' }), search: (text) => new Promise((r) => (answer = () => r({ state: 'results', instanceUrl: 'https://x', fields: found.fields, records: text === 'Hopper' ? found.contacts : [] }))) });
    const pending = slice.runSearch('Hopper');
    expect(slice.search.value).toEqual({ state: 'searching', text: 'Hopper' });
    answer();
    await pending;
    expect(slice.search.value).toMatchObject({ state: 'results', text: 'Hopper', records: found.contacts });
    slice.clearSearch();
    expect(slice.search.value).toEqual({ state: 'idle' });
  });

  it("keeps the agent's words beside Salesforce's refusal or a background that went away", async () => {
    const refused = searchSlice({ readStatus: async () => ({ state: 'not_connected' }), search: async () => ({ state: 'error', message: 'Salesforce cannot be reached (503).' }) });
    await refused.runSearch('Hopper');
    expect(refused.search.value).toEqual({ state: 'error', text: 'Hopper', message: 'Salesforce cannot be reached (503).' });
    const gone = searchSlice({ readStatus: async () => ({ state: 'not_connected' }), search: async () => { throw new CommandError('extension_unreachable', 'gone'); } });
    await gone.runSearch('Hopper');
    expect(gone.search.value).toMatchObject({ state: 'error', text: 'Hopper', message: expect.stringMatching(/Reload this page/) });
  });
});
