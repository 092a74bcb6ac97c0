import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { meets, recordTokens, searchedTokens, valueTokens } from '@/utils/identify/overlap';

const rules = {
  contacts: [{ chatField: 'visitor.email', sfField: 'Email' }, { chatField: 'visitor.phone', sfField: 'MobilePhone' }],
  leads: [{ chatField: 'visitor.email', sfField: 'Email' }],
  accounts: [{ chatField: 'preChat.Company', sfField: 'Name' }],
};

describe('which remembered identifications a new person may change', () => {
  it('reads an e-mail as identification compares it, and any value with a phone\'s worth of digits by its last seven', () => {
    expect(valueTokens(' Ada@Engine.Example ')).toEqual(['text:ada@engine.example']);
    expect(valueTokens('+44 7400 123456')).toEqual(['text:+44 7400 123456', 'tel:0123456']);
    expect(valueTokens('Acme')).toEqual(['text:acme']);
  });

  it('knows what a chat searches for: the e-mail, the phone read in its country, the company; a masked value is not searched', () => {
    const chat = { ...emptySnapshot('c', 'demo'), visitor: { email: 'ADA@engine.example', phone: '07400 123456' }, preChat: { Company: 'Engines Ltd' }, session: { country: 'GB' } };
    expect(searchedTokens(chat, rules).sort()).toEqual(['tel:0123456', 'text:ada@engine.example', 'text:engines ltd']);
    expect(searchedTokens({ ...chat, masked: ['visitor.email'] }, rules)).not.toContain('text:ada@engine.example');
  });

  it('a new person meets the chats that search for one of their values, in another spelling too, and no other', () => {
    const written = recordTokens({ LastName: 'Lovelace', Email: 'ada@engine.example', MobilePhone: '+447400123456', AccountId: null });
    expect(meets(['tel:0123456'], written)).toBe(true);
    expect(meets(['text:ada@engine.example'], written)).toBe(true);
    expect(meets(['text:grace@navy.example', 'tel:5550100'], written)).toBe(false);
    // Kept before the values were: assumed to meet (a lookup more, never a stale "nobody").
    expect(meets(undefined, written)).toBe(true);
  });
});
