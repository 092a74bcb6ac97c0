// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Panel } from '@/components/panel/Panel';
import { createPanelStore } from '@/components/panel/store';
import { emptySnapshot } from '@/utils/chat/snapshot';
import type { IdentifyResult } from '@/utils/messages/protocol';

const DOWN = { state: 'unreachable' as const, instanceUrl: 'https://x.my.salesforce.com', message: 'Salesforce login failed with HTTP 503' };

async function shown(identify: () => Promise<IdentifyResult>): Promise<string> {
  const store = createPanelStore({ readStatus: async () => DOWN, identify });
  await store.refresh();
  const chat = { ...emptySnapshot('c1', 'demo'), visitor: { name: 'Grace', email: 'g@example.com' } };
  store.chat.value = chat;
  await store.identify(chat);
  const root = document.createElement('div');
  render(<Panel store={store} />, root);
  return root.textContent ?? '';
}

describe('the panel: one message per problem', () => {
  it('says Salesforce cannot be reached once, with its "Try again", when the lookup failed for that reason', async () => {
    const text = await shown(async () => ({ state: 'error', kind: 'unreachable', message: 'Salesforce cannot be reached (Salesforce login failed with HTTP 503). Try again in a moment.' }));
    expect(text.match(/cannot be reached/g)).toHaveLength(1);
    expect(text).toContain('Try again');
  });

  it('keeps the status line when the lookup says something else', async () => {
    const text = await shown(async () => ({ state: 'error', kind: 'salesforce', message: 'INVALID_FIELD: No such column' }));
    expect(text).toContain('INVALID_FIELD');
    expect(text).toContain('Salesforce cannot be reached (Salesforce login failed with HTTP 503)');
  });
});
