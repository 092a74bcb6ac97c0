import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { chatFacts, formatTranscript } from '@/utils/chat/transcript';

describe('formatTranscript', () => {
  it('writes one line per message: time, author (or role), text; ISO times read as UTC', () => {
    expect(formatTranscript([
      { role: 'system', text: 'Chat started', time: '2026-11-23T00:52:28.760Z' },
      { role: 'visitor', author: 'Grace', text: 'Hi <b>there</b>', time: '10:00' },
      { role: 'agent', text: 'Hello!\nHow can I help?' },
    ])).toBe('[2026-11-23 00:52:28 UTC] System: Chat started\n[10:00] Grace: Hi <b>there</b>\nAgent: Hello!\nHow can I help?');
  });
});

describe('chatFacts', () => {
  it('gives chat.id and chat.transcript, and an offline message as its transcript', () => {
    expect(chatFacts({ ...emptySnapshot('c1', 'demo'), transcript: [{ role: 'visitor', text: 'Hi' }] })).toMatchObject({ id: 'c1', transcript: 'Visitor: Hi' });
    expect(chatFacts({ ...emptySnapshot('o1', 'demo', 'offline'), chat: { message: 'Call me' } }).transcript).toBe('Call me');
  });
});
