import { browser } from 'wxt/browser';
import { useEffect, useState } from 'preact/hooks';
import { healthWords, type ConsoleHealth } from '@/utils/adapters/health';
import { sendCommand } from '@/utils/messages/client';
import { activeAdapters } from '@/utils/adapters/defaults';
import { wantedMatches } from '@/utils/adapters/registration';
import { BUILT_IN_ADAPTERS } from '@/utils/adapters/registry';
import { parseAdapter, type Adapter } from '@/utils/adapters/schema';
import { selectorProblems } from '@/utils/adapters/selectors';
import { AdapterTester } from './AdapterTester';
import { Setting } from './Setting';
import type { OptionsStore } from './store';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** Built-in consoles on/off with their URLs, custom adapters as JSON, and host access for them. */
export function ConsolesSection({ store }: { store: OptionsStore }) {
  const consoles = store.draft.value!.consoles;
  const [customText, setCustomText] = useState(() => JSON.stringify(consoles.custom, null, 2));
  const [customErrors, setCustomErrors] = useState<string[]>([]);
  const [access, setAccess] = useState<string | null>(null);
  // Open console tabs whose page the adapter no longer matches (asked once, when the page opens).
  const [unrecognised, setUnrecognised] = useState<{ tabId: number; title?: string; health: ConsoleHealth }[]>([]);
  useEffect(() => void sendCommand('console.problems', {}).then(setUnrecognised).catch(() => undefined), []);

  function editCustom(text: string) {
    setCustomText(text);
    let raw: unknown;
    try {
      raw = JSON.parse(text || '[]');
    } catch (error) {
      setCustomErrors([`Not JSON: ${error instanceof Error ? error.message : String(error)}`]);
      return;
    }
    if (!Array.isArray(raw)) return setCustomErrors(['A list of adapters: [ {…}, {…} ]']);
    const adapters: Adapter[] = [];
    const errors: string[] = [];
    raw.forEach((input, i) => {
      const parsed = parseAdapter(input);
      // A selector the browser cannot read is refused here, where there is a DOM to ask (the worker has none).
      const problems = parsed.ok ? selectorProblems(parsed.adapter, document) : parsed.errors;
      if (problems.length) errors.push(...problems.map((e) => `Adapter ${i + 1}: ${e}`));
      else if (parsed.ok) adapters.push(parsed.adapter);
    });
    setCustomErrors(errors);
    if (!errors.length) store.set('consoles', 'custom', adapters);
  }

  /** "Use as a custom adapter" in the tester: it replaces the custom adapter of the same name, or is added. */
  function useTested(input: unknown) {
    const name = (input as { name?: unknown })?.name;
    const others = consoles.custom.filter((a) => a.name !== name);
    editCustom(JSON.stringify([...others, input], null, 2));
    document.getElementById('custom-adapters')?.scrollIntoView({ block: 'center' });
  }
  // Adapters already in force (a policy's too) whose selectors the browser cannot read: the console script leaves them out.
  const unreadable = consoles.custom.flatMap((a) => selectorProblems(a, document));

  async function allow() {
    const origins = wantedMatches(activeAdapters(consoles));
    const granted = await browser.permissions.request({ origins }).catch(() => false);
    setAccess(granted ? `Allowed on ${origins.length} URL pattern(s).` : 'Not allowed: the panel will not appear on those consoles.');
  }

  return (
    <section id="consoles">
      <h2>Chat consoles</h2>
      {unrecognised.map(({ tabId, title, health }) => (
        <p class="problem" role="alert" data-console-health={health.state} key={tabId}>
          {title ? <bdi>{title}</bdi> : health.console}: {healthWords(health)!.title} {healthWords(health)!.detail}
        </p>
      ))}
      <Setting store={store} section="consoles" name="builtIn" label="Built-in consoles">
        {(disabled) => (
          <table class="consoles">
            <thead><tr><th>On</th><th>Console</th><th>Runs on (one URL pattern per line)</th></tr></thead>
            <tbody>
              {BUILT_IN_ADAPTERS.map((a) => {
                const setting = consoles.builtIn[a.name] ?? { enabled: true, matches: a.matches };
                const put = (patch: Partial<typeof setting>) => store.set('consoles', 'builtIn', { ...consoles.builtIn, [a.name]: { ...setting, ...patch } });
                return (
                  <tr data-console={a.name}>
                    <td class="center"><input type="checkbox" aria-label={`${a.label} on`} disabled={disabled} checked={setting.enabled} onChange={(e) => put({ enabled: e.currentTarget.checked })} /></td>
                    <td>{a.label}</td>
                    <td><textarea rows={Math.max(1, setting.matches.length)} aria-label={`${a.label} URLs`} disabled={disabled} value={setting.matches.join('\n')} onInput={(e) => put({ matches: lines(e.currentTarget.value) })} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Setting>
      <Setting store={store} section="consoles" name="custom" label="Custom console adapters (JSON, see adapter.schema.json)">
        {(disabled) => (
          <>
            <textarea id="custom-adapters" class="code" rows={8} spellcheck={false} disabled={disabled} value={customText} onInput={(e) => editCustom(e.currentTarget.value)} />
            {customErrors.map((e) => <p class="problem" role="alert">{e}</p>)}
            {!customErrors.length && unreadable.map((e) => <p class="problem" role="alert" data-unreadable-selector>{e} (this adapter is left out on the consoles until it is fixed)</p>)}
          </>
        )}
      </Setting>
      <div class="buttons">
        <button type="button" onClick={allow}>Allow the extension on these consoles</button>
        {access && <span class="hint">{access}</span>}
      </div>
      <AdapterTester adapters={[...consoles.custom, ...BUILT_IN_ADAPTERS]} use={useTested} />
    </section>
  );
}
