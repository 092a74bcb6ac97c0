import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Panel } from '@/components/panel/Panel';
import { createPanelStore } from '@/components/panel/store';
import { sendCommand } from '@/utils/messages/client';
import { demoConsole } from '@/utils/adapters/demo';
import panelCss from '@/components/panel/panel.css?inline';

export default defineContentScript({
  // Registered at run time for the configured console URLs (utils/adapters/registration.ts).
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main(ctx) {
    if (!document.querySelector(demoConsole.root)) return; // not a console page: stay idle
    const store = createPanelStore(() => sendCommand('salesforce.status', {}));
    const ui = await createShadowRootUi(ctx, {
      name: 'sf-chat-panel',
      position: 'inline',
      anchor: demoConsole.mount.anchor,
      append: 'last',
      css: panelCss,
      isolateEvents: true,
      onMount(container) {
        render(<Panel store={store} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.autoMount();
    void store.refresh();
  },
});
