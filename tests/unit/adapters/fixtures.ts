import { readFileSync } from 'node:fs';
import { BUILT_IN_ADAPTERS } from '@/utils/adapters/registry';
import type { Adapter } from '@/utils/adapters/schema';

/** Loads a console's committed page (its fixture, or a capture of the real product) into the test document (happy-dom). */
export function loadFixture(consoleName: string, file = 'fixture.html'): void {
  const html = readFileSync(`tests/consoles/${consoleName}/${file}`, 'utf8');
  // Styles and scripts are not needed to read the DOM, and tests never fetch.
  const markup = html.replace(/^<!doctype html>/i, '').replace(/<\/?html[^>]*>/g, '').replace(/<link[^>]*>|<script[\s\S]*?<\/script>/g, '');
  document.documentElement.innerHTML = markup;
}

export function builtIn(name: string): Adapter {
  const adapter = BUILT_IN_ADAPTERS.find((a) => a.name === name);
  if (!adapter) throw new Error(`no built-in adapter ${name}`);
  return adapter;
}
