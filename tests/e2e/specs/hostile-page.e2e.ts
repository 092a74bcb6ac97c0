import { describe, expect, it } from 'vitest';
import { useExtension } from '../setup';
import { demoVisitor } from '../pages/demo-console';
import { EXTENSION_ID } from '../harness/paths';
import { PanelPage } from '../pages/panel';

const e2e = useExtension();

/**
 * The console page is hostile: it renders visitor text and loads third-party scripts. Every
 * attack here runs in the page's own JavaScript (the main world), as an XSS, a session-replay
 * script or another extension's injected script would, with the panel showing a real record.
 */
describe('a hostile script on the console page', () => {
  it('cannot read the panel, act through it, message the extension or reach its storage', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    // Planted before any script of the page runs: the page's own attachShadow and frame getters
    // would hand it the panel's shadow root or frame window if the console script used them.
    const planted = async (page: import('puppeteer').Page) => page.evaluateOnNewDocument(() => {
      const stolen: unknown[] = ((window as never as { stolen: unknown[] }).stolen = []);
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, init);
        stolen.push(root);
        return root;
      };
      const frameWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
      Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', { get() { const w = frameWindow.get!.call(this); stolen.push(w); return w; } });
    });
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: {} });
    await planted(page);
    await page.reload();
    await panel.waitForState('connected');
    const chat = await demo.startChat(demoVisitor('Grace Hopper', 'grace.hopper@example.com'));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"] [data-fields="Contact"]');
    expect(await panel.text()).toContain('Rear Admiral'); // the agent sees Grace's record
    await harness.screenshot(page, 'hostile-page-panel-shown');
    await emulator.clearLog();

    const seen = await page.evaluate(async (extensionId) => {
      const out: Record<string, unknown> = {};
      const host = document.querySelector('sf-chat-panel') as HTMLElement;
      // Read: the host is all the page gets; its shadow root is closed, and nothing stole it.
      out.pageText = document.documentElement.innerText.includes('Rear Admiral');
      out.shadowRoot = host.shadowRoot;
      out.stolen = (window as never as { stolen: unknown[] }).stolen.length;
      out.framesInDom = document.querySelectorAll('iframe').length;
      try {
        host.attachShadow({ mode: 'open' });
        out.attach = 'attached';
      } catch (error) {
        out.attach = (error as Error).name;
      }
      // Through window.frames, if the frame is listed there: another origin, nothing to read.
      const reads: string[] = [];
      for (let i = 0; i < window.frames.length; i++) {
        try {
          reads.push(String((window.frames[i] as Window).document.body.innerText));
        } catch (error) {
          reads.push((error as Error).name);
        }
        // Commands posted into the frame, shaped like the extension's own.
        (window.frames[i] as Window).postMessage({ command: 'salesforce.search', payload: { text: 'example.com' } }, '*');
        (window.frames[i] as Window).postMessage({ type: 'panel.chat', tabId: 0, snapshot: null }, '*');
      }
      out.frameReads = reads;
      // Act: synthetic clicks and keys wherever the panel is, and on the host.
      const box = host.getBoundingClientRect();
      for (let y = box.top + 5; y < box.bottom; y += 20) {
        for (let x = box.left + 5; x < box.right; x += 40) {
          const target = document.elementFromPoint(x, y);
          target?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
        }
      }
      host.focus();
      for (const key of ['Tab', 'Enter', ' ', 'e']) host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      out.elementAtPanel = document.elementFromPoint(box.left + box.width / 2, box.top + 20)?.tagName;
      // Message the extension: the page has no channel (no externally_connectable).
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } }).chrome?.runtime;
      out.runtime = typeof runtime?.sendMessage;
      out.fetchPanel = await fetch(`chrome-extension://${extensionId}/panel.html`).then(() => 'read', (error) => (error as Error).name);
      await new Promise((r) => setTimeout(r, 1_000));
      return out;
    }, EXTENSION_ID);
    expect(seen).toMatchObject({
      pageText: false, shadowRoot: null, stolen: 0, framesInDom: 0, attach: 'NotSupportedError', elementAtPanel: 'SF-CHAT-PANEL', runtime: 'undefined', fetchPanel: 'TypeError',
    });
    // The frame sits in a closed shadow root: window.frames does not list it, so nothing can even be posted to it.
    expect(seen.frameReads).toEqual([]);
    // Nothing the page did reached Salesforce: no search, no edit, no lookup.
    expect(await emulator.apiCalls()).toEqual([]);
    const grace = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    expect(grace.Title).toBe('Rear Admiral');
    expect(await panel.text()).toContain('Rear Admiral'); // and the panel is still the agent's

    // The content script's own realm (an isolated world on the console page) cannot reach the
    // refresh token, the client secret or the settings: storage.local is for trusted contexts.
    const realm = page.extensionRealms()[0]!;
    const storage = await realm.evaluate(async () => {
      const attempt = (run: () => Promise<unknown>) => run().then(() => 'allowed', (error: Error) => error.message);
      return {
        read: await attempt(() => chrome.storage.local.get(null)),
        write: await attempt(() => chrome.storage.local.set({ settings: { connection: { myDomain: 'evil.example' } } })),
        session: await attempt(() => chrome.storage.session.get(null)),
      };
    });
    expect(storage.read).toMatch(/Access to storage is not allowed from this context/);
    expect(storage.write).toMatch(/Access to storage is not allowed from this context/);
    expect(storage.session).toMatch(/Access to storage is not allowed from this context/);
  });

  it('cannot stop the console script with the message WXT uses to retire an old copy of it: the chat\'s end is still written', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const automation = { automation: { ended: { action: 'contactTask', strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } } };
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: automation });
    const chat = await demo.startChat(demoVisitor('Grace Hopper', 'grace.hopper@example.com'));
    await panel.waitForVisitor(chat);
    // WXT logs the retirement with console.debug; the content script's world, seen through
    // puppeteer, has an empty console (a real browser's has its methods): give it the method.
    await page.extensionRealms()[0]!.evaluate(() => void ((console as { debug?: unknown }).debug ??= () => undefined));
    // The page knows the extension id (it is pinned) and WXT's message shape.
    await page.evaluate((extensionId) => {
      for (const name of ['console', 'console.content']) {
        window.postMessage({ type: `${extensionId}:${name}:wxt:content-script-started`, contentScriptName: name, messageId: 'first' }, '*');
        window.postMessage({ type: `${extensionId}:${name}:wxt:content-script-started`, contentScriptName: name, messageId: `kill-${name}` }, '*');
      }
    }, EXTENSION_ID);
    await new Promise((r) => setTimeout(r, 300));
    await demo.sendMessage(chat, 'visitor', 'Still there?');
    await demo.endChat(chat);
    const entry = await panel.settledWrite(chat);
    expect(entry.state).toBe('done');
    const grace = (await emulator.records('Contact')).find((c) => c.Email === 'grace.hopper@example.com')!;
    const tasks = (await emulator.records('Task')).filter((t) => t.WhoId === grace.Id);
    expect(tasks).toHaveLength(1);
    expect(String(tasks[0]!.Description)).toContain('Still there?');
  });

  it('a page that floods the console with chats spends a bounded number of requests', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, demo } = await e2e.openConnectedConsole();
    await emulator.clearLog();
    const started = Date.now();
    // 200 visitors with e-mails of the page's choice, each opened in turn as fast as the page can.
    await page.evaluate(async () => {
      const api = (window as never as { demoConsole: { startChat: (v: unknown) => string; selectChat: (id: string) => void } }).demoConsole;
      for (let i = 0; i < 200; i++) {
        const id = api.startChat({ name: `Probe ${i}`, email: `probe${i}@example.com`, phone: '', visits: 1, chats: 0, session: {}, preChat: {}, custom: {}, firstMessage: 'x' });
        api.selectChat(id);
        await new Promise((r) => setTimeout(r, 10));
      }
    });
    await new Promise((r) => setTimeout(r, 2_000));
    const seconds = (Date.now() - started) / 1000;
    const identifications = (await emulator.apiCalls()).length;
    // The tab's burst (60) and its refill (2 a second): never one request per probe.
    expect(identifications).toBeLessThanOrEqual(60 + Math.ceil(2 * seconds));
    expect(identifications).toBeGreaterThan(0);
    console.info(`flood: ${identifications} requests for 200 chats in ${seconds.toFixed(1)} s`);
    // The tab's last chat is still looked up once the burst has passed (the agent's next chat works).
    await new Promise((r) => setTimeout(r, 3_000));
    await emulator.clearLog();
    const chat = await demo.startChat(demoVisitor('Grace Hopper', 'grace.hopper@example.com'));
    await demo.openChat(chat);
    await new PanelPage(page).waitForVisitor(chat);
    await new PanelPage(page).find('[data-identity="found"]');
  });
});
