import { CHAT_FIELDS } from '@/utils/chat/catalogue';

/** The chat field catalogue, once per page, for every chat-field input's suggestions. */
export function ChatFieldList() {
  return (
    <datalist id="chat-fields">
      {CHAT_FIELDS.map((key) => <option value={key} />)}
    </datalist>
  );
}

/** The org's fields of one object (from describe, once connected) as suggestions. */
export function SalesforceFieldList({ id, fields }: { id: string; fields: { name: string; label: string }[] }) {
  return (
    <datalist id={id}>
      {fields.map((f) => <option value={f.name}>{f.label}</option>)}
    </datalist>
  );
}
