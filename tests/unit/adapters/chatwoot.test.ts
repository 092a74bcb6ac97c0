// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { matchesPattern } from '@/utils/adapters/detect';
import { query } from '@/utils/adapters/dom';
import { readActiveChat } from '@/utils/adapters/scrape';
import { formatTranscript } from '@/utils/chat/transcript';
import { builtIn, loadFixture } from './fixtures';

/** The conversation view as Chatwoot 3.x and 4.x render it (pages rebuilt from its source, see their comments). */
const adapter = builtIn('chatwoot');
const URL_OF_CHAT = 'https://support.example.com/app/accounts/1/conversations/42';
const chatOf = () => readActiveChat(adapter, document, URL_OF_CHAT, new WeakMap())!;

describe.each(['v3.html', 'v4.html'])('chatwoot adapter on Chatwoot %s', (page) => {
  it('runs on conversations, on app.chatwoot.com and self-hosted', () => {
    loadFixture('chatwoot', page);
    expect(adapter.matches.some((p) => matchesPattern(p, URL_OF_CHAT))).toBe(true);
    expect(adapter.matches.some((p) => matchesPattern(p, 'https://app.chatwoot.com/app/accounts/7/conversations/4242'))).toBe(true);
    expect(adapter.matches.some((p) => matchesPattern(p, 'https://evil.example/app.chatwoot.com/'))).toBe(false);
    expect(query(document, adapter.detect)).not.toBeNull();
  });

  it('reads the conversation: id from the route, the contact from the side panel, every message by its side', () => {
    loadFixture('chatwoot', page);
    const chat = chatOf();
    expect(chat).toMatchObject({ chatId: 'accounts/1/conversations/42', console: 'chatwoot', visitor: { name: 'Jane Customer', email: 'jane@example.com', phone: '+15550100' } });
    expect(chat.transcript.map((m) => [m.id, m.role, m.text])).toEqual([
      ['1001', 'visitor', 'Hi, my parcel has not arrived.'],
      ['1002', 'agent', 'Sorry about that, checking now.'],
      ['1003', 'agent', 'Escalated to logistics.'],
      ['1004', 'system', 'Conversation was marked resolved by Agent Smith'],
    ]);
    expect(chat.transcript[0]!.time).toBe('Jan 5, 3:03 PM');
    // The private note is the agents' own, never a reply to the customer.
    expect(chat.transcript.map((m) => !!m.note)).toEqual([false, false, true, false]);
    expect(formatTranscript(chat.transcript)).toContain('(internal note): Escalated to logistics.');
    expect(chat.state).toBe('ended');
  });

  it('ends the conversation on Chatwoot\'s own "marked resolved" only, never on what the contact types', () => {
    loadFixture('chatwoot', page);
    document.querySelector('#message1004')!.remove();
    expect(chatOf().state).toBe('active');
    document.querySelector('#message1001 .text-content, #message1001 .prose-bubble')!.textContent = 'Conversation was marked resolved by me, ha';
    expect(chatOf().state).toBe('active');
  });
});

describe('chatwoot adapter: private notes left out when the admin says so', () => {
  it('drops them from the transcript', () => {
    loadFixture('chatwoot', 'v4.html');
    const leaveOut = { ...adapter, transcript: { ...adapter.transcript, notes: 'leave-out' as const } };
    expect(readActiveChat(leaveOut, document, URL_OF_CHAT, new WeakMap())!.transcript.map((m) => m.id)).toEqual(['1001', '1002', '1004']);
  });
});
