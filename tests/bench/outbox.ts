import { consoleThroughProxy, inBenchBrowser } from './environment';
import type { OrgSettings } from '../salesforce-emulator/metadata/org-settings';
import { demoVisitor } from '../e2e/pages/demo-console';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * worker.wake_ms: the worker stopped (as Chrome stops an idle one), a chat starts in the console:
 * the time until the first Salesforce request reaches the emulator (median of `wakes`).
 *
 * outbox.drain_per_s: `chats` chats end while Salesforce refuses connections (a real proxy in
 * front of the emulator, 100 ms round trip); once it is back, the agent presses "Try now" on one
 * of them: chats written per second, from the first write request to the last answer, and the
 * Salesforce requests it took per chat. The visitors are identified anew (the identification at
 * chat start failed in the outage): the oldest chat's alone, the others' together. In an org with
 * the Chat_Key__c field unless `org` says otherwise.
 */
export async function measureOutbox({ chats = 60, wakes = 7, org }: { chats?: number; wakes?: number; org?: OrgSettings } = {}): Promise<Record<string, number>> {
  return inBenchBrowser('scenarios', async (env) => {
    const { emulator } = env;
    const { proxy, harness, panel, demo: console_, list } = await consoleThroughProxy(env);
    try {
      // A first chat fetches the org's metadata and the agent's user, as on any first day.
      const first = await console_.startChat(demoVisitor('Warm Up', 'warm.up@bench.example'));
      await panel.find('[data-identity="not_found"]');
      await console_.endChat(first);
      await panel.settledWrite(first, 30_000);

      const wake: number[] = [];
      for (let i = 0; i < wakes; i++) {
        await harness.stopWorker();
        const before = emulator.apiCalls().length;
        const started = Date.now();
        await console_.openChat(await console_.startChat(demoVisitor(`Wake ${i}`, `wake.${i}@bench.example`)));
        for (let t = Date.now(); emulator.apiCalls().length === before; ) {
          if (Date.now() - t > 10_000) throw new Error('no Salesforce request after the worker woke');
          await new Promise((r) => setTimeout(r, 2));
        }
        wake.push(emulator.apiCalls()[before]!.at - started);
      }

      await harness.clearOutbox();
      emulator.latency = { rttMs: 100, jitterMs: 0 };
      await proxy.refuse();
      const ended: string[] = [];
      for (let i = 0; i < chats; i++) {
        const chat = await console_.startChat(demoVisitor(`Outage ${i}`, `outage.${i}@bench.example`));
        await console_.openChat(chat);
        await panel.find(`.visitor[data-chat-id="${chat}"]`);
        await console_.endChat(chat);
        ended.push(chat);
        // The demo adapter reads a chat's end from its pane only: the next chat must not take the pane first.
        await panel.find(`.visitor[data-chat-id="${chat}"]`);
        for (let t = Date.now(); !(await list()).some((e) => e.chatId === chat); ) {
          if (Date.now() - t > 10_000) throw new Error(`the end of ${chat} never reached the outbox`);
          await new Promise((r) => setTimeout(r, 20));
        }
      }
      for (let t = Date.now(); ; ) {
        const items = await list();
        if (items.length === chats && items.every((e) => e.attempts >= 1)) break;
        if (Date.now() - t > 60_000) {
          const missing = ended.filter((c) => !items.some((e) => e.chatId === c));
          const events = (await panel.backgroundEvents()).filter((e) => missing.includes(e.chatId)).map((e) => `${e.type} ${e.chatId} ${e.snapshot.state}`);
          throw new Error(`the outage did not reach every chat: ${items.length} of ${chats}; missing ${missing.join(', ')} (of ${ended.length}); its events: ${events.join(', ')}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      await proxy.restore();
      emulator.log = [];
      const oldest = (await list())[0]!;
      await panel.send({ command: 'outbox.retry', payload: { id: oldest.id } });
      for (let t = Date.now(); ; ) {
        const items = await list();
        if (items.every((e) => e.state === 'done')) break;
        if (Date.now() - t > 120_000) throw new Error(`the drain did not finish: ${items.filter((e) => e.state !== 'done').length} left`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const requests = emulator.apiCalls();
      const span = Math.max(...requests.map((r) => r.at + r.ms)) - Math.min(...requests.map((r) => r.at));
      return { 'worker.wake_ms': median(wake), 'outbox.drain_per_s': Math.round((chats / (span / 1000)) * 10) / 10, 'outbox.drain_calls_per_chat': Math.round((requests.length / chats) * 100) / 100 };
    } finally {
      await proxy.close();
    }
  }, org);
}
