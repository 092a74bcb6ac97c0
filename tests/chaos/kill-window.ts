/**
 * `npm run chaos:kill-window [-- --trials 5]`: how long after a chat ends the browser may be
 * SIGKILLed without losing it. For each delay, a chat ends in the demo console, the browser is
 * killed that many milliseconds after the click, then started again on the same profile, and the
 * outbox is asked whether it kept the chat. Prints one line per delay: kept/trials.
 * Needs a loopback build. No Salesforce is needed: a chat's end is stored before any request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDemoConsole } from '../consoles/demo/server';
import { demoVisitor } from '../e2e/pages/demo-console';
import type { OutboxItem } from '@/utils/messages/protocol';
import { command, killBrowser, open } from './chaos';

const { values } = parseArgs({ options: { trials: { type: 'string', default: '5' }, delays: { type: 'string', default: '0,5,10,20,35,50,100' } } });
const trials = Number(values.trials);
const delays = values.delays.split(',').map(Number);
const consoleServer = await startDemoConsole();
try {
  for (const delay of delays) {
    let kept = 0;
    for (let t = 0; t < trials; t++) {
      const profile = mkdtempSync(join(tmpdir(), 'sf-panel-kill-'));
      try {
        let session = await open(profile, consoleServer.url);
        await session.harness.useSettings({ automation: { ended: { action: 'contactCase', strategy: 'none' } } });
        const chat = await session.demo.startChat(demoVisitor(`Kill ${delay}-${t}`, `kill-${delay}-${t}@example.org`));
        await session.demo.openChat(chat);
        await session.panel.find('[data-identity], .status[data-state]');
        await new Promise((r) => setTimeout(r, 300)); // the start is heard; only the end is in question
        await session.demo.endOpenChat();
        await new Promise((r) => setTimeout(r, delay));
        await killBrowser(session.browser);
        session = await open(profile, consoleServer.url);
        const entries = await command<OutboxItem[]>(session.control, 'outbox.list', { chatId: chat });
        if (entries.length) kept++;
        await session.browser.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    }
    console.log(`kill-window: SIGKILL ${delay} ms after the chat ended: kept ${kept}/${trials}`);
  }
} finally {
  await consoleServer.close();
}
