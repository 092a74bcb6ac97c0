import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { onConsoleHost } from '@/utils/chat/origin';
import { chatKeyOf } from '@/utils/plan/plan';

describe('onConsoleHost', () => {
  it('gives chat 42 of two instances of one console two keys, whatever the page claims', () => {
    const acme = onConsoleHost(emptySnapshot('42', 'livehelperchat'), 'https://chat.acme.com/index.php/site_admin/#/chat-id-42');
    const globex = onConsoleHost(emptySnapshot('42', 'livehelperchat'), 'https://support.globex.example:8443/index.php/site_admin/');
    expect(chatKeyOf(acme)).toBe('livehelperchat@chat.acme.com:42');
    expect(chatKeyOf(globex)).toBe('livehelperchat@support.globex.example:8443:42');
    // A console name that carries a host of its own is named by the sender's page, not by itself.
    expect(onConsoleHost(emptySnapshot('42', 'livehelperchat@chat.acme.com'), 'https://evil.example/').console).toBe('livehelperchat@evil.example');
    expect(onConsoleHost(emptySnapshot('42', 'demo'), undefined).console).toBe('demo');
  });
});
