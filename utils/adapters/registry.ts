import { chatwootAdapter } from './chatwoot';
import { demoAdapter } from './demo';
import { livehelperchatAdapter } from './livehelperchat';
import { rocketchatAdapter } from './rocketchat';
import { parseAdapter } from './schema';

/** Every console the extension knows out of the box, one file each. */
export const BUILT_IN_ADAPTERS = [demoAdapter, chatwootAdapter, livehelperchatAdapter, rocketchatAdapter].map((input) => {
  const parsed = parseAdapter(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.adapter;
});
