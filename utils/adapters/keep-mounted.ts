import type { Adapter } from './schema';

/**
 * The panel's host on its anchor, kept there as the console renders: placed once the anchor is
 * there, placed again after the console replaced it (a single-page app re-rendering its column).
 * `check` runs after the watcher's batches: no observer of its own, nothing while the page is still.
 */
export function keepMounted(doc: Document, mount: Adapter['mount'], host: HTMLElement, onMount: () => () => void): { check: () => void; remove: () => void } {
  let unmount: (() => void) | null = null;
  const remove = () => {
    unmount?.();
    unmount = null;
    host.remove();
  };
  const check = () => {
    const anchor = mount.position === 'beside' ? doc.querySelector(mount.anchor) : doc.body;
    if (anchor && host.parentElement === anchor) return;
    remove();
    if (!anchor) return;
    if (mount.position === 'beside' && mount.append === 'first') anchor.prepend(host);
    else anchor.append(host);
    unmount = onMount();
  };
  return { check, remove };
}
