import { i18n } from '#i18n';
import { healthWords } from '@/components/text/health';
import { statusWords } from '@/components/text/status';
import { focusWhenShown } from './keyboard';
import type { PanelStore } from './store';

/**
 * One banner per problem, the most pressing first, each with the one button that fixes it (none
 * when the agent cannot: the console's layout is the admin's). Nothing when all is well.
 */
export function Banner({ store }: { store: PanelStore }) {
  if (store.problem.value) return <Alert tone="error" data-problem="extension" text={store.problem.value} />;
  const status = store.status.value;
  const health = healthWords(store.health.value);
  const connecting = store.connecting.value;
  /**
   * A banner button's click: nothing while it works (it stays focusable, aria-disabled); then the
   * failed lookup runs again (unless the login itself failed), and once connected the focus goes
   * from the button (gone with its banner) to the status dot, which says so.
   */
  const fix = (busy: boolean, run: () => Promise<boolean | void>) => (e: MouseEvent) => {
    if (busy) return;
    const focused = document.activeElement === e.currentTarget;
    void run().then((done) => {
      if (done === false) return;
      store.identifyAgain();
      if (focused && store.status.value?.state === 'connected') focusWhenShown('.status-dot');
    });
  };
  const login = (label: string) => (
    <>
      <button type="button" class="button" data-action="connect" aria-disabled={connecting === 'opening'} onClick={fix(connecting === 'opening', store.connect)}>
        {connecting === 'opening' ? i18n.t('panel.status.connecting') : label}
      </button>
      {typeof connecting === 'object' && connecting && <p class="banner__detail" data-connect-failed="">{i18n.t('panel.status.connectFailed', { detail: connecting.failed })}</p>}
    </>
  );
  const connection = !status || status.state === 'connected' ? null
    : status.state === 'not_connected' ? <Alert tone="warn" state={status.state} text={statusWords(status)}>{login(i18n.t('panel.status.connect'))}</Alert>
      : status.state === 'session_expired' ? <Alert tone="warn" state={status.state} text={statusWords(status)}>{login(i18n.t('panel.status.reconnect'))}</Alert>
        : status.state === 'over_limit' ? <Alert tone="error" state={status.state} text={statusWords(status)} />
          : (
            <Alert tone="error" state={status.state} text={statusWords(status)}>
              <button type="button" class="button" data-action="check-again" aria-disabled={store.checking.value} onClick={fix(store.checking.value, store.refresh)}>{i18n.t('common.tryAgain')}</button>
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
