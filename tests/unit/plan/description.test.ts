import { describe, expect, it } from 'vitest';
import { emptySnapshot, type ChatSnapshot } from '@/utils/chat/snapshot';
import { renderDescription, unknownPlaceholders } from '@/utils/plan/description';
import { parseSettings } from '@/utils/settings/schema';

const chat: ChatSnapshot = {
  ...emptySnapshot('c-42', 'demo', 'ended'),
  visitor: { email: 'ada@engine.example' },
  preChat: { Order: 'A-1001' },
  chat: { requestingPage: 'https://shop.example/checkout' },
  transcript: [
    { role: 'visitor', text: 'Where is my order?', time: '2026-12-03T10:00:00Z' },
    { role: 'agent', author: 'Ana', text: 'On its way.', time: '2026-12-03T10:04:00Z' },
  ],
};

describe('renderDescription', () => {
  it("fills chat fields, start and end from the messages' times, and the wrap-up", () => {
    const template = 'Order {preChat.order} from {chat.requestingPage}\nChat {chat.id}, {chat.startTime} to {chat.endTime}\n{chat.wrapUp}: {chat.notes}\n\n{chat.transcript}';
    expect(renderDescription(template, chat, { disposition: 'Resolved', notes: 'Shipped today.' })).toBe(
      'Order A-1001 from https://shop.example/checkout\nChat c-42, 2026-12-03T10:00:00Z to 2026-12-03T10:04:00Z\nResolved: Shipped today.\n\n'
      + '[2026-12-03 10:00:00 UTC] Visitor: Where is my order?\n[2026-12-03 10:04:00 UTC] Ana: On its way.',
    );
  });

  it("takes the console's own start and end times; a field the chat lacks is empty; visitor text is never a placeholder", () => {
    const timed = { ...chat, chat: { startTime: '09:58', endTime: '10:05' }, visitor: { email: '{chat.transcript}' } };
    expect(renderDescription('{chat.startTime}-{chat.endTime} {visitor.name}|{visitor.email}', timed)).toBe('09:58-10:05 |{chat.transcript}');
  });

  it('names what is no chat field, and the settings refuse it', () => {
    expect(unknownPlaceholders('{chat.transcript} {transcript} {Visitor.Email}')).toEqual(['transcript', 'Visitor.Email']);
    expect(parseSettings({ records: { description: 'See {transcript}' } }).problems).toMatchObject([{ setting: 'records.description', message: expect.stringMatching(/no chat field is called \{transcript\}/) }]);
    expect(parseSettings({ records: { description: '{chat.transcript}' } }).settings.records.description).toBe('{chat.transcript}');
  });
});
