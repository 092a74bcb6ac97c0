import { useEffect, useState } from 'preact/hooks';
import { SalesforceMark } from '../panel/SalesforceMark';
import type { CommandResponse, OutboxItem, SalesforceStatus } from '@/utils/messages/protocol';
import type { SettingsProblem } from '@/utils/settings/schema';
import { healthWords, type ConsoleHealth } from '@/utils/adapters/health';

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

const STATE_WORDS: Record<OutboxItem['state'], string> = {
  waiting: 'Waits for the chat to end',
  pending: 'Being sent',
  needs_attention: 'Needs attention',
  done: 'Written today',
};

/** The toolbar popup: is Salesforce connected, is anything wrong with settings, what is queued. */
export function PopupApp({ sources }: { sources: PopupSources }) {
  const [status, setStatus] = useState<SalesforceStatus | null>(null);
  const [queue, setQueue] = useState<OutboxItem[] | null>(null);
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [consoles, setConsoles] = useState<{ tabId: number; title?: string; health: ConsoleHealth }[]>([]);
  const [setAside, setSetAside] = useState<Quarantined[]>([]);
  const load = () => {
    void sources.status().then(setStatus).catch(() => setStatus({ state: 'unreachable', instanceUrl: '', message: 'The extension did not answer.' }));
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
  return (
    <div class="popup">
      <header><SalesforceMark /><strong>Salesforce for Chat Consoles</strong></header>
      <div class="status" data-state={status?.state ?? 'unknown'} id="popup-status">
        {!status && 'Checking…'}
        {status?.state === 'connected' && (
          <>
            Connected{status.user ? ` as ${status.user.name}` : ''} · {new URL(status.instanceUrl).host}
            {status.budget?.allowed != null && <div class="budget">API today: {status.budget.calls} of this extension's {status.budget.allowed} ({status.budget.percent}% of the org's)</div>}
          </>
        )}
        {status?.state === 'not_connected' && <>Not connected. <a href="#" onClick={sources.openOptions}>Connect</a></>}
        {status?.state === 'session_expired' && <>Salesforce ended the connection; nothing queued is lost. <a href="#" id="reconnect" onClick={sources.openOptions}>Reconnect</a></>}
        {(status?.state === 'unreachable' || status?.state === 'over_limit') && status.message}
      </div>
      {problems.length > 0 && (
        <div class="problems" id="popup-problems" role="alert">
          {problems.length} setting(s) not valid, defaults used: {problems.map((p) => p.setting).join(', ')}. <a href="#" onClick={sources.openOptions}>Open settings</a>
        </div>
      )}
      {setAside.length > 0 && (
        <div class="problems" id="popup-quarantine" role="alert">
          {setAside.length} stored write(s) could not be read by this version and were set aside, not sent
          {' '}({[...new Set(setAside.map((q) => q.chatId ? `chat ${q.chatId}: ${q.reason}` : q.reason))].join('; ')}).{' '}
          <a download="salesforce-chat-writes-set-aside.json" href={`data:application/json;charset=utf-8,${encodeURIComponent(`[${setAside.map((q) => q.raw).join(',\n')}]`)}`}>Save them as a file</a> for your administrator.
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
      <h2>Writes</h2>
      {queue && !queue.length && <p class="empty">Nothing written yet.</p>}
      {queue && queue.length > 0 && !open.length && <p class="empty">Nothing waiting: every chat was written.</p>}
      <ul class="queue">
        {shown.map((item) => (
          <li data-state={item.state} data-id={item.id}>
            <div><span class="chat">Chat {item.chatId}</span> <span class="state">{item.elsewhere ? 'Waits: planned for another Salesforce org' : STATE_WORDS[item.state]}</span></div>
            {item.elsewhere && (
              <div class="elsewhere">
                This chat's write was planned for org {item.orgId}, not the one connected now, so it was not sent.{' '}
                <button type="button" data-action="adopt" onClick={() => void sources.adopt(item.id).then(load)}>Send to this org</button>{' '}
                <button type="button" data-action="discard" onClick={() => void sources.discard(item.id).then(load)}>Discard</button>
              </div>
            )}
            {!item.elsewhere && item.state === 'pending' && item.wrapUpUntil && (
              <div class="retry">Waits for the agent's wrap-up in the panel, until {new Date(item.wrapUpUntil).toLocaleTimeString()}</div>
            )}
            {!item.elsewhere && item.state === 'pending' && item.nextAttemptAt && !item.wrapUpUntil && (
              <div class="retry">Retrying at {new Date(item.nextAttemptAt).toLocaleTimeString()} (attempt {item.attempts + 1}) <button type="button" onClick={() => void sources.retry(item.id).then(load)}>Try now</button></div>
            )}
            {item.lastError && item.state !== 'done' && <div class="error">{item.lastError}</div>}
            {item.errors.map((e) => <div class="error">{e.object}: {e.message}{e.fields.length ? ` (${e.fields.map((f) => e.labels?.[f] ?? f).join(', ')})` : ''}</div>)}
            {item.state === 'done' && instanceUrl && (
              <div class="links">{Object.entries(item.ids).map(([ref, id]) => <a href={`${instanceUrl}/${id}`} target="_blank" rel="noreferrer">{ref}</a>)}</div>
            )}
            {item.state === 'done' && item.skipped.length > 0 && (
              <div class="skipped" data-skipped="">
                Not written: {item.skipped.map((s, i) => <span key={`${s.ref}.${s.field}`}>{i ? '; ' : ''}{s.object && `${s.object} `}<bdi>{s.label}</bdi> ({s.reason})</span>)}
              </div>
            )}
            {!item.elsewhere && item.state === 'needs_attention' && <button type="button" onClick={() => void sources.retry(item.id).then(load)}>Try again</button>}
          </li>
        ))}
      </ul>
      <footer><a href="#" onClick={sources.openOptions}>Settings</a></footer>
    </div>
  );
}
