import { signal } from '@preact/signals';
import type { ConsoleHealth } from '@/utils/adapters/health';
import { CommandError, type SalesforceStatus } from '@/utils/messages/protocol';
import type { PanelSources } from './sources';

/** A failure to ask the background, in the agent's words. */
export function describeProblem(error: unknown): string {
  return error instanceof CommandError && error.code === 'extension_unreachable'
    ? 'The extension was updated or restarted. Reload this page to reconnect the panel.'
    : `The panel could not reach the extension: ${error instanceof Error ? error.message : String(error)}`;
}

/** The connection to Salesforce, how well the console is recognised, and what went wrong asking the background. */
export function connectionSlice(sources: PanelSources) {
  const status = signal<SalesforceStatus | null>(null);
  const checking = signal(false);
  /** Set when the background itself could not be asked (extension reloaded, worker failed). */
  const problem = signal<string | null>(null);
  /** How well this tab's console is recognised (its content script says when that changes). */
  const health = signal<ConsoleHealth | null>(null);

  async function refresh() {
    checking.value = true;
    try {
      status.value = await sources.readStatus();
      problem.value = null;
    } catch (error) {
      problem.value = describeProblem(error);
    } finally {
      checking.value = false;
    }
  }

  return {
    status, checking, problem, health, refresh,
    /** Opens the options page, where the agent connects (null when this panel cannot). */
    openOptions: sources.openOptions ? () => void sources.openOptions!().catch(() => undefined) : null,
    reportProblem: (error: unknown) => void (problem.value = describeProblem(error)),
  };
}
export type ConnectionSlice = ReturnType<typeof connectionSlice>;
