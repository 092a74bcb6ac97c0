import { signal } from '@preact/signals';
import { i18n } from '#i18n';
import type { ConsoleHealth } from '@/utils/adapters/health';
import { CommandError, type SalesforceStatus } from '@/utils/messages/protocol';
import { connectAdvice } from '@/components/text/connect';
import type { PanelSources } from './sources';

/** A failure to ask the background, in the agent's words. */
export function describeProblem(error: unknown): string {
  return error instanceof CommandError && error.code === 'extension_unreachable'
    ? i18n.t('panel.problem.extensionRestarted')
    : i18n.t('panel.problem.unreachable', { detail: error instanceof Error ? error.message : String(error) });
}

/** The connection to Salesforce, how well the console is recognised, and what went wrong asking the background. */
export function connectionSlice(sources: PanelSources) {
  const status = signal<SalesforceStatus | null>(null);
  const checking = signal(false);
  /** Set when the background itself could not be asked (extension reloaded, worker failed). */
  const problem = signal<string | null>(null);
  /** How well this tab's console is recognised (its content script says when that changes). */
  const health = signal<ConsoleHealth | null>(null);
  /** The Salesforce login started from the panel: under way, or why it failed. */
  const connecting = signal<'opening' | { failed: string } | null>(null);

  async function refresh() {
    checking.value = true;
    connecting.value = null; // an earlier failed login is not this check's news
    try {
      status.value = await sources.readStatus();
      problem.value = null;
    } catch (error) {
      problem.value = describeProblem(error);
    } finally {
      checking.value = false;
    }
  }

  /** "Connect" and "Reconnect" open Salesforce's login themselves: the agent never hunts for it in the options. */
  async function connect(): Promise<boolean> {
    if (!sources.connect) return false;
    connecting.value = 'opening';
    try {
      const answer = await sources.connect();
      if (!answer.ok) return void (connecting.value = { failed: answer.reason ? connectAdvice(answer.reason) : answer.message }), false;
      status.value = answer.status;
      connecting.value = null;
      return true;
    } catch (error) {
      connecting.value = { failed: describeProblem(error) };
      return false;
    }
  }

  return {
    status, checking, problem, health, connecting, refresh, connect,
    reportProblem: (error: unknown) => void (problem.value = describeProblem(error)),
  };
}
export type ConnectionSlice = ReturnType<typeof connectionSlice>;
