import { signal, type Signal } from '@preact/signals';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import type { SalesforceStatus } from '@/utils/messages/protocol';
import { CommandError } from '@/utils/messages/protocol';

export type StatusSource = () => Promise<SalesforceStatus>;

export type PanelStore = {
  status: Signal<SalesforceStatus | null>;
  checking: Signal<boolean>;
  /** Set when the background itself could not be asked (extension reloaded, worker failed). */
  problem: Signal<string | null>;
  /** The chat the agent has open in the console, as read from the page. */
  chat: Signal<ChatSnapshot | null>;
  refresh: () => Promise<void>;
  reportProblem: (error: unknown) => void;
};

function describeProblem(error: unknown): string {
  return error instanceof CommandError && error.code === 'extension_unreachable'
    ? 'The extension was updated or restarted. Reload this page to reconnect the panel.'
    : `The panel could not reach the extension: ${error instanceof Error ? error.message : String(error)}`;
}

/** The panel's state as signals; the component only renders it. Testable without a DOM. */
export function createPanelStore(readStatus: StatusSource): PanelStore {
  const status = signal<SalesforceStatus | null>(null);
  const checking = signal(false);
  const problem = signal<string | null>(null);
  const chat = signal<ChatSnapshot | null>(null);

  async function refresh() {
    checking.value = true;
    try {
      status.value = await readStatus();
      problem.value = null;
    } catch (error) {
      problem.value = describeProblem(error);
    } finally {
      checking.value = false;
    }
  }

  return { status, checking, problem, chat, refresh, reportProblem: (error) => (problem.value = describeProblem(error)) };
}
