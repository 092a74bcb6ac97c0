import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendConsoleCommand as sendCommand } from '@/utils/messages/console-client';
import { matchesPattern, whenConsoleAppears } from '@/utils/adapters/detect';
import { selectorProblems } from '@/utils/adapters/selectors';
import { mountPanelFrame } from '@/utils/adapters/panel-frame';
import { keepMounted } from '@/utils/adapters/keep-mounted';
import { watchConsole } from '@/utils/adapters/runtime';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import type { PresenceSet } from '@/utils/messages/console-protocol';
import { chatEventSender } from '@/utils/chat/event-sender';
import { coalesceMessages } from '@/utils/chat/coalesce';
import { readAgentState, setAgentState } from '@/utils/adapters/agent-state';

/** How long a page its URL patterns match may take to show its console before the admin is told it did not. */
const DETECT_GRACE_MS = 10_000;

/**
 * Watches the console and reports what it reads, nothing more: the panel is an extension page in
 * a frame of its own, and everything that touches Salesforce goes from there, never from here.
 */
export default defineContentScript({
  // Registered at run time for the configured console URLs (utils/adapters/registration.ts).
  registration: 'runtime',
  async main(ctx) {
    // The consoles switched on in settings (built-ins with their URLs, custom adapters).
    const { adapters: configured } = await sendCommand('console.adapters', {}).catch(() => ({ adapters: [] }));
    // An adapter with a selector the browser cannot read would throw at every change of the page:
    // it is left out (the options page names it), and the others still work.
    const adapters = configured.filter((adapter) => !selectorProblems(adapter, document).length);
    // WXT invalidates this context when the extension is reloaded, but also when any script of
    // the page posts WXT's "content script started" message: a hostile page must not be able to
    // stop the watcher (chats would end unseen). It stops only when the extension is really gone.
    const extensionGone = () => !browser.runtime?.id;
    const waiting = new AbortController();
    ctx.onInvalidated(() => extensionGone() && waiting.abort());
    // A single-page console may render itself after load: watch for it, cheaply, until it is there.
    // Still not there after a while on a page its URL patterns match: the admin is told (one message, no polling).
    const expected = adapters.filter((a) => a.matches.some((p) => matchesPattern(p, location.href))).map((a) => a.name);
    const notice = expected.length ? setTimeout(() => void sendCommand('console.undetected', { consoles: expected }).catch(() => undefined), DETECT_GRACE_MS) : undefined;
    const adapter = await whenConsoleAppears(adapters, document, waiting.signal);
    clearTimeout(notice);
    if (!adapter) return; // not a chat console: stay idle

    const host = document.createElement('sf-chat-panel');
    const shadow = host.attachShadow({ mode: 'closed' });
    const panel = keepMounted(document, adapter.mount, host, () => mountPanelFrame(host, shadow, browser.runtime.getURL('/panel.html'), browser.runtime.id, adapter.mount.position));
    panel.check();
    ctx.onInvalidated(() => extensionGone() && panel.remove());

    const controller = new AbortController();
    ctx.onInvalidated(() => extensionGone() && controller.abort());
    // console.debug?.: this world's console can be empty (seen under puppeteer): a log must never throw into the page.
    const report = (error: unknown) => {
      if (extensionGone()) controller.abort(); // reloaded or removed: this script is an orphan
      else console.debug?.('[salesforce panel] could not reach the extension', error);
    };
    /**
     * Presence sync: the agent's state, sent when it changes (one read per batch; a select changes
     * without a mutation, so its change event too). A state the page does not show (yet) is not
     * sent: not knowing is not signing out.
     */
    let agentState: string | null = null;
    const reportState = () => {
      const state = readAgentState(adapter, document);
      if (state === null || state === agentState) return;
      agentState = state;
      void sendCommand('presence.console', { state }).catch(report);
    };
    document.addEventListener('change', reportState, { capture: true, signal: controller.signal });
    reportState();
    // The worker (never a page: it cannot message the extension) asks to set the state through the console's own control.
    const onSet = (message: unknown, sender: { id?: string; tab?: unknown }, respond: (done: boolean) => void) => {
      const set = message as PresenceSet | null;
      if (sender.id !== browser.runtime.id || sender.tab || set?.type !== 'presence.set' || !('state' in set) || typeof set.state !== 'string') return;
      respond(setAgentState(adapter, document, set.state));
    };
    browser.runtime.onMessage.addListener(onSet);
    controller.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onSet));
    /** The chat the background was last told the console shows: its new messages come with chat.event, not again here. */
    let shownId: string | null | undefined;
    /** The chat the console shows, as last read. */
    let latest: ChatSnapshot | null = null;
    /** Tells the background which chat the console shows; the snapshot only when it did not hear it with an event. */
    const showActive = (snapshot: ChatSnapshot | null) => {
      latest = snapshot;
      if ((snapshot?.chatId ?? null) === shownId) return;
      shownId = snapshot?.chatId ?? null;
      void sendCommand('chat.active', { chatId: shownId })
        .then(({ known }) => (known || !snapshot ? undefined : sendCommand('chat.active', { chatId: snapshot.chatId, snapshot })))
        .catch((error) => {
          shownId = undefined; // told again at the next change
          report(error);
        });
    };
    /** A worker that restarted does not know which chat the console shows: it is told again. */
    const showAgainIfAsked = (reply: { showAgain?: boolean }) => {
      if (!reply.showAgain) return;
      shownId = undefined;
      showActive(latest);
    };
    const sendEvent = chatEventSender((event) => sendCommand('chat.event', event), controller.signal, showAgainIfAsked, report);
    // A busy chat's new messages go together, about once a second (a send costs the page more than reading them).
    const events = coalesceMessages(sendEvent);
    const watcher = watchConsole({
      adapter,
      doc: document,
      signal: controller.signal,
      ignore: () => host,
      // The console may have replaced the panel's anchor in that batch, or shown another agent state.
      afterBatch: () => {
        panel.check();
        reportState();
      },
      emit: events.push,
      // After the batch's events (sent in a microtask queued before this one): the background has the snapshot by then.
      onActive: (snapshot) => queueMicrotask(() => showActive(snapshot)),
      onError: (error) => console.debug?.('[salesforce panel] could not read the console', error),
      onSeen: (seen) => void sendCommand('console.seen', seen).catch(report),
      profile: document.documentElement.hasAttribute('data-sf-panel-profile'),
    });
    // Single-page consoles change the URL (the chat id) without reloading: the Navigation API
    // says so (pushState included), hashchange where it is missing. No timer polls the URL.
    const navigation = (window as { navigation?: EventTarget }).navigation;
    const onNavigate = () => watcher.flush();
    navigation?.addEventListener('navigatesuccess', onNavigate, { signal: controller.signal });
    window.addEventListener('hashchange', onNavigate, { signal: controller.signal });
    window.addEventListener('popstate', onNavigate, { signal: controller.signal });
  },
});
