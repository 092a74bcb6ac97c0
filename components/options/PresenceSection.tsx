import { browser } from 'wxt/browser';
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { sendCommand } from '@/utils/messages/client';
import { LIGHTNING_MATCHES } from '@/utils/presence/lightning';
import type { OmniStatusInfo } from '@/utils/presence/hub';
import type { PresenceSettings } from '@/utils/presence/settings';
import { Setting } from './Setting';
import type { OptionsStore } from './store';

/**
 * Presence sync with Omni-Channel (seed 004): each Salesforce status → busy or a console state,
 * each console state → a Salesforce status, the login and logout rules, and which side wins.
 * Salesforce's statuses come from the bridge in the Lightning console (salesforce/ in the repo).
 */
export function PresenceSection({ store }: { store: OptionsStore }) {
  const presence = store.draft.value!.presence;
  const [statuses, setStatuses] = useState<OmniStatusInfo[]>([]);
  const fetchStatuses = () => void sendCommand('presence.statuses', {}).then(setStatuses).catch(() => setStatuses([]));
  useEffect(fetchStatuses, []);
  const set = <K extends keyof PresenceSettings>(key: K, value: PresenceSettings[K]) => store.set('presence', key, value);
  const off = !presence.enabled;
  const known = new Set(statuses.map((s) => s.apiName));
  // A new row starts valid (a status the bridge listed, a state not mapped yet): an empty one would stop the page saving.
  const unmapped = statuses.find((s) => !presence.fromOmni.some((r) => r.status === s.apiName));
  const nextState = [presence.readyState, presence.busyState, 'away', presence.offlineState].find((state) => !presence.toOmni.some((r) => r.state === state));
  const statusList = <datalist id="presence-statuses">{statuses.map((s) => <option value={s.apiName}>{s.label}</option>)}</datalist>;
  const enable = (on: boolean) => {
    set('enabled', on);
    // The relay runs on the Lightning console's pages: their host is asked for in this click.
    if (on) void browser.permissions.request({ origins: [...LIGHTNING_MATCHES] }).catch(() => undefined);
  };
  return (
    <section id="presence">
      <h2>{i18n.t('options.presence.title')}</h2>
      <p class="hint">{i18n.t('options.presence.hint')}</p>
      {statusList}
      <Setting store={store} section="presence" name="enabled" control="presence-enabled" label={i18n.t('options.presence.enabled')}>
        {(disabled) => <input id="presence-enabled" type="checkbox" disabled={disabled} checked={presence.enabled} onChange={(e) => enable(e.currentTarget.checked)} />}
      </Setting>
      <p class="hint" id="presence-fetched" data-statuses={statuses.length}>
        {statuses.length ? i18n.t('options.presence.fetched', statuses.length, { count: statuses.length }) : i18n.t('options.presence.notFetched')}{' '}
        <button type="button" class="quiet" id="presence-fetch" onClick={fetchStatuses}>{i18n.t('options.presence.fetch')}</button>
      </p>
      <Setting store={store} section="presence" name="fromOmni" label={i18n.t('options.presence.fromOmni.label')} hint={i18n.t('options.presence.fromOmni.hint')}>
        {(disabled) => (
          <table class="presence-table" id="presence-from-omni">
            <thead><tr><th scope="col">{i18n.t('options.presence.status')}</th><th scope="col">{i18n.t('options.presence.busy')}</th><th scope="col">{i18n.t('options.presence.mapsTo')}</th><th scope="col"><span class="visually-hidden">{i18n.t('options.presence.remove')}</span></th></tr></thead>
            <tbody>
              {presence.fromOmni.map((row, i) => {
                const change = (patch: Partial<typeof row>) => set('fromOmni', presence.fromOmni.map((r, j) => (j === i ? { ...r, ...patch } : r)));
                return (
                  <tr key={i} class={statuses.length && !known.has(row.status) ? 'warn' : ''}>
                    <td><input list="presence-statuses" aria-label={i18n.t('options.presence.status')} disabled={disabled || off} value={row.status} onInput={(e) => change({ status: e.currentTarget.value.trim() })} /></td>
                    <td><input type="checkbox" aria-label={i18n.t('options.presence.busy')} disabled={disabled || off} checked={row.busy} onChange={(e) => change({ busy: e.currentTarget.checked })} /></td>
                    <td><input aria-label={i18n.t('options.presence.mapsTo')} placeholder={row.busy ? presence.busyState : presence.readyState} disabled={disabled || off} value={row.mapsTo ?? ''} onInput={(e) => change({ mapsTo: e.currentTarget.value.trim().toLowerCase() || null })} /></td>
                    <td><button type="button" class="quiet" disabled={disabled || off} onClick={() => set('fromOmni', presence.fromOmni.filter((_, j) => j !== i))}>{i18n.t('options.presence.remove')}</button></td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot><tr><td colSpan={4}><button type="button" id="presence-add-status" disabled={disabled || off || !unmapped} onClick={() => unmapped && set('fromOmni', [...presence.fromOmni, { status: unmapped.apiName, busy: false, mapsTo: null }])}>{i18n.t('options.presence.addStatus')}</button></td></tr></tfoot>
          </table>
        )}
      </Setting>
      <Setting store={store} section="presence" name="toOmni" label={i18n.t('options.presence.toOmni.label')} hint={i18n.t('options.presence.toOmni.hint')}>
        {(disabled) => (
          <table class="presence-table" id="presence-to-omni">
            <thead><tr><th scope="col">{i18n.t('options.presence.state')}</th><th scope="col">{i18n.t('options.presence.status')}</th><th scope="col"><span class="visually-hidden">{i18n.t('options.presence.remove')}</span></th></tr></thead>
            <tbody>
              {presence.toOmni.map((row, i) => {
                const change = (patch: Partial<typeof row>) => set('toOmni', presence.toOmni.map((r, j) => (j === i ? { ...r, ...patch } : r)));
                return (
                  <tr key={i}>
                    <td><input aria-label={i18n.t('options.presence.state')} disabled={disabled || off} value={row.state} onInput={(e) => change({ state: e.currentTarget.value.trim().toLowerCase() })} /></td>
                    <td><input list="presence-statuses" aria-label={i18n.t('options.presence.status')} disabled={disabled || off} value={row.status} onInput={(e) => change({ status: e.currentTarget.value.trim() })} /></td>
                    <td><button type="button" class="quiet" disabled={disabled || off} onClick={() => set('toOmni', presence.toOmni.filter((_, j) => j !== i))}>{i18n.t('options.presence.remove')}</button></td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot><tr><td colSpan={3}><button type="button" id="presence-add-state" disabled={disabled || off || !nextState || !statuses.length} onClick={() => nextState && statuses[0] && set('toOmni', [...presence.toOmni, { state: nextState, status: statuses[0].apiName }])}>{i18n.t('options.presence.addState')}</button></td></tr></tfoot>
          </table>
        )}
      </Setting>
      {(['readyState', 'busyState', 'offlineState'] as const).map((key) => (
        <Setting store={store} section="presence" name={key} control={`presence-${key}`} label={i18n.t(`options.presence.${key}`)}>
          {(disabled) => <input id={`presence-${key}`} disabled={disabled || off} value={presence[key]} onInput={(e) => set(key, e.currentTarget.value.trim().toLowerCase())} />}
        </Setting>
      ))}
      <Setting store={store} section="presence" name="loginStatus" control="presence-login" label={i18n.t('options.presence.loginStatus.label')} hint={i18n.t('options.presence.loginStatus.hint')}>
        {(disabled) => <input id="presence-login" list="presence-statuses" disabled={disabled || off} value={presence.loginStatus ?? ''} onInput={(e) => set('loginStatus', e.currentTarget.value.trim() || null)} />}
      </Setting>
      {(['consoleLogoutOffline', 'omniOfflineLogsOut', 'workAcceptedBusy'] as const).map((key) => (
        <Setting store={store} section="presence" name={key} control={`presence-${key}`} label={i18n.t(`options.presence.${key}`)}>
          {(disabled) => <input id={`presence-${key}`} type="checkbox" disabled={disabled || off} checked={presence[key]} onChange={(e) => set(key, e.currentTarget.checked)} />}
        </Setting>
      ))}
      <Setting store={store} section="presence" name="master" control="presence-master" label={i18n.t('options.presence.master.label')} hint={i18n.t('options.presence.master.hint')}>
        {(disabled) => (
          <select id="presence-master" disabled={disabled || off} value={presence.master} onChange={(e) => set('master', e.currentTarget.value as PresenceSettings['master'])}>
            <option value="console">{i18n.t('options.presence.master.console')}</option>
            <option value="omni">{i18n.t('options.presence.master.omni')}</option>
          </select>
        )}
      </Setting>
    </section>
  );
}
