/**
 * `npm run chaos:outage [-- --chats 100 --minutes 2]`: Salesforce unreachable (a real proxy
 * refusing connections) while `chats` chats end over `minutes`; then it comes back and nobody
 * presses anything: the retry alarm alone must write every chat, once. Prints how long after the
 * return the last chat was written, and exits non-zero when one was lost or written twice.
 * Needs a loopback build.
 */
import { parseArgs } from 'node:util';
import type { OutboxItem } from '@/utils/messages/protocol';
import { consoleThroughProxy, inBenchBrowser } from '../bench/environment';
import { demoVisitor } from '../e2e/pages/demo-console';

const { values } = parseArgs({ options: { chats: { type: 'string', default: '100' }, minutes: { type: 'string', default: '2' } } });
const chats = Number(values.chats);
const outageMs = Number(values.minutes) * 60_000;

const line = await inBenchBrowser('scenarios', async (env) => {
  const { emulator } = env;
  const { proxy, panel, demo, list } = await consoleThroughProxy(env);
  try {
    const started = Date.now();
    await proxy.refuse();
    for (let i = 0; i < chats; i++) {
      const chat = await demo.startChat(demoVisitor(`Outage ${i}`, `outage.${i}@example.org`));
      await demo.openChat(chat);
      await panel.find(`.visitor[data-chat-id="${chat}"]`);
      await demo.endChat(chat);
      await panel.find(`.visitor[data-chat-id="${chat}"]`);
      // Spread over the outage, as chats end in a contact centre.
      const due = started + ((i + 1) * outageMs) / chats;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    }
    await proxy.restore();
    const back = Date.now();
    console.error(`outage: ${chats} chats ended in ${Math.round((back - started) / 1000)} s of refused connections; Salesforce is back, nobody presses "Try now"`);
    let items: OutboxItem[] = [];
    for (;;) {
      items = await list();
      if (items.length === chats && items.every((e) => e.state === 'done')) break;
      if (Date.now() - back > 40 * 60_000) break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const lastWrite = Math.max(...emulator.apiCalls().filter((c) => c.method !== 'GET').map((c) => c.at + c.ms));
    const cases = emulator.records('Case');
    let duplicates = 0;
    let lost = 0;
    for (let i = 0; i < chats; i++) {
      const n = cases.filter((c) => c.SuppliedEmail === `outage.${i}@example.org`).length;
      duplicates += Math.max(0, n - 1);
      lost += n ? 0 : 1;
    }
    return { text: `outage: chats=${chats} written=${chats - lost} duplicates=${duplicates} lost=${lost} last_written_after_return_s=${Math.round((lastWrite - back) / 1000)} not_done=${items.filter((e) => e.state !== 'done').length}`, ok: !duplicates && !lost };
  } finally {
    await proxy.close();
  }
});
console.log(line.text);
process.exit(line.ok ? 0 : 1);
