import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { Outbox } from '@/utils/outbox/outbox';
import { idbOutboxStore, memoryOutboxStore, type OutboxStore } from '@/utils/outbox/store';
import type { ActionPlan } from '@/utils/plan/plan';
import type { PlanOutcome } from '@/utils/plan/requests';
import { SalesforceError, UnreachableError } from '@/utils/salesforce/errors';

const plan = (chatId: string): ActionPlan => ({
  id: `demo:${chatId}:ended`, chatKey: `demo:${chatId}`, chatId, trigger: 'ended', action: 'contactCase',
  steps: [{ ref: 'record', object: 'Case', method: 'POST', values: { Subject: chatId } }], skipped: {}, createdAt: 1,
});

function setup(store: OutboxStore, send: (p: ActionPlan) => Promise<PlanOutcome>) {
  const log: string[] = [];
  const outbox = new Outbox({
    store,
    plan: async (entry) => (log.push(`plan ${entry.snapshot.chatId}`), plan(entry.snapshot.chatId)),
    send: async (p) => (log.push(`send ${p.chatId}`), send(p)),
  });
  return { outbox, log };
}

describe('Outbox', () => {
  it('stores the chat, then its plan, then sends it once; a chat written is never written again', async () => {
    const store = memoryOutboxStore();
    const { outbox, log } = setup(store, async () => ({ state: 'done', ids: { record: '500X' } }));
    await outbox.enqueue(emptySnapshot('c1', 'demo', 'ended'), 'ended');
    const stored = (await store.all())[0]!;
    expect(stored.state).toBe('pending');
    expect(stored.plan).toBeUndefined();
    await outbox.drain();
    expect((await store.all())[0]).toMatchObject({ state: 'done', ids: { record: '500X' }, attempts: 1, plan: { chatKey: 'demo:c1' } });
    await outbox.enqueue(emptySnapshot('c1', 'demo', 'ended'), 'ended');
    await outbox.drain();
    expect(log).toEqual(['plan c1', 'send c1']);
  });

  it('keeps a plan pending through passing failures, and sends the same plan when Salesforce is back', async () => {
    const store = memoryOutboxStore();
    let down = true;
    const { outbox, log } = setup(store, async () => {
      if (down) throw new UnreachableError('ERROR_HTTP_503', 'Service Unavailable');
      return { state: 'done', ids: { record: '500Y' } };
    });
    await outbox.enqueue(emptySnapshot('c2', 'demo', 'ended'), 'ended');
    await outbox.drain();
    expect((await store.all())[0]).toMatchObject({ state: 'pending', attempts: 1, lastError: 'Service Unavailable' });
    down = false;
    await outbox.drain();
    expect((await store.all())[0]).toMatchObject({ state: 'done', attempts: 2 });
    expect(log).toEqual(['plan c2', 'send c2', 'send c2']); // planned once: the stored plan is what is retried
  });

  it('puts a refusal Salesforce would repeat aside as "needs attention", and the next chat still goes', async () => {
    const store = memoryOutboxStore();
    const { outbox } = setup(store, async (p) =>
      p.chatId === 'bad'
        ? { state: 'refused', errors: [{ ref: 'record', object: 'Case', code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Subject too vague', fields: ['Subject'] }], duplicates: [] }
        : { state: 'done', ids: {} },
    );
    await outbox.enqueue(emptySnapshot('bad', 'demo', 'ended'), 'ended');
    await outbox.enqueue(emptySnapshot('good', 'demo', 'ended'), 'ended');
    await outbox.drain();
    const [bad, good] = await outbox.entries();
    expect(bad).toMatchObject({ state: 'needs_attention', errors: [{ fields: ['Subject'], message: 'Subject too vague' }] });
    expect(good).toMatchObject({ state: 'done' });
  });

  it('sends a write that needed attention again, planned anew for the record the agent chose', async () => {
    const store = memoryOutboxStore();
    const plans: (string | undefined)[] = [];
    let refuse = true;
    const outbox = new Outbox({
      store,
      plan: async (entry) => (plans.push(entry.choice?.id), plan(entry.snapshot.chatId)),
      send: async () => (refuse ? { state: 'refused', errors: [{ ref: 'person', object: 'Contact', code: 'DUPLICATES_DETECTED', message: 'dup', fields: [] }], duplicates: [{ ref: 'person', object: 'Contact', id: '003X' }] } : { state: 'done', ids: {} }),
    });
    const { id } = await outbox.enqueue(emptySnapshot('c5', 'demo', 'ended'), 'ended');
    await outbox.drain();
    expect((await store.get(id))!.duplicates).toEqual([{ ref: 'person', object: 'Contact', id: '003X' }]);
    refuse = false;
    await outbox.retry(id, { type: 'Contact', id: '003X' });
    await outbox.drain();
    expect(await store.get(id)).toMatchObject({ state: 'done', choice: { id: '003X' } });
    expect(plans).toEqual([undefined, '003X']);
    expect(await outbox.retry(id)).toMatchObject({ state: 'done' }); // done stays done
  });

  it('treats a refusal thrown by the request itself as needing attention, not as passing', async () => {
    const { outbox } = setup(memoryOutboxStore(), async () => {
      throw new SalesforceError('INVALID_FIELD', "No such column 'Foo__c'");
    });
    await outbox.enqueue(emptySnapshot('c3', 'demo', 'ended'), 'ended');
    await outbox.drain();
    expect((await outbox.entries())[0]).toMatchObject({ state: 'needs_attention', errors: [{ code: 'INVALID_FIELD' }] });
  });

  it('survives the worker: a new outbox on the same IndexedDB sends what the old one left', async () => {
    const first = setup(idbOutboxStore(), async () => {
      throw new UnreachableError('UNREACHABLE', 'Failed to fetch');
    });
    await first.outbox.enqueue(emptySnapshot('c4', 'demo', 'ended'), 'ended');
    await first.outbox.drain();
    const second = setup(idbOutboxStore(), async () => ({ state: 'done', ids: { record: '500Z' } }));
    await second.outbox.drain();
    expect((await second.outbox.entries()).find((e) => e.snapshot.chatId === 'c4')).toMatchObject({ state: 'done', ids: { record: '500Z' } });
    expect(second.log).toEqual(['send c4']);
  });
});
