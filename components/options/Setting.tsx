import type { ComponentChildren } from 'preact';
import type { OptionsStore } from './store';
import type { SectionName } from '@/utils/settings/schema';

/**
 * One setting's frame: its label, the control, "Set by your administrator" when policy locked
 * it (the control is then disabled), and what was wrong with its stored or typed value.
 */
export function Setting({ store, section, name, label, children }: { store: OptionsStore; section: SectionName; name: string; label: string; children: (disabled: boolean) => ComponentChildren }) {
  const locked = store.isLocked(section, name);
  const problems = store.problemsOf(`${section}.${name}`);
  return (
    <div class={`setting${locked ? ' locked' : ''}${problems.length ? ' invalid' : ''}`} data-setting={`${section}.${name}`}>
      <div class="setting-label">
        {label}
        {locked && <span class="lock" title="Enterprise policy sets this value">🔒 Set by your administrator</span>}
      </div>
      {children(locked)}
      {problems.map((p) => (
        <p class="problem" role="alert">{p.source === 'policy' ? 'Policy value ignored: ' : 'Stored value ignored: '}{p.message}</p>
      ))}
    </div>
  );
}
