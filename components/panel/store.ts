import { connectionSlice } from './state/connection';
import { editSlice } from './state/edit';
import { formSlice } from './state/form';
import { identitySlice } from './state/identity';
import { searchSlice } from './state/search';
import type { PanelSources } from './state/sources';
import { writesSlice } from './state/writes';
import { omniSlice } from './state/omni';
import { routingSlice } from './state/routing';

export type { PanelSources } from './state/sources';
export { matchesOf, shownRecord, type Identities, type ManualPick } from './state/identity';
export { formLinks, shownByDefault, type FormState } from './state/form';
export type { SearchState } from './state/search';
export { routeKey, transferredAway, type Route, type Transfer } from './state/routing';
export type { EditState, Notice } from './state/edit';
export type { AttachedCase, ChatWrite, Linked, OtherPerson, Person, PreviewSkipped, WritePreview, WrapUpAsk } from './state/writes';

/**
 * The panel's state as signals, composed of slices (connection, identity, search, edit in place,
 * record form, writes), each testable on its own without a DOM; the components only render it.
 */
export function createPanelStore(sources: PanelSources) {
  const connection = connectionSlice(sources);
  // A chat's record identified or chosen: what its write would leave out is asked again, once the
  // panel has shown the record (asking costs a validation and a message the agent need not wait for).
  const identity = identitySlice(sources, connection, (snapshot, again) => void setTimeout(() => void writes.previewWrite(snapshot, again)));
  const search = searchSlice(sources);
  const writes = writesSlice(sources, connection, identity);
  const edit = editSlice(sources, identity);
  const form = formSlice(sources, identity, writes);
  const omni = omniSlice(sources);
  const routing = routingSlice(sources);
  return {
    ...connection, ...identity, ...search, ...writes, ...edit, ...form, ...omni, ...routing,
    /** Salesforce is back (reconnected, answering again): the open chat's failed lookup runs again. */
    identifyAgain: () => {
      const open = identity.chat.value;
      const result = open && identity.identities.value[open.chatId];
      if (open && result && typeof result === 'object' && result.state === 'error') void identity.identify(open, true);
    },
    /** A record picked by hand (null: the pick undone) ends the search it came from. */
    pick: (chatId: string, choice: Parameters<typeof identity.pick>[1]) => {
      identity.pick(chatId, choice);
      search.clearSearch();
    },
  };
}
export type PanelStore = ReturnType<typeof createPanelStore>;
