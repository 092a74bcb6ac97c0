import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { SalesforceMark } from '../panel/SalesforceMark';
import { healthWords } from '../text/health';
import { objectName } from '../text/objects';
import type { CommandResponse, OutboxItem, SalesforceStatus } from '@/utils/messages/protocol';
import type { SettingsProblem } from '@/utils/settings/schema';
import type { ConsoleHealth } from '@/utils/adapters/health';
import { lightningUrl } from '@/utils/identify/lightning';
import { settingName } from '../options/words';
import { countOf, listOf, timeOf } from '@/utils/i18n/locale';

export type PopupSources = {
  status: () => Promise<SalesforceStatus>;
  queue: () => Promise<OutboxItem[]>;
  problems: () => Promise<SettingsProblem[]>;
  /** Open console tabs whose layout is not (or only partly) recognised. */
  consoles?: () => Promise<{ tabId: number; title?: string; health: ConsoleHealth }[]>;
  retry: (id: string) => Promise<unknown>;
  /** A write planned for another org: send it to the one connected now, or forget it. */
  adopt: (id: string) => Promise<unknown>;
  discard: (id: string) => Promise<unknown>;
  /** Stored writes this version could not read (set aside, never sent). */
  quarantined?: () => Promise<Quarantined[]>;
  openOptions: () => void;
};

type Quarantined = CommandResponse<'outbox.quarantined'>[number];

const stateWords = (item: OutboxItem) => {
  if (item.elsewhere) return i18n.t('popup.state.elsewhere');
  switch (item.state) {
    case 'waiting': return i18n.t('popup.state.waiting');
    case 'pending': return i18n.t('popup.state.pending');
    case 'needs_attention': return i18n.t('popup.state.needs_attention');
    case 'done': return i18n.t('popup.state.done');
  }
};

/** The toolbar popup: is Salesforce connected, is anything wrong with settings, what is queued, by visitor and record. */
export function PopupApp({ sources }: { sources: PopupSources }) {
  const [status, setStatus] = useState<SalesforceStatus | null>(null);
  const [queue, setQueue] = useState<OutboxItem[] | null>(null);
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [consoles, setConsoles] = useState<{ tabId: number; title?: string; health: ConsoleHealth }[]>([]);
  const [setAside, setSetAside] = useState<Quarantined[]>([]);
  const load = () => {
    void sources.status().then(setStatus).catch(() => setStatus({ state: 'unreachable', instanceUrl: '', message: i18n.t('popup.noAnswer') }));
    void sources.queue().then(setQueue).catch(() => setQueue([]));
    void sources.problems().then(setProblems);
    void sources.consoles?.().then(setConsoles).catch(() => setConsoles([]));
    void sources.quarantined?.().then(setSetAside).catch(() => setSetAside([]));
  };
  useEffect(load, []);
  const instanceUrl = status && 'instanceUrl' in status ? status.instanceUrl : '';
  const open = (queue ?? []).filter((i) => i.state !== 'done');
  // Everything that still waits, then what was written today (newest first).
  const today = new Date().setHours(0, 0, 0, 0);
  const doneToday = (queue ?? []).filter((i) => i.state === 'done' && (i.updatedAt ?? 0) >= today).reverse();
  const shown = [...open.filter((i) => i.state === 'needs_attention'), ...open.filter((i) => i.state !== 'needs_attention'), ...doneToday.slice(0, 30)];
  const openOptions = (e: Event) => {
    e.preventDefault();
    sources.openOptions();
  };
  return (
    <main class="popup">
      <header><SalesforceMark /><h1>{i18n.t('popup.title')}</h1></header>
      <div class="status" data-state={status?.state ?? 'unknown'} id="popup-status" role="status">
        {!status && i18n.t('popup.checking')}
        {status?.state === 'connected' && (
          <>
            {status.user
              ? i18n.t('popup.connectedAs', { name: status.user.name, host: new URL(status.instanceUrl).host })
              : i18n.t('popup.connected', { host: new URL(status.instanceUrl).host })}
            {status.budget?.allowed != null && (
              <div class="budget">{i18n.t('popup.budget', { calls: countOf(status.budget.calls), allowed: countOf(status.budget.allowed), percent: status.budget.percent })}</div>
            )}
          </>
        )}
        {status?.state === 'not_connected' && <>{i18n.t('popup.notConnected')} <a href="#" onClick={openOptions}>{i18n.t('popup.connect')}</a></>}
        {status?.state === 'session_expired' && <>{i18n.t('popup.sessionExpired')} <a href="#" id="reconnect" onClick={openOptions}>{i18n.t('popup.reconnect')}</a></>}
        {(status?.state === 'unreachable' || status?.state === 'over_limit') && <bdi>{status.message}</bdi>}
      </div>
      {problems.length > 0 && (
        <div class="problems" id="popup-problems" role="alert">
          {i18n.t('popup.settingsInvalid', { settings: listOf(problems.map((p) => settingName(p.setting) ?? p.setting)) })} <a href="#" onClick={openOptions}>{i18n.t('popup.openSettings')}</a>
        </div>
      )}
      {setAside.length > 0 && (
        <div class="problems" id="popup-quarantine" role="alert">
          {i18n.t('popup.setAside', { reasons: [...new Set(setAside.map((q) => (q.chatId ? i18n.t('popup.setAsideChat', { chat: q.chatId, reason: q.reason }) : q.reason)))].join('; ') })}{' '}
          <a download="salesforce-chat-writes-set-aside.json" href={`data:application/json;charset=utf-8,${encodeURIComponent(`[${setAside.map((q) => q.raw).join(',\n')}]`)}`}>{i18n.t('popup.saveFile')}</a>
        </div>
      )}
      {consoles.map(({ tabId, title, health }) => {
        const words = healthWords(health)!;
        return (
          <div class="problems" role="alert" data-console-health={health.state} key={tabId}>
            <strong>{title ? <bdi>{title}</bdi> : health.console}</strong>: {words.title} {words.detail}
          </div>
        );
      })}
      <h2>{i18n.t('popup.writes')}</h2>
      {queue && !queue.length && <p class="empty">{i18n.t('popup.nothingYet')}</p>}
      {queue && queue.length > 0 && !open.length && <p class="empty">{i18n.t('popup.nothingWaiting')}</p>}
      <ul class="queue">
        {shown.map((item) => (
          <li data-state={item.state} data-id={item.id} key={item.id}>
            <div>
              <bdi class="chat" title={i18n.t('popup.chat', { id: item.chatId })}>{item.visitor ?? i18n.t('popup.chat', { id: item.chatId })}</bdi>{' '}
              <span class="state">{stateWords(item)}</span>
            </div>
            {item.elsewhere && (
              <div class="elsewhere">
                {i18n.t('popup.elsewhere', { org: item.orgId ?? '' })}{' '}
                <button type="button" data-action="adopt" onClick={() => void sources.adopt(item.id).then(load)}>{i18n.t('popup.sendHere')}</button>{' '}
                <button type="button" data-action="discard" onClick={() => void sources.discard(item.id).then(load)}>{i18n.t('popup.discard')}</button>
              </div>
            )}
            {!item.elsewhere && item.state === 'pending' && item.wrapUpUntil && (
              <div class="retry">{i18n.t('popup.wrapUp', { time: timeOf(item.wrapUpUntil) })}</div>
            )}
            {!item.elsewhere && item.state === 'pending' && item.nextAttemptAt && !item.wrapUpUntil && (
              <div class="retry">
                {i18n.t('popup.retrying', { time: timeOf(item.nextAttemptAt), attempt: item.attempts + 1 })}{' '}
                <button type="button" onClick={() => void sources.retry(item.id).then(load)}>{i18n.t('common.tryNow')}</button>
              </div>
            )}
            {item.lastError && item.state !== 'done' && <div class="error"><bdi>{item.lastError}</bdi></div>}
            {item.errors.map((e, i) => (
              <div class="error" key={i}>{objectName(e.object)}: <bdi>{e.message}</bdi>{e.fields.length > 0 && <> (<bdi>{listOf(e.fields.map((f) => e.labels?.[f] ?? f))}</bdi>)</>}</div>
            ))}
            {item.state === 'done' && instanceUrl && (
              <div class="links">
                {Object.entries(item.ids).map(([ref, id]) => {
                  const object = item.steps.find((s) => s.ref === ref)?.object ?? '';
                  return <a key={ref} href={object ? lightningUrl(instanceUrl, object, id) : `${instanceUrl}/${id}`} target="_blank" rel="noreferrer">{objectName(object) || ref}</a>;
                })}
              </div>
            )}
            {item.state === 'done' && item.skipped.length > 0 && (
              <div class="skipped" data-skipped="">
                {i18n.t('popup.notWritten', { fields: item.skipped.map((s) => `${s.object ? `${objectName(s.object)} ` : ''}${s.label} (${s.reason})`).join('; ') })}
              </div>
            )}
            {!item.elsewhere && item.state === 'needs_attention' && <button type="button" onClick={() => void sources.retry(item.id).then(load)}>{i18n.t('common.tryAgain')}</button>}
          </li>
        ))}
      </ul>
      <footer><a href="#" onClick={openOptions}>{i18n.t('popup.settings')}</a></footer>
    </main>
  );
}
