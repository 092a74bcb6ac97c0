import { describe, expect, it } from 'vitest';
import { asUpdate } from '@/utils/plan/prepare';
import type { ActionPlan } from '@/utils/plan/plan';

const plan = (steps: ActionPlan['steps']): ActionPlan => ({ id: 'demo:1:manual', chatKey: 'demo:1', chatId: '1', trigger: 'manual', action: 'contactCase', steps, skipped: [], createdAt: 0 });

describe('asUpdate: a case created during the chat, at its end', () => {
  it('updates that case with the whole chat and nothing else: no new contact, no new case', () => {
    const built = plan([
      { ref: 'person', object: 'Contact', method: 'POST', values: { LastName: 'Hopper' } },
      { ref: 'record', object: 'Case', method: 'POST', values: { Subject: 'Chat with Grace', Description: 'the whole chat', ContactId: '@{person.id}' } },
      { ref: 'transcript', object: 'ContentVersion', method: 'POST', values: { Title: 'x', FirstPublishLocationId: '@{record.id}' } },
    ]);
    expect(asUpdate(built, { object: 'Case', id: '500000000000001AAA' })!.steps).toEqual([
      { ref: 'record', object: 'Case', method: 'PATCH', id: '500000000000001AAA', values: { Description: 'the whole chat' } },
      { ref: 'transcript', object: 'ContentVersion', method: 'POST', values: { Title: 'x', FirstPublishLocationId: '500000000000001AAA' } },
    ]);
  });

  it('has nothing to write when the description is not mapped', () => {
    expect(asUpdate(plan([{ ref: 'record', object: 'Case', method: 'POST', values: { Subject: 'x' } }]), { object: 'Case', id: '500000000000001AAA' })).toBeNull();
  });
});
