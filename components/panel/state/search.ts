import { signal } from '@preact/signals';
import type { Candidate, DisplayFields } from '@/utils/messages/protocol';
import { describeProblem } from './connection';
import type { PanelSources } from './sources';

export type SearchState =
  | { state: 'idle' }
  | { state: 'searching'; text: string }
  | { state: 'results'; text: string; instanceUrl: string; fields: DisplayFields; records: Candidate[] }
  | { state: 'error'; text: string; message: string };

/** The agent's own search of the org, by their words. */
export function searchSlice(sources: PanelSources) {
  const search = signal<SearchState>({ state: 'idle' });

  async function runSearch(text: string) {
    if (!sources.search) return;
    search.value = { state: 'searching', text };
    try {
      const answer = await sources.search(text);
      search.value = answer.state === 'results' ? { state: 'results', text, instanceUrl: answer.instanceUrl, fields: answer.fields, records: answer.records } : { state: 'error', text, message: answer.message };
    } catch (error) {
      search.value = { state: 'error', text, message: describeProblem(error) };
    }
  }

  return { search, runSearch, clearSearch: () => void (search.value = { state: 'idle' }) };
}
export type SearchSlice = ReturnType<typeof searchSlice>;
