// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
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

describe('the panel: a banner per problem, with the button that fixes it', () => {
  it('an expired session: one banner, whose Reconnect opens the login itself and looks the visitor up again', async () => {
    let status: Awaited<ReturnType<NonNullable<Parameters<typeof createPanelStore>[0]['readStatus']>>> = { state: 'session_expired', instanceUrl: 'https://x.my.salesforce.com' };
    const connected = { state: 'connected' as const, instanceUrl: 'https://x.my.salesforce.com', apiVersion: '62.0', usage: null };
    const identify = vi.fn(async (): Promise<IdentifyResult> => (status.state === 'connected'
      ? { state: 'not_found', instanceUrl: connected.instanceUrl, fields: { Contact: [], Lead: [], Account: [] }, contacts: [], leads: [], accounts: [] }
      : { state: 'error', kind: 'session_expired', message: 'Your Salesforce session expired. Reconnect.' }));
    const connect = vi.fn(async () => ((status = connected), { ok: true as const, status: connected }));
    const store = createPanelStore({ readStatus: async () => status, identify, connect });
    await store.refresh();
    const chat = { ...emptySnapshot('c1', 'demo'), visitor: { name: 'Grace', email: 'g@example.com' } };
    store.chat.value = chat;
    await store.identify(chat);
    const root = document.createElement('div');
    render(<Panel store={store} />, root);
    expect(root.textContent!.match(/session expired/gi)).toHaveLength(1);
    const buttons = [...root.querySelectorAll('.banner button')].map((b) => b.textContent);
    expect(buttons).toEqual(['Reconnect']);
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-action="connect"]')!.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(connect).toHaveBeenCalledTimes(1);
    expect(identify).toHaveBeenCalledTimes(2); // looked up again once connected
    expect(root.querySelector('.banner')).toBeNull();
    expect(root.querySelector('.status-dot')!.getAttribute('data-state')).toBe('connected');
  });

  it('a failed login is said under its button, and nothing else changes', async () => {
    const store = createPanelStore({ readStatus: async () => ({ state: 'not_connected' }), connect: async () => ({ ok: false, message: 'The Salesforce login window was closed before it finished.' }) });
    await store.refresh();
    const root = document.createElement('div');
    render(<Panel store={store} />, root);
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-action="connect"]')!.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(root.querySelector('[data-connect-failed]')!.textContent).toBe('Could not connect: The Salesforce login window was closed before it finished.');
    expect(root.querySelector('.status-dot')!.getAttribute('data-state')).toBe('not_connected');
  });

  it('a login Salesforce refused is said as what to fix, not as its error code', async () => {
    const store = createPanelStore({ readStatus: async () => ({ state: 'not_connected' }), connect: async () => ({ ok: false, message: 'client identifier invalid (invalid_client_id)', reason: 'unknown_client' }) });
    await store.refresh();
    const root = document.createElement('div');
    render(<Panel store={store} />, root);
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-action="connect"]')!.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(root.querySelector('[data-connect-failed]')!.textContent).toMatch(/^Could not connect: Salesforce does not know this consumer key\. Copy it again from the connected app/);
  });

  it('Esc cancels the open form, Ctrl+Enter submits the form the focus is in', async () => {
    const store = createPanelStore({ readStatus: async () => ({ state: 'not_connected' }) });
    const root = document.createElement('div');
    document.body.append(root);
    render(<Panel store={store} />, root);
    const form = document.createElement('form');
    form.className = 'record-form';
    form.innerHTML = '<input id="x"><button type="submit">Save</button>';
    root.querySelector('main')!.append(form);
    const submitted = vi.fn((e: Event) => e.preventDefault());
    form.addEventListener('submit', submitted);
    const input = form.querySelector('input')!;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    expect(submitted).toHaveBeenCalledTimes(1);
    store.form.value = { chatId: 'c1', object: 'Contact' } as never;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(store.form.value).toBeNull();
    root.remove();
  });
});

describe('the panel: the focus stays with the agent', () => {
  it('"Try again" keeps the focus while it checks, and once Salesforce answers, the focus is on the status it fixed', async () => {
    const connected = { state: 'connected' as const, instanceUrl: 'https://x.my.salesforce.com', apiVersion: '62.0', usage: null };
    let answer: (status: typeof connected) => void = () => undefined;
    let first = true;
    const store = createPanelStore({ readStatus: () => (first ? ((first = false), Promise.resolve(DOWN)) : new Promise((resolve) => (answer = resolve))) });
    await store.refresh();
    const root = document.createElement('div');
    document.body.append(root);
    render(<Panel store={store} />, root);
    const again = root.querySelector<HTMLButtonElement>('[data-action="check-again"]')!;
    again.focus();
    await act(async () => again.click());
    // Checking: the button says it is busy but keeps the focus (a disabled one would drop it to the page).
    expect(again.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(again);
    await act(async () => {
      answer(connected);
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(root.querySelector('.banner')).toBeNull();
    expect(document.activeElement).toBe(root.querySelector('.status-dot'));
    root.remove();
  });
});
