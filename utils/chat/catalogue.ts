/**
 * The chat fields that rules and mappings choose from (DESIGN.md "Chat fields"). Pre-chat fields
 * and custom variables are whatever the console has: `preChat.<label>` and `custom.<name>` are
 * typed by hand; these are offered.
 */
export const CHAT_FIELDS = [
  'visitor.name', 'visitor.firstName', 'visitor.lastName', 'visitor.email', 'visitor.phone', 'visitor.company', 'visitor.visits', 'visitor.chats',
  'session.ip', 'session.country', 'session.region', 'session.city', 'session.browser', 'session.os', 'session.language',
  'session.timeZone', 'session.referrer', 'session.landingPage', 'session.currentPage', 'session.searchEngine',
  'session.searchKeywords', 'session.screenResolution',
  'preChat.phone', 'preChat.company', 'preChat.department', 'preChat.product',
  'chat.id', 'chat.requestingPage', 'chat.startTime', 'chat.endTime', 'chat.transcript', 'chat.channel', 'chat.wrapUp', 'chat.notes',
  'agent.name', 'agent.email', 'agent.state',
] as const;
