import { i18n } from '#i18n';
import type { PanelStore } from './store';
import { useAskedWhenShown } from './tab-shown';

/** The agent's Omni-Channel status, one quiet line; what it takes to set it from the console when the sync does not. */
export function OmniStatus({ store }: { store: PanelStore }) {
  useAskedWhenShown(() => void store.readOmni(), [store]);
  const omni = store.omni.value;
  if (!omni || omni.state === 'none') return null;
  const words = omni.state === 'online' ? i18n.t('panel.omni.status', { status: omni.label }) : i18n.t('panel.omni.offline');
  return (
    <p class="omni-status" data-omni={omni.state} data-synced={omni.synced}>
      {words}
      {!omni.synced && <span class="omni-status__note">{i18n.t('panel.omni.readOnly')}</span>}
    </p>
  );
}
