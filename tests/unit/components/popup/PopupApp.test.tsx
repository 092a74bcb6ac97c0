// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { PopupApp, type PopupSources } from '@/components/popup/PopupApp';
import type { OutboxItem } from '@/utils/messages/protocol';

const item = (id: string, fields: Partial<OutboxItem> = {}): OutboxItem => ({
  id, chatId: `chat-${id}`, trigger: 'ended', state: 'pending', attempts: 0, errors: [], duplicates: [], ids: {}, steps: [], skipped: [], ...fields,
});
const settle = () => new Promise((r) => setTimeout(r, 20));

const sourcesOf = (queue: OutboxItem[]): PopupSources => ({
  status: async () => ({ state: 'connected', instanceUrl: 'https://b.my.salesforce.com', apiVersion: '62.0', usage: null }),
  queue: async () => queue, problems: async () => [], retry: async () => undefined, adopt: async () => undefined, discard: async () => undefined, openOptions: () => undefined,
});

describe('the popup: what was written', () => {
  it('lists, for a chat written today, what its write left out and why', async () => {
    const done = item('c', { state: 'done', updatedAt: Date.now(), ids: { record: '500000000000001AAA' }, skipped: [{ ref: 'person', object: 'Contact', field: 'Email', label: 'Email', reason: "longer than the field's 80 characters: aaa…" }] });
    const root = document.createElement('div');
    document.body.append(root);
    render(<PopupApp sources={sourcesOf([done, item('d', { state: 'done', updatedAt: Date.now() })])} />, root);
    await settle();
    expect(root.querySelector('li[data-id="c"] [data-skipped]')?.textContent).toBe("Not written: Contact Email (longer than the field's 80 characters: aaa…)");
    expect(root.querySelector('li[data-id="d"] [data-skipped]')).toBeNull();
    root.remove();
  });
});

describe('the popup: a write planned for another org', () => {
  it('says so and offers "Send to this org" and "Discard", which reach the background', async () => {
    const calls: string[] = [];
    let queue = [item('a', { orgId: '00DA00000000001AAA', elsewhere: true }), item('b', { nextAttemptAt: Date.now() + 60_000 })];
    const sources: PopupSources = {
      status: async () => ({ state: 'connected', instanceUrl: 'https://b.my.salesforce.com', apiVersion: '62.0', usage: null }),
      queue: async () => queue,
      problems: async () => [],
      retry: async (id) => void calls.push(`retry ${id}`),
      adopt: async (id) => {
        calls.push(`adopt ${id}`);
        queue = queue.map((i) => (i.id === id ? { ...i, elsewhere: undefined } : i));
      },
      discard: async (id) => void calls.push(`discard ${id}`),
      openOptions: () => undefined,
    };
    const root = document.createElement('div');
    document.body.append(root);
    render(<PopupApp sources={sources} />, root);
    await settle();
    const held = root.querySelector('li[data-id="a"]') as HTMLElement;
    expect(held.textContent).toContain('planned for another Salesforce org');
    expect(held.textContent).toContain('00DA00000000001AAA');
    // Not "Try now": it is not waiting for a time.
    expect(held.querySelector('.retry')).toBeNull();
    expect(root.querySelector('li[data-id="b"] .retry')).not.toBeNull();
    (held.querySelector('[data-action="discard"]') as HTMLButtonElement).click();
    (held.querySelector('[data-action="adopt"]') as HTMLButtonElement).click();
    await settle();
    expect(calls).toEqual(['discard a', 'adopt a']);
    expect(root.querySelector('li[data-id="a"] .elsewhere')).toBeNull(); // listed again, now for this org
  });
});

describe('the popup: writes this version could not read', () => {
  it('says how many were set aside and why, and offers them as a file for the administrator', async () => {
    const raw = { id: 'demo:c9:ended', state: 'sending-maybe', snapshot: { chatId: 'c9' } };
    const root = document.createElement('div');
    document.body.append(root);
    render(<PopupApp sources={{ ...sourcesOf([]), quarantined: async () => [{ reason: 'state: Invalid option', at: 1, chatId: 'c9', raw: JSON.stringify(raw) }] }} />, root);
    await settle();
    const box = root.querySelector('#popup-quarantine')!;
    expect(box.textContent).toContain('Stored writes this version could not read were set aside, not sent: chat c9: state: Invalid option.');
    const link = box.querySelector('a[download]') as HTMLAnchorElement;
    expect(JSON.parse(decodeURIComponent(link.getAttribute('href')!.replace(/^data:application\/json;charset=utf-8,/, '')))).toEqual([raw]);
    root.remove();
    // Nothing set aside: nothing said.
    const empty = document.createElement('div');
    render(<PopupApp sources={{ ...sourcesOf([]), quarantined: async () => [] }} />, empty);
    await settle();
    expect(empty.querySelector('#popup-quarantine')).toBeNull();
  });
});
