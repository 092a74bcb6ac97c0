import type { ChatSnapshot } from '@/utils/chat/snapshot';
import { lightningUrl } from '@/utils/identify/lightning';
import type { ManualAction } from '@/utils/messages/protocol';
import { useState } from 'preact/hooks';
import type { FieldValue } from '@/utils/mapping/display';
import type { OutboxItem } from '@/utils/messages/protocol';
import { RecordForm } from './RecordForm';
import { LookupControl } from './LookupControl';
import type { FieldMeta } from '@/utils/salesforce/describe';
import { matchesOf, shownRecord, type PanelStore, type Person, type PreviewSkipped } from './store';
import { equalBest, NO_ACCOUNT, UNDECIDED } from '@/utils/plan/undecided';
import { ACTIONS, PANEL_ORDER, personOf, recordOf, type AutoAction } from '@/utils/plan/actions';

/** The record an action writes, in the panel's words. */
const child = (action: ManualAction) => recordOf(action).toLowerCase();

/** Where the chat goes when it ends, unless the agent chooses otherwise: said in the words of the record shown. */
export function atChatEnd(action: AutoAction | undefined, person: { type: string; name: string } | null, onCase?: { number: string }, account?: { name?: string }): string | null {
  if (!action || action === 'nothing') return null;
  if (onCase) return `a task on case ${onCase.number}${person ? `, for ${person.name}` : ''}`;
  const record = child(action);
  const wanted = personOf(action);
  if (!wanted) return account?.name ? `a ${record} on ${account.name}` : `a ${record}`;
  // The found person gets it (a lead task goes to a found contact too); else a new one, under the account shown.
  const takes = person && (person.type === wanted || (wanted === 'Lead' && person.type === 'Contact'));
  if (takes) return `a ${record} on ${person.name}`;
  return `a new ${wanted.toLowerCase()} and a ${record}${account?.name && wanted === 'Contact' ? ` under ${account.name}` : ''}`;
}

/**
 * What the agent can write for this chat (seed 000): the four options when nobody matched, a case
 * or task for the found person; one per chat, kept until the chat ends, then confirmed with a link.
 */
export function ChatActions({ store, chat }: { store: PanelStore; chat: ChatSnapshot }) {
  const status = store.status.value;
  if (status?.state !== 'connected') return null;
  const instanceUrl = status.instanceUrl;
  if (store.form.value?.chatId === chat.chatId) return <RecordForm store={store} chat={chat} instanceUrl={instanceUrl} />;

  const write = store.writes.value[chat.chatId];
  if (write) {
    const { item } = write;
    const written = item.action && item.action in ACTIONS ? child(item.action as ManualAction) : 'record';
    const to = write.person ? ` and attached to this ${write.person.type.toLowerCase()}` : '';
    const recordId = item.ids.record;
    const object = item.steps.find((s) => s.ref === 'record')?.object ?? 'Case';
    const undecided = item.errors.some((e) => e.code === UNDECIDED);
    const noAccount = item.errors.some((e) => e.code === NO_ACCOUNT);
    return (
      <div class={`write write--${item.state}`} data-write={item.state}>
        {item.state === 'waiting' && write.created?.object === 'Case' && (
          <p role="status" data-created-now={write.created.number}>
            Case <a href={lightningUrl(write.instanceUrl || instanceUrl, 'Case', write.created.id)} target="_blank" rel="noopener noreferrer"><bdi>{write.created.number}</bdi></a> created.{' '}
            <button type="button" class="link" data-action="copy-number" onClick={() => void navigator.clipboard?.writeText(write.created!.number).catch(() => undefined)}>Copy the number</button>
            {' '}The rest of the chat is added to it when the chat ends.
          </p>
        )}
        {item.state === 'waiting' && write.created?.object === 'Task' && (
          <p role="status" data-created-now={write.created.id}>
            Task <a href={lightningUrl(write.instanceUrl || instanceUrl, 'Task', write.created.id)} target="_blank" rel="noopener noreferrer"><bdi>{write.created.number}</bdi></a> created.
            {' '}The rest of the chat is added to it when the chat ends.
          </p>
        )}
        {item.state === 'waiting' && !write.created && (
          <>
            <p role="status">A new {written} will be created{to} when the chat ends.</p>
            <button type="button" class="link" data-action="change-write" onClick={() => void store.startForm(chat, item.action as ManualAction, write.person)}>Change the {written}</button>
          </>
        )}
        {item.state === 'pending' && !item.wrapUpUntil && (
          <p role="status">
            Writing to Salesforce…
            {item.lastError && ` Not yet: ${item.lastError.replace(/\.+$/, '')}. Kept safe; next try ${item.nextAttemptAt ? `at ${new Date(item.nextAttemptAt).toLocaleTimeString()}` : 'soon'}. `}
            {item.lastError && <button type="button" class="link" data-action="retry-now" onClick={() => void store.retryWrite(chat.chatId)}>Try now</button>}
          </p>
        )}
        {item.state === 'done' && recordId && (
          <p role="status">
            {object} created in Salesforce:{' '}
            <a href={lightningUrl(write.instanceUrl || instanceUrl, object, recordId)} target="_blank" rel="noopener noreferrer">open the {object.toLowerCase()}</a>
          </p>
        )}
        {item.state === 'done' && <Skipped skipped={item.skipped} />}
        {item.state === 'needs_attention' && (
          <div role="alert" data-undecided={undecided ? '' : undefined}>
            {undecided && <p>Several people in Salesforce match this visitor equally, so nothing was written. Choose the one this chat is about:</p>}
            {noAccount && (
              <>
                <p>Every chat must be related to an account, and this one is not, so nothing was written. Choose its account; the chat is written then.</p>
                <AccountPicker store={store} chat={chat} />
              </>
            )}
            {!undecided && !noAccount && (
                <>
                  <p>Salesforce did not take this chat's records. Nothing was written.</p>
                  <ul>{item.errors.map((e, i) => <li key={i}>{e.object ? `${e.object}: ` : ''}{e.message}{e.fields.length ? ` (${e.fields.map((f) => e.labels?.[f] ?? f).join(', ')})` : ''}</li>)}</ul>
                </>
              )}
            <FixFields store={store} chatId={chat.chatId} errors={item.errors} />
            {item.duplicates.filter((d) => d.object === 'Contact' || d.object === 'Lead').map((d) => (
              <p key={d.id} class="write__duplicate">
                <a href={lightningUrl(write.instanceUrl || instanceUrl, d.object, d.id)} target="_blank" rel="noopener noreferrer">{d.name ? <bdi>{d.name}</bdi> : `The existing ${d.object.toLowerCase()}`}</a>{' '}
                <button type="button" class="button button--quiet" data-action="attach-existing" data-record={d.id} onClick={() => void store.retryWrite(chat.chatId, { type: d.object as 'Contact' | 'Lead', id: d.id })}>
                  {undecided ? 'Write to this one' : 'Attach to it instead'}
                </button>
              </p>
            ))}
            {!undecided && !noAccount && <button type="button" class="link" data-action="retry-write" onClick={() => void store.retryWrite(chat.chatId)}>Try again</button>}
          </div>
        )}
      </div>
    );
  }

  const identity = store.identities.value[chat.chatId];
  const shown = shownRecord(store, chat.chatId);
  const settled = identity && identity !== 'identifying';
  const record = shown?.record;
  const person: Person | null = record && (record.type === 'Contact' || record.type === 'Lead')
    ? { type: record.type, id: record.id, name: record.name, ...(record.account ? { account: { id: record.account.id, name: record.account.name } } : {}) } : null;
  const account = record?.type === 'Account' ? { id: record.id, name: record.name } : undefined;
  const onCase = store.attached.value[chat.chatId];
  // Equal matches the agent has not chosen among: the automatic write waits for their choice.
  const tied = identity && identity !== 'identifying' && identity.state === 'found' && !store.manual.value[chat.chatId] && !store.chosen.value[chat.chatId]
    ? equalBest(matchesOf(identity, undefined).candidates) : [];
  const undecided = tied.length > 1 && status.atChatEnd && status.atChatEnd !== 'nothing' && status.atChatEnd !== 'case'
    ? `nothing until you choose: ${tied.length} ${tied[0]!.type === 'Lead' ? 'leads' : 'contacts'} match this visitor equally` : null;
  // Said while the chat goes on; an ended or offline chat's write shows its own state.
  // Nobody matches, and the admin writes nothing for unknown visitors.
  const unknown = settled && identity.state === 'not_found' && !person && !onCase && status.atChatEndNoMatch === 'nothing' && status.atChatEnd !== 'case' && status.atChatEnd !== 'nothing'
    ? 'nothing: nobody in Salesforce matches this visitor' : null;
  const preview = store.previews.value[chat.chatId];
  // The admin wants every chat related to an account: the agent chooses one (or its person has one).
  const related = preview?.account;
  const waitsForAccount = preview?.needsAccount ? 'nothing until this chat is related to an account' : null;
  const under = related && !person?.account && !account ? { name: related.name } : account;
  const target = chat.state === 'active' && (settled || person) ? undecided ?? waitsForAccount ?? unknown ?? atChatEnd(status.atChatEnd, person, onCase, under) : null;
  const where = target && (
    <>
      <p class="chat-actions__target" role="status" data-at-chat-end={status.atChatEnd}>At chat end: <bdi>{target}</bdi>.</p>
      {(store.others.value[chat.chatId] ?? []).length > 0 && (
        <p class="chat-actions__target" data-also-on-chat="">
          {preview?.othersOwnTasks ? 'A task of their own also goes to' : 'Its task also names'}{' '}
          {store.others.value[chat.chatId]!.map((p, i) => (
            <span key={p.id}>{i ? ', ' : ''}<bdi>{p.name}</bdi> <button type="button" class="link" data-action="remove-person" data-person={p.id} aria-label={`Take ${p.name} off this chat`} onClick={() => void store.toggleOther(chat, p)}>(take off)</button></span>
          ))}.
        </p>
      )}
      {status.requireAccount && chat.state === 'active' && !person?.account && !account && (
        related
          ? <p class="chat-actions__target" data-related-account={related.id}>Related to account <bdi>{related.name}</bdi>. <button type="button" class="link" data-action="unrelate-account" onClick={() => void store.relateAccount(chat, null)}>Change</button></p>
          : <AccountPicker store={store} chat={chat} />
      )}
    </>
  );
  if (person) {
    return (
      <div class="chat-actions" data-actions="found">
        {where}
        {person.type === 'Contact' && <button type="button" class="button button--quiet" data-action="contactCase" onClick={() => void store.startForm(chat, 'contactCase', person)}>Attach a Case</button>}
        <button type="button" class="button button--quiet" data-action={person.type === 'Contact' ? 'contactTask' : 'leadTask'} onClick={() => void store.startForm(chat, person.type === 'Contact' ? 'contactTask' : 'leadTask', person)}>Attach a Task</button>
      </div>
    );
  }
  if (account) {
    // Only the account is known: the person is made under it, or the case goes on it.
    return (
      <div class="chat-actions" data-actions="account">
        {where}
        {(['contactCase', 'contactTask', 'case'] as const).map((action) => (
          <button type="button" class="button button--quiet" key={action} data-action={action} onClick={() => void store.startForm(chat, action, undefined, account)}>
            {ACTIONS[action].manual}{action === 'case' && <> on <bdi>{account.name}</bdi></>}
          </button>
        ))}
      </div>
    );
  }
  if (settled && identity.state === 'not_found') {
    return (
      <div class="chat-actions" data-actions="not_found">
        {where}
        {PANEL_ORDER.map((action) => (
          <button type="button" class="button button--quiet" key={action} data-action={action} onClick={() => void store.startForm(chat, action)}>{ACTIONS[action].manual}</button>
        ))}
      </div>
    );
  }
  return null;
}

/** What the chat had that was not written, and why: never dropped without a word. */
function Skipped({ skipped }: { skipped: OutboxItem['skipped'] }) {
  if (!skipped.length) return null;
  return (
    <div class="write__skipped" data-skipped="">
      <p>Not written:</p>
      <ul>{skipped.map((s) => <li key={`${s.ref}.${s.field}`} data-skipped-field={s.field}>{s.object && `${s.object} `}<bdi>{s.label}</bdi>: {s.reason}</li>)}</ul>
    </div>
  );
}

/**
 * Before the chat ends: what its write would leave out or cut, and why; where the value is the
 * problem (too long, not a date, not a picklist value), the agent corrects it here. Shown below
 * the panel's controls: it arrives after them and must not move them under the agent's pointer.
 */
export function NotWritten({ store, chat }: { store: PanelStore; chat: ChatSnapshot }) {
  const preview = store.previews.value[chat.chatId];
  if (chat.state !== 'active' || store.writes.value[chat.chatId] || store.form.value?.chatId === chat.chatId || !preview?.skipped.length) return null;
  return (
    <div class="write__skipped write__skipped--before" data-not-written="">
      <p>At chat end, not written as the chat gave it:</p>
      <ul>{preview.skipped.map((s) => <NotWrittenField key={`${s.ref}.${s.field}`} store={store} chat={chat} skipped={s} problem={preview.problems[`${s.ref}.${s.field}`]} saving={preview.saving === `${s.ref}.${s.field}`} />)}</ul>
    </div>
  );
}

function NotWrittenField({ store, chat, skipped, problem, saving }: { store: PanelStore; chat: ChatSnapshot; skipped: PreviewSkipped; problem?: string; saving: boolean }) {
  const [value, setValue] = useState(skipped.value ?? '');
  const id = `fix-${skipped.ref}-${skipped.field}`;
  return (
    <li data-skipped-field={skipped.field}>
      {skipped.object} <bdi>{skipped.label}</bdi>: {skipped.reason}
      {skipped.value !== undefined && (
        <form class="write__fix-inline" onSubmit={(e) => { e.preventDefault(); void store.fixValue(chat, skipped, value); }}>
          <label class="visually-hidden" for={id}>{skipped.label}</label>
          {skipped.options
            ? (
              <select id={id} class="field__control" value={value} onChange={(e) => setValue(e.currentTarget.value)}>
                <option value="">Choose…</option>
                {skipped.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            )
            : <input id={id} class="field__control" value={value} maxLength={skipped.limit} onInput={(e) => setValue(e.currentTarget.value)} />}
          {skipped.limit && !skipped.options && <span class="field__hint">{[...value].length} of {skipped.limit}</span>}
          <button type="submit" class="button button--quiet" data-action="fix-value" disabled={saving}>{saving ? 'Saving…' : 'Use this'}</button>
          {problem && <p class="field__problem" role="alert">{problem}</p>}
        </form>
      )}
    </li>
  );
}

/** The values Salesforce refused, to correct and send again ("Save and try again"). */
function FixFields({ store, chatId, errors }: { store: PanelStore; chatId: string; errors: OutboxItem['errors'] }) {
  const fixable = errors.filter((e) => e.values && Object.keys(e.values).length);
  const [values, setValues] = useState<Record<string, Record<string, FieldValue>>>(() => Object.fromEntries(fixable.map((e) => [e.ref, { ...e.values }])));
  if (!fixable.length) return null;
  const set = (ref: string, field: string, value: string) => setValues({ ...values, [ref]: { ...values[ref], [field]: value === '' ? null : value } });
  return (
    <div class="write__fix" data-fix="">
      {fixable.flatMap((e) => Object.keys(e.values!).map((field) => (
        <label key={`${e.ref}.${field}`} class="field" data-fix-field={field}>
          <span class="field__label">{e.object}: {e.labels?.[field] ?? field}</span>
          <input class="field__control" value={String(values[e.ref]?.[field] ?? '')} onInput={(ev) => set(e.ref, field, ev.currentTarget.value)} />
        </label>
      )))}
      <button type="button" class="button" data-action="fix-write" onClick={() => void store.retryWrite(chatId, undefined, values)}>Save and try again</button>
    </div>
  );
}

/**
 * After the chat: the agent's disposition and notes, then Done. The write waits for them until the
 * time shown (then goes as it is), or goes at once when the console tab closes. Shown at the top
 * of the panel: it is what the agent has to do now.
 */
export function WrapUp({ store, chat }: { store: PanelStore; chat: ChatSnapshot }) {
  const item = store.writes.value[chat.chatId]?.item;
  if (item?.state !== 'pending' || !item.wrapUpUntil) return null;
  return <WrapUpForm key={item.id} store={store} chatId={chat.chatId} until={item.wrapUpUntil} />;
}

function WrapUpForm({ store, chatId, until }: { store: PanelStore; chatId: string; until: number }) {
  const ask = store.previews.value[chatId]?.wrapUp;
  const [disposition, setDisposition] = useState('');
  const [notes, setNotes] = useState('');
  const [saving, setSaving] = useState(false);
  const done = async () => {
    setSaving(true);
    await store.finishWrapUp(chatId, { ...(disposition ? { disposition } : {}), ...(notes.trim() ? { notes } : {}) });
    setSaving(false);
  };
  return (
    <form class="wrap-up" data-wrap-up={until} aria-label="Wrap-up" onSubmit={(e) => { e.preventDefault(); void done(); }}>
      <h3 class="fields__title">Wrap-up</h3>
      <p class="wrap-up__when" role="status">The chat is written to Salesforce when you click Done, or at {new Date(until).toLocaleTimeString()} as it is.</p>
      {ask?.disposition && (
        <label class="wrap-up__field" data-field="disposition">
          <span>{ask.disposition.label}</span>
          <select class="field__control" value={disposition} onChange={(e) => setDisposition(e.currentTarget.value)}>
            <option value="">Choose…</option>
            {ask.disposition.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </label>
      )}
      <label class="wrap-up__field" data-field="notes">
        <span>Notes</span>
        <textarea class="field__control" rows={3} maxLength={10_000} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
      </label>
      <div class="fields__actions">
        <button type="submit" class="button" data-action="wrap-up-done" disabled={saving}>{saving ? 'Saving…' : 'Done'}</button>
      </div>
    </form>
  );
}

/** A lookup of accounts, to relate the chat to one (found by name, as the forms' lookups are). */
const ACCOUNT_LOOKUP = { name: 'AccountId', label: 'Account', type: 'reference', referenceTo: ['Account'] } as unknown as FieldMeta;

function AccountPicker({ store, chat }: { store: PanelStore; chat: ChatSnapshot }) {
  return (
    <div class="chat-actions__account" data-account-picker="">
      <label class="visually-hidden" for={`relate-${chat.chatId}`}>Account of this chat</label>
      <LookupControl
        field={ACCOUNT_LOOKUP} value={null} id={`relate-${chat.chatId}`} invalid={false}
        search={(text) => store.searchLookup(ACCOUNT_LOOKUP, text)}
        onChange={(id, name) => void (id && store.relateAccount(chat, { id, name: name ?? id }))}
      />
    </div>
  );
}
