import { describe, expect, it } from 'vitest';
import { atChatEnd } from '@/components/panel/ChatActions';

describe("the panel's line on the chat's end", () => {
  const person = { type: 'Contact' as const, id: '003000000000001AAA', name: 'Grace Hopper', account: { id: '001000000000001AAA', name: 'Acme Corp' } };
  const openCase = { id: '500000000000001AAA', number: '00001001' };

  it('says where the chat goes: on the attached case, under the account shown', () => {
    expect(atChatEnd('contactCase', person, openCase)).toBe('a task on case 00001001, for Grace Hopper');
    expect(atChatEnd('contactCase', null, undefined, { name: 'Acme Corp' })).toBe('a new contact and a case under Acme Corp');
    expect(atChatEnd('case', null, undefined, { name: 'Acme Corp' })).toBe('a case on Acme Corp');
    expect(atChatEnd('nothing', person, openCase)).toBeNull();
  });
});
