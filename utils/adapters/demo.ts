/**
 * The demo console (tests/consoles/demo/): where it is and where the panel goes.
 * Issue "console adapters" grows this into the full declarative adapter.
 */
export const demoConsole = {
  name: 'demo',
  /** Present on every page of the demo console and nowhere else. */
  root: '[data-demo-console]',
  /** The panel sits in the console's right-hand column, below its own visitor card. */
  mount: { anchor: '#sf-panel-slot' },
} as const;
