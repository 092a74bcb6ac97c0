// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { queryAll } from '@/utils/adapters/dom';
import { matchesPattern } from '@/utils/adapters/detect';
import { readActiveChat } from '@/utils/adapters/scrape';
import { builtIn, loadFixture } from './fixtures';

const adapter = builtIn('chatwoot');
const URL_OF_CHAT = 'https://app.chatwoot.com/app/accounts/7/conversations/4242';
beforeEach(() => loadFixture('chatwoot'));

describe('chatwoot adapter on its fixture page', () => {
  it('runs on Chatwoot URLs only', () => {
    expect(adapter.matches.some((p) => matchesPattern(p, URL_OF_CHAT))).toBe(true);
    expect(adapter.matches.some((p) => matchesPattern(p, 'https://evil.example/app.chatwoot.com/'))).toBe(false);
  });

  it('finds each selector as often as the page has it', () => {
    expect(queryAll(document, adapter.detect)).toHaveLength(1);
    expect(queryAll(document, `${adapter.pane.root} ${adapter.transcript.message}`)).toHaveLength(4);
    expect(queryAll(document, adapter.fields['visitor.email']!.selector!)).toHaveLength(1);
  });

  it('reads the conversation: id from the URL, contact from the side panel, roles by orientation', () => {
    const chat = readActiveChat(adapter, document, URL_OF_CHAT, new WeakMap())!;
    expect(chat).toMatchObject({
      chatId: '4242',
      console: 'chatwoot',
      state: 'active',
      visitor: { name: 'Grace Hopper', email: 'grace.hopper@example.com', phone: '+14155550100' },
      custom: { Plan: 'Enterprise', 'CRM link': 'https://crm.example.com/c/9' },
    });
    expect(chat.transcript.map((m) => [m.id, m.role])).toEqual([['101', 'system'], ['102', 'visitor'], ['103', 'agent'], ['104', 'visitor']]);
    expect(chat.transcript[3]!.text).toBe('Acme Corp & Sons — not "Acme Inc".');
  });

  it('sees the conversation end when it is resolved', () => {
    const panel = document.querySelector('.conversation-panel')!;
    panel.insertAdjacentHTML('beforeend', '<div class="flex w-full justify-center" data-message-id="105"><div class="rounded-lg">Conversation was marked resolved by Ana Agent</div></div>');
    expect(readActiveChat(adapter, document, URL_OF_CHAT, new WeakMap())!.state).toBe('ended');
  });
});
