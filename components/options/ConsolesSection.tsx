import { browser } from 'wxt/browser';
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { countOf } from '@/utils/i18n/locale';
import { rich, slots } from '../text/rich';
import type { ConsoleHealth } from '@/utils/adapters/health';
import { healthWords } from '@/components/text/health';
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
      setCustomErrors([i18n.t('options.consoles.notJson', { detail: error instanceof Error ? error.message : String(error) })]);
      return;
    }
    if (!Array.isArray(raw)) return setCustomErrors([i18n.t('options.consoles.notList')]);
    const adapters: Adapter[] = [];
    const errors: string[] = [];
    raw.forEach((input, i) => {
      const parsed = parseAdapter(input);
      // A selector the browser cannot read is refused here, where there is a DOM to ask (the worker has none).
      const problems = parsed.ok ? selectorProblems(parsed.adapter, document) : parsed.errors;
      if (problems.length) errors.push(...problems.map((e) => i18n.t('options.consoles.adapterN', { n: countOf(i + 1), problem: e })));
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
    setAccess(granted ? i18n.t('options.consoles.allowed', origins.length, { count: countOf(origins.length) }) : i18n.t('options.consoles.notAllowed'));
  }

  return (
    <section id="consoles">
      <h2>{i18n.t('options.consoles.title')}</h2>
      {unrecognised.map(({ tabId, title, health }) => {
        const words = healthWords(health)!;
        return (
          <p class="problem" role="alert" data-console-health={health.state} key={tabId}>
            {rich(i18n.t('options.consoles.health', { ...slots('console'), title: words.title, detail: words.detail }), { console: title ? <bdi>{title}</bdi> : health.console })}
          </p>
        );
      })}
      <Setting store={store} section="consoles" name="builtIn" label={i18n.t('options.consoles.builtIn')}>
        {(disabled) => (
          <table class="consoles">
            <thead><tr><th scope="col">{i18n.t('options.consoles.on')}</th><th scope="col">{i18n.t('options.consoles.console')}</th><th scope="col">{i18n.t('options.consoles.runsOn')}</th></tr></thead>
            <tbody>
              {BUILT_IN_ADAPTERS.map((a) => {
                const setting = consoles.builtIn[a.name] ?? { enabled: true, matches: a.matches };
                const put = (patch: Partial<typeof setting>) => store.set('consoles', 'builtIn', { ...consoles.builtIn, [a.name]: { ...setting, ...patch } });
                return (
                  <tr data-console={a.name}>
                    <td class="center"><input type="checkbox" aria-label={i18n.t('options.consoles.onOf', { console: a.label })} disabled={disabled} checked={setting.enabled} onChange={(e) => put({ enabled: e.currentTarget.checked })} /></td>
                    <td>{a.label}</td>
                    <td><textarea rows={Math.max(1, setting.matches.length)} aria-label={i18n.t('options.consoles.urlsOf', { console: a.label })} disabled={disabled} value={setting.matches.join('\n')} onInput={(e) => put({ matches: lines(e.currentTarget.value) })} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Setting>
      <Setting store={store} section="consoles" name="custom" control="custom-adapters" label={i18n.t('options.consoles.custom')}>
        {(disabled) => (
          <>
            <textarea id="custom-adapters" class="code" rows={8} spellcheck={false} disabled={disabled} value={customText} onInput={(e) => editCustom(e.currentTarget.value)} />
            {customErrors.map((e) => <p class="problem" role="alert">{e}</p>)}
            {!customErrors.length && unreadable.map((e) => <p class="problem" role="alert" data-unreadable-selector>{i18n.t('options.consoles.leftOut', { problem: e })}</p>)}
          </>
        )}
      </Setting>
      <div class="buttons">
        <button type="button" onClick={allow}>{i18n.t('options.consoles.allow')}</button>
        {access && <span class="hint">{access}</span>}
      </div>
      <AdapterTester adapters={[...consoles.custom, ...BUILT_IN_ADAPTERS]} use={useTested} />
    </section>
  );
}
