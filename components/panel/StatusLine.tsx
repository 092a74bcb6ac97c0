import type { SalesforceStatus } from '@/utils/messages/protocol';

/** One line the agent can read at a glance: is Salesforce there, and what to do if not. */
export function StatusLine({ status }: { status: SalesforceStatus }) {
  switch (status.state) {
    case 'not_connected':
      return <p class="status status--warn" data-state="not_connected">Not connected to Salesforce. Open the extension's options to connect.</p>;
    case 'connected':
      return (
        <p class="status status--ok" data-state="connected">
          Connected to <span class="mono">{new URL(status.instanceUrl).host}</span> · API v{status.apiVersion}
          {status.usage && (
            <span class="usage"> · {status.usage.used.toLocaleString()} of {status.usage.max.toLocaleString()} daily API requests used</span>
          )}
        </p>
      );
    case 'session_expired':
      return <p class="status status--warn" data-state="session_expired">Your Salesforce session expired. Reconnect from the extension's options.</p>;
    case 'over_limit':
      return <p class="status status--error" data-state="over_limit">Salesforce is over its daily API limit. Writes wait and are sent when the limit allows.</p>;
    case 'unreachable':
      return <p class="status status--error" data-state="unreachable">Salesforce cannot be reached ({status.message}). Check the network; nothing is lost.</p>;
  }
}
