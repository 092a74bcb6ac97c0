import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { Handlers } from '@/utils/messages/router';
import { activeAdapters } from '@/utils/adapters/defaults';
import { onConsoleHost } from '@/utils/chat/origin';
import { chatKeyOf } from '@/utils/plan/plan';
import { sameButMessages } from '@/utils/chat/delta';
import { closesChat } from '@/utils/chat/snapshot';
import { panelFrames, type Services } from '../services';
import { storageFailure } from '../failure';
import type { OutboxEntry } from '@/utils/outbox/store';

type ConsoleCommands = 'chat.event' | 'chat.active' | 'panel.open' | 'console.seen' | 'console.undetected' | 'console.problems' | 'console.adapters' | 'chat.recent';

/**
 * Console events: what each tab's console script reads (chats started, updated, ended, offline
 * messages), the chat it shows and how well it is recognised. A chat's end stores its write.
 */
export function consoleHandlers(s: Services): Pick<Handlers, ConsoleCommands> {
  const adapters = async () => activeAdapters((await s.settings()).settings.consoles);
  const showInPanel = (tabId: number, snapshot: Parameters<typeof s.tabs.record>[1] | null) => s.tell({ type: 'panel.chat', tabId, snapshot });
  return {
    'chat.event': async (delivered, sender) => {
      const tabId = sender.tab?.id;
      let event = { ...delivered, snapshot: onConsoleHost(delivered.snapshot, sender.url) };
      if (tabId !== undefined) {
        const shown = s.tabs.active(tabId)?.chatId === event.snapshot.chatId;
        const before = s.tabs.chat(tabId, event.snapshot.chatId);
        if (event.appendTo !== undefined) {
          // Only the new messages came: the chat is put together here from what the tab sent before.
          const whole = s.tabs.extend(tabId, event.snapshot, event.appendTo);
          if (!whole) return { accepted: false, known: false };
          event = { type: event.type, snapshot: whole };
        } else s.tabs.record(tabId, event.snapshot);
        // The panel shows the chat's visitor and state, not its messages: a new message alone tells it nothing
        // (the handlers take the chat's messages from here, never from the panel).
        if (shown && !(before && sameButMessages(before, event.snapshot))) showInPanel(tabId, event.snapshot);
      } else if (event.appendTo !== undefined) return { accepted: false, known: false };
      s.journal.add(event);
      if ((event.type === 'started' || event.type === 'updated') && event.snapshot.state === 'active') await s.writeAtStart(event.snapshot, tabId);
      if (closesChat(event)) {
        const trigger = event.type === 'ended' ? 'ended' : 'offline';
        // The agent's own choice for the chat wins over the automatic action (one per chat). Read
        // together: until the chat is stored, a browser killed loses it (README: the loss window).
        const [{ settings }, choice, transferred] = await Promise.all([
          s.settings(), s.choiceOf(chatKeyOf(event.snapshot)),
          trigger === 'ended' ? s.decisions.transfers.get(chatKeyOf(event.snapshot)) : null,
        ]);
        // An agent in the console wraps the chat up before its write goes (an offline message has nobody to).
        const wrapUpUntil = trigger === 'ended' && settings.wrapUp.enabled && tabId !== undefined ? Date.now() + settings.wrapUp.seconds * 1000 : undefined;
        let chosen: OutboxEntry | null, stored: OutboxEntry | null, automatic: boolean;
        try {
          chosen = trigger === 'ended' ? await s.outbox.release(event.snapshot, tabId, wrapUpUntil) : null;
          automatic = !chosen && settings.automation[trigger].action !== 'nothing';
          // Stored before any request: from here on the chat's write cannot be lost. It goes to the
          // record the agent chose in the panel, if they chose one. A chat the agent transferred
          // away may be written by whoever took it: kept, not sent, until the agent says.
          const hold = transferred ? i18n.t('outbox.transferredAway', { name: transferred.to }) : undefined;
          stored = automatic ? await s.outbox.enqueue(event.snapshot, trigger, choice, tabId, hold ? undefined : wrapUpUntil, hold) : chosen;
        } catch (error) {
          // Not stored (a full disk): the agent hears it, and the console script sends the end again.
          const message = storageFailure(error, event.snapshot.chatId);
          if (tabId !== undefined) s.tell({ type: 'panel.problem', tabId, message });
          // A code the console script's delivery retries (it sends a chat's end for about two minutes).
          throw Object.assign(new Error(message), { code: 'not_stored' });
        }
        // The panel shows the wrap-up at once (nothing else would tell it before the write).
        if ((stored?.wrapUp?.until || stored?.state === 'needs_attention') && tabId !== undefined) s.tellWrite(tabId, stored);
        if (chosen || automatic) s.sendQueued();
      }
      // A worker that restarted does not know which chat the tab shows: the panel would hear nothing.
      return { accepted: true, ...(tabId !== undefined && !s.tabs.toldActive(tabId) ? { showAgain: true } : {}) };
    },
    'chat.active': async ({ chatId, snapshot }, sender) => {
      const tabId = sender.tab!.id!;
      const { known, snapshot: shown } = s.tabs.activate(tabId, chatId, snapshot && onConsoleHost(snapshot, sender.url));
      if (known) showInPanel(tabId, shown);
      return { known };
    },
    'panel.open': async (_payload, sender) => {
      const tabId = sender.tab?.id ?? -1;
      if (import.meta.env.FIREFOX && sender.frameId !== undefined && tabId >= 0) await panelFrames.set(tabId, sender.frameId);
      const health = await s.tabs.healthOf(tabId);
      return { tabId, snapshot: s.tabs.active(tabId), ...(health ? { health } : {}) };
    },
    'console.seen': async (seen, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return {};
      const health = await s.tabs.see(tabId, seen, async (name) => (await adapters()).find((a) => a.name === name));
      if (health) s.tell({ type: 'panel.health', tabId, health });
      return {};
    },
    'console.undetected': async ({ consoles }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return {};
      const expected = (await adapters()).filter((a) => consoles.includes(a.name));
      if (!expected.length) return {};
      const health = { state: 'not_recognised' as const, failing: expected.slice(0, 10).map((a) => `detect (${a.detect.slice(0, 200)})`), console: expected.map((a) => a.label).join(', ').slice(0, 100) };
      await s.tabs.judged(tabId, health);
      return {};
    },
    'console.problems': async () => Promise.all((await s.tabs.problems()).map(async (p) => ({ ...p, title: await browser.tabs.get(p.tabId).then((t) => t.title).catch(() => undefined) }))),
    'console.adapters': async () => ({ adapters: await adapters() }),
    'chat.recent': async ({ limit }) => s.journal.recent(limit),
  };
}
