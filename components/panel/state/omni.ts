import { signal } from '@preact/signals';
import type { CommandResponse } from '@/utils/messages/protocol';
import type { PanelSources } from './sources';

/**
 * The agent's Omni-Channel status, read-only: asked when the panel opens and each time its
 * console tab is shown again (one request at most, none while it stays open: no polling).
 */
export function omniSlice(sources: PanelSources) {
  const omni = signal<CommandResponse<'omni.status'> | null>(null);
  async function readOmni() {
    if (!sources.omniStatus) return;
    omni.value = await sources.omniStatus().catch(() => ({ state: 'none' as const }));
  }
  return { omni, readOmni };
}
