import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { backoffDelay, BACKOFF_BASE_MS, BACKOFF_CAP_MS, LIMIT_PAUSE_MS, NOT_SENT, Outbox, PARALLEL_CHATS } from '@/utils/outbox/outbox';
import { idbOutboxStore, memoryOutboxStore, type OutboxStore } from '@/utils/outbox/store';
import type { ActionPlan } from '@/utils/plan/plan';
import type { PlanOutcome } from '@/utils/plan/requests';
import { NO_ACCOUNT, NoAccountError, UNDECIDED, UndecidedMatchError } from '@/utils/plan/undecided';
import { ApiLimitError, SalesforceError, SessionExpiredError, UnreachableError } from '@/utils/salesforce/errors';

const plan = (chatId: string): ActionPlan => ({
  id: `demo:${chatId}:ended`, chatKey: `demo:${chatId}`, chatId, trigger: 'ended', action: 'contactCase',
  steps: [{ ref: 'record', object: 'Case', method: 'POST', values: { Subject: chatId } }], skipped: [], createdAt: 1,
});

/** A fake org around the outbox: a clock, what landed, the API usage, the write pause. */
function setup(store: OutboxStore, send: (p: ActionPlan) => Promise<PlanOutcome>, org: { landed?: Record<string, Record<string, string>>; usageAllows?: () => boolean; plan?: (chatId: string) => ActionPlan; connected?: { id: string | null } } = {}) {
  const log: string[] = [];
  const resentChecks: string[] = [];
  const clock = { now: 1_000_000 };
  let paused = 0;
  const outbox = new Outbox({
    store,
    plan: async (entry) => (log.push(`plan ${entry.snapshot.chatId}`), (org.plan ?? plan)(entry.snapshot.chatId)),
    send: async (p) => (log.push(`send ${p.chatId}`), send(p)),
    landed: async (p) => (log.push(`landed? ${p.chatId}`), org.landed?.[p.chatId] ?? null),
    identifyAhead: async (entries) => void log.push(`identify ${entries.map((e) => e.snapshot.chatId).join(',')}`),
    removeResent: async (written) => void resentChecks.push(written.map((w) => w.plan.chatId).join(',')),
    usageAllows: async () => (log.push('usage?'), org.usageAllows?.() ?? true),
    pause: { get: async () => paused, set: async (until) => void (paused = until) },
    ...(org.connected ? { org: async () => org.connected!.id } : {}),
    now: () => clock.now,
    random: () => 0.5,
  });
  /** Lets time pass, as the retry alarm does. */
  const later = (ms = BACKOFF_CAP_MS * 2) => void (clock.now += ms);
  return { outbox, log, resentChecks, clock, later, paused: () => paused };
}

describe('Outbox', () => {
  it('sends a write only to the org it was planned for; connected to another, it waits for the agent to send it there or discard it', async () => {
    const store = memoryOutboxStore();
    const connected = { id: '00DA00000000001AAA' as string | null };
    const sent: string[] = [];
    const { outbox, log } = setup(store, async (p) => (sent.push(`${connected.id} ${p.chatId}`), { state: 'done', ids: { record: '500A' } }), { connected });
    // Two chats end while org A is connected, and Salesforce is not asked yet.
    connected.id = '00DA00000000001AAA';
    await outbox.enqueue(emptySnapshot('a1', 'demo', 'ended'), 'ended', { type: 'Contact', id: '003A00000000001AAA' });
    await outbox.choose(emptySnapshot('a2', 'demo'), { action: 'contactCase', overrides: { Subject: 'Refund', AccountId: '001A00000000001AAA', Priority: 'High' }, update: { object: 'Case', id: '500A00000000001AAA' } }, undefined);
    await outbox.release(emptySnapshot('a2', 'demo', 'ended'));
    expect((await store.all()).map((e) => e.orgId)).toEqual(['00DA00000000001AAA', '00DA00000000001AAA']);
    // The agent connects org B: nothing of A's goes there, and no alarm is set for it.
    connected.id = '00DB00000000002AAA';
    await outbox.drain();
    expect(sent).toEqual([]);
    expect(await outbox.nextDue()).toBeNull();
    const [first, second] = await outbox.entries();
    expect(outbox.elsewhere(first!, connected.id)).toBe(true);
    // A chat ending now is B's, and goes.
    await outbox.enqueue(emptySnapshot('b1', 'demo', 'ended'), 'ended');
    await outbox.drain();
    expect(sent).toEqual(['00DB00000000002AAA b1']);
    // "Send to this org": planned again for B, without A's records (the chosen contact, the case made during the chat, the account picked).
    const adopted = await outbox.adopt(second!.id);
    expect(adopted).toMatchObject({ orgId: '00DB00000000002AAA', state: 'pending', manual: { overrides: { Subject: 'Refund', Priority: 'High' } } });
    expect(adopted!.manual!.update).toBeUndefined();
    await outbox.drain();
    expect(sent).toEqual(['00DB00000000002AAA b1', '00DB00000000002AAA a2']);
    // "Discard": forgotten, never sent.
    expect(await outbox.discard(first!.id)).toBe(true);
    await outbox.drain();
    expect(sent).toHaveLength(2);
    expect((await store.all()).map((e) => e.snapshot.chatId).sort()).toEqual(['a2', 'b1']);
    // Back on A: nothing is left of A's to send.
    connected.id = '00DA00000000001AAA';
    await outbox.drain();
    expect(sent).toHaveLength(2);
    expect(log.filter((l) => l.startsWith('plan'))).toEqual(['plan b1', 'plan a2']);
  });

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
    const { outbox, log, clock, later } = setup(store, async () => {
      if (down) throw new UnreachableError('ERROR_HTTP_503', 'Service Unavailable');
      return { state: 'done', ids: { record: '500Y' } };
    });
    await outbox.enqueue(emptySnapshot('c2', 'demo', 'ended'), 'ended');
    await outbox.drain();
    expect((await store.all())[0]).toMatchObject({ state: 'pending', attempts: 1, lastError: 'Service Unavailable', nextAttemptAt: clock.now + BACKOFF_BASE_MS });
    down = false;
    await outbox.drain(); // not due yet: nothing is sent
    expect(log).toEqual(['plan c2', 'send c2']);
    later();
    await outbox.drain();
    expect((await store.all())[0]).toMatchObject({ state: 'done', attempts: 2 });
    // Planned once: the stored plan is what is retried, after asking whether the lost one landed.
    expect(log).toEqual(['plan c2', 'send c2', 'landed? c2', 'send c2']);
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
      landed: async () => null,
      usageAllows: async () => true,
      pause: { get: async () => 0, set: async () => undefined },
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

  it('writes nothing when several people match equally and the agent chose none; their pick sends it to that one', async () => {
    const store = memoryOutboxStore();
    const sent: string[] = [];
    const twins = [{ type: 'Contact' as const, id: '003000000000001AAA', name: 'Pat Morgan', matched: ['visitor.phone→Phone'] }, { type: 'Contact' as const, id: '003000000000002AAA', name: 'Pat Morgan-Lee', matched: ['visitor.phone→Phone'], tiedWithBest: true }];
    const outbox = new Outbox({
      store,
      plan: async (entry) => {
        if (!entry.choice) throw new UndecidedMatchError(twins);
        return { ...plan(entry.snapshot.chatId), steps: [{ ref: 'record', object: 'Task', method: 'POST', values: { WhoId: entry.choice.id } }] };
      },
      send: async (p) => (sent.push(String(p.steps[0]!.values.WhoId)), { state: 'done', ids: { record: '00T000000000001AAA' } }),
      landed: async () => null, usageAllows: async () => true, pause: { get: async () => 0, set: async () => undefined },
    });
    await outbox.enqueue(emptySnapshot('p1', 'demo', 'ended'), 'ended');
    await outbox.drain();
    const [held] = await outbox.entries();
    expect(sent).toEqual([]);
    expect(held).toMatchObject({
      state: 'needs_attention', errors: [{ code: UNDECIDED, message: expect.stringMatching(/^2 contacts match this visitor equally \(Pat Morgan, Pat Morgan-Lee\)/) }],
      duplicates: [{ object: 'Contact', id: twins[0]!.id, name: 'Pat Morgan' }, { object: 'Contact', id: twins[1]!.id, name: 'Pat Morgan-Lee' }],
    });
    await outbox.retry(held!.id, { type: 'Contact', id: twins[1]!.id });
    await outbox.drain();
    expect(sent).toEqual([twins[1]!.id]);
    expect((await outbox.entries())[0]!.state).toBe('done');
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
    second.later();
    await second.outbox.drain();
    expect((await second.outbox.entries()).find((e) => e.snapshot.chatId === 'c4')).toMatchObject({ state: 'done', ids: { record: '500Z' } });
    expect(second.log).toEqual(['landed? c4', 'send c4']);
  });

  it('never writes twice when the answer was lost after Salesforce committed: it asks first, and finds it', async () => {
    const landed: Record<string, Record<string, string>> = {};
    const { outbox, log, later } = setup(memoryOutboxStore(), async (p) => {
      landed[p.chatId] = { record: '500L', person: '003L' }; // committed…
      throw new UnreachableError('UNREACHABLE', 'socket hang up'); // …and the answer lost
    }, { landed });
    const { id } = await outbox.enqueue(emptySnapshot('lost', 'demo', 'ended'), 'ended');
    await outbox.drain();
    expect((await outbox.entries())[0]).toMatchObject({ id, state: 'pending', unknownOutcome: true });
    later();
    await outbox.drain();
    expect((await outbox.entries())[0]).toMatchObject({ state: 'done', ids: { record: '500L', person: '003L' }, unknownOutcome: false });
    expect(log.filter((l) => l.startsWith('send'))).toEqual(['send lost']); // sent once, found once
  });

  it('a plan of chat key upserts is looked up by its key after a lost answer (never blindly sent again), and gets no resent check', async () => {
    const upserts = (chatId: string): ActionPlan => ({ ...plan(chatId), steps: [{ ...plan(chatId).steps[0]!, upsertBy: { field: 'Chat_Key__c', value: `demo:${chatId}:ended` } }] });
    let lost = true;
    const { outbox, log, resentChecks, later } = setup(memoryOutboxStore(), async () => {
      if (lost) throw ((lost = false), new UnreachableError('UNREACHABLE', 'socket hang up'));
      return { state: 'done', ids: { record: '500U' } };
    }, { plan: upserts });
    await outbox.enqueue(emptySnapshot('up', 'demo', 'ended'), 'ended');
    await outbox.drain();
    later();
    await outbox.drain();
    expect((await outbox.entries())[0]).toMatchObject({ state: 'done', ids: { record: '500U' } });
    expect(log).toEqual(['plan up', 'send up', 'landed? up', 'send up']);
    expect(resentChecks).toEqual([]);
  });

  it('when the chat key field is gone since describe was read, sends plain creates at once and has the metadata read again', async () => {
    const upserts = (chatId: string): ActionPlan => ({ ...plan(chatId), steps: [{ ...plan(chatId).steps[0]!, upsertBy: { field: 'Chat_Key__c', value: `demo:${chatId}:ended` } }] });
    const sent: boolean[] = [];
    let stale = 0;
    const store = memoryOutboxStore();
    const outbox = new Outbox({
      store,
      plan: async (entry) => upserts(entry.snapshot.chatId),
      send: async (p) => {
        sent.push(p.steps.some((st) => !!st.upsertBy));
        return p.steps.some((st) => st.upsertBy)
          ? { state: 'refused', errors: [{ ref: 'record', object: 'Case', code: 'NOT_FOUND', message: 'Provided external ID field does not exist or is not accessible: Chat_Key__c', fields: [] }], duplicates: [] }
          : { state: 'done', ids: { record: '500G' } };
      },
      landed: async () => null,
      metadataStale: async () => void stale++,
      usageAllows: async () => true,
      pause: { get: async () => 0, set: async () => undefined },
    });
    await outbox.enqueue(emptySnapshot('gone', 'demo', 'ended'), 'ended');
    await outbox.drain();
    expect(sent).toEqual([true, false]);
    expect(stale).toBe(1);
    expect((await store.all())[0]).toMatchObject({ state: 'done', ids: { record: '500G' } });
    expect((await store.all())[0]!.plan!.steps[0]!.upsertBy).toBeUndefined(); // later checks treat it as the plain create it was
  });

  it('after a plain create is written, looks once for a copy the browser sent on its own', async () => {
    const { outbox, resentChecks } = setup(memoryOutboxStore(), async () => ({ state: 'done', ids: { record: '500P' } }));
    await outbox.enqueue(emptySnapshot('plain', 'demo', 'ended'), 'ended');
    await outbox.drain();
    expect(resentChecks).toEqual(['plain']);
  });

  it('backs off exponentially with jitter, up to 30 minutes', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 0.5))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffDelay(30, () => 0.5)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(1, () => 0)).toBe(15_000);
    expect(backoffDelay(1, () => 0.999)).toBeLessThan(45_000);
  });

  it('pauses every write when the org is over its API limit, then asks once whether usage allows', async () => {
    let over = true;
    let allows = false;
    const { outbox, log, later, paused, clock } = setup(memoryOutboxStore(), async (p) => {
      if (over) throw new ApiLimitError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
      return { state: 'done', ids: { record: p.chatId } };
    }, { usageAllows: () => allows });
    for (const c of ['a', 'b', 'c']) await outbox.enqueue(emptySnapshot(c, 'demo', 'ended'), 'ended');
    await outbox.drain();
    expect(log).toEqual(['plan a', 'send a']); // the first refusal stops the rest: no hammering
    expect(paused()).toBe(clock.now + LIMIT_PAUSE_MS);
    later(LIMIT_PAUSE_MS + BACKOFF_CAP_MS * 2);
    await outbox.drain();
    expect(log.slice(2)).toEqual(['usage?']); // still over: paused again, nothing sent
    over = false;
    allows = true;
    later(LIMIT_PAUSE_MS + 1);
    await outbox.drain();
    expect((await outbox.entries()).map((e) => e.state)).toEqual(['done', 'done', 'done']);
  });

  it('keeps a chat\'s writes in order, and one chat failing never holds up another', async () => {
    const store = memoryOutboxStore();
    const { outbox, log } = setup(store, async (p) => {
      if (p.chatId === 'x') throw new UnreachableError('ERROR_HTTP_503', 'Service Unavailable');
      return { state: 'done', ids: {} };
    });
    const snapshot = emptySnapshot('x', 'demo', 'ended');
    await outbox.enqueue(snapshot, 'ended');
    await outbox.enqueue({ ...snapshot, state: 'offline' }, 'offline'); // a later write of the same chat
    await outbox.enqueue(emptySnapshot('y', 'demo', 'ended'), 'ended');
    await outbox.drain();
    expect(log).toEqual(['plan x', 'send x', 'plan y', 'send y']); // x's second write waits behind its first
    expect((await outbox.entries()).map((e) => `${e.snapshot.chatId}:${e.trigger}:${e.state}`)).toEqual(['x:ended:pending', 'x:offline:pending', 'y:ended:done']);
    expect(await outbox.nextDue()).toBe((await outbox.entries())[0]!.nextAttemptAt);
  });

  it('takes a duplicate of its own earlier write for what it is: the plan landed, it is done', async () => {
    const landed: Record<string, Record<string, string>> = {};
    const { outbox } = setup(memoryOutboxStore(), async (p) => {
      // The browser sent the request again after a reset; Salesforce had the first one already.
      landed[p.chatId] = { record: '500D', person: '003D' };
      return { state: 'refused', errors: [{ ref: 'person', object: 'Contact', code: 'DUPLICATES_DETECTED', message: 'Use one of these records?', fields: [] }], duplicates: [{ ref: 'person', object: 'Contact', id: '003D' }] };
    }, { landed });
    await outbox.enqueue(emptySnapshot('twice', 'demo', 'ended'), 'ended');
    await outbox.drain();
    expect((await outbox.entries())[0]).toMatchObject({ state: 'done', ids: { record: '500D', person: '003D' } });
  });

  describe('a worker or browser that dies while a write is in flight', () => {
    /** The first worker sends and never hears back (it is stopped); a second one starts on the same store. */
    async function diesInFlight(store: OutboxStore, chatId: string) {
      const first = setup(store, () => new Promise<PlanOutcome>(() => undefined));
      await first.outbox.enqueue(emptySnapshot(chatId, 'demo', 'ended'), 'ended');
      void first.outbox.drain();
      await vi.waitFor(() => expect(first.log).toContain(`send ${chatId}`));
      expect((await store.get(`demo:${chatId}:ended`))?.unknownOutcome).toBe(true);
    }

    it('landed: the next worker finds it and never sends it again', async () => {
      const store = memoryOutboxStore();
      await diesInFlight(store, 'c9');
      const next = setup(store, async () => ({ state: 'done', ids: { record: 'WRONG' } }), { landed: { c9: { record: '500L' } } });
      await next.outbox.drain();
      expect(next.log).toEqual(['landed? c9']);
      expect(await store.get('demo:c9:ended')).toMatchObject({ state: 'done', ids: { record: '500L' }, unknownOutcome: false });
    });

    it('not landed: the next worker checks, then sends the stored plan once', async () => {
      const store = memoryOutboxStore();
      await diesInFlight(store, 'c10');
      const next = setup(store, async () => ({ state: 'done', ids: { record: '500N' } }));
      await next.outbox.drain();
      expect(next.log).toEqual(['landed? c10', 'send c10']);
      expect(await store.get('demo:c10:ended')).toMatchObject({ state: 'done', ids: { record: '500N' }, unknownOutcome: false });
    });

    it('an answer that says nothing was written (refused, session expired, not connected) needs no check next time', async () => {
      for (const error of [new SessionExpiredError('INVALID_SESSION_ID', 'expired'), new SalesforceError('FIELD_CUSTOM_VALIDATION_EXCEPTION', 'refused'), new UnreachableError(NOT_SENT, 'Not connected')]) {
        const store = memoryOutboxStore();
        let fail = true;
        const { outbox, log, later } = setup(store, async () => {
          if (fail) throw error;
          return { state: 'done', ids: {} };
        });
        await outbox.enqueue(emptySnapshot('c11', 'demo', 'ended'), 'ended');
        await outbox.drain();
        expect((await store.get('demo:c11:ended'))?.unknownOutcome).toBe(false);
        fail = false;
        later();
        await outbox.retry('demo:c11:ended');
        await outbox.drain();
        expect(log.filter((l) => l.startsWith('landed?'))).toEqual([]);
      }
    });
  });

  it('after the oldest chat is written, the others go several at a time (each chat still in order)', async () => {
    let inFlight = 0;
    let most = 0;
    const { outbox } = setup(memoryOutboxStore(), async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return { state: 'done', ids: {} };
    });
    for (let i = 0; i < 20; i++) await outbox.enqueue(emptySnapshot(`p${i}`, 'demo', 'ended'), 'ended');
    await outbox.drain();
    expect((await outbox.entries()).every((e) => e.state === 'done')).toBe(true);
    expect(most).toBe(PARALLEL_CHATS);
  });

  it('once the oldest chat is answered, the visitors of the others are identified together before their plans; an org that does not answer is not asked', async () => {
    let down = true;
    const { outbox, log } = setup(memoryOutboxStore(), async () => {
      if (down) throw new UnreachableError('NETWORK', 'cannot be reached');
      return { state: 'done', ids: {} };
    });
    for (let i = 0; i < 4; i++) await outbox.enqueue(emptySnapshot(`down${i}`, 'demo', 'ended'), 'ended');
    await outbox.drain();
    expect(log.slice(0, 2)).toEqual(['plan down0', 'send down0']);
    expect(log.some((l) => l.startsWith('identify'))).toBe(false);
    await outbox.hurryAll();
    down = false;
    log.length = 0;
    await outbox.drain();
    expect(log.slice(0, 3)).toEqual(['landed? down0', 'send down0', 'identify down1,down2,down3']);
    expect(log.filter((l) => l.startsWith('identify'))).toHaveLength(1);
    expect((await outbox.entries()).every((e) => e.state === 'done')).toBe(true);
  });

  it('when Salesforce answers again, writes waiting out a backoff from the outage go at once', async () => {
    const store = memoryOutboxStore();
    let down = true;
    const { outbox, clock } = setup(store, async () => {
      if (down) throw new UnreachableError('NETWORK', 'cannot be reached');
      return { state: 'done', ids: {} };
    });
    await outbox.enqueue(emptySnapshot('early', 'demo', 'ended'), 'ended');
    await outbox.drain(); // fails: waits 30 s
    clock.now += 10_000;
    await outbox.enqueue(emptySnapshot('late', 'demo', 'ended'), 'ended');
    down = false;
    await outbox.drain(); // "late" is written: "early" need not wait out its backoff
    expect((await outbox.entries()).map((e) => `${e.snapshot.chatId} ${e.state}`)).toEqual(['early done', 'late done']);
  });
});

describe('Outbox: the wrap-up after a chat', () => {
  const done = async () => ({ state: 'done', ids: { record: '500A' } }) as PlanOutcome;

  it('holds the write until the wrap-up time, even from a drain that runs meanwhile; then sends it as it is', async () => {
    const { outbox, log, clock, later } = setup(memoryOutboxStore(), done);
    await outbox.enqueue(emptySnapshot('w1', 'demo', 'ended'), 'ended', undefined, 7, clock.now + 120_000);
    await outbox.drain();
    expect(log).toEqual([]);
    // The alarm is set for the end of the wrap-up.
    expect(await outbox.nextDue()).toBe(clock.now + 120_000);
    // "Try now", a reconnect and another chat answered all leave it to the agent.
    await outbox.retry('demo:w1:ended');
    await outbox.hurryAll();
    await outbox.enqueue(emptySnapshot('w2', 'demo', 'ended'), 'ended');
    await outbox.drain();
    expect(log).toEqual(['plan w2', 'send w2']);
    later(120_000);
    await outbox.drain();
    expect(log).toEqual(['plan w2', 'send w2', 'plan w1', 'send w1']);
  });

  it('"Done" sends it at once with the disposition and notes, kept where a new worker finds them', async () => {
    const store = memoryOutboxStore();
    const { outbox, log, clock } = setup(store, done);
    await outbox.enqueue(emptySnapshot('w3', 'demo', 'ended'), 'ended', undefined, 7, clock.now + 120_000);
    await outbox.wrapUpDone('demo:w3:ended', { disposition: 'Resolved', notes: 'Password reset.' });
    // The worker died before its drain: the next one reads the wrap-up from the store.
    const next = setup(store, done);
    await next.outbox.drain();
    expect(next.log).toEqual(['plan w3', 'send w3']);
    expect((await store.get('demo:w3:ended'))!.wrapUp).toEqual({ until: 0, disposition: 'Resolved', notes: 'Password reset.' });
    expect(log).toEqual([]);
  });

  it('the console tab closing ends its wrap-ups (and only its own); an agent\'s chosen write waits the same', async () => {
    const { outbox, log, clock } = setup(memoryOutboxStore(), done);
    await outbox.enqueue(emptySnapshot('t7', 'demo', 'ended'), 'ended', undefined, 7, clock.now + 120_000);
    await outbox.enqueue(emptySnapshot('t8', 'demo', 'ended'), 'ended', undefined, 8, clock.now + 120_000);
    await outbox.choose(emptySnapshot('t9', 'demo'), { action: 'case', overrides: {} }, undefined, 7);
    expect(await outbox.release(emptySnapshot('t9', 'demo', 'ended'), 7, clock.now + 120_000)).toMatchObject({ wrapUp: { until: clock.now + 120_000 } });
    expect((await outbox.endWrapUps(7)).map((e) => e.snapshot.chatId).sort()).toEqual(['t7', 't9']);
    await outbox.drain();
    expect(log.filter((l) => l.startsWith('send')).sort()).toEqual(['send t7', 'send t9']);
  });
});

describe('Outbox: a chat that must be related to an account', () => {
  it('waits as needs attention, says why, and goes once the agent chose one', async () => {
    let account = false;
    const store = memoryOutboxStore();
    const outbox = new Outbox({
      store, plan: async () => { if (!account) throw new NoAccountError(); return plan('a1'); }, send: async () => ({ state: 'done', ids: { record: '500A' } }),
      landed: async () => null, usageAllows: async () => true, pause: { get: async () => 0, set: async () => undefined },
    });
    await outbox.enqueue(emptySnapshot('a1', 'demo', 'ended'), 'ended');
    await outbox.drain();
    expect(await store.get('demo:a1:ended')).toMatchObject({ state: 'needs_attention', errors: [{ code: NO_ACCOUNT }] });
    account = true;
    await outbox.retry('demo:a1:ended');
    await outbox.drain();
    expect(await store.get('demo:a1:ended')).toMatchObject({ state: 'done' });
  });

  it('keeps a written chat whole only as long as set: then its ids and times, no visitor, transcript or values; its end heard again writes nothing', async () => {
    const store = memoryOutboxStore();
    const withValues = (chatId: string): ActionPlan => ({ ...plan(chatId), steps: [{ ref: 'person', object: 'Contact', method: 'POST', values: { Email: 'ada@example.com', LastName: 'Lovelace' } }, { ref: 'record', object: 'Case', method: 'POST', values: { Description: 'Visitor: my card ends 4242' } }] });
    const { outbox, clock, later } = setup(store, async () => ({ state: 'done', ids: { person: '003000000000001AAA', record: '500000000000001AAA' } }), { plan: withValues });
    const chat = (id: string) => ({ ...emptySnapshot(id, 'demo', 'ended'), visitor: { email: 'ada@example.com' }, transcript: [{ role: 'visitor' as const, text: 'my card ends 4242' }] });
    await outbox.enqueue(chat('old'), 'ended');
    await outbox.drain();
    later(2 * 86_400_000);
    await outbox.enqueue(chat('new'), 'ended');
    await outbox.drain();
    await outbox.enqueue(chat('waits'), 'ended', undefined, undefined, clock.now + 3_600_000); // in wrap-up: not written yet
    expect(await outbox.trimWritten(86_400_000)).toBe(1);
    const old = (await store.get('demo:old:ended'))!;
    expect(old).toMatchObject({ state: 'done', trimmed: true, ids: { person: '003000000000001AAA', record: '500000000000001AAA' }, plan: { steps: [{ object: 'Contact', method: 'POST', values: {} }, { object: 'Case', method: 'POST', values: {} }] } });
    expect(JSON.stringify(old)).not.toMatch(/ada@example|4242|Lovelace/);
    expect(JSON.stringify(await store.get('demo:new:ended'))).toMatch(/4242/);
    expect(JSON.stringify(await store.get('demo:waits:ended'))).toMatch(/4242/);
    // Trimmed once: the next pass has nothing to do; the chat's end heard again is not written again.
    expect(await outbox.trimWritten(86_400_000)).toBe(0);
    expect(await outbox.enqueue(chat('old'), 'ended')).toMatchObject({ state: 'done', trimmed: true });
    await outbox.drain();
    expect((await store.all()).filter((e) => e.snapshot.chatId === 'old')).toHaveLength(1);
  });
});
