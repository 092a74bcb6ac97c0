import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer';
import { useExtension } from '../setup';
import { demoVisitor } from '../pages/demo-console';

const e2e = useExtension();

/** Where the keyboard focus is in the panel: what the agent would see ringed, or null when it is elsewhere. */
async function focused(frame: Frame): Promise<{ action?: string; field?: string; form?: string; role?: string; text: string; ring: boolean } | null> {
  return frame.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!document.hasFocus() || !el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      action: el.getAttribute('data-action') ?? undefined,
      field: el.closest('[data-field]')?.getAttribute('data-field') ?? undefined,
      form: el.closest('[data-form]')?.getAttribute('data-form') ?? undefined,
      role: el.getAttribute('role') ?? undefined,
      text: (el.textContent ?? '').trim().slice(0, 80),
      // A visible focus: an outline that is drawn.
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
  });
}

/** Presses Tab until the focus is on what `wanted` accepts (at most `limit` presses), as a person tabs through. */
async function tabTo(page: Page, frame: Frame, wanted: (at: Awaited<ReturnType<typeof focused>>) => boolean, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (wanted(await focused(frame))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached it; the focus is on ${JSON.stringify(await focused(frame))}`);
}

describe('the panel without a mouse', () => {
  it('creates a contact and attaches a case by keyboard alone: focus where the next thing to do is, Ctrl+Enter saves, Esc cancels', async () => {
    const { harness, emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole({ settings: { automation: { ended: { action: 'nothing', strategy: 'none' }, offline: { action: 'nothing', strategy: 'none' } } } });
    const chat = await demo.startChat(demoVisitor('Alan Turing', 'alan@bletchley.example', { firstMessage: 'My order never came.' }));
    await panel.waitForVisitor(chat);
    await panel.find('[data-actions="not_found"]');
    const frame = await panel.frame();
    await page.bringToFront();

    // From the console into the panel with Tab, to "Create Contact & Attach Case"; Enter opens its first step.
    await tabTo(page, frame, (at) => at?.action === 'contactCase', 120);
    expect((await focused(frame))!.ring).toBe(true);
    await page.keyboard.press('Enter');
    await panel.find('[data-form="Contact"] .record-form__steps[data-step="1"]');
    await expect.poll(async () => (await focused(frame))?.form, { timeout: 5_000 }).toBe('Contact');
    await harness.screenshot(page, 'keyboard-contact-form');

    // Ctrl+Enter saves the contact from any field; the case's form (step 2) takes the focus.
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await panel.find('[data-form="Case"] .record-form__steps[data-step="2"]');
    await expect.poll(async () => (await focused(frame))?.form, { timeout: 10_000 }).toBe('Case');
    await tabTo(page, frame, (at) => at?.form === 'Case' && at.field === 'Subject');
    await page.keyboard.type('Order 1234 never arrived');
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    // Saved for the chat's end: the focus is on the confirmation, which says so.
    await panel.find('[data-write="waiting"]');
    await expect.poll(async () => (await focused(frame))?.role, { timeout: 5_000 }).toBe('status');
    expect((await focused(frame))!.text).toMatch(/A new case will be created and attached to this contact when the chat ends/);
    await harness.screenshot(page, 'keyboard-case-saved');

    // "Change the case", then Esc: the form closes, nothing changes, the focus stays in the panel.
    await tabTo(page, frame, (at) => at?.action === 'change-write');
    await page.keyboard.press('Enter');
    await panel.find('[data-form="Case"]');
    await expect.poll(async () => (await focused(frame))?.form, { timeout: 5_000 }).toBe('Case');
    await page.keyboard.press('Escape');
    await panel.gone('[data-form="Case"]');
    // The focus goes back to where the form was opened from.
    await expect.poll(async () => (await focused(frame))?.action, { timeout: 5_000 }).toBe('change-write');

    await demo.endOpenChat();
    const entry = await panel.settledWrite(chat);
    expect(entry.state).toBe('done');
    const contact = (await emulator.records('Contact')).find((c) => c.Email === 'alan@bletchley.example');
    expect(contact).toBeDefined();
    expect((await emulator.records('Case')).filter((c) => c.ContactId === contact!.Id).map((c) => c.Subject)).toEqual(['Order 1234 never arrived']);
  });

  it('edits a field in place and picks a lookup value by arrows and Enter', async () => {
    const { emulator } = e2e;
    await emulator.reset({ data: 'scenarios' });
    const { page, panel, demo } = await e2e.openConnectedConsole();
    const chat = await demo.startChat(demoVisitor('Grace Hopper', 'grace.hopper@example.com'));
    await panel.waitForVisitor(chat);
    await panel.find('[data-identity="found"] [data-fields="Contact"]');
    const frame = await panel.frame();
    await page.bringToFront();

    await tabTo(page, frame, (at) => at?.action === 'edit', 120);
    await page.keyboard.press('Enter');
    // Edit puts the focus on the first field; Esc leaves the record as it was, on its Edit link.
    await expect.poll(async () => (await focused(frame))?.field, { timeout: 5_000 }).toBeTruthy();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focused(frame))?.action, { timeout: 5_000 }).toBe('edit');

    // The case form's Account lookup: type, Down, Enter picks the suggestion.
    await tabTo(page, frame, (at) => at?.action === 'contactCase');
    await page.keyboard.press('Enter');
    await panel.find('[data-form="Case"] .field__control');
    await panel.click('[data-form="Case"] [data-action="show-all"]').catch(() => undefined);
    await tabTo(page, frame, (at) => at?.form === 'Case' && at.field === 'AccountId' && at.role === 'combobox');
    await page.keyboard.type('globex');
    const suggestion = await panel.find('[data-lookup="AccountId"] .lookup__results:not([hidden]) [role="option"]');
    expect(await suggestion.evaluate((el) => el.getAttribute('aria-selected'))).toBe('true');
    await page.keyboard.press('Enter');
    const pill = await panel.find('[data-lookup="AccountId"] .lookup__chosen');
    expect(await pill.evaluate((el) => el.textContent)).toMatch(/Globex/);
  });
});
