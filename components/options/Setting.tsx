import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';
import type { OptionsStore, ShownProblem } from './store';
import type { SectionName } from '@/utils/settings/schema';

/** A problem beside its setting: a stored, policy or imported value says it was ignored; a typed one says only what is wrong. */
function problemWords(p: ShownProblem): string {
  switch (p.source) {
    case 'policy': return i18n.t('options.setting.ignored.policy', { problem: p.text });
    case 'local': return i18n.t('options.setting.ignored.local', { problem: p.text });
    case 'imported': return i18n.t('options.setting.ignored.imported', { problem: p.text });
    case 'draft': return p.text;
  }
}

/**
 * One setting's frame: its label (a <label> for `control`, the id of its one input), a hint,
 * "Set by your administrator" when policy locked it (the control is then disabled), and what is
 * wrong with its stored or typed value.
 */
export function Setting({ store, section, name, label, hint, control, children }: {
  store: OptionsStore;
  section: SectionName;
  name: string;
  label: string;
  hint?: ComponentChildren;
  control?: string;
  children: (disabled: boolean) => ComponentChildren;
}) {
  const locked = store.isLocked(section, name);
  const problems = store.problemsOf(`${section}.${name}`);
  return (
    <div class={`setting${locked ? ' locked' : ''}${problems.length ? ' invalid' : ''}`} data-setting={`${section}.${name}`}>
      <div class="setting-label">
        {control ? <label for={control}>{label}</label> : <span>{label}</span>}
        {locked && <span class="lock" title={i18n.t('options.setting.lockedTitle')}>{i18n.t('options.setting.locked')}</span>}
      </div>
      {hint && <p class="hint">{hint}</p>}
      {children(locked)}
      {problems.map((p) => (
        // Polite: a typed value is checked at each key, and an alert would interrupt at each one.
        <p class="problem" aria-live="polite" data-source={p.source}>{problemWords(p)}</p>
      ))}
    </div>
  );
}
