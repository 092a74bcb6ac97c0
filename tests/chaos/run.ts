/**
 * `npm run chaos [-- --chats 200 --seed 1 --clock-ahead 15]`: the full storm (tests/chaos/chaos.ts), one line of
 * result, and a failing exit code when a chat was lost or written twice. Needs a loopback build.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXTENSION_DIR } from '../e2e/harness/paths';
import { chaosLine, CLOCK_AHEAD_MINUTES, runChaos } from './chaos';

const { values } = parseArgs({ options: { chats: { type: 'string', default: '200' }, seed: { type: 'string', default: '1' }, 'clock-ahead': { type: 'string', default: String(CLOCK_AHEAD_MINUTES) } } });
if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
  console.error('No extension build: run `npm run build:loopback` first.');
  process.exit(2);
}
const result = await runChaos({ chats: Number(values.chats), seed: Number(values.seed), clockAheadMinutes: Number(values['clock-ahead']), log: (line) => console.error(line) });
console.error(`chaos: events ${Object.entries(result.events).map(([k, v]) => `${k}×${v}`).join(', ')}; ${result.seconds} s; needs attention shown in the popup: ${result.shownInPopup}/${result.needsAttention} (expected ${result.expectedNeedsAttention})`);
console.log(chaosLine(result));
const ok = result.clockAheadMinutes === Number(values['clock-ahead']) && result.duplicates === 0 && result.lost === 0 && result.needsAttention === result.expectedNeedsAttention && result.shownInPopup === result.needsAttention;
process.exit(ok ? 0 : 1);
