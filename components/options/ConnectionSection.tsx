import { browser } from 'wxt/browser';
import { useState } from 'preact/hooks';
import { originsToGrant } from '@/utils/salesforce/auth';
import { Setting } from './Setting';
import type { OptionsStore } from './store';

const HOSTS = [
  ['production', 'Production (login.salesforce.com)'],
  ['sandbox', 'Sandbox (test.salesforce.com)'],
  ['myDomain', 'My Domain'],
] as const;

/** Salesforce login: where, with which connected app, as whom; the redirect URL to paste into Salesforce. */
export function ConnectionSection({ store }: { store: OptionsStore }) {
  const connection = store.draft.value!.connection;
  const status = store.status.value;
  const redirect = browser.identity.getRedirectURL('salesforce');
  const [copied, setCopied] = useState(false);

  async function connect() {
    if (store.dirty.value) await store.save();
    if (store.dirty.value) return; // not saved: the notice says why
    // Asked in the click itself: Chrome lets an extension page ask for hosts during a user gesture only.
    const granted = await browser.permissions.request({ origins: originsToGrant(connection) }).catch(() => false);
    if (!granted) {
      store.notice.value = { tone: 'error', text: 'The extension needs access to your Salesforce domain to connect. Allow it when Chrome asks.' };
      return;
    }
    await store.connect();
  }

  return (
    <section id="connection">
      <h2>Connection</h2>
      <div class="status-box" data-state={status?.state ?? 'unknown'}>
        {!status && <p>Checking the connection…</p>}
        {status?.state === 'not_connected' && <p>Not connected to Salesforce.</p>}
        {status?.state === 'connected' && (
          <p>
            Connected to <strong>{new URL(status.instanceUrl).host}</strong>
            {status.user && <> as <strong>{status.user.name}</strong> ({status.user.username}{connection.user === 'integration' ? ', the shared integration user' : ''})</>}
            {status.orgId && <>, org {status.orgName && <strong>{status.orgName}</strong>} <code>{status.orgId}</code></>}.
            {status.usage && <> API requests today: {status.usage.used.toLocaleString()} of {status.usage.max.toLocaleString()}.</>}
            {status.budget?.allowed != null && <> This extension: {status.budget.calls.toLocaleString()} of its {status.budget.allowed.toLocaleString()} ({status.budget.percent}%).</>}
          </p>
        )}
        {status?.state === 'session_expired' && <p class="warn">Salesforce ended this connection. Reconnect; nothing waiting to be written is lost.</p>}
        {(status?.state === 'unreachable' || status?.state === 'over_limit') && <p class="warn">{status.message}</p>}
        <div class="buttons">
          <button type="button" class="primary" id="connect" disabled={store.busy.value} onClick={connect}>
            {status?.state === 'connected' ? 'Connect again' : status?.state === 'session_expired' ? 'Reconnect' : connection.user === 'integration' ? 'Connect with the integration user' : 'Connect with Salesforce'}
          </button>
          {status && status.state !== 'not_connected' && (
            <button type="button" id="disconnect" disabled={store.busy.value} onClick={() => store.disconnect()}>Disconnect</button>
          )}
          <button type="button" id="remove-data" disabled={store.busy.value} onClick={() => void store.removeLocalData()}>Disconnect and remove local data</button>
        </div>
        {store.removal.value && (
          <div class="confirm" id="remove-data-confirm" role="alertdialog" aria-labelledby="remove-data-question">
            <p id="remove-data-question">
              {store.removal.value.unsent.length
                ? `${store.removal.value.unsent.length} chat write(s) are not sent to Salesforce yet (${store.removal.value.unsent.map((u) => u.chatId).join(', ')}): removing the local data loses them.`
                : 'Every chat write was sent.'}{' '}
              The connection, the writes kept here, the audit log and the caches are removed from this browser; the settings stay.
            </p>
            <div class="buttons">
              <button type="button" class="danger" id="remove-data-yes" disabled={store.busy.value} onClick={() => void store.removeLocalData(true)}>Remove</button>
              <button type="button" id="remove-data-no" onClick={() => (store.removal.value = null)}>Cancel</button>
            </div>
          </div>
        )}
      </div>
      <Setting store={store} section="connection" name="loginHost" label="Log in to">
        {(disabled) => (
          <div class="radios">
            {HOSTS.map(([value, label]) => (
              <label><input type="radio" name="loginHost" value={value} disabled={disabled} checked={connection.loginHost === value} onChange={() => store.set('connection', 'loginHost', value)} /> {label}</label>
            ))}
          </div>
        )}
      </Setting>
      {connection.loginHost === 'myDomain' && (
        <Setting store={store} section="connection" name="myDomain" label="My Domain login URL">
          {(disabled) => (
            <input type="url" id="myDomain" placeholder="https://acme.my.salesforce.com" disabled={disabled} value={connection.myDomain ?? ''} onInput={(e) => store.set('connection', 'myDomain', e.currentTarget.value.trim() || null)} />
          )}
        </Setting>
      )}
      <Setting store={store} section="connection" name="clientId" label="Connected app consumer key (client id)">
        {(disabled) => <input type="text" id="clientId" disabled={disabled} value={connection.clientId} onInput={(e) => store.set('connection', 'clientId', e.currentTarget.value.trim())} />}
      </Setting>
      <Setting store={store} section="connection" name="clientSecret" label="Consumer secret (only if your connected app requires one)">
        {(disabled) => <input type="password" id="clientSecret" autocomplete="off" disabled={disabled} value={connection.clientSecret ?? ''} onInput={(e) => store.set('connection', 'clientSecret', e.currentTarget.value || null)} />}
      </Setting>
      <Setting store={store} section="connection" name="user" label="Who connects">
        {(disabled) => (
          <select id="user" disabled={disabled} value={connection.user} onChange={(e) => store.set('connection', 'user', e.currentTarget.value as 'agent' | 'integration')}>
            <option value="agent">Each agent, as themselves (records are theirs; least privilege)</option>
            <option value="integration">One shared integration user (every agent logs in with it)</option>
          </select>
        )}
      </Setting>
      <div class="setting">
        <div class="setting-label">Callback URL for your connected app</div>
        <div class="copy-row">
          <code id="redirect-url">{redirect}</code>
          <button type="button" onClick={() => void navigator.clipboard.writeText(redirect).then(() => setCopied(true))}>{copied ? 'Copied' : 'Copy'}</button>
        </div>
        <p class="hint">In Salesforce Setup, the connected app (or external client app) needs this callback URL, OAuth scopes "api" and "refresh_token, offline_access", and PKCE.</p>
      </div>
    </section>
  );
}
