import { browser } from 'wxt/browser';

/**
 * Calls a function an on-demand script leaves in this extension's isolated world of a tab (the
 * adapter tester, the transfer): the script first (injected again each time: harmless), then
 * `globalThis[name][call](...args)`. A promise it returns is awaited; undefined is null.
 */
export async function callInjected(target: { tabId: number; frameIds?: number[] }, file: string, name: string, call: string, args: unknown[]): Promise<unknown> {
  await browser.scripting.executeScript({ target, files: [file] });
  const [answer] = await browser.scripting.executeScript({
    target,
    func: (global: string, method: string, given: unknown[]) => (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[global]![method]!(...given) ?? null,
    args: [name, call, args],
  });
  return answer?.result;
}
