import { signal, type Signal } from '@preact/signals';
import type { SalesforceStatus } from '@/utils/messages/protocol';
import { CommandError } from '@/utils/messages/protocol';

export type StatusSource = () => Promise<SalesforceStatus>;

export type PanelStore = {
  status: Signal<SalesforceStatus | null>;
  checking: Signal<boolean>;
  /** Set when the background itself could not be asked (extension reloaded, worker failed). */
  problem: Signal<string | null>;
  refresh: () => Promise<void>;
};

/** The panel's state as signals; the component only renders it. Testable without a DOM. */
export function createPanelStore(readStatus: StatusSource): PanelStore {
  const status = signal<SalesforceStatus | null>(null);
  const checking = signal(false);
  const problem = signal<string | null>(null);

  async function refresh() {
    checking.value = true;
    try {
      status.value = await readStatus();
      problem.value = null;
    } catch (error) {
      problem.value =
        error instanceof CommandError && error.code === 'extension_unreachable'
          ? 'The extension was updated or restarted. Reload this page to reconnect the panel.'
          : `The panel could not reach the extension: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      checking.value = false;
    }
  }

  return { status, checking, problem, refresh };
}
