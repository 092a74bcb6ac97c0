// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { queryAll } from '@/utils/adapters/dom';
import { matchesPattern } from '@/utils/adapters/detect';
import { readActiveChat } from '@/utils/adapters/scrape';
import { builtIn, loadFixture } from './fixtures';

const adapter = builtIn('rocketchat');
const ROOM = 'https://support.example.com/live/Xy7kP2qRsT9';
beforeEach(() => loadFixture('rocketchat'));

describe('rocketchat adapter on its fixture page', () => {
  it('runs on live rooms', () => {
    expect(adapter.matches.some((p) => matchesPattern(p, ROOM))).toBe(true);
    expect(adapter.matches.some((p) => matchesPattern(p, 'https://support.example.com/home'))).toBe(false);
  });

  it('finds each selector as often as the page has it', () => {
    expect(queryAll(document, adapter.transcript.message)).toHaveLength(3);
    expect(queryAll(document, adapter.fields['visitor.email']!.selector!)).toHaveLength(1);
    expect(queryAll(document, adapter.fields['visitor.phone']!.selector!)).toHaveLength(1);
  });

  it('reads the room: id from the URL, contact from the info bar, roles from data-own', () => {
    const chat = readActiveChat(adapter, document, ROOM, new WeakMap())!;
    expect(chat).toMatchObject({
      chatId: 'Xy7kP2qRsT9',
      visitor: { name: 'Mateo Silva', email: 'mateo.silva@example.com.br', phone: '+55 11 91234-5678' },
    });
    expect(chat.transcript.map((m) => [m.id, m.role, m.author])).toEqual([
      ['m1', 'system', undefined],
      ['m2', 'visitor', 'Mateo Silva'],
      ['m3', 'agent', 'Ana Agent'],
    ]);
    expect(chat.transcript[0]!.text).toBe('New chat in queue');
  });
});
