import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { useExtension } from '../setup';
import { demoVisitor } from '../pages/demo-console';
import { OPTIONS_URL, POPUP_URL } from '../pages/options';
import { PanelPage } from '../pages/panel';
import { BUILT_IN_ADAPTERS } from '../../../utils/adapters/registry';

const e2e = useExtension();
const demoAdapter = BUILT_IN_ADAPTERS.find((a) => a.name === 'demo')!;

/** Puts an adapter in the tester's box as an admin pasting it would (one input event). */
async function paste(options: Page, adapter: unknown) {
  await options.$eval('#adapter-test-json', (el, json) => {
    (el as HTMLTextAreaElement).value = json;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, JSON.stringify(adapter, null, 2));
}
/** Grace's chat open in the demo console (the panel has found her), and the options page's tester pointed at that tab. */
async function graceAndTester() {
  await e2e.emulator.reset({ data: 'scenarios' });
  const { page, demo, panel } = await e2e.openConnectedConsole();
  const chat = await demo.startChat(demoVisitor('Grace Hopper', 'grace.hopper@example.com'));
  await demo.openChat(chat);
  await demo.sendMessage(chat, 'agent', 'Let me look that up.');
  // The panel above the console's own visitor card grows as Salesforce answers: the admin starts once it has.
  await panel.find('[data-identity="found"]');
  const options = await e2e.harness.newPage(OPTIONS_URL);
  await options.waitForSelector('#adapter-tester');
  const tab = await options.$$eval('#adapter-test-tab option', (opts) => opts.find((o) => o.textContent === 'Demo Chat Console')?.getAttribute('value'));
  expect(tab, 'the console tab is offered').toBeTruthy();
  await options.select('#adapter-test-tab', tab!);
  return { page, demo, chat, options };
}
const row = (options: Page, path: string) => options.waitForSelector(`.tester-selectors tr[data-path="${path}"]`).then((r) => r!.evaluate((el) => ({ count: el.getAttribute('data-count'), text: (el as HTMLElement).innerText })));

describe('an admin maps a console with the adapter tester', () => {
  it('tries an adapter on the open console: what each selector finds (outlined on the page), the chat it reads; live as they edit; then uses it', async () => {
    const { harness } = e2e;
    const { page, options } = await graceAndTester();
    await options.select('#adapter-test-start', 'demo');
    await options.click('#adapter-test-run');
    await options.waitForSelector('.tester-report li[data-check="chat"]');
    const summary = await options.$eval('.tester-summary', (el) => (el as HTMLElement).innerText);
    expect(summary).toMatch(/URL patterns match this page[\s\S]*detect selector is on the page[\s\S]*Reads chat .+: \d+ messages?/);
    const messages = /: (\d+) message/.exec(summary)![1]!;
    expect(Number(messages)).toBeGreaterThanOrEqual(2); // the visitor's and the agent's at least
    expect(Number((await row(options, 'detect')).count)).toBeGreaterThan(0);
    expect((await row(options, 'transcript.message')).count).toBe(messages);
    expect(await options.$eval('.tester-messages', (el) => (el as HTMLElement).innerText)).toContain('Let me look that up.');
    expect(await options.$eval('.tester-snapshot', (el) => (el as HTMLElement).innerText)).toContain('grace.hopper@example.com');
    // What it found is outlined on the console itself.
    expect(await page.$$eval('[data-sf-adapter-test]', (els) => els.length)).toBeGreaterThan(2);
    await (await options.$('#adapter-tester'))!.scrollIntoView();
    await harness.screenshot(options, 'options-adapter-tester');

    // A typo the browser cannot read: named at once, nothing run.
    await paste(options, { ...demoAdapter, detect: '#demo-console[' });
    expect(await options.waitForSelector('[data-tester-problem]').then((p) => p!.evaluate((el) => el.textContent))).toBe('adapter "demo": detect: "#demo-console[" is not a valid CSS selector');
    // A selector the console's markup no longer has: found nothing, said so.
    await paste(options, { ...demoAdapter, name: 'demo-copy', label: 'Demo copy', fields: { ...demoAdapter.fields, 'visitor.email': { selector: '.renamed-email', read: 'text' } } });
    await options.waitForSelector('.tester-selectors tr[data-path="fields.visitor.email.selector"][data-count="0"]');
    expect((await row(options, 'fields.visitor.email.selector')).text).toContain('matches nothing');
    await harness.screenshot(options, 'options-adapter-tester-nothing');

    // "Use as a custom adapter": it goes into the custom adapters, saved like any setting.
    await options.click('#adapter-test-use');
    await options.waitForFunction(() => (document.querySelector('#custom-adapters') as HTMLTextAreaElement).value.includes('"demo-copy"'));
    expect(await options.$$eval('#consoles .setting .problem', (els) => els.map((e) => e.textContent))).toEqual([]);
    await options.click('#save');
    await options.waitForFunction(() => document.querySelector('.notice')?.textContent?.startsWith('Saved'), { timeout: 10_000 });
    const stored = await harness.inWorker(async () => ((await chrome.storage.local.get('settings')).settings as { consoles?: { custom?: { name: string }[] } }).consoles?.custom?.map((a) => a.name));
    expect(stored).toEqual(['demo-copy']);
  });

  it('points at the console: the e-mail clicked on the page, two messages for all of them; the selectors go into the adapter and are tried at once', async () => {
    const { harness } = e2e;
    const { page, demo, chat, options } = await graceAndTester();
    await demo.sendMessage(chat, 'visitor', 'Thanks!');
    // An adapter that knows where the chat is, but not yet where its e-mail and messages are.
    await paste(options, { ...demoAdapter, name: 'mapped', label: 'Mapped', fields: {}, transcript: { ...demoAdapter.transcript, message: '.nothing-yet' } });

    /** Chooses what to pick, clicks Pick, and clicks the console where these say, as an admin would. */
    const pickOn = async (target: string, ...points: (() => Promise<{ x: number; y: number }>)[]) => {
      await options.select('#adapter-pick-target', target);
      await options.click('#adapter-pick');
      await page.waitForSelector('[data-sf-picker]');
      // The options page brought the console's tab forward (puppeteer is told, so its input goes there), and a person clicks it.
      expect(await page.evaluate(() => document.visibilityState)).toBe('visible');
      await page.bringToFront();
      for (const point of points) {
        const { x, y } = await point();
        await page.mouse.click(x, y);
      }
      const done = await options.waitForFunction((t) => {
        const words = document.querySelector('#adapter-picked')?.textContent ?? '';
        return words.startsWith(`${t}: `) || words.startsWith('Cannot') ? words : '';
      }, {}, target);
      return (await done.jsonValue()) as string;
    };
    /** A point on an element in view: its middle, or just inside its top-left corner (a bubble's padding, not its text). */
    const at = (selector: string, i = 0, where: 'middle' | 'corner' = 'middle') => async () => {
      const el = (await page.$$(selector))[i]!;
      await el.scrollIntoView();
      // Where it stays: a person aims at what they see, after it stopped moving.
      let box = (await el.boundingBox())!;
      for (let still = 0; still < 2; ) {
        await new Promise((r) => setTimeout(r, 150));
        const now = (await el.boundingBox())!;
        still = now.y === box.y && now.x === box.x ? still + 1 : 0;
        box = now;
      }
      return where === 'corner' ? { x: box.x + 3, y: box.y + 3 } : { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    expect(await pickOn('fields.visitor.email', at('.visitor-card .visitor-email'))).toBe('fields.visitor.email: .visitor-email');
    await options.waitForSelector('.tester-selectors tr[data-path="fields.visitor.email.selector"][data-count="1"]');
    expect(await options.$eval('.tester-snapshot', (el) => (el as HTMLElement).innerText)).toContain('grace.hopper@example.com');

    // Two messages clicked (on the bubble, not its text): one selector for every message of the chat.
    const picked = await pickOn('transcript.message', at('.chat-pane .msg', 1, 'corner'), at('.chat-pane .msg', 2, 'corner'));
    const messages = await page.$$eval('.chat-pane .msg', (els) => els.length);
    await options.waitForSelector(`.tester-selectors tr[data-path="transcript.message"][data-count="${messages}"]`);
    expect(picked).toMatch(/^transcript\.message: .*\.msg$/);
    expect(JSON.parse(await options.$eval('#adapter-test-json', (el) => (el as HTMLTextAreaElement).value)).fields['visitor.email']).toEqual({ selector: '.visitor-email' });
    // The console never heard the clicks, and shows no trace of the picker.
    expect(await page.$('[data-sf-picker]')).toBeNull();
    await harness.screenshot(options, 'options-adapter-picked');
  });

  it("keeps the console's page in two states (the chat open, then ended) and checks an adapter on both at once, again as it is edited", async () => {
    const { harness } = e2e;
    const { page, demo, options } = await graceAndTester();
    /** Clicks a button where a person sees it (the page's fixed Save bar covers the bottom of the window). */
    const press = async (selector: string) => {
      await options.$eval(selector, (el) => el.scrollIntoView({ block: 'center' }));
      await options.click(selector);
    };
    const keep = async (count: number) => {
      await press('#adapter-sample-keep');
      await options.waitForFunction((n) => document.querySelector('#adapter-tester [role="status"]')?.textContent?.includes(n === 1 ? '(1 page kept)' : `(${n} pages kept)`), {}, count);
    };
    await keep(1);
    // The chat ends in the console's tab; the admin comes back to the options page.
    await page.bringToFront();
    await demo.endOpenChat();
    await options.bringToFront();
    await keep(2);
    await options.select('#adapter-test-start', 'demo');
    await press('#adapter-sample-check');
    const rows = async () => options.$$eval('#adapter-samples tbody tr', (trs) => trs.map((tr) => ({ chat: tr.querySelector('[data-chat]')!.textContent, nothing: tr.querySelector('[data-nothing]')!.textContent })));
    await options.waitForSelector('#adapter-samples tbody tr');
    const [ended, open] = await rows();
    expect(ended!.chat).toMatch(/: \d+ messages?, ended$/);
    expect(open!.chat).toMatch(/: \d+ messages?$/);
    // A renamed message selector fails on every kept page, at once.
    await paste(options, { ...demoAdapter, transcript: { ...demoAdapter.transcript, message: '.renamed-message' } });
    await options.waitForFunction(() => [...document.querySelectorAll('#adapter-samples [data-nothing]')].every((td) => td.textContent?.includes('transcript.message')));
    expect((await rows()).map((r) => r.chat)).toEqual([expect.stringMatching(/: 0 messages/), expect.stringMatching(/: 0 messages/)]);
    await (await options.$('#adapter-samples'))!.scrollIntoView();
    await harness.screenshot(options, 'options-adapter-samples');
    await press('#adapter-sample-keep + button + button');
    await options.waitForSelector('#adapter-sample-check[disabled]');
  });

  it('a custom adapter whose selector the browser cannot read is named on the options page and left out on the console; the others still work', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const broken = { ...demoAdapter, name: 'broken', label: 'Broken', detect: 'main[data-console=' };
    const copy = { ...demoAdapter, name: 'demo-copy', label: 'Demo copy' };
    // The built-in is off: the broken adapter is the first the console script meets on this page.
    const { page } = await e2e.openConnectedConsole({ settings: { consoles: { builtIn: { demo: { enabled: false, matches: demoAdapter.matches } }, custom: [broken, copy] } } });
    await new PanelPage(page).frame();
    const options = await harness.newPage(OPTIONS_URL);
    const problem = await options.waitForSelector('[data-unreadable-selector]');
    expect(await problem!.evaluate((el) => el.textContent)).toBe('adapter "broken": detect: "main[data-console=" is not a valid CSS selector (this adapter is left out on the consoles until it is fixed)');
  });

  it("an adapter whose detect never matches on its console's page is named in the popup and the options page, with the selector", async () => {
    const { harness } = e2e;
    const renamed = { ...demoAdapter, name: 'renamed', label: 'Renamed console', detect: '[data-renamed-console]' };
    await harness.useSettings({ consoles: { builtIn: { demo: { enabled: false, matches: demoAdapter.matches } }, custom: [renamed] } });
    await harness.newPage(e2e.consoleUrl);
    // The console script gives a console 10 s to appear, then says it did not (no polling before that).
    const words = "Renamed console may have changed its page. Not matching: detect ([data-renamed-console]).";
    let shown = '';
    for (const started = Date.now(); !shown.includes(words) && Date.now() - started < 20_000; ) {
      const popup = await harness.newPage(POPUP_URL);
      await popup.waitForSelector('.queue, .empty');
      shown = await popup.$$eval('[data-console-health="not_recognised"]', (els) => els.map((e) => (e as HTMLElement).innerText).join('\n'));
      if (shown.includes(words)) {
        await popup.setViewport({ width: 380, height: 600 });
        await harness.screenshot(popup, 'popup-console-undetected');
      }
      await popup.close();
      if (!shown) await new Promise((r) => setTimeout(r, 1_000));
    }
    expect(shown).toContain("This console's layout is not recognised: nothing will be written automatically.");
    expect(shown).toContain(words);
    const options = await harness.newPage(OPTIONS_URL);
    const problem = await options.waitForSelector('#consoles [data-console-health="not_recognised"]');
    expect(await problem!.evaluate((el) => el.textContent)).toContain(words);
  });
});
