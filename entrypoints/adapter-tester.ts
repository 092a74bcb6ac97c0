import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { pickElements, selectorFor } from '@/utils/adapters/picker';
import { clearHighlights, testAdapter } from '@/utils/adapters/tester';

/** What a pick gives the options page: the selector, or why there is none. */
export type PickResult = { selector: string } | { error: string } | { cancelled: true };

/**
 * Injected on demand by the options page's adapter tester into a console tab the extension may
 * read (never registered on its own): it leaves the tester's functions in this extension's
 * isolated world, where the options page's next injection calls them.
 */
export default defineUnlistedScript(() => {
  Object.assign(globalThis, {
    sfPanelAdapterTester: {
      run: (input: unknown) => testAdapter(input, document),
      clear: () => clearHighlights(document),
      /** The admin clicks `count` elements; the selector is relative to the closest `scope` around them (a message, the pane), else the page. */
      pick: async (count: number, what: string, scope: string | null): Promise<PickResult> => {
        const elements = await pickElements(document, count, what);
        if (!elements) return { cancelled: true };
        try {
          const root = (scope && elements[0]!.closest(scope)) || document;
          return { selector: selectorFor(elements, root) };
        } catch (error) {
          return { error: error instanceof Error ? error.message : String(error) };
        }
      },
    },
  });
});
