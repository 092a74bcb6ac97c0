import { i18n } from '#i18n';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import { listOf } from '@/utils/i18n/locale';

/**
 * Which chat the panel is on, in one line: the console already shows the visitor in full. Page
 * text is rendered as text only.
 */
export function VisitorLine({ chat }: { chat: ChatSnapshot | null }) {
  if (!chat) return <p class="visitor visitor--none">{i18n.t('panel.noChat')}</p>;
  const { visitor } = chat;
  const words: Record<string, string> = { name: i18n.t('panel.visitorField.name'), email: i18n.t('panel.visitorField.email'), phone: i18n.t('panel.visitorField.phone') };
  const masked = chat.masked.filter((k) => k.startsWith('visitor.')).map((k) => words[k.slice(8)] ?? k.slice(8));
  const reach = [visitor.email, visitor.phone].filter(Boolean).join(i18n.t('common.separator'));
  return (
    <div class="visitor" data-chat-id={chat.chatId} data-chat-state={chat.state}>
      <bdi class="visitor__name" title={visitor.name}>{visitor.name ?? i18n.t('panel.unnamed')}</bdi>
      {reach && <bdi class="visitor__reach" title={reach}>{reach}</bdi>}
      {chat.state === 'ended' && <span class="badge">{i18n.t('panel.chatEnded')}</span>}
      {masked.length > 0 && <p class="note" data-masked={chat.masked.join(' ')}>{i18n.t('panel.masked', { what: listOf(masked) })}</p>}
    </div>
  );
}
