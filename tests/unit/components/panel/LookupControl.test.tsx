// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LookupControl, TYPEAHEAD_MS, type LookupResult } from '@/components/panel/LookupControl';
import type { FieldMeta } from '@/utils/salesforce/describe';

const ACCOUNT = { name: 'AccountId', label: 'Account Name', type: 'reference', referenceTo: ['Account'] } as unknown as FieldMeta;
const ACME = [{ id: '001000000000001AAA', name: 'Acme Corp' }, { id: '001000000000002AAA', name: 'Acme Labs' }];

function mount(search: (text: string) => Promise<LookupResult[] | string>, value: string | null = null, name?: string) {
  const root = document.createElement('div');
  document.body.append(root);
  const chosen: (string | null)[] = [];
  render(<LookupControl field={ACCOUNT} value={value} name={name} id="f" invalid={false} search={search} onChange={(id) => chosen.push(id)} />, root);
  const input = root.querySelector('input')!;
  const type = async (text: string) => {
    await act(() => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };
  const key = async (name: string) => act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true })));
  const options = () => [...root.querySelectorAll('[role="option"]')].map((o) => `${o.getAttribute('aria-selected') === 'true' ? '>' : ' '}${o.textContent}`);
  return { root, input, type, key, options, chosen };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('a lookup as a combobox', () => {
  it('asks Salesforce once per pause in typing, not per key, and not for one letter', async () => {
    const search = vi.fn(async () => ACME);
    const { type } = mount(search);
    await type('a');
    await act(async () => void (await vi.advanceTimersByTimeAsync(TYPEAHEAD_MS)));
    expect(search).not.toHaveBeenCalled();
    for (const text of ['ac', 'acm', 'acme']) await type(text);
    await act(async () => void (await vi.advanceTimersByTimeAsync(TYPEAHEAD_MS)));
    expect(search.mock.calls).toEqual([['acme']]);
  });

  it('moves through the suggestions with the arrows and picks one with Enter', async () => {
    const { type, key, options, chosen, input } = mount(async () => ACME);
    await type('acme');
    await act(async () => void (await vi.advanceTimersByTimeAsync(TYPEAHEAD_MS)));
    expect(options()).toEqual(['>Acme Corp', ' Acme Labs']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    // Said to a screen reader: how many were found.
    expect([...document.querySelectorAll('[role="status"]')].map((e) => e.textContent)).toContain('2 suggestions');
    await key('ArrowDown');
    expect(options()).toEqual([' Acme Corp', '>Acme Labs']);
    expect(input.getAttribute('aria-activedescendant')).toBe('f-options-1');
    await key('Enter');
    expect(chosen).toEqual(['001000000000002AAA']);
    expect(options()).toEqual([]);
  });

  it('keeps the answer of the last search when an earlier one answers late', async () => {
    const answers: Record<string, (r: LookupResult[]) => void> = {};
    const { type, options } = mount((text) => new Promise((resolve) => (answers[text] = resolve)));
    await type('acm');
    await act(async () => void (await vi.advanceTimersByTimeAsync(TYPEAHEAD_MS)));
    await type('globex');
    await act(async () => void (await vi.advanceTimersByTimeAsync(TYPEAHEAD_MS)));
    await act(() => answers.globex!([{ id: '001000000000003AAA', name: 'Globex' }]));
    await act(() => answers.acm!(ACME));
    expect(options()).toEqual(['>Globex']);
  });

  it('Esc closes the suggestions without cancelling the form around it; the chosen record is a pill with its own remove button', async () => {
    const { type, key, options, root, chosen } = mount(async () => ACME, '001000000000001AAA', 'Acme Corp');
    const outer = vi.fn();
    root.addEventListener('keydown', outer);
    await type('acme');
    await act(async () => void (await vi.advanceTimersByTimeAsync(TYPEAHEAD_MS)));
    await key('Escape');
    expect(options()).toEqual([]);
    expect(outer).not.toHaveBeenCalled();
    const remove = root.querySelector<HTMLButtonElement>('.pill__remove')!;
    expect(remove.getAttribute('aria-label')).toBe('Remove Acme Corp');
    await act(() => remove.click());
    expect(chosen).toEqual([null]);
  });
});
