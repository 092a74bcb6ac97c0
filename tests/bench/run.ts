/**
 * `npm run bench [-- --json FILE]`: the figures of ../shared/BENCH.md that exist so far,
 * measured on this machine, printed as a table (and written as one JSON object).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { measureBundles } from './bundle';
import { measureEmulatorQueries } from './emulator';
import { measureScrape, measureScrapeLhc } from './scrape';
import { measureIdentify } from './identify';
import { measureChatEnd } from './chat-end';
import { measureOutbox } from './outbox';
import { measurePhones } from './phones';
import { measureEvents } from './events';
import { measureStorage } from './storage';
import { measurePresence } from './presence';
import { CHAT_KEY_FIELD } from '@/utils/plan/chat-key';
import { spawnSync } from 'node:child_process';

const GOALS: Record<string, string> = {
  'content.gzip_bytes': '≤ 20,000 (the console script; the panel is a page of its own)',
  'omni.gzip_bytes': 'track (the Omni-Channel relay, on Lightning pages only)',
  'transfer.gzip_bytes': 'track (injected only when the agent confirms a transfer)',
  'events.bytes_per_message.200': '≤ 2,048',
  'events.bytes_per_message.2000': '≤ 2,048 (flat)',
  'page.cpu_ms_per_message.200': '≤ 1',
  'page.cpu_ms_per_message.2000': '≤ 1 (flat)',
  'background.bytes': 'track; ≤ 1,600,000',
  'emulator.queries_per_s': '≥ 2,000',
  'identify.calls': '1',
  'identify.calls.baseline': '(measured)',
  'identify.cached.calls': '0',
  'identify.p50_ms': '',
  'identify.p95_ms': '≤ 130 (the round trip, 100, + 30)',
  'identify.p95_ms.baseline': '(measured)',
  'metadata.calls_per_100_chats': '0',
  'presence.owner_calls_per_100_chats': 'track (the routing line: one query per record owner a minute, where a console can transfer)',
  'chatEnd.calls': '1',
  'chatEnd.calls.baseline': '(measured)',
  'chatEnd.calls.without_chat_key': '2 (the write, one resend check)',
  'scrape.median_us': '≤ 1,000',
  'longtasks.count': '0',
  'scrape.lhc.median_us': '≤ 1,000 (a real LiveHelperChat\'s markup)',
  'longtasks.lhc.count': '0',
  'worker.wake_ms': '≤ 150',
  'outbox.drain_per_s': '≥ 15',
  'outbox.drain_calls_per_chat': '(the write, and a share of the identifications batched 8 chats a request)',
  'outbox.drain_per_s.without_chat_key': '(one more request a chat)',
  'storage.bytes_per_chat': '≤ 2,048 (1,000 written chats, once the days kept have passed)',
  'storage.bytes_per_chat.untrimmed': '(the same chats before)',
  'phones.lookups': '(every region × every pair of spellings)',
  'phones.found_pct': '≥ 99',
  'phones.wrong_record': '0',
  'presence.sync_ms.p50': '',
  'presence.sync_ms': 'p95; ≤ 500 (a change on one side seen on the other)',
  'presence.changes_timed': '',
  'presence.calls_per_hour_idle': '0',
  'phones.tied': '(same national spelling in two countries, no country on either: the agent is asked)',
};

const { values } = parseArgs({ options: { json: { type: 'string' } } });
const figures: Record<string, number> = {};
Object.assign(figures, measureBundles());
Object.assign(figures, await measureEmulatorQueries());
Object.assign(figures, measurePhones());
Object.assign(figures, await measureStorage());
// The browser figures need the loopback build (host access to the local demo console).
if (spawnSync('npx', ['wxt', 'build', '--mode', 'loopback'], { stdio: 'ignore' }).status !== 0) throw new Error('the loopback build failed');
Object.assign(figures, await measureScrape());
Object.assign(figures, await measureScrapeLhc());
Object.assign(figures, await measureEvents());
Object.assign(figures, await measureIdentify());
Object.assign(figures, await measureChatEnd());
Object.assign(figures, await measurePresence());
const CHAT_KEY = { externalIdField: { name: CHAT_KEY_FIELD.name, objects: [...CHAT_KEY_FIELD.objects] } };
Object.assign(figures, await measureOutbox({ org: CHAT_KEY }));
const withoutKey = await measureOutbox({ wakes: 1 });
figures['outbox.drain_per_s.without_chat_key'] = withoutKey['outbox.drain_per_s']!;
figures['outbox.drain_calls_per_chat.without_chat_key'] = withoutKey['outbox.drain_calls_per_chat']!;

const width = Math.max(...Object.keys(figures).map((k) => k.length));
console.log(`${'metric'.padEnd(width)}  ${'value'.padStart(12)}  goal`);
for (const [key, value] of Object.entries(figures)) {
  console.log(`${key.padEnd(width)}  ${value.toLocaleString('en-US').padStart(12)}  ${GOALS[key] ?? ''}`);
}
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`written to ${values.json}`);
}
process.exit(0);
