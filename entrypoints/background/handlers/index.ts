import type { Handlers } from '@/utils/messages/router';
import type { Services } from '../services';
import { connectionHandlers } from './connection';
import { consoleHandlers } from './console';
import { identifyHandlers } from './identify';
import { recordHandlers } from './records';
import { writeHandlers } from './writes';
import { presenceHandlers } from './presence';
import { routingHandlers } from './routing';

/** Every command's handler, by area; the compiler says when a command has none. */
export function createHandlers(s: Services, startedAt: number): Handlers {
  return { ...consoleHandlers(s), ...connectionHandlers(s, startedAt), ...identifyHandlers(s), ...recordHandlers(s), ...writeHandlers(s), ...presenceHandlers(s), ...routingHandlers(s) } satisfies Handlers;
}
