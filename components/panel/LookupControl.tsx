import { useState } from 'preact/hooks';
import type { FieldMeta } from '@/utils/salesforce/describe';

export type LookupResult = { id: string; name: string; type?: string };

/**
 * A lookup field (Account, Owner, Assigned To) found by name: the agent types part of a name,
 * picks one of the records Salesforce has, and the field takes its id.
 */
export function LookupControl({ field, value, name, id, invalid, search, onChange }: {
  field: FieldMeta;
  value: string | null;
  name?: string;
  id: string;
  invalid: boolean;
  search: (text: string) => Promise<LookupResult[] | string>;
  onChange: (id: string | null, name?: string) => void;
}) {
  const [text, setText] = useState(name ?? '');
  const [results, setResults] = useState<LookupResult[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const find = async () => {
    setNote('Searching…');
    const answer = await search(text);
    if (typeof answer === 'string') return setNote(answer);
    setResults(answer);
    const what = field.referenceTo.includes('User') ? 'user' : field.referenceTo.length > 1 ? 'record' : field.referenceTo[0]?.toLowerCase() ?? 'record';
    setNote(answer.length ? null : `No ${what} named like “${text}”.`);
  };
  return (
    <div class="lookup" data-lookup={field.name}>
      <div class="lookup__row">
        <input
          id={id}
          class="field__control"
          type="search"
          value={text}
          placeholder="Search by name"
          aria-invalid={invalid}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault(); // Enter searches here; it does not submit the form
            void find();
          }}
        />
        <button type="button" class="button button--quiet" data-action="lookup-find" onClick={() => void find()}>Find</button>
      </div>
      {value && name && <p class="lookup__chosen">Chosen: <bdi>{name}</bdi> <button type="button" class="link" onClick={() => (onChange(null), setText(''))}>clear</button></p>}
      {note && <p class="search__note">{note}</p>}
      {results && results.length > 0 && (
        <ul class="lookup__results">
          {results.map((r) => (
            <li key={r.id}>
              <button type="button" class="choice" data-record-id={r.id} onClick={() => { const shown = r.type && r.type !== 'Account' ? `${r.type} ${r.name}` : r.name; onChange(r.id, shown); setText(shown); setResults(null); }}>
                <span>{r.type && <><span class="badge badge--type">{r.type}</span>{' '}</>}<bdi>{r.name}</bdi></span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
