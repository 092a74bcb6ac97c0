import { i18n } from '#i18n';
import type { ComponentChildren } from 'preact';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import { rich, slots } from '@/components/text/rich';
import { manualWords } from '@/components/text/actions';
import { listOf, timeOf } from '@/utils/i18n/locale';
import { lightningUrl } from '@/utils/identify/lightning';
import type { ManualAction } from '@/utils/messages/protocol';
import { useState } from 'preact/hooks';
import type { FieldValue } from '@/utils/mapping/display';
import type { OutboxItem } from '@/utils/messages/protocol';
import { RecordForm } from './RecordForm';
import { objectName } from '@/components/text/objects';
import { LookupControl } from './LookupControl';
import type { FieldMeta } from '@/utils/salesforce/describe';
import { matchesOf, shownRecord, transferredAway, type PanelStore, type Person, type PreviewSkipped } from './store';
import { equalBest, NO_ACCOUNT, UNDECIDED } from '@/utils/plan/undecided';
import { ACTIONS, PANEL_ORDER, personOf, recordOf, type AutoAction } from '@/utils/plan/actions';

/** Where the chat goes when it ends, unless the agent chooses otherwise: said in the words of the record shown. */
export function atChatEnd(action: AutoAction | undefined, person: { type: string; name: string } | null, onCase?: { number: string }, account?: { name?: string }): string | null {
  if (!action || action === 'nothing') return null;
  if (onCase) return person ? i18n.t('panel.atEnd.taskOnCaseFor', { number: onCase.number, name: person.name }) : i18n.t('panel.atEnd.taskOnCase', { number: onCase.number });
  const record = recordOf(action);
  const wanted = personOf(action);
  const on = (name: string) => (record === 'Case' ? i18n.t('panel.atEnd.caseOn', { name }) : i18n.t('panel.atEnd.taskOn', { name }));
  if (!wanted) return account?.name ? on(account.name) : record === 'Case' ? i18n.t('panel.atEnd.case') : i18n.t('panel.atEnd.task');
  // The found person gets it (a lead task goes to a found contact too); else a new one, under the account shown.
  const takes = person && (person.type === wanted || (wanted === 'Lead' && person.type === 'Contact'));
  if (takes) return on(person.name);
  if (action === 'leadTask') return i18n.t('panel.atEnd.new.leadTask');
  if (!account?.name) return action === 'contactCase' ? i18n.t('panel.atEnd.new.contactCase') : i18n.t('panel.atEnd.new.contactTask');
  return action === 'contactCase' ? i18n.t('panel.atEnd.newUnder.contactCase', { account: account.name }) : i18n.t('panel.atEnd.newUnder.contactTask', { account: account.name });
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
    const written = item.action && item.action in ACTIONS ? recordOf(item.action as ManualAction) : 'Case';
    const recordId = item.ids.record;
    const object = item.steps.find((s) => s.ref === 'record')?.object ?? 'Case';
    const undecided = item.errors.some((e) => e.code === UNDECIDED);
    const noAccount = item.errors.some((e) => e.code === NO_ACCOUNT);
    return (
      <div class={`write write--${item.state}`} data-write={item.state}>
        {item.state === 'waiting' && write.created?.object === 'Case' && (
          <p role="status" data-created-now={write.created.number}>
            {rich(i18n.t('panel.write.caseCreated', slots('number')), { number: <a href={lightningUrl(write.instanceUrl || instanceUrl, 'Case', write.created.id)} target="_blank" rel="noopener noreferrer"><bdi>{write.created.number}</bdi></a> })}{' '}
            <button type="button" class="link" data-action="copy-number" onClick={() => void navigator.clipboard?.writeText(write.created!.number).catch(() => undefined)}>{i18n.t('panel.write.copyNumber')}</button>
            {' '}{i18n.t('panel.write.restAtEnd')}
          </p>
        )}
        {item.state === 'waiting' && write.created?.object === 'Task' && (
          <p role="status" data-created-now={write.created.id}>
            {rich(i18n.t('panel.write.taskCreated', slots('number')), { number: <a href={lightningUrl(write.instanceUrl || instanceUrl, 'Task', write.created.id)} target="_blank" rel="noopener noreferrer"><bdi>{write.created.number}</bdi></a> })}
            {' '}{i18n.t('panel.write.restAtEnd')}
          </p>
        )}
        {item.state === 'waiting' && !write.created && (
          <>
            <p role="status">{willCreate(written, write.person?.type)}</p>
            <button type="button" class="link" data-action="change-write" onClick={() => void store.startForm(chat, item.action as ManualAction, write.person)}>{written === 'Task' ? i18n.t('panel.write.change.Task') : i18n.t('panel.write.change.Case')}</button>
          </>
        )}
        {item.state === 'pending' && !item.wrapUpUntil && (
          <p role="status">
            {i18n.t('panel.write.writing')}
            {item.lastError && <> {item.nextAttemptAt
              ? i18n.t('panel.write.notYet', { reason: item.lastError.replace(/\.+$/, ''), time: timeOf(item.nextAttemptAt) })
              : i18n.t('panel.write.notYetSoon', { reason: item.lastError.replace(/\.+$/, '') })}{' '}</>}
            {item.lastError && <button type="button" class="link" data-action="retry-now" onClick={() => void store.retryWrite(chat.chatId)}>{i18n.t('common.tryNow')}</button>}
          </p>
        )}
        {item.state === 'done' && recordId && (
          <p role="status">
            {rich(object === 'Task' ? i18n.t('panel.write.created.Task', slots('link')) : i18n.t('panel.write.created.Case', slots('link')), {
              link: <a href={lightningUrl(write.instanceUrl || instanceUrl, object, recordId)} target="_blank" rel="noopener noreferrer">{object === 'Task' ? i18n.t('panel.write.open.Task') : i18n.t('panel.write.open.Case')}</a>,
            })}
          </p>
        )}
        {item.state === 'done' && <Skipped skipped={item.skipped} />}
        {item.state === 'needs_attention' && (
          <div role="alert" data-undecided={undecided ? '' : undefined}>
            {undecided && <p>{i18n.t('panel.write.undecided')}</p>}
            {noAccount && (
              <>
                <p>{i18n.t('panel.write.noAccount')}</p>
                <AccountPicker store={store} chat={chat} />
              </>
            )}
            {!undecided && !noAccount && (
                <>
                  <p>{i18n.t('panel.write.refused')}</p>
                  <ul>{item.errors.map((e, i) => <li key={i}>{e.object && <>{objectName(e.object)}: </>}<bdi>{e.message}</bdi>{e.fields.length > 0 && <> (<bdi>{listOf(e.fields.map((f) => e.labels?.[f] ?? f))}</bdi>)</>}</li>)}</ul>
                </>
              )}
            <FixFields store={store} chatId={chat.chatId} errors={item.errors} />
            {item.duplicates.filter((d) => d.object === 'Contact' || d.object === 'Lead').map((d) => (
              <p key={d.id} class="write__duplicate">
                <a href={lightningUrl(write.instanceUrl || instanceUrl, d.object, d.id)} target="_blank" rel="noopener noreferrer">{d.name ? <bdi>{d.name}</bdi> : d.object === 'Lead' ? i18n.t('panel.write.existing.Lead') : i18n.t('panel.write.existing.Contact')}</a>{' '}
                <button type="button" class="button button--quiet" data-action="attach-existing" data-record={d.id} onClick={() => void store.retryWrite(chat.chatId, { type: d.object as 'Contact' | 'Lead', id: d.id })}>
                  {undecided ? i18n.t('panel.write.writeHere') : i18n.t('panel.write.attachInstead')}
                </button>
              </p>
            ))}
            {!undecided && !noAccount && <button type="button" class="link" data-action="retry-write" onClick={() => void store.retryWrite(chat.chatId)}>{i18n.t('common.tryAgain')}</button>}
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
    ? i18n.t(tied[0]!.type === 'Lead' ? 'panel.atEnd.undecidedLeads' : 'panel.atEnd.undecidedContacts', { count: tied.length }) : null;
  // Said while the chat goes on; an ended or offline chat's write shows its own state.
  // Nobody matches, and the admin writes nothing for unknown visitors.
  const unknown = settled && identity.state === 'not_found' && !person && !onCase && status.atChatEndNoMatch === 'nothing' && status.atChatEnd !== 'case' && status.atChatEnd !== 'nothing'
    ? i18n.t('panel.atEnd.unknown') : null;
  const preview = store.previews.value[chat.chatId];
  // The admin wants every chat related to an account: the agent chooses one (or its person has one).
  const related = preview?.account;
  const waitsForAccount = preview?.needsAccount ? i18n.t('panel.atEnd.waitsForAccount') : null;
  const under = related && !person?.account && !account ? { name: related.name } : account;
  // Transferred away through the panel: nothing is written from here at its end (the routing block says so).
  const away = transferredAway(store.transfers.value[chat.chatId]);
  const target = chat.state === 'active' && !away && (settled || person) ? undecided ?? waitsForAccount ?? unknown ?? atChatEnd(status.atChatEnd, person, onCase, under) : null;
  const where = target && (
    <>
      <p class="chat-actions__target" role="status" data-at-chat-end={status.atChatEnd}>{rich(i18n.t('panel.atEnd.line', slots('target')), { target: <bdi>{target}</bdi> })}</p>
      {(store.others.value[chat.chatId] ?? []).length > 0 && (
        <p class="chat-actions__target" data-also-on-chat="">
          {rich(preview?.othersOwnTasks ? i18n.t('panel.atEnd.ownTasks', slots('people')) : i18n.t('panel.atEnd.alsoNames', slots('people')), {
            people: store.others.value[chat.chatId]!.map((p, i) => (
              <span key={p.id}>{i ? ', ' : ''}<bdi>{p.name}</bdi> <button type="button" class="link" data-action="remove-person" data-person={p.id} aria-label={i18n.t('panel.atEnd.takeOffLabel', { name: p.name })} onClick={() => void store.toggleOther(chat, p)}>{i18n.t('panel.atEnd.takeOff')}</button></span>
            )),
          })}
        </p>
      )}
      {status.requireAccount && chat.state === 'active' && !person?.account && !account && (
        related
          ? <p class="chat-actions__target" data-related-account={related.id}>{rich(i18n.t('panel.atEnd.relatedTo', slots('name')), { name: <bdi>{related.name}</bdi> })} <button type="button" class="link" data-action="unrelate-account" onClick={() => void store.relateAccount(chat, null)}>{i18n.t('panel.atEnd.change')}</button></p>
          : <AccountPicker store={store} chat={chat} />
      )}
    </>
  );
  if (person) {
    return (
      <div class="chat-actions" data-actions="found">
        {where}
        <div class="chat-actions__buttons">
          {person.type === 'Contact' && <button type="button" class="button button--quiet" data-action="contactCase" onClick={() => void store.startForm(chat, 'contactCase', person)}>{i18n.t('panel.atEnd.attachCase')}</button>}
          <button type="button" class="button button--quiet" data-action={person.type === 'Contact' ? 'contactTask' : 'leadTask'} onClick={() => void store.startForm(chat, person.type === 'Contact' ? 'contactTask' : 'leadTask', person)}>{i18n.t('panel.atEnd.attachTask')}</button>
        </div>
      </div>
    );
  }
  if (account) {
    // Only the account is known: the person is made under it, or the case goes on it.
    return (
      <div class="chat-actions" data-actions="account">
        {where}
        <div class="chat-actions__buttons">
          {(['contactCase', 'contactTask', 'case'] as const).map((action) => (
            <button type="button" class="button button--quiet" key={action} data-action={action} onClick={() => void store.startForm(chat, action, undefined, account)}>
              {action === 'case' ? rich(i18n.t('panel.atEnd.caseOnAccount', slots('account')), { account: <bdi>{account.name}</bdi> }) : manualWords(action)}
            </button>
          ))}
        </div>
      </div>
    );
  }
  if (settled && identity.state === 'not_found') {
    return (
      <div class="chat-actions" data-actions="not_found">
        {where}
        <div class="chat-actions__buttons">
          {PANEL_ORDER.map((action) => (
            <button type="button" class="button button--quiet" key={action} data-action={action} onClick={() => void store.startForm(chat, action)}>{manualWords(action)}</button>
          ))}
        </div>
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
      <p>{i18n.t('panel.write.notWritten')}</p>
      <ul>{skipped.map((s) => <li key={`${s.ref}.${s.field}`} data-skipped-field={s.field}>{s.object && <>{objectName(s.object)} </>}<bdi>{s.label}</bdi>: <bdi>{s.reason}</bdi></li>)}</ul>
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
      <p>{i18n.t('panel.write.notWrittenBefore')}</p>
      <ul>{preview.skipped.map((s) => <NotWrittenField key={`${s.ref}.${s.field}`} store={store} chat={chat} skipped={s} problem={preview.problems[`${s.ref}.${s.field}`]} saving={preview.saving === `${s.ref}.${s.field}`} />)}</ul>
    </div>
  );
}

function NotWrittenField({ store, chat, skipped, problem, saving }: { store: PanelStore; chat: ChatSnapshot; skipped: PreviewSkipped; problem?: string; saving: boolean }) {
  const [value, setValue] = useState(skipped.value ?? '');
  const id = `fix-${skipped.ref}-${skipped.field}`;
  return (
    <li data-skipped-field={skipped.field}>
      {objectName(skipped.object)} <bdi>{skipped.label}</bdi>: <bdi>{skipped.reason}</bdi>
      {skipped.value !== undefined && (
        <form class="write__fix-inline" onSubmit={(e) => { e.preventDefault(); void store.fixValue(chat, skipped, value); }}>
          <label class="visually-hidden" for={id}>{skipped.label}</label>
          {skipped.options
            ? (
              <select id={id} class="field__control" value={value} onChange={(e) => setValue(e.currentTarget.value)}>
                <option value="">{i18n.t('common.choose')}</option>
                {skipped.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            )
            : <input id={id} class="field__control" value={value} maxLength={skipped.limit} onInput={(e) => setValue(e.currentTarget.value)} />}
          {skipped.limit && !skipped.options && <span class="field__hint">{i18n.t('panel.write.charsOf', { count: [...value].length, limit: skipped.limit })}</span>}
          <button type="submit" class="button button--quiet" data-action="fix-value" disabled={saving}>{saving ? i18n.t('common.saving') : i18n.t('panel.write.useThis')}</button>
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
          <span class="field__label">{objectName(e.object ?? '')}: <bdi>{e.labels?.[field] ?? field}</bdi></span>
          <input class="field__control" value={String(values[e.ref]?.[field] ?? '')} onInput={(ev) => set(e.ref, field, ev.currentTarget.value)} />
        </label>
      )))}
      <button type="button" class="button" data-action="fix-write" onClick={() => void store.retryWrite(chatId, undefined, values)}>{i18n.t('panel.write.saveAndRetry')}</button>
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
    <form class="wrap-up" data-wrap-up={until} aria-label={i18n.t('panel.wrapUp.title')} onSubmit={(e) => { e.preventDefault(); void done(); }}>
      <h2 class="fields__title">{i18n.t('panel.wrapUp.title')}</h2>
      <p class="wrap-up__when" role="status">{i18n.t('panel.wrapUp.when', { time: timeOf(until) })}</p>
      {ask?.disposition && (
        <label class="wrap-up__field" data-field="disposition">
          <span>{ask.disposition.label}</span>
          <select class="field__control" value={disposition} onChange={(e) => setDisposition(e.currentTarget.value)}>
            <option value="">{i18n.t('common.choose')}</option>
            {ask.disposition.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </label>
      )}
      <label class="wrap-up__field" data-field="notes">
        <span>{i18n.t('panel.wrapUp.notes')}</span>
        <textarea class="field__control" rows={3} maxLength={10_000} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
      </label>
      <div class="fields__actions">
        <button type="submit" class="button" data-action="wrap-up-done" disabled={saving}>{saving ? i18n.t('common.saving') : i18n.t('panel.wrapUp.done')}</button>
      </div>
    </form>
  );
}

/** A lookup of accounts, to relate the chat to one (found by name, as the forms' lookups are). */
const accountLookup = () => ({ name: 'AccountId', label: i18n.t('panel.atEnd.accountLabel'), type: 'reference', referenceTo: ['Account'] }) as unknown as FieldMeta;

function AccountPicker({ store, chat }: { store: PanelStore; chat: ChatSnapshot }) {
  const ACCOUNT_LOOKUP = accountLookup();
  return (
    <div class="chat-actions__account" data-account-picker="">
      <label class="visually-hidden" for={`relate-${chat.chatId}`}>{i18n.t('panel.atEnd.accountLabel')}</label>
      <LookupControl
        field={ACCOUNT_LOOKUP} value={null} id={`relate-${chat.chatId}`} invalid={false}
        search={(text) => store.searchLookup(ACCOUNT_LOOKUP, text)}
        onChange={(id, name) => void (id && store.relateAccount(chat, { id, name: name ?? id }))}
      />
    </div>
  );
}

/** What the chat's end will create, and for whom. */
function willCreate(record: 'Case' | 'Task', person: string | undefined): ComponentChildren {
  if (person === 'Contact') return record === 'Task' ? i18n.t('panel.write.willCreateOn.TaskContact') : i18n.t('panel.write.willCreateOn.CaseContact');
  if (person === 'Lead') return record === 'Task' ? i18n.t('panel.write.willCreateOn.TaskLead') : i18n.t('panel.write.willCreateOn.CaseLead');
  return record === 'Task' ? i18n.t('panel.write.willCreate.Task') : i18n.t('panel.write.willCreate.Case');
}
