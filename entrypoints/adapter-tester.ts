import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { clearHighlights, testAdapter } from '@/utils/adapters/tester';

/**
 * Injected on demand by the options page's adapter tester into a console tab the extension may
 * read (never registered on its own): it leaves the tester's two functions in this extension's
 * isolated world, where the options page's next injection calls them with the adapter to try.
 */
export default defineUnlistedScript(() => {
  Object.assign(globalThis, { sfPanelAdapterTester: { run: (input: unknown) => testAdapter(input, document), clear: () => clearHighlights(document) } });
});
