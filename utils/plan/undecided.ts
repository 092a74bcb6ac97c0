import { i18n } from '#i18n';
import type { Candidate } from '../identify/rank';

/** The best candidate and those that match as well as it: more than one is a tie only the agent can settle. */
export const equalBest = <T extends { tiedWithBest?: boolean }>(ranked: T[]): T[] => ranked.filter((c, i) => i === 0 || c.tiedWithBest);

/** The code of a write held because several people match the chat equally. */
export const UNDECIDED = 'SEVERAL_EQUAL_MATCHES';

/** The code of a write held because the admin wants every chat related to an account and this one is not. */
export const NO_ACCOUNT = 'NO_ACCOUNT';

/** The chat is related to no account and the admin requires one: nothing is written until the agent chooses it. */
export class NoAccountError extends Error {
  override name = 'NoAccountError';
  constructor() {
    super(i18n.t('failure.needsAccount'));
  }
}

/** Several people match a chat equally and the agent chose none: nothing is written until they do. */
export class UndecidedMatchError extends Error {
  override name = 'UndecidedMatchError';
  constructor(readonly candidates: Candidate[]) {
    super(`${candidates.length} ${candidates[0]!.type === 'Lead' ? 'leads' : 'contacts'} match this visitor equally (${candidates.map((c) => c.name || c.id).join(', ')}): choose the one this chat is about`);
  }
}
