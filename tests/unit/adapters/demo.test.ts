// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { query, queryAll } from '@/utils/adapters/dom';
import { readActiveChat, readChatList, readOffline } from '@/utils/adapters/scrape';
import { builtIn, loadFixture } from './fixtures';

const adapter = builtIn('demo');
beforeEach(() => loadFixture('demo'));

describe('demo adapter on its fixture page', () => {
  it('finds each selector as often as the page has it', () => {
    expect(queryAll(document, adapter.chats!.item)).toHaveLength(2);
    expect(queryAll(document, adapter.pane.root)).toHaveLength(1);
    expect(query(document, adapter.mount.anchor)).not.toBeNull();
    expect(queryAll(document, `${adapter.pane.root} ${adapter.transcript.message}`)).toHaveLength(4);
    expect(queryAll(document, adapter.offline!.item)).toHaveLength(1);
  });

  it('lists the open chats, the active one marked', () => {
    expect(readChatList(adapter, document)).toEqual([
      { id: 'chat-0001', name: "Siobhán O'Brien", active: true },
      { id: 'chat-0002', name: '{!$Api.Session_ID} & {FIND}', active: false },
    ]);
  });

  it('reads the active chat: visitor, pre-chat, session, custom variables, transcript, agent', () => {
    const chat = readActiveChat(adapter, document, location.href, new WeakMap())!;
    expect(chat).toMatchObject({
      chatId: 'chat-0001',
      console: 'demo',
      state: 'active',
      visitor: { name: "Siobhán O'Brien", email: 'siobhan.o.brien@example.com', phone: '087 123 4567' },
      preChat: { Company: expect.any(String), Department: expect.any(String) },
      session: { ip: expect.stringMatching(/^198\.51\.100\./), country: 'IE', timeZone: expect.any(String), currentPage: expect.stringMatching(/^https:/) },
      custom: { plan: expect.any(String), userId: 'u-10001' },
      chat: { requestingPage: expect.stringMatching(/^https:\/\/shop\.example\.com/) },
      agent: { name: 'Ana Agent', email: 'ana.agent@example.com', state: 'online' },
    });
    expect(chat.visitor.visits).toMatch(/^\d+$/);
    expect(chat.transcript.map((m) => m.role)).toEqual(['system', 'visitor', 'agent', 'visitor']);
    expect(chat.transcript.find((m) => m.role === 'agent')).toMatchObject({ text: 'Hello! How can I help?', author: 'Ana Agent', id: expect.stringMatching(/^chat-0001-m/) });
  });

  it('reads the offline inbox', () => {
    const [message] = readOffline(adapter, document);
    expect(message).toMatchObject({ state: 'offline', chatId: expect.stringMatching(/^offline-/), visitor: { email: expect.stringContaining('@') }, chat: { message: expect.any(String) } });
  });
});
