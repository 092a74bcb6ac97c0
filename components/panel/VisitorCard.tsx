import type { ChatSnapshot } from '@/utils/chat/snapshot';

/** Who the agent is talking to, as the console shows it. Page text is rendered as text only. */
export function VisitorCard({ chat }: { chat: ChatSnapshot | null }) {
  if (!chat) return <p class="visitor visitor--none">Open a chat to see the visitor here.</p>;
  const { visitor } = chat;
  return (
    <div class="visitor" data-chat-id={chat.chatId} data-chat-state={chat.state}>
      <div class="visitor__head">
        <bdi class="visitor__name" title={visitor.name}>{visitor.name ?? 'Unnamed visitor'}</bdi>
        {chat.state === 'ended' && <span class="badge">Chat ended</span>}
      </div>
      <dl class="visitor__facts">
        {visitor.email && (<><dt>Email</dt><dd><bdi class="visitor__email" title={visitor.email}>{visitor.email}</bdi></dd></>)}
        {visitor.phone && (<><dt>Phone</dt><dd><bdi class="visitor__phone">{visitor.phone}</bdi></dd></>)}
        {chat.preChat.Company && (<><dt>Company</dt><dd><bdi>{chat.preChat.Company}</bdi></dd></>)}
      </dl>
      {chat.masked.some((k) => k.startsWith('visitor.')) && (
        <p class="note" data-masked={chat.masked.join(' ')}>
          The console masks the visitor's {chat.masked.filter((k) => k.startsWith('visitor.')).map((k) => k.slice(8)).join(' and ')}: it is not used to find them in Salesforce.
        </p>
      )}
    </div>
  );
}
