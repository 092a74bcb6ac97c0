import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Panel } from '@/components/panel/Panel';
import { createPanelStore } from '@/components/panel/store';
import { deliver } from '@/utils/messages/deliver';
import { sendCommand } from '@/utils/messages/client';
import { OutboxUpdate } from '@/utils/messages/protocol';
import { whenConsoleAppears } from '@/utils/adapters/registry';
import { hostStyle, reserveRoom } from '@/utils/adapters/mount';
import { watchConsole } from '@/utils/adapters/runtime';
import panelCss from '@/components/panel/panel.css?inline';

export default defineContentScript({
  // Registered at run time for the configured console URLs (utils/adapters/registration.ts).
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main(ctx) {
    // The consoles switched on in settings (built-ins with their URLs, custom adapters).
    const { adapters } = await sendCommand('console.adapters', {}).catch(() => ({ adapters: [] }));
    const waiting = new AbortController();
    ctx.onInvalidated(() => waiting.abort());
    // A single-page console may render itself after load: watch for it, cheaply, until it is there.
    const adapter = await whenConsoleAppears(adapters, document, waiting.signal);
    if (!adapter) return; // not a chat console: stay idle
    const store = createPanelStore({
      readStatus: () => sendCommand('salesforce.status', {}),
      openOptions: () => sendCommand('options.open', {}),
      identify: (snapshot, force) => sendCommand('identify.run', { snapshot, force }),
      search: (text) => sendCommand('salesforce.search', { text }),
      update: (request) => sendCommand('record.update', request),
      openForm: (request) => sendCommand('form.open', request),
      create: (request) => sendCommand('record.create', request),
      plan: (request) => sendCommand('chat.plan', request),
      lookup: (request) => sendCommand('lookup.search', request),
      retry: (request) => sendCommand('outbox.retry', request),
      remember: (request) => sendCommand('chat.record', request),
    });
    // The background tells this tab when a chat's write settled.
    const onUpdate = (message: unknown) => {
      const update = OutboxUpdate.safeParse(message);
      if (update.success) store.writeSettled(update.data);
    };
    browser.runtime.onMessage.addListener(onUpdate);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onUpdate));
    // Identify at chat start, and again when the console shows the visitor's e-mail or phone late.
    let identified = '';
    const { position } = adapter.mount;
    const ui = await createShadowRootUi(ctx, {
      name: 'sf-chat-panel',
      position: 'inline',
      anchor: position === 'beside' ? adapter.mount.anchor : 'body',
      append: position === 'beside' ? adapter.mount.append : 'last',
      css: panelCss,
      isolateEvents: true,
      onMount(container, _shadow, host) {
        host.setAttribute('style', hostStyle(position));
        const giveBack = reserveRoom(document, position);
        render(<Panel store={store} />, container);
        return { container, giveBack };
      },
      onRemove(mounted) {
        if (!mounted) return;
        render(null, mounted.container);
        mounted.giveBack();
      },
    });
    ui.autoMount();

    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const watcher = watchConsole({
      adapter,
      doc: document,
      signal: controller.signal,
      ignore: () => ui.shadowHost,
      // A chat's end and an offline message are sent until the background says they are stored.
      emit: (event) => {
        const send = () => sendCommand('chat.event', event);
        const durable = event.type === 'ended' || event.type === 'offline-message';
        void (durable ? deliver(send, controller.signal) : send()).catch(store.reportProblem);
      },
      onActive: (snapshot) => {
        store.chat.value = snapshot;
        const key = snapshot ? `${snapshot.chatId}|${snapshot.visitor.email ?? ''}|${snapshot.visitor.phone ?? ''}` : '';
        if (snapshot && key !== identified) {
          identified = key;
          void store.identify(snapshot);
        }
      },
      onError: (error) => console.debug('[salesforce panel] could not read the console', error),
      profile: document.documentElement.hasAttribute('data-sf-panel-profile'),
    });
    // Single-page consoles change the URL (the chat id) without reloading.
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.flush());
    void store.refresh();
  },
});
