import { useEffect } from 'preact/hooks';

/**
 * Asks once now, and again each time the console tab is shown again (what it shows may have
 * changed meanwhile): never polled while the tab stays in view.
 */
export function useAskedWhenShown(ask: (again: boolean) => void, deps: unknown[]): void {
  useEffect(() => {
    ask(false);
    const shown = () => document.visibilityState === 'visible' && ask(true);
    document.addEventListener('visibilitychange', shown);
    return () => document.removeEventListener('visibilitychange', shown);
  }, deps);
}
