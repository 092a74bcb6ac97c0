import { afterAll, describe, expect, it } from 'vitest';
import { useExtension } from '../setup';
import { applyPolicy } from '../harness/policy';
import { demoVisitor } from '../pages/demo-console';
import { OptionsPage, OPTIONS_URL, POPUP_URL } from '../pages/options';
import { BUILT_IN_ADAPTERS } from '../../../utils/adapters/registry';

const e2e = useExtension();

/** What an admin pushes: the chat-end action, a Case mapping, and one value the extension does not know. */
const POLICY = {
  automation: {
    ended: { action: 'contactCase', strategy: 'none' },
    offline: { action: 'deleteEverything', strategy: 'none' },
  },
  mapping: {
    Case: [
      { sfField: 'SuppliedName', chatField: 'visitor.name' },
      { sfField: 'SuppliedEmail', chatField: 'visitor.email' },
      { sfField: 'SuppliedCompany', chatField: 'preChat.department' },
      { sfField: 'Description', chatField: 'chat.transcript' },
    ],
  },
};

describe('enterprise policy (a JSON file in /etc/chromium/policies/managed)', () => {
  afterAll(() => applyPolicy(e2e.harness, null));

  it('sets the automatic action and a mapping, shown locked; the write path obeys; an invalid value is reported, not fatal', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    // The agent had chosen "Do nothing" locally: policy wins.
    await harness.useSettings({ automation: { ended: { action: 'nothing', strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } } });
    await applyPolicy(harness, POLICY);

    const options = new OptionsPage(await harness.newPage(OPTIONS_URL));
    await options.ready();
    expect(await options.text('#policy-banner')).toContain('enterprise policy');
    expect(await options.text('[data-setting="automation.ended"] .lock')).toContain('Set by your administrator');
    expect(await options.page.$eval('[data-setting="automation.ended"] select', (el) => [(el as HTMLSelectElement).value, (el as HTMLSelectElement).disabled])).toEqual(['contactCase', true]);
    // The invalid policy value: reported with its source, the local value used instead.
    expect(await options.text('#problems')).toMatch(/automation\.offline \(enterprise policy\)/);
    expect(await options.page.$eval('[data-setting="automation.offline"] select', (el) => (el as HTMLSelectElement).disabled)).toBe(false);
    await options.page.click('#mapping .tab:nth-child(4)'); // Case
    expect(await options.text('[data-setting="mapping.Case"] .lock')).toContain('Set by your administrator');
    await options.page.evaluate(() => window.scrollTo(0, 0));
    await harness.screenshot(options.page, 'options-policy-locked');
    const popup = await harness.newPage(POPUP_URL);
    await popup.waitForSelector('#popup-problems');
    expect(await popup.$eval('#popup-problems', (el) => (el as HTMLElement).innerText)).toContain('When an offline message arrives');

    // The write path: a chat ends, a contact and its case are written, the case by the policy's mapping.
    const { panel, demo } = await e2e.openConnectedConsole({ settings: { automation: { ended: { action: 'nothing', strategy: 'none' } } } });
    const chat = await demo.startChat(demoVisitor('Mary Jackson', 'mary.jackson@nasa.example', { preChat: { Department: 'Langley Research' } }));
    await panel.waitForVisitor(chat);
    await demo.endOpenChat();
    const entry = await panel.settledWrite(chat);
    expect(entry).toMatchObject({ state: 'done', steps: [{ object: 'Contact' }, { object: 'Case' }] });
    const written = (await emulator.records('Case')).find((c) => c.Id === entry.ids.record)!;
    expect(written).toMatchObject({ SuppliedEmail: 'mary.jackson@nasa.example', SuppliedCompany: 'Langley Research' });
  });

  it("takes the custom consoles as one JSON text: an adapter with a wrongly typed value is named on the options page, the other maps the console", async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const demo = BUILT_IN_ADAPTERS.find((a) => a.name === 'demo')!;
    // "matches" as one string instead of a list: typed in the policy, Chrome would withhold it without a word.
    const typo = { ...demo, name: 'acme-typo', label: 'Acme (typo)', matches: 'http://127.0.0.1/*' };
    const copy = { ...demo, name: 'acme', label: 'Acme chat' };
    await applyPolicy(harness, { consoles: { builtIn: { demo: { enabled: false, matches: demo.matches } }, customJson: JSON.stringify([typo, copy]) } });
    const options = new OptionsPage(await harness.newPage(OPTIONS_URL));
    await options.ready();
    expect(await options.text('#problems')).toMatch(/consoles\.customJson \(enterprise policy\)[\s\S]*adapter "acme-typo": matches: [\s\S]*item 1, left out: the others apply/);
    // The console is read through the other adapter.
    const { panel } = await e2e.openConnectedConsole();
    expect(await panel.waitForState('connected')).toBeTruthy();
    await applyPolicy(harness, null);
  });
});
