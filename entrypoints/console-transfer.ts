import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { query } from '@/utils/adapters/dom';
import { readChatId } from '@/utils/adapters/scrape';
import { transferChat } from '@/utils/adapters/transfer';
import type { Adapter } from '@/utils/adapters/schema';
import type { TransferOutcome, TransferTarget } from '@/utils/messages/console-protocol';

/**
 * Injected by the worker into a console tab when the agent confirmed a transfer in the panel
 * (rare: the console script, on every console page, does not carry it). It leaves the transfer in
 * this extension's isolated world, where the worker's next injection calls it.
 */
export default defineUnlistedScript(() => {
  Object.assign(globalThis, {
    sfPanelTransfer: {
      run: async (adapter: Adapter, chatId: string, to: TransferTarget): Promise<TransferOutcome> => {
        // The chat the console shows now, read now: the agent may have switched since the panel asked.
        if (readChatId(adapter, document, location.href) !== chatId) return 'not-open';
        return transferChat(adapter, document, query(document, adapter.pane.root), to);
      },
    },
  });
});
