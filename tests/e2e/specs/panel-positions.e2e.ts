import { describe, expect, it } from 'vitest';
import { useExtension } from '../setup';
import { demoVisitor } from '../pages/demo-console';
import { demoAdapter } from '../../../utils/adapters/demo';

const e2e = useExtension();

/** The demo console mounted as an admin would set a console whose layout has no column for the panel. */
const consoleWith = (position: 'beside' | 'docked-right' | 'floating') => ({
  consoles: {
    builtIn: { demo: { enabled: position === 'beside', matches: demoAdapter.matches } },
    custom: position === 'beside' ? [] : [{ ...demoAdapter, name: `demo-${position}`, label: `Demo (${position})`, mount: { anchor: 'body', position } }],
  },
});

describe('the panel frame in each position, on the screens agents use', () => {
  for (const position of ['beside', 'docked-right', 'floating'] as const) {
    for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
      it(`${position} at ${width}×${height}: visible, whole, and off the console's own controls`, async () => {
        const { harness, emulator } = e2e;
        await emulator.reset({ data: 'scenarios' });
        const { page, panel, demo } = await e2e.openConnectedConsole({ settings: consoleWith(position) });
        await page.setViewport({ width, height });
        const chat = await demo.startChat(demoVisitor('Grace Hopper', 'grace.hopper@example.com'));
        await panel.waitForVisitor(chat);
        await panel.find('[data-identity="found"] [data-fields="Contact"]');
        await new Promise((r) => setTimeout(r, 300)); // the frame takes its content's height
        const layout = await page.evaluate(() => {
          const rect = (el: Element | null) => (el ? el.getBoundingClientRect().toJSON() as DOMRect : null);
          const controls = [...document.querySelectorAll('button, select, input, textarea, a[href]')].filter((el) => !el.closest('sf-chat-panel'));
          return { panel: rect(document.querySelector('sf-chat-panel')), controls: controls.map((el) => ({ name: (el.textContent || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 30), box: rect(el)! })).filter((c) => c.box.width > 0 && c.box.height > 0) };
        });
        const box = layout.panel!;
        // On screen and a usable size.
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.top).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(width);
        expect(box.width).toBeGreaterThanOrEqual(300);
        expect(box.height).toBeGreaterThanOrEqual(200);
        if (position !== 'beside') expect(box.bottom).toBeLessThanOrEqual(height);
        // None of the console's own controls lies under the panel.
        const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(layout.controls.filter((c) => overlaps(c.box, box)).map((c) => c.name)).toEqual([]);
        // The agent still works in it: the record is there, its first control takes a click.
        expect(await panel.text()).toContain('Rear Admiral');
        await harness.screenshot(page, `panel-${position}-${width}x${height}`);
      });
    }
  }
});
