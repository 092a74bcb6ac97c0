import { describe, expect, it } from 'vitest';
import { editSlice } from '@/components/panel/state/edit';
import { identitySlice } from '@/components/panel/state/identity';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { CommandError, type CommandRequest, type CommandResponse } from '@/utils/messages/protocol';
import { connection, contactFields as fields, found } from './fixtures';

function setup(answer: CommandResponse<'record.update'> | Error) {
  const sent: CommandRequest<'record.update'>[] = [];
  const sources = {
    readStatus: async () => ({ state: 'not_connected' as const }),
    identify: async () => found,
    update: async (request: CommandRequest<'record.update'>) => {
      sent.push(request);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  const identity = identitySlice(sources, connection(), () => undefined);
  return { identity, edit: editSlice(sources, identity), sent };
}

describe('the edit-in-place slice', () => {
  it('sends only what changed, in one request, and shows the saved value everywhere', async () => {
    const { identity, edit, sent } = setup({ state: 'saved' });
    await identity.identify(emptySnapshot('chat-1', 'demo'));
    edit.startEdit(found.contacts[0]!);
    edit.setDraft(fields[0]!, 'Admiral');
    edit.setDraft(fields[2]!, '1906-12-09');
    await edit.saveEdit(fields);
    expect(sent).toEqual([{ type: 'Contact', id: '003000000000001AAA', values: { Title: 'Admiral', Birthdate: '1906-12-09' }, before: { Title: 'Rear Admiral', Birthdate: null } }]);
    expect(edit.editing.value).toBeNull();
    expect(edit.notice.value).toEqual({ recordId: '003000000000001AAA', text: 'Saved to Salesforce.' });
    expect((identity.identities.value['chat-1'] as typeof found).contacts[0]!.values).toEqual({ Title: 'Admiral', Email: 'g@example.com', Birthdate: '1906-12-09' });
  });

  it('checks describe as the agent types, and sends nothing while a field is wrong', async () => {
    const { edit, sent } = setup({ state: 'saved' });
    edit.startEdit(found.contacts[0]!);
    edit.setDraft(fields[1]!, 'not an email');
    expect(edit.editing.value!.problems).toEqual({ Email: 'Not a valid e-mail address.' });
    await edit.saveEdit(fields);
    expect(sent).toEqual([]);
    expect(edit.editing.value!.message).toMatch(/Fix the marked fields/);
  });

  it('closes without a request when nothing changed', async () => {
    const { edit, sent } = setup({ state: 'saved' });
    edit.startEdit(found.contacts[0]!);
    edit.setDraft(fields[0]!, 'Rear Admiral');
    await edit.saveEdit(fields);
    expect(sent).toEqual([]);
    expect(edit.editing.value).toBeNull();
  });

  it("keeps the agent's changes and puts Salesforce's refusal on the field", async () => {
    const { edit } = setup({ state: 'refused', fields: { Title: 'Titles must not say Admiral.' } });
    edit.startEdit(found.contacts[0]!);
    edit.setDraft(fields[0]!, 'Admiral');
    await edit.saveEdit(fields);
    expect(edit.editing.value).toMatchObject({ saving: false, draft: { Title: 'Admiral' }, problems: { Title: 'Titles must not say Admiral.' } });
  });

  it('keeps the changes when Salesforce or the extension cannot be reached', async () => {
    const down = setup({ state: 'error', message: 'Salesforce cannot be reached (503).' });
    down.edit.startEdit(found.contacts[0]!);
    down.edit.setDraft(fields[0]!, 'Admiral');
    await down.edit.saveEdit(fields);
    expect(down.edit.editing.value).toMatchObject({ draft: { Title: 'Admiral' }, message: 'Salesforce cannot be reached (503). Your changes are still here.' });
    const gone = setup(new CommandError('extension_unreachable', 'gone'));
    gone.edit.startEdit(found.contacts[0]!);
    gone.edit.setDraft(fields[0]!, 'Admiral');
    await gone.edit.saveEdit(fields);
    expect(gone.edit.editing.value!.message).toMatch(/Reload this page.*Your changes are still here/);
  });
});
