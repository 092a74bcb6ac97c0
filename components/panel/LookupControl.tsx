import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { FieldMeta } from '@/utils/salesforce/describe';
import { objectName } from '@/components/text/objects';

export type LookupResult = { id: string; name: string; type?: string };

/** Typing pauses this long before Salesforce is asked: one request per pause, not per key (each counts in the API budget). */
export const TYPEAHEAD_MS = 350;
const MIN_CHARS = 2;

/**
 * A lookup field (Account, Owner, Assigned To, Related To) as a combobox: the agent types part of
 * a name, the records Salesforce has appear as suggestions (arrows move, Enter picks, Esc closes),
 * and the chosen one shows as a pill. Enter with no suggestion open asks at once.
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
  const [text, setText] = useState('');
  const [results, setResults] = useState<LookupResult[] | null>(null);
  const [active, setActive] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  const asked = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const listId = `${id}-options`;

  const find = async (query: string) => {
    clearTimeout(timer.current);
    const mine = ++asked.current; // any answer still coming is for an earlier text
    if (query.trim().length < MIN_CHARS) return void (setResults(null), setNote(null));
    setNote(i18n.t('common.searching'));
    const answer = await search(query);
    if (mine !== asked.current) return; // a later search is under way: its answer counts
    if (typeof answer === 'string') return void (setResults(null), setNote(answer));
    setResults(answer);
    setActive(0);
    setNote(answer.length ? null : i18n.t('panel.lookup.none', { text: query }));
  };
  const choose = (r: LookupResult) => {
    clearTimeout(timer.current);
    asked.current++; // a search still under way must not reopen the list over the choice
    const shown = r.type && r.type !== 'Account' ? `${objectName(r.type)} ${r.name}` : r.name;
    onChange(r.id, shown);
    setText('');
    setResults(null);
    setNote(null);
  };
  const open = !!results?.length;
  return (
    <div class="lookup" data-lookup={field.name}>
      {value && name && (
        <p class="lookup__chosen pill" id={`${id}-chosen`} data-chosen={value}>
          <bdi>{name}</bdi>
          <button type="button" class="pill__remove" aria-label={i18n.t('panel.lookup.remove', { name })} onClick={() => onChange(null)}>×</button>
        </p>
      )}
      <input
        id={id}
        class="field__control"
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-invalid={invalid}
        aria-describedby={value && name ? `${id}-chosen` : undefined}
        value={text}
        placeholder={value ? i18n.t('panel.lookup.change') : i18n.t('panel.lookup.placeholder')}
        onInput={(e) => {
          const query = e.currentTarget.value;
          setText(query);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void find(query), TYPEAHEAD_MS);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && open) setActive((active + 1) % results!.length);
          else if (e.key === 'ArrowUp' && open) setActive((active - 1 + results!.length) % results!.length);
          else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) open ? choose(results![active]!) : void find(text);
          else if (e.key === 'Escape' && open) setResults(null);
          else return;
          e.preventDefault(); // these keys act here: Enter does not submit the form, Esc does not cancel it
          e.stopPropagation();
        }}
      />
      {note && <p class="search__note" role="status">{note}</p>}
      {open && <span class="visually-hidden" role="status">{i18n.t('panel.lookup.found', results!.length, { count: results!.length })}</span>}
      <ul class="lookup__results" id={listId} role="listbox" aria-label={field.label} hidden={!open}>
        {results?.map((r, i) => (
          <li
            key={r.id} id={`${listId}-${i}`} role="option" class="choice" aria-selected={i === active} data-record-id={r.id}
            onMouseDown={(e) => e.preventDefault()} // the input keeps the focus
            onClick={() => choose(r)}
          >
            {r.type && <><span class="badge badge--type">{objectName(r.type)}</span>{' '}</>}<bdi>{r.name}</bdi>
          </li>
        ))}
      </ul>
    </div>
  );
}
