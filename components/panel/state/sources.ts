import type { ChatSnapshot } from '@/utils/chat/snapshot';
import type { CommandRequest, CommandResponse, IdentifyResult, SalesforceStatus } from '@/utils/messages/protocol';

/** What the panel asks the background; each is one command. */
export type PanelSources = {
  readStatus: () => Promise<SalesforceStatus>;
  /** Salesforce's login (OAuth), started from the panel's Connect or Reconnect. */
  connect?: () => Promise<CommandResponse<'auth.connect'>>;
  identify?: (snapshot: ChatSnapshot, force: boolean) => Promise<IdentifyResult>;
  search?: (text: string) => Promise<CommandResponse<'salesforce.search'>>;
  update?: (request: CommandRequest<'record.update'>) => Promise<CommandResponse<'record.update'>>;
  openForm?: (request: CommandRequest<'form.open'>) => Promise<CommandResponse<'form.open'>>;
  create?: (request: CommandRequest<'record.create'>) => Promise<CommandResponse<'record.create'>>;
  plan?: (request: CommandRequest<'chat.plan'>) => Promise<CommandResponse<'chat.plan'>>;
  lookup?: (request: CommandRequest<'lookup.search'>) => Promise<CommandResponse<'lookup.search'>>;
  retry?: (request: CommandRequest<'outbox.retry'>) => Promise<CommandResponse<'outbox.retry'>>;
  /** Tells the background the record the agent chose for a chat, so every write of it goes there. */
  remember?: (request: CommandRequest<'chat.record'>) => Promise<CommandResponse<'chat.record'>>;
  /** What the chat's automatic write would leave out, asked before the chat ends. */
  preview?: (request: CommandRequest<'chat.preview'>) => Promise<CommandResponse<'chat.preview'>>;
  /** The agent's correction of a value that write would leave out. */
  fix?: (request: CommandRequest<'chat.fix'>) => Promise<CommandResponse<'chat.fix'>>;
  /** The agent's wrap-up is done: the chat's write goes now, with it. */
  wrapUp?: (request: CommandRequest<'outbox.wrapUp'>) => Promise<CommandResponse<'outbox.wrapUp'>>;
  /** Tells the background the other contacts the agent put on the chat. */
  people?: (request: CommandRequest<'chat.people'>) => Promise<CommandResponse<'chat.people'>>;
  /** Tells the background the account the agent related the chat to (or none). */
  relate?: (request: CommandRequest<'chat.account'>) => Promise<CommandResponse<'chat.account'>>;
  /** The agent's Omni-Channel status, read-only. */
  omniStatus?: () => Promise<CommandResponse<'omni.status'>>;
  /** The shown record's owner and the routing rules' suggestion. */
  suggest?: (request: CommandRequest<'routing.suggest'>) => Promise<CommandResponse<'routing.suggest'>>;
  /** Transfers the chat through the console's own dialog (the agent confirmed). */
  transfer?: (request: CommandRequest<'console.transfer'>) => Promise<CommandResponse<'console.transfer'>>;
  /** Tells the background the open case the agent attached the chat to (or none). */
  attach?: (request: CommandRequest<'chat.case'>) => Promise<CommandResponse<'chat.case'>>;
};
