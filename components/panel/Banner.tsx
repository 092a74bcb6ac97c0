import { i18n } from '#i18n';
import { listOf } from '@/utils/i18n/locale';
import type { ConsoleHealth } from '@/utils/adapters/health';
import type { PanelStore } from './store';

/** What the agent is told of a console that is not fully recognised (null: nothing to say). */
export function healthWords(health: ConsoleHealth | null | undefined): { title: string; detail: string } | null {
  if (!health || (health.state !== 'partly' && health.state !== 'not_recognised')) return null;
  const detail = [
    i18n.t('health.changed', { console: health.console }),
    ...(health.failing.length ? [i18n.t('health.failing', { parts: listOf(health.failing) })] : []),
    ...(health.state === 'not_recognised' ? [i18n.t('health.adminFix')] : []),
  ].join(' ');
  return { title: i18n.t(health.state === 'not_recognised' ? 'health.notRecognised' : 'health.partly'), detail };
}

/**
 * One banner per problem, the most pressing first, each with the one button that fixes it (none
 * when the agent cannot: the console's layout is the admin's). Nothing when all is well.
 */
export function Banner({ store }: { store: PanelStore }) {
  if (store.problem.value) return <Alert tone="error" data-problem="extension" text={store.problem.value} />;
  const status = store.status.value;
  const health = healthWords(store.health.value);
  const connecting = store.connecting.value;
  const login = (label: string) => (
    <>
      <button type="button" class="button" data-action="connect" disabled={connecting === 'opening'} onClick={() => void store.connect().then((ok) => ok && store.identifyAgain())}>
        {connecting === 'opening' ? i18n.t('panel.status.connecting') : label}
      </button>
      {typeof connecting === 'object' && connecting && <p class="banner__detail" data-connect-failed="">{i18n.t('panel.status.connectFailed', { detail: connecting.failed })}</p>}
    </>
  );
  const connection = !status || status.state === 'connected' ? null
    : status.state === 'not_connected' ? <Alert tone="warn" state={status.state} text={i18n.t('panel.status.notConnected')}>{login(i18n.t('panel.status.connect'))}</Alert>
      : status.state === 'session_expired' ? <Alert tone="warn" state={status.state} text={i18n.t('panel.status.sessionExpired')}>{login(i18n.t('panel.status.reconnect'))}</Alert>
        : status.state === 'over_limit' ? <Alert tone="error" state={status.state} text={i18n.t('panel.status.overLimit')} />
          : (
            <Alert tone="error" state={status.state} text={i18n.t('panel.status.unreachable', { detail: status.message })}>
              <button type="button" class="button" data-action="check-again" disabled={store.checking.value} onClick={() => void store.refresh().then(store.identifyAgain)}>{i18n.t('common.tryAgain')}</button>
            </Alert>
          );
  return (
    <>
      {connection}
      {health && (
        <Alert tone="warn" data-console-health={store.health.value!.state} text={health.title}>
          <p class="banner__detail">{health.detail}</p>
        </Alert>
      )}
    </>
  );
}

function Alert({ tone, state, text, children, ...data }: { tone: 'warn' | 'error'; state?: string; text?: string; children?: preact.ComponentChildren; [data: `data-${string}`]: string }) {
  return (
    <div class={`banner banner--${tone}`} data-state={state} role="alert" {...data}>
      {text && <p class="banner__text">{text}</p>}
      {children}
    </div>
  );
}
