import { Connection } from 'jsforce';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { inBenchBrowser } from './environment';
import { ExtensionHarness } from '../e2e/harness/extension';
import { PanelPage } from '../e2e/pages/panel';
import { baselineChatEnd } from './baseline';
import { CHAT_KEY_FIELD } from '@/utils/plan/chat-key';
import type { OrgSettings } from '../salesforce-emulator/metadata/org-settings';

/**
 * chatEnd.calls (+ baseline): the requests the extension makes between a chat ending in the demo
 * console and its write being done, for a new visitor (contact + case) and for a found lead
 * (task), each after the chat's identification, in an org with the Chat_Key__c field (its writes
 * are upserts); the baseline writes the same one record at a time. chatEnd.calls.without_chat_key:
 * the same in an org without it, where one query after each write looks for a browser resend.
 */
export async function measureChatEnd(rounds = 5): Promise<Record<string, number>> {
  const withKey = await measureIn({ externalIdField: { name: CHAT_KEY_FIELD.name, objects: [...CHAT_KEY_FIELD.objects] } }, rounds);
  const without = await measureIn(undefined, rounds);
  return { 'chatEnd.calls': withKey['chatEnd.calls']!, 'chatEnd.calls.baseline': withKey['chatEnd.calls.baseline']!, 'chatEnd.calls.without_chat_key': without['chatEnd.calls']! };
}

async function measureIn(org: OrgSettings | undefined, rounds: number): Promise<Record<string, number>> {
  return inBenchBrowser('scenarios', async ({ emulator, demoUrl, browser }) => {
    const token = emulator.issueToken('ana.agent@example.com');
    const harness = new ExtensionHarness(browser);
    await harness.consoleScriptReady();
    await harness.useSalesforceSession({ instanceUrl: token.instanceUrl, accessToken: token.accessToken });
    const page = await harness.newPage(demoUrl);
    const panel = new PanelPage(page);
    await panel.waitForState('connected');
    await page.evaluate('globalThis.__name = (fn) => fn');

    const api = <T>(fn: string, ...args: unknown[]) => page.evaluate((f, a) => (window as never as { demoConsole: Record<string, (...x: unknown[]) => unknown> }).demoConsole[f]!(...a), fn, args) as Promise<T>;
    /** One chat from start to written; the requests after it ended. */
    const chatEnd = async (visitor: Record<string, unknown>, action: string) => {
      await harness.useSettings({ automation: { ended: { action, strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } } });
      const id = await api<string>('startChat', { visits: 1, chats: 0, session: { country: 'US' }, preChat: {}, custom: {}, firstMessage: 'Hello', phone: '', ...visitor });
      await api('selectChat', id);
      await panel.find(`.visitor[data-chat-id="${id}"]`);
      await panel.find('[data-identity="found"], [data-identity="not_found"]');
      const before = emulator.apiCalls().length;
      await api('endChat', id);
      const entry = await panel.settledWrite(id, 60_000);
      if (entry.state !== 'done') throw new Error(`chat end not written: ${JSON.stringify(entry)}`);
      return emulator.apiCalls().length - before;
    };

    // The agent's owner lookup and the org's metadata happen once: warm them with a first chat.
    await chatEnd({ name: 'Warm Up', email: 'warm.up@bench.example' }, 'contactCase');
    const ours: number[] = [];
    for (let i = 0; i < rounds; i++) {
      ours.push(await chatEnd({ name: `New Visitor ${i}`, email: `new.${i}@bench.example` }, 'contactCase'));
      ours.push(await chatEnd({ name: 'Chloé Dubois', email: 'chloe.dubois@example.com' }, 'leadTask'));
    }

    const conn = new Connection({ instanceUrl: token.instanceUrl, accessToken: token.accessToken, version: '62.0' });
    const lead = emulator.records('Lead').find((l) => l.Email === 'chloe.dubois@example.com')!;
    const baseline: number[] = [];
    for (let i = 0; i < rounds; i++) {
      for (const [visitor, found] of [[{ name: `Base ${i}`, email: `base.${i}@bench.example` }, null], [{ name: 'Chloé', email: 'chloe.dubois@example.com' }, { id: lead.Id, type: 'Lead' }]] as const) {
        const before = emulator.apiCalls().length;
        await baselineChatEnd(conn, { ...emptySnapshot('b', 'demo'), visitor }, found);
        baseline.push(emulator.apiCalls().length - before);
      }
    }
    return { 'chatEnd.calls': Math.max(...ours), 'chatEnd.calls.baseline': Math.max(...baseline) };
  }, org);
}
