import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/PopupApp';
import { sendCommand } from '@/utils/messages/client';
import { loadSettings } from '@/utils/settings/storage';
import { preparePage } from '@/components/page';
import '@/components/theme.css';
import '@/components/popup/popup.css';

preparePage();

render(
  <PopupApp
    sources={{
      status: () => sendCommand('salesforce.status', {}),
      queue: () => sendCommand('outbox.list', {}),
      problems: async () => (await loadSettings()).problems,
      consoles: () => sendCommand('console.problems', {}),
      retry: (id) => sendCommand('outbox.retry', { id }),
      adopt: (id) => sendCommand('outbox.adopt', { id }),
      discard: (id) => sendCommand('outbox.discard', { id }),
      quarantined: () => sendCommand('outbox.quarantined', {}),
      openOptions: () => void browser.runtime.openOptionsPage(),
    }}
  />,
  document.getElementById('app')!,
);
