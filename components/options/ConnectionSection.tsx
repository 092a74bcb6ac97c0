import { browser } from 'wxt/browser';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callbackUrl } from '@/components/text/connect';
import { originsToGrant } from '@/utils/salesforce/login';
import { DEFAULT_CLIENT_ID } from '@/utils/settings/schema';
import { countOf } from '@/utils/i18n/locale';
import { rich, slots } from '../text/rich';
import { Setting } from './Setting';
import { loginHostWords, userWords } from './words';
import { LOGIN_HOSTS, USERS } from '@/utils/settings/schema';
import type { OptionsStore, Unsent } from './store';

/** A value the admin pastes into Salesforce Setup, and a button that copies it. */
function Copyable({ text, id }: { text: string; id?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span class="copy-row">
      <code id={id}>{text}</code>
      <button type="button" class="small" aria-label={copied ? i18n.t('options.connection.copiedWhat', { what: text }) : i18n.t('options.connection.copyWhat', { what: text })} onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}>
        {copied ? i18n.t('options.connection.copied') : i18n.t('options.connection.copy')}
      </button>
    </span>
  );
}

/**
 * While the consumer key is still the placeholder: the org needs its own connected app first,
 * and these are the steps, with what to paste where.
 */
function SetupSteps({ redirect }: { redirect: string }) {
  return (
    <div class="setup" id="connected-app-setup">
      <h3>{i18n.t('options.connection.setup.title')}</h3>
      <p>{i18n.t('options.connection.setup.intro')}</p>
      <ol>
        <li>{i18n.t('options.connection.setup.create')}</li>
        <li>{i18n.t('options.connection.setup.callback')} <Copyable id="redirect-url" text={redirect} /></li>
        <li>
          {i18n.t('options.connection.setup.scopes')}
          <ul>
            <li><Copyable text={i18n.t('options.connection.setup.scopeApi')} /></li>
            <li><Copyable text={i18n.t('options.connection.setup.scopeRefresh')} /></li>
          </ul>
        </li>
        <li>{i18n.t('options.connection.setup.pkce')} <Copyable text={i18n.t('options.connection.setup.pkceName')} /></li>
        <li>{rich(i18n.t('options.connection.setup.paste', slots('field')), { field: <a href="#clientId">{i18n.t('options.connection.clientId')}</a> })}</li>
      </ol>
    </div>
  );
}

const chatsOf = (unsent: Unsent[]) => unsent.map((u) => (u.chatId === null ? i18n.t('options.connection.confirm.unreadable') : u.state === 'set_aside' ? i18n.t('options.connection.confirm.setAside', { chat: u.chatId }) : u.chatId)).join(', ');

/** "Disconnect?" or "Remove the local data?": what happens to the writes not sent yet, then the two buttons. */
function Confirm({ store }: { store: OptionsStore }) {
  const asked = store.removal.value!;
  const n = asked.unsent.length;
  const id = asked.removeData ? 'remove-data' : 'disconnect';
  // The question takes the focus (Cancel, the safe answer); closing gives it back to the button that asked.
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
    return () => document.getElementById(id)?.focus();
  }, [id]);
  return (
    <div class="confirm" id={`${id}-confirm`} role="alertdialog" aria-labelledby={`${id}-question`}>
      {asked.removeData ? (
        <p id={`${id}-question`}>
          {n ? i18n.t('options.connection.confirm.unsent', n, { count: countOf(n), chats: chatsOf(asked.unsent) }) : i18n.t('options.connection.confirm.allSent')}{' '}
          {i18n.t('options.connection.confirm.removeEffect')}
        </p>
      ) : (
        <>
          <p id={`${id}-question`}><strong>{i18n.t('options.connection.confirm.disconnect')}</strong></p>
          <p>
            {n ? i18n.t('options.connection.confirm.waiting', n, { count: countOf(n), chats: chatsOf(asked.unsent) }) : i18n.t('options.connection.confirm.nothingWaiting')}{' '}
            {i18n.t('options.connection.confirm.disconnectEffect')}
          </p>
        </>
      )}
      <div class="buttons">
        <button type="button" class="danger" id={`${id}-yes`} disabled={store.busy.value} onClick={() => void (asked.removeData ? store.removeLocalData(true) : store.disconnect(true))}>
          {asked.removeData ? i18n.t('options.connection.confirm.removeYes') : i18n.t('options.connection.confirm.disconnectYes')}
        </button>
        <button type="button" id={`${id}-no`} ref={cancel} onClick={() => (store.removal.value = null)}>{i18n.t('common.cancel')}</button>
      </div>
    </div>
  );
}

/** Salesforce login: where, with which connected app, as whom; the redirect URL to paste into Salesforce. */
export function ConnectionSection({ store }: { store: OptionsStore }) {
  const connection = store.draft.value!.connection;
  const status = store.status.value;
  const redirect = callbackUrl();
  // Until a consumer key of the org's own is saved (the steps stay while the admin pastes it).
  const placeholder = (store.saved.value ?? store.draft.value!).connection.clientId === DEFAULT_CLIENT_ID;
  const busy = store.busy.value;

  async function connect() {
    if (store.dirty.value) await store.save();
    if (store.dirty.value) return; // not saved: the notice says why
    // Asked in the click itself: Chrome lets an extension page ask for hosts during a user gesture only.
    const granted = await browser.permissions.request({ origins: originsToGrant(connection) }).catch(() => false);
    if (!granted) {
      store.notice.value = { tone: 'error', text: i18n.t('options.connection.needAccess') };
      return;
    }
    await store.connect();
  }

  const state = status?.state;
  // Connected, the everyday actions are checking and disconnecting; logging in again is the quiet one.
  const connectLabel = state === 'connected' ? i18n.t('options.connection.connectAgain')
    : state === 'session_expired' ? i18n.t('options.connection.reconnect')
      : connection.user === 'integration' ? i18n.t('options.connection.connectIntegration') : i18n.t('options.connection.connect');
  const connectClass = state === 'connected' ? 'quiet' : state === 'unreachable' || state === 'over_limit' ? '' : 'primary';
  const host = status && 'instanceUrl' in status && status.instanceUrl ? new URL(status.instanceUrl).host : '';

  return (
    <section id="connection">
      <h2>{i18n.t('options.connection.title')}</h2>
      {placeholder && <SetupSteps redirect={redirect} />}
      <div class="status-box" data-state={state ?? 'unknown'}>
        {!status && <p>{i18n.t('options.connection.checking')}</p>}
        {status?.state === 'not_connected' && <p>{i18n.t('options.connection.notConnected')}</p>}
        {status?.state === 'connected' && (
          <p>
            {status.user
              ? rich(i18n.t(connection.user === 'integration' ? 'options.connection.connectedAsIntegration' : 'options.connection.connectedAs', { ...slots('host', 'name'), username: status.user.username }), { host: <strong>{host}</strong>, name: <strong><bdi>{status.user.name}</bdi></strong> })
              : rich(i18n.t('options.connection.connectedTo', slots('host')), { host: <strong>{host}</strong> })}
            {status.orgId && (
              <>{' '}{status.orgName
                ? rich(i18n.t('options.connection.org', slots('name', 'id')), { name: <strong><bdi>{status.orgName}</bdi></strong>, id: <code>{status.orgId}</code> })
                : rich(i18n.t('options.connection.orgId', slots('id')), { id: <code>{status.orgId}</code> })}</>
            )}
            {status.usage && <>{' '}{i18n.t('options.connection.usage', { used: countOf(status.usage.used), max: countOf(status.usage.max) })}</>}
            {status.budget?.allowed != null && <>{' '}{i18n.t('options.connection.budget', { calls: countOf(status.budget.calls), allowed: countOf(status.budget.allowed), percent: status.budget.percent })}</>}
          </p>
        )}
        {status?.state === 'session_expired' && <p class="warn">{i18n.t('options.connection.sessionExpired')}</p>}
        {(status?.state === 'unreachable' || status?.state === 'over_limit') && <p class="warn"><bdi>{status.message}</bdi></p>}
        <div class="buttons">
          {status && status.state !== 'not_connected' && status.state !== 'session_expired' && (
            <button type="button" id="check-connection" class={state === 'unreachable' || state === 'over_limit' ? 'primary' : ''} disabled={busy} onClick={() => void store.refreshStatus()}>{i18n.t('options.connection.check')}</button>
          )}
          {status && status.state !== 'not_connected' && (
            <button type="button" id="disconnect" disabled={busy} onClick={() => void store.disconnect()}>{i18n.t('options.connection.disconnect')}</button>
          )}
          <button type="button" class={connectClass} id="connect" disabled={busy} title={state === 'connected' ? i18n.t('options.connection.connectAgainTitle') : undefined} onClick={connect}>{connectLabel}</button>
          <button type="button" class="quiet" id="remove-data" disabled={busy} onClick={() => void store.removeLocalData()}>{i18n.t('options.connection.removeData')}</button>
        </div>
        {store.removal.value && <Confirm store={store} />}
      </div>
      <Setting store={store} section="connection" name="loginHost" label={i18n.t('options.connection.loginHost.label')}>
        {(disabled) => (
          <div class="radios" role="radiogroup" aria-label={i18n.t('options.connection.loginHost.label')}>
            {LOGIN_HOSTS.map((value) => (
              <label><input type="radio" name="loginHost" value={value} disabled={disabled} checked={connection.loginHost === value} onChange={() => store.set('connection', 'loginHost', value)} /> {loginHostWords(value)}</label>
            ))}
          </div>
        )}
      </Setting>
      {connection.loginHost === 'myDomain' && (
        <Setting store={store} section="connection" name="myDomain" control="myDomain" label={i18n.t('options.connection.myDomain')}>
          {(disabled) => (
            <input type="url" id="myDomain" placeholder={i18n.t('options.connection.myDomainPlaceholder')} disabled={disabled} value={connection.myDomain ?? ''} onInput={(e) => store.set('connection', 'myDomain', e.currentTarget.value.trim() || null)} />
          )}
        </Setting>
      )}
      <Setting store={store} section="connection" name="clientId" control="clientId" label={i18n.t('options.connection.clientId')}>
        {(disabled) => <input type="text" id="clientId" disabled={disabled} value={connection.clientId} onInput={(e) => store.set('connection', 'clientId', e.currentTarget.value.trim())} />}
      </Setting>
      <Setting store={store} section="connection" name="clientSecret" control="clientSecret" label={i18n.t('options.connection.clientSecret.label')} hint={i18n.t('options.connection.clientSecret.hint')}>
        {(disabled) => <input type="password" id="clientSecret" autocomplete="off" disabled={disabled} value={connection.clientSecret ?? ''} onInput={(e) => store.set('connection', 'clientSecret', e.currentTarget.value || null)} />}
      </Setting>
      <Setting store={store} section="connection" name="user" control="user" label={i18n.t('options.connection.user.label')}>
        {(disabled) => (
          <select id="user" disabled={disabled} value={connection.user} onChange={(e) => store.set('connection', 'user', e.currentTarget.value as 'agent' | 'integration')}>
            {USERS.map((value) => <option value={value}>{userWords(value)}</option>)}
          </select>
        )}
      </Setting>
      {!placeholder && (
        <div class="setting">
          <div class="setting-label">{i18n.t('options.connection.callback')}</div>
          <Copyable id="redirect-url" text={redirect} />
          <p class="hint">{i18n.t('options.connection.callbackHint')}</p>
        </div>
      )}
    </section>
  );
}
