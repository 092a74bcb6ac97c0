import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { originsToGrant } from '@/utils/salesforce/login';
import { loadSettings, watchSettings } from '@/utils/settings/storage';
import { Panel } from '@/components/panel/Panel';
import { createPanelStore } from '@/components/panel/store';
import { sendCommand } from '@/utils/messages/client';
import { PanelMessage } from '@/utils/messages/protocol';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import { reportHeight } from '@/components/panel/frame-height';
import { preparePage } from '@/components/page';
import '@/components/theme.css';
import '@/components/panel/panel.css';

// The panel is an extension page in a frame of its own on the console: no script of the console
// page can read it, type into it or click it. What the console shows reaches it through the
// background, which heard it from this tab's content script.
const store = createPanelStore({
  readStatus: () => sendCommand('salesforce.status', {}),
  // Salesforce's hosts are asked for in the click itself (Chrome allows it during a user gesture only), then the login.
  connect: async () => {
    const granted = await browser.permissions.request({ origins: loginOrigins }).catch(() => false);
    if (!granted) return { ok: false as const, message: i18n.t('options.connection.needAccess') };
    return sendCommand('auth.connect', {});
  },
  identify: (snapshot, force) => sendCommand('identify.run', { snapshot, force }),
  search: (text) => sendCommand('salesforce.search', { text }),
  update: (request) => sendCommand('record.update', request),
  openForm: (request) => sendCommand('form.open', request),
  create: (request) => sendCommand('record.create', request),
  plan: (request) => sendCommand('chat.plan', request),
  lookup: (request) => sendCommand('lookup.search', request),
  retry: (request) => sendCommand('outbox.retry', request),
  remember: (request) => sendCommand('chat.record', request),
  preview: (request) => sendCommand('chat.preview', request),
  fix: (request) => sendCommand('chat.fix', request),
  attach: (request) => sendCommand('chat.case', request),
  relate: (request) => sendCommand('chat.account', request),
  people: (request) => sendCommand('chat.people', request),
  omniStatus: () => sendCommand('omni.status', {}),
  suggest: (request) => sendCommand('routing.suggest', request),
  transfer: (request) => sendCommand('console.transfer', request),
  wrapUp: (request) => sendCommand('outbox.wrapUp', request),
});

/** The hosts the login needs, from the settings (kept current: read before any click). */
let loginOrigins: string[] = [];
const readOrigins = () => void loadSettings().then(({ settings }) => void (loginOrigins = originsToGrant(settings.connection))).catch(() => undefined);
readOrigins();
watchSettings(readOrigins);

// Identify at chat start, and again when the console shows the visitor's e-mail or phone late.
let identified = '';
function show(snapshot: ChatSnapshot | null) {
  store.chat.value = snapshot;
  const key = snapshot ? `${snapshot.chatId}|${snapshot.visitor.email ?? ''}|${snapshot.visitor.phone ?? ''}` : '';
  if (snapshot && key !== identified) {
    identified = key;
    void store.identify(snapshot);
  } else if (snapshot) void store.previewWrite(snapshot); // asks again only when what the chat gives changed
}

let tabId: number | null = null;
/** What arrived before this frame knew its tab (held, then applied in order). */
let early: unknown[] | null = [];
function hear(message: unknown) {
  // A console script's command to the background reaches every extension page too: not for the panel.
  if (typeof message !== 'object' || message === null || 'command' in message) return;
  if (tabId === null) return void early?.push(message);
  const parsed = PanelMessage.safeParse(message);
  if (!parsed.success || parsed.data.tabId !== tabId) return;
  const told = parsed.data;
  if (told.type === 'panel.chat') show(told.snapshot);
  else if (told.type === 'outbox.update') store.writeSettled(told);
  else if (told.type === 'panel.health') store.health.value = told.health;
  else store.problem.value = told.message;
}
browser.runtime.onMessage.addListener(hear);

preparePage();
const app = document.getElementById('app')!;
render(<Panel store={store} />, app);
reportHeight(app);
void sendCommand('panel.open', {}).then((open) => {
  tabId = open.tabId;
  store.health.value = open.health ?? null;
  show(open.snapshot);
  early?.forEach(hear);
  early = null;
}).catch(store.reportProblem);
void store.refresh();
