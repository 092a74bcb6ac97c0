// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { matchesPattern } from '@/utils/adapters/detect';
import { query } from '@/utils/adapters/dom';
import { readActiveChat } from '@/utils/adapters/scrape';
import { builtIn, loadFixture } from './fixtures';

/**
 * The agent's room as Rocket.Chat renders it in 6.x and 7.x (pages rebuilt from its source, see
 * their comments), and the 2026 line: 7.x without the QA attributes PR #38493 removed.
 */
const adapter = builtIn('rocketchat');
const ROOM = 'https://support.example.com/live/ROOM_ID_abc123/contact-profile';
const VERSIONS = ['v6.html', 'v7.html', '2026'] as const;

function load(version: (typeof VERSIONS)[number]) {
  loadFixture('rocketchat', version === '2026' ? 'v7.html' : version);
  if (version !== '2026') return;
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const name of el.getAttributeNames()) if (name.startsWith('data-qa') && name !== 'data-qa-rc-room') el.removeAttribute(name);
  }
}

describe.each(VERSIONS)('rocketchat adapter on Rocket.Chat %s', (version) => {
  it('runs on live rooms only', () => {
    load(version);
    expect(adapter.matches.some((p) => matchesPattern(p, ROOM))).toBe(true);
    expect(adapter.matches.some((p) => matchesPattern(p, 'https://support.example.com/home'))).toBe(false);
    expect(query(document, adapter.detect)).not.toBeNull();
  });

  it('reads the room: its id, the contact from the bar, every message with its role, the follow-up under its author', () => {
    load(version);
    const chat = readActiveChat(adapter, document, ROOM, new WeakMap())!;
    expect(chat).toMatchObject({ chatId: 'ROOM_ID_abc123', visitor: { name: 'Jane Visitor', email: 'jane@example.com', phone: '+1 555 0100' } });
    expect(chat.transcript.map((m) => [m.id, m.role, m.author, m.text])).toEqual([
      ['MSG_sys1', 'system', 'Jane Visitor', 'Chat started'],
      ['MSG_v1', 'visitor', 'Jane Visitor', 'Hello, I need help with my order.'],
      ['MSG_v2', 'visitor', 'Jane Visitor', 'Order #4411.'],
      ['MSG_a1', 'agent', 'Agent Smith', 'Sure, let me check.'],
      ['MSG_sys2', 'system', 'Agent Smith', expect.stringMatching(/^Conversation closed/)],
    ]);
    expect(chat.transcript[1]!.time).toMatch(/3:03 PM$/);
    expect(chat.state).toBe('ended');
  });

  it('ends the chat only on Rocket.Chat\'s own close message, never on what a visitor types', () => {
    load(version);
    document.querySelector('[data-system-message-type="livechat-close"]')!.remove();
    document.querySelector('.rcx-message-body')!.textContent = 'Conversation closed: This conversation is already closed.';
    expect(readActiveChat(adapter, document, ROOM, new WeakMap())!.state).toBe('active');
  });
});
