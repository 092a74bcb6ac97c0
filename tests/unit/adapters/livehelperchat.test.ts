// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { query, queryAll } from '@/utils/adapters/dom';
import { readActiveChat, readChatList } from '@/utils/adapters/scrape';
import { builtIn, loadFixture } from './fixtures';

const adapter = builtIn('livehelperchat');
beforeEach(() => loadFixture('livehelperchat'));

describe('livehelperchat adapter on its fixture page', () => {
  it('finds each selector as often as the page has it', () => {
    expect(queryAll(document, adapter.chats!.item)).toHaveLength(2);
    expect(queryAll(document, adapter.pane.root)).toHaveLength(1);
    expect(query(document, adapter.mount.anchor)).not.toBeNull();
    expect(queryAll(query(document, adapter.pane.root)!, adapter.transcript.message)).toHaveLength(4);
  });

  it('lists the chat tabs', () => {
    expect(readChatList(adapter, document)).toEqual([
      { id: '7341', name: 'Zoë Ødegård', active: true },
      { id: '7342', name: 'محمد العلي', active: false },
    ]);
  });

  it('reads the open chat and never keeps a masked e-mail or phone', () => {
    const chat = readActiveChat(adapter, document, location.href, new WeakMap())!;
    expect(chat).toMatchObject({
      chatId: '7341',
      visitor: { name: 'Zoë Ødegård' },
      session: { country: 'Norway', city: 'Oslo', ip: '203.0.113.24', referrer: 'https://www.example.no/priser', browser: 'Firefox 133' },
      custom: { Order: '10042', Plan: 'Pro' },
      agent: { name: 'Ana Agent', email: 'ana.agent@example.com', state: 'Online' },
    });
    expect(chat.visitor.email).toBeUndefined();
    expect(chat.visitor.phone).toBeUndefined();
    expect(chat.masked.sort()).toEqual(['session.E-mail', 'session.Phone', 'visitor.email', 'visitor.phone']);
    expect(JSON.stringify(chat)).not.toContain('*****');
    expect(chat.transcript.map((m) => [m.id, m.role, m.author])).toEqual([
      ['90001', 'system', undefined],
      ['90002', 'visitor', 'Zoë Ødegård'],
      ['90003', 'agent', 'Ana Agent'],
      ['90004', 'visitor', 'Zoë Ødegård'],
    ]);
    expect(chat.transcript[3]!.text).toBe('INV-2024-0042 <b>urgent</b>');
  });
});
