import { browser } from 'wxt/browser';
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { countOf, momentOf } from '@/utils/i18n/locale';
import type { Adapter } from '@/utils/adapters/schema';
import { testAdapter, type TesterReport } from '@/utils/adapters/tester';
import { callInjected } from '@/utils/adapters/inject';
import { forgetSamples, loadSamples, saveSample, type Sample } from './samples';
import type { PickResult } from '@/entrypoints/adapter-tester';

type ConsoleTab = { id: number; title: string; url: string };
type InjectedTester = { run: (input: unknown) => TesterReport; clear: () => void; pick: (count: number, what: string, scope: string | null) => Promise<PickResult> };

/**
 * What the admin can point at, and where its selector goes in the adapter: a plain selector, or
 * an extract's `selector`. Lists take two examples; a selector inside a message or the pane is
 * relative to it (`scope`, a path of the adapter whose selector finds it).
 */
const PICKABLE: { path: string; what: () => string; count?: number; extract?: boolean; scope?: 'pane.root' | 'transcript.message' }[] = [
  { path: 'detect', what: () => i18n.t('options.tester.what.detect') },
  { path: 'mount.anchor', what: () => i18n.t('options.tester.what.anchor') },
  { path: 'chats.item', what: () => i18n.t('options.tester.what.chats'), count: 2 },
  { path: 'pane.root', what: () => i18n.t('options.tester.what.pane') },
  { path: 'transcript.message', what: () => i18n.t('options.tester.what.messages'), count: 2, scope: 'pane.root' },
  { path: 'transcript.text', what: () => i18n.t('options.tester.what.text'), extract: true, scope: 'transcript.message' },
  { path: 'transcript.author', what: () => i18n.t('options.tester.what.author'), extract: true, scope: 'transcript.message' },
  { path: 'fields.visitor.name', what: () => i18n.t('options.tester.what.name'), extract: true },
  { path: 'fields.visitor.email', what: () => i18n.t('options.tester.what.email'), extract: true },
  { path: 'fields.visitor.phone', what: () => i18n.t('options.tester.what.phone'), extract: true },
  { path: 'fields.visitor.company', what: () => i18n.t('options.tester.what.company'), extract: true },
  { path: 'agent.name', what: () => i18n.t('options.tester.what.agent'), extract: true },
];

/** The adapter (parsed JSON) with a picked selector put at `path` ("fields.visitor.email": fields → "visitor.email"). */
function withSelector(adapter: Record<string, unknown>, path: string, selector: string, extract: boolean): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  const keys = head === 'fields' ? [head, rest.join('.')] : [head!, ...rest];
  const copy = structuredClone(adapter);
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = (node[key] = typeof node[key] === 'object' && node[key] ? node[key] : {}) as Record<string, unknown>;
  const last = keys.at(-1)!;
  node[last] = extract ? { ...(typeof node[last] === 'object' && node[last] ? node[last] : {}), selector } : selector;
  return copy;
}

/** A selector of the adapter being edited, by path (for a pick's scope). */
const selectorAt = (adapter: Record<string, unknown>, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], adapter);

/** Tabs the extension may read (Chrome gives their URL only for those): where the tester can run. */
async function readableTabs(): Promise<ConsoleTab[]> {
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((t) => (t.id !== undefined && t.url && /^https?:/.test(t.url) ? [{ id: t.id, title: t.title || t.url, url: t.url }] : []));
}

/**
 * Calls one of the tester's functions in a tab's isolated world: its script first (injected on
 * demand, again each time: harmless), then the call. A promise it returns (a pick) is awaited.
 */
async function callTester<K extends keyof InjectedTester>(tabId: number, name: K, ...args: Parameters<InjectedTester[K]>): Promise<Awaited<ReturnType<InjectedTester[K]>>> {
  return (await callInjected({ tabId }, '/adapter-tester.js', 'sfPanelAdapterTester', name, args)) as Awaited<ReturnType<InjectedTester[K]>>;
}

/** What a selector found: a count, "matches nothing", or that its scope (the pane, a message) is not there. */
function countWords(count: number | null, scope: string): string {
  if (count === null) {
    switch (scope) {
      case 'pane': return i18n.t('options.tester.selectors.noPane');
      case 'message': return i18n.t('options.tester.selectors.noMessage');
      case 'chat item': return i18n.t('options.tester.selectors.noChatItem');
      default: return i18n.t('options.tester.selectors.noScope');
    }
  }
  if (count === 0) return i18n.t('options.tester.selectors.nothing');
  return scope === 'message' ? i18n.t('options.tester.selectors.inMessages', count, { count: countOf(count) }) : countOf(count);
}

const roleWords = (role: string) => (role === 'visitor' ? i18n.t('options.tester.role.visitor') : role === 'agent' ? i18n.t('options.tester.role.agent') : role === 'system' ? i18n.t('options.tester.role.system') : role);

/** "Reads chat 42: 3 messages, ended." */
const chatRead = (chatId: string, count: number, ended: boolean) =>
  ended ? i18n.t('options.tester.summary.readsEnded', count, { chat: chatId, count: countOf(count) }) : i18n.t('options.tester.summary.reads', count, { chat: chatId, count: countOf(count) });

/**
 * The adapter tester: the admin edits an adapter (or starts from one of the consoles'), picks an
 * open console tab, and sees at once what each selector finds there (outlined on the page) and
 * the chat the panel would get. Runs again as they type.
 */
export function AdapterTester({ adapters, use }: { adapters: Adapter[]; use: (adapter: unknown) => void }) {
  const [text, setText] = useState(() => JSON.stringify(adapters[0] ?? {}, null, 2));
  const [tabs, setTabs] = useState<ConsoleTab[]>([]);
  const [tabId, setTabId] = useState<number | null>(null);
  const [report, setReport] = useState<TesterReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState(PICKABLE[0]!.path);
  const [picked, setPicked] = useState<{ ok: boolean; words: string } | null>(null);
  const [samples, setSamples] = useState<Sample[]>([]);
  const [checked, setChecked] = useState<{ sample: Sample; report: TesterReport }[] | null>(null);
  const [sampleNote, setSampleNote] = useState<string | null>(null);
  useEffect(() => void loadSamples().then(setSamples).catch(() => undefined), []);
  const refresh = () => void readableTabs().then((found) => {
    setTabs(found);
    setTabId((id) => (found.some((t) => t.id === id) ? id : found[0]?.id ?? null));
  }).catch(() => setTabs([]));
  useEffect(refresh, []);

  async function run(json: string, tab: number | null) {
    if (tab === null) return setError(i18n.t('options.tester.noTabChosen'));
    let input: unknown;
    try {
      input = JSON.parse(json);
    } catch (e) {
      setReport(null);
      return setError(i18n.t('options.tester.notJson', { detail: e instanceof Error ? e.message : String(e) }));
    }
    try {
      setReport(await callTester(tab, 'run', input));
      setError(null);
    } catch (e) {
      setReport(null);
      setError(i18n.t('options.tester.cannotRun', { detail: e instanceof Error ? e.message : String(e) }));
    }
  }
  /** The admin points at the element on the console itself; its selector goes into the adapter at the chosen place. */
  async function pick() {
    const choice = PICKABLE.find((p) => p.path === target)!;
    if (tabId === null) return setPicked({ ok: false, words: i18n.t('options.tester.chooseTab') });
    let adapter: Record<string, unknown>;
    try {
      adapter = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return setPicked({ ok: false, words: i18n.t('options.tester.invalidJson') });
    }
    const scope = choice.scope ? selectorAt(adapter, choice.scope) : null;
    const self = await browser.tabs.getCurrent();
    setPicked({ ok: true, words: i18n.t('options.tester.clickOn', { what: choice.what() }) });
    try {
      await browser.tabs.update(tabId, { active: true });
      const result = await callTester(tabId, 'pick', choice.count ?? 1, choice.what(), typeof scope === 'string' ? scope : null);
      if (!result || 'cancelled' in result) return setPicked({ ok: false, words: i18n.t('options.tester.nothingPicked') });
      if ('error' in result) return setPicked({ ok: false, words: i18n.t('options.tester.cannotName', { detail: result.error }) });
      const next = JSON.stringify(withSelector(adapter, choice.path, result.selector, !!choice.extract), null, 2);
      setText(next);
      setPicked({ ok: true, words: i18n.t('options.tester.picked', { path: choice.path, selector: result.selector }) });
      await run(next, tabId);
    } catch (e) {
      setPicked({ ok: false, words: i18n.t('options.tester.cannotPick', { detail: e instanceof Error ? e.message : String(e) }) });
    } finally {
      if (self?.id !== undefined) await browser.tabs.update(self.id, { active: true }).catch(() => undefined);
    }
  }

  /** Keeps the chosen tab's page (markup only: no script, none of the tester's marks, not the panel) to check adapters against later. */
  async function keepPage() {
    if (tabId === null) return setSampleNote(i18n.t('options.tester.chooseTab'));
    try {
      const [answer] = await browser.scripting.executeScript({
        target: { tabId },
        func: () => {
          const root = document.documentElement.cloneNode(true) as HTMLElement;
          for (const el of Array.from(root.querySelectorAll('script, sf-chat-panel, #sf-adapter-test-style'))) el.remove();
          for (const el of Array.from(root.querySelectorAll('[data-sf-adapter-test]'))) el.removeAttribute('data-sf-adapter-test');
          return { html: root.outerHTML, url: location.href, title: document.title };
        },
      });
      const page = answer!.result as { html: string; url: string; title: string };
      const kept = await saveSample({ ...page, title: page.title.slice(0, 200), url: page.url.slice(0, 2_000), at: Date.now() });
      if (typeof kept === 'string') return setSampleNote(kept);
      setSamples(kept);
      setSampleNote(i18n.t('options.tester.kept', kept.length, { title: page.title, count: countOf(kept.length) }));
      if (checked) checkSamples(text, kept);
    } catch (e) {
      setSampleNote(i18n.t('options.tester.cannotKeep', { detail: e instanceof Error ? e.message : String(e) }));
    }
  }

  /** The adapter run on every kept page, as the page was (DOMParser: markup only, nothing runs). */
  function checkSamples(json: string, pages = samples) {
    let input: unknown;
    try {
      input = JSON.parse(json);
    } catch {
      return setChecked(null);
    }
    setChecked(pages.map((sample) => ({ sample, report: testAdapter(input, new DOMParser().parseFromString(sample.html, 'text/html'), { mark: false, url: sample.url }) })));
  }

  // Live: once run, every edit runs it again (after a pause in typing), on the tab and the kept pages.
  useEffect(() => {
    if (!report && !error && !checked) return;
    const timer = setTimeout(() => {
      if (report || error) void run(text, tabId);
      if (checked) checkSamples(text);
    }, 400);
    return () => clearTimeout(timer);
  }, [text]);

  const snapshot = report?.snapshot;
  const facts = snapshot ? (['visitor', 'session', 'preChat', 'custom', 'chat', 'agent'] as const).flatMap((group) => Object.entries(snapshot[group] ?? {}).map(([k, v]) => [`${group}.${k}`, String(v)] as const)) : [];
  return (
    <div class="tester" id="adapter-tester">
      <h3>{i18n.t('options.tester.title')}</h3>
      <p class="hint">{i18n.t('options.tester.hint')}</p>
      <div class="pair">
        <label>{i18n.t('options.tester.startFrom')}{' '}
          <select id="adapter-test-start" onChange={(e) => setText(JSON.stringify(adapters.find((a) => a.name === e.currentTarget.value) ?? {}, null, 2))}>
            {adapters.map((a) => <option value={a.name}>{a.label}</option>)}
          </select>
        </label>
        <label>{i18n.t('options.tester.tab')}{' '}
          <select id="adapter-test-tab" value={tabId ?? ''} onChange={(e) => setTabId(Number(e.currentTarget.value))}>
            {tabs.length ? tabs.map((t) => <option value={t.id}>{t.title}</option>) : <option value="">{i18n.t('options.tester.noTab')}</option>}
          </select>
        </label>
        <button type="button" onClick={refresh}>{i18n.t('options.tester.refresh')}</button>
      </div>
      <div class="pair picker">
        <label>{i18n.t('options.tester.pickOn')}{' '}
          <select id="adapter-pick-target" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            {PICKABLE.map((p) => <option value={p.path}>{i18n.t('options.tester.pickOption', { path: p.path, what: p.what() })}</option>)}
          </select>
        </label>
        <button type="button" id="adapter-pick" onClick={() => void pick()}>{i18n.t('options.tester.pick')}</button>
        {picked && <span class={picked.ok ? 'hint' : 'problem'} id="adapter-picked" role="status"><code>{picked.words}</code></span>}
      </div>
      <textarea id="adapter-test-json" class="code" rows={12} spellcheck={false} aria-label={i18n.t('options.tester.json')} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <div class="buttons">
        <button type="button" class="primary" id="adapter-test-run" onClick={() => void run(text, tabId)}>{i18n.t('options.tester.run')}</button>
        {report && <button type="button" onClick={() => tabId !== null && void callTester(tabId, 'clear').catch(() => undefined)}>{i18n.t('options.tester.clear')}</button>}
        {report && !report.problems.length && <button type="button" id="adapter-test-use" onClick={() => use(JSON.parse(text))}>{i18n.t('options.tester.use')}</button>}
      </div>
      <div class="buttons">
        <button type="button" id="adapter-sample-keep" onClick={() => void keepPage()}>{i18n.t('options.tester.keep')}</button>
        <button type="button" id="adapter-sample-check" disabled={!samples.length} onClick={() => checkSamples(text)}>{i18n.t('options.tester.check', samples.length, { count: countOf(samples.length) })}</button>
        {samples.length > 0 && <button type="button" onClick={() => void forgetSamples().then(() => (setSamples([]), setChecked(null)))}>{i18n.t('options.tester.forget')}</button>}
        {sampleNote && <span class="hint" role="status">{sampleNote}</span>}
      </div>
      {checked && (
        <table class="tester-samples" id="adapter-samples">
          <thead><tr><th scope="col">{i18n.t('options.tester.samples.page')}</th><th scope="col">{i18n.t('options.tester.samples.found')}</th><th scope="col">{i18n.t('options.tester.samples.chat')}</th><th scope="col">{i18n.t('options.tester.samples.nothing')}</th></tr></thead>
          <tbody>
            {checked.map(({ sample, report: r }) => {
              const nothing = r.selectors.filter((x) => x.count === 0).map((x) => x.path);
              return (
                <tr data-sample={sample.at} class={r.problems.length || !r.detected || !r.snapshot ? 'warn' : ''}>
                  <td><bdi>{sample.title || sample.url}</bdi><br /><span class="hint">{momentOf(sample.at)}</span></td>
                  <td>{r.problems.length ? r.problems.join('; ') : r.detected ? i18n.t('options.tester.samples.yes') : i18n.t('options.tester.samples.noDetect')}</td>
                  <td data-chat>{r.snapshot ? i18n.t(r.snapshot.state === 'ended' ? 'options.tester.samples.readEnded' : 'options.tester.samples.read', r.snapshot.transcript.length, { chat: r.snapshot.chatId, count: countOf(r.snapshot.transcript.length) }) : i18n.t('options.tester.samples.none')}</td>
                  <td data-nothing>{nothing.length ? nothing.join(', ') : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {error && <p class="problem" role="alert">{error}</p>}
      {report && (
        <div class="tester-report" aria-live="polite">
          {report.problems.map((p) => <p class="problem" role="alert" data-tester-problem>{p}</p>)}
          {!report.problems.length && (
            <ul class="tester-summary">
              <li data-check="url" class={report.urlMatches ? '' : 'warn'}>{report.urlMatches ? i18n.t('options.tester.summary.urlMatch') : i18n.t('options.tester.summary.urlNoMatch')}</li>
              <li data-check="detect" class={report.detected ? '' : 'warn'}>{report.detected ? i18n.t('options.tester.summary.detect') : i18n.t('options.tester.summary.noDetect')}</li>
              {report.chats.length > 0 && <li>{i18n.t(report.chats.some((c) => c.active) ? 'options.tester.summary.chats' : 'options.tester.summary.chatsNoneOpen', report.chats.length, { count: countOf(report.chats.length) })}</li>}
              <li data-check="chat" class={snapshot ? '' : 'warn'}>{snapshot ? chatRead(snapshot.chatId, snapshot.transcript.length, snapshot.state === 'ended') : i18n.t('options.tester.summary.readsNothing')}</li>
            </ul>
          )}
          {report.selectors.length > 0 && (
            <table class="tester-selectors">
              <thead><tr><th scope="col">{i18n.t('options.tester.selectors.where')}</th><th scope="col">{i18n.t('options.tester.selectors.selector')}</th><th scope="col">{i18n.t('options.tester.selectors.found')}</th></tr></thead>
              <tbody>
                {report.selectors.map((s) => (
                  <tr data-path={s.path} data-count={s.count ?? ''} class={s.count === 0 ? 'warn' : ''}>
                    <td><code>{s.path}</code></td>
                    <td><code>{s.selector}</code></td>
                    <td>{countWords(s.count, s.scope)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {snapshot && (
            <div class="tester-snapshot">
              <h4>{i18n.t('options.tester.snapshot')}</h4>
              <dl>{facts.map(([k, v]) => <><dt><code>{k}</code></dt><dd><bdi>{v}</bdi></dd></>)}</dl>
              <ol class="tester-messages">
                {snapshot.transcript.slice(-5).map((m) => <li data-role={m.role}><strong>{m.author ? i18n.t('options.tester.byAuthor', { role: roleWords(m.role), author: m.author }) : roleWords(m.role)}</strong>: <bdi>{m.text}</bdi></li>)}
              </ol>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
