import { signal } from '@preact/signals';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import type { FieldValue } from '@/utils/mapping/display';
import type { CommandRequest, CommandResponse, OutboxItem, OutboxUpdate } from '@/utils/messages/protocol';
import { describeProblem, type ConnectionSlice } from './connection';
import { shownRecord, type IdentitySlice } from './identity';
import type { PanelSources } from './sources';

/** A value the chat's write would leave out, with what the agent can do about it. */
export type PreviewSkipped = Extract<CommandResponse<'chat.preview'>, { state: 'preview' }>['skipped'][number];
/** Per chat, before it ends: what its write would leave out (asked again when what the chat gives changes). */
export type WritePreview = {
  key: string; skipped: PreviewSkipped[]; problems: Record<string, string>; saving?: string; wrapUp?: WrapUpAsk;
  /** The admin requires an account and the chat has none: the write waits for the agent's. */
  needsAccount?: boolean;
  /** The account the agent related the chat to. */
  account?: { id: string; name: string };
  /** The chat's other people get a task of their own (the org's tasks name one person). */
  othersOwnTasks?: boolean;
};
/** A contact put on the chat besides its person. */
export type OtherPerson = { id: string; name: string };
/** What the wrap-up asks of the agent after the chat: the disposition's choices (none: notes only). */
export type WrapUpAsk = NonNullable<Extract<CommandResponse<'chat.preview'>, { state: 'preview' }>['wrapUp']>;

/** A record a form links to by a lookup: its id and the name the form shows. */
export type Linked = { id: string; name?: string };
/** The person a chat's case or task goes to (with their account, which the case and task are linked to). */
export type Person = { type: 'Contact' | 'Lead'; id: string; name: string; account?: Linked };
/** The open case a chat is attached to: its writes go on it instead of opening another. */
export type AttachedCase = { id: string; number: string };
/** The chat's write as the panel last heard of it, with what the agent set for it. */
export type ChatWrite = {
  item: OutboxItem; instanceUrl: string; person?: Person; overrides: Record<string, FieldValue>;
  /** A case or task created during the chat ("Create now"): its id and number (a task: its subject); the chat's end updates it. */
  created?: { object: 'Case' | 'Task'; id: string; number: string };
};
/**
 * A chat's writes as the panel works with them: the action chosen for its end and how it went,
 * what the write would leave out (and the agent's corrections), the case, account and other
 * people the agent put on the chat, and the wrap-up.
 */
export function writesSlice(sources: PanelSources, { problem, status }: Pick<ConnectionSlice, 'problem' | 'status'>, identity: Pick<IdentitySlice, 'identities' | 'manual' | 'chosen'>) {
  const { identities, manual, chosen } = identity;
  /** Per chat: the write chosen in the panel (waiting for the chat end) or done. */
  const writes = signal<Record<string, ChatWrite>>({});
  const previews = signal<Record<string, WritePreview>>({});
  /** Per chat: the open case the agent attached it to. */
  const attached = signal<Record<string, AttachedCase>>({});
  /** Per chat: the other contacts the agent put on it (its task names them too). */
  const others = signal<Record<string, OtherPerson[]>>({});

  async function toggleOther(snapshot: ChatSnapshot, person: OtherPerson) {
    if (!sources.people) return;
    const before = others.value[snapshot.chatId] ?? [];
    const next = before.some((p) => p.id === person.id) ? before.filter((p) => p.id !== person.id) : [...before, person];
    others.value = { ...others.value, [snapshot.chatId]: next };
    try {
      await sources.people({ console: snapshot.console, chatId: snapshot.chatId, people: next });
      await previewWrite(snapshot, true);
    } catch (error) {
      others.value = { ...others.value, [snapshot.chatId]: before };
      problem.value = describeProblem(error);
    }
  }

  function setAttached(chatId: string, openCase: AttachedCase | null | undefined) {
    const next = { ...attached.value };
    if (openCase) next[chatId] = openCase;
    else delete next[chatId];
    attached.value = next;
  }

  async function relateAccount(snapshot: ChatSnapshot, account: { id: string; name: string } | null) {
    if (!sources.relate) return;
    try {
      await sources.relate({ console: snapshot.console, chatId: snapshot.chatId, account });
      // A write that waited for an account goes now.
      const write = writes.value[snapshot.chatId];
      if (write?.item.state === 'needs_attention' && sources.retry) {
        const item = await sources.retry({ id: write.item.id });
        if (item) writes.value = { ...writes.value, [snapshot.chatId]: { ...write, item } };
      }
      await previewWrite(snapshot, true);
    } catch (error) {
      problem.value = describeProblem(error);
    }
  }

  async function attachCase(snapshot: ChatSnapshot, openCase: AttachedCase | null) {
    if (!sources.attach) return;
    const before = attached.value[snapshot.chatId];
    setAttached(snapshot.chatId, openCase);
    try {
      await sources.attach({ console: snapshot.console, chatId: snapshot.chatId, case: openCase });
    } catch (error) {
      setAttached(snapshot.chatId, before);
      problem.value = describeProblem(error);
    }
  }

  /** What a chat gives the write's values (not its messages: they only ever go whole into the transcript). */
  const previewKey = (snapshot: ChatSnapshot) => JSON.stringify([snapshot.visitor, snapshot.preChat, snapshot.session, snapshot.masked, shownRecord({ manual, identities, chosen }, snapshot.chatId)?.record.id ?? null]);

  async function previewWrite(snapshot: ChatSnapshot, again = false) {
    const identity = identities.value[snapshot.chatId];
    // Only once identification settled: the preview then reads its cached answer, never a second request.
    if (!sources.preview || snapshot.state !== 'active' || !identity || identity === 'identifying' || status.value?.state !== 'connected') return;
    const key = previewKey(snapshot);
    const before = previews.value[snapshot.chatId];
    if (!again && before?.key === key) return;
    previews.value = { ...previews.value, [snapshot.chatId]: { key, skipped: before?.skipped ?? [], problems: before?.problems ?? {} } };
    try {
      const answer = await sources.preview({ snapshot });
      if (previews.value[snapshot.chatId]?.key !== key) return; // asked again since
      const seen = answer.state === 'preview' ? answer : null;
      previews.value = {
        ...previews.value,
        [snapshot.chatId]: {
          key, skipped: seen?.skipped ?? [], problems: previews.value[snapshot.chatId]?.problems ?? {},
          ...(seen?.wrapUp ? { wrapUp: seen.wrapUp } : {}), ...(seen?.needsAccount ? { needsAccount: true } : {}), ...(seen?.chatAccount ? { account: seen.chatAccount } : {}), ...(seen?.othersOwnTasks ? { othersOwnTasks: true } : {}),
        },
      };
      // What the background keeps for the chat (a panel opened again learns it here).
      if (answer.state === 'preview') {
        setAttached(snapshot.chatId, answer.chatCase);
        others.value = { ...others.value, [snapshot.chatId]: answer.people ?? [] };
      }
    } catch {
      // Said at the write itself if it still applies; the preview is a courtesy.
    }
  }

  async function fixValue(snapshot: ChatSnapshot, skipped: PreviewSkipped, value: string | null) {
    const preview = previews.value[snapshot.chatId];
    if (!sources.fix || !preview || preview.saving) return;
    const at = `${skipped.ref}.${skipped.field}`;
    const set = (next: Partial<WritePreview>) => (previews.value = { ...previews.value, [snapshot.chatId]: { ...previews.value[snapshot.chatId]!, ...next } });
    set({ saving: at });
    try {
      const answer = await sources.fix({ snapshot, ref: skipped.ref, object: skipped.object as CommandRequest<'chat.fix'>['object'], field: skipped.field, value });
      const problems = { ...previews.value[snapshot.chatId]!.problems };
      if (answer.ok) delete problems[at];
      else problems[at] = answer.problem;
      set({ saving: undefined, problems });
      if (answer.ok) await previewWrite(snapshot, true);
    } catch (error) {
      set({ saving: undefined, problems: { ...previews.value[snapshot.chatId]!.problems, [at]: describeProblem(error) } });
    }
  }

  /** Sets a chat's write to what the background answered, when it answered one. */
  const settle = (chatId: string, write: ChatWrite, item: OutboxItem | null) => {
    if (item) writes.value = { ...writes.value, [chatId]: { ...write, item } };
  };

  return {
    writes, previews, attached, others, toggleOther, relateAccount, attachCase, previewWrite, fixValue,
    writeSettled: (update: OutboxUpdate) => {
      const before = writes.value[update.item.chatId];
      writes.value = { ...writes.value, [update.item.chatId]: { overrides: {}, ...before, item: update.item, instanceUrl: update.instanceUrl || before?.instanceUrl || '' } };
    },
    /** Ends the chat's wrap-up: its write goes now with the disposition and notes. */
    finishWrapUp: async (chatId: string, given: { disposition?: string; notes?: string }) => {
      const write = writes.value[chatId];
      if (!write || !sources.wrapUp) return;
      try {
        settle(chatId, write, await sources.wrapUp({ id: write.item.id, ...given }));
      } catch (error) {
        problem.value = describeProblem(error);
      }
    },
    /** Sends a write that needed attention again, to the existing record a duplicate rule named if given. */
    retryWrite: async (chatId: string, attachTo?: { type: 'Contact' | 'Lead'; id: string }, fixes?: Record<string, Record<string, FieldValue>>) => {
      const write = writes.value[chatId];
      if (!write || !sources.retry) return;
      try {
        settle(chatId, write, await sources.retry({ id: write.item.id, attachTo, fixes }));
      } catch (error) {
        problem.value = describeProblem(error);
      }
    },
  };
}
export type WritesSlice = ReturnType<typeof writesSlice>;
