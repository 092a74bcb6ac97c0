import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESENCE, type PresenceSettings } from '@/utils/presence/settings';
import { PRESENCE_MAPPING } from '../../consoles/lightning/mapping';
import { agree, ECHO_MS, initialModel, step, type PresenceAction, type PresenceEvent, type PresenceModel } from '@/utils/presence/sync';

/** Seed 004's example, as an admin maps it: three Omni statuses, the console's four states. */
const SETTINGS: PresenceSettings = { ...DEFAULT_PRESENCE, enabled: true, ...PRESENCE_MAPPING };

/** Runs events through the machine, returning each event's actions and the final model. */
function run(events: PresenceEvent[], settings = SETTINGS, from: PresenceModel = initialModel()) {
  let model = from;
  const actions: PresenceAction[][] = [];
  for (const event of events) {
    const result = step(model, event, settings);
    model = result.model;
    actions.push(result.actions);
  }
  return { model, actions };
}

/** Both sides known and in step: the console online, Omni Available. */
const synced = () => run([{ type: 'console.state', state: 'online', at: 0 }, { type: 'omni.status', status: 'Available', at: 1 }]).model;

/** Changes this far apart never meet in flight (the simulation's latency is at most 420 ms a hop). */
const CONFLICT_MS = 3_000;

describe('presence sync: each event and what it sets', () => {
  const T = 100_000;
  const cases: [string, PresenceEvent[], PresenceAction[][], Partial<PresenceSettings>?][] = [
    ['the agent goes away in the console → Omni Break', [{ type: 'console.state', state: 'away', at: T }], [[{ to: 'omni', status: 'Break' }]]],
    ['a minor state falls back to its major state’s status', [{ type: 'console.state', state: 'away/lunch', at: T }], [[{ to: 'omni', status: 'Break' }]]],
    ['a console state nobody mapped sets nothing (unsure: nothing)', [{ type: 'console.state', state: 'training', at: T }], [[]]],
    ['the agent picks Busy in Omni → the console busy', [{ type: 'omni.status', status: 'Busy', reason: 'OmniManualStatusChange', at: T }], [[{ to: 'console', state: 'busy' }]]],
    ['a status that maps to a state of its own → that state', [{ type: 'omni.status', status: 'Break', reason: 'OmniManualStatusChange', at: T }], [[{ to: 'console', state: 'away' }]]],
    ['a busy status without “maps to” → the busy state', [{ type: 'omni.status', status: 'Training', reason: 'OmniManualStatusChange', at: T }], [[{ to: 'console', state: 'away' }]], { fromOmni: [{ status: 'Training', busy: true, mapsTo: null }, { status: 'Available', busy: false, mapsTo: null }], busyState: 'away' }],
    ['an Omni status nobody mapped moves nothing', [{ type: 'omni.status', status: 'Lunch', reason: 'OmniManualStatusChange', at: T }], [[]]],
    ['the console signs out (offline state) → Omni logged out', [{ type: 'console.state', state: 'offline', at: T }], [[{ to: 'omni', status: null }]]],
    ['the console tab closes → Omni logged out', [{ type: 'console.gone', at: T }], [[{ to: 'omni', status: null }]]],
    ['… unless the admin turned that rule off', [{ type: 'console.gone', at: T }], [[]], { consoleLogoutOffline: false }],
    ['Omni logs out → the console to its offline state', [{ type: 'omni.logout', at: T }], [[{ to: 'console', state: 'offline' }]]],
    ['… unless the admin turned that rule off', [{ type: 'omni.logout', at: T }], [[]], { omniOfflineLogsOut: false }],
    ['work accepted in Omni → the console busy, Omni left as it is', [{ type: 'omni.workAccepted', at: T }, { type: 'console.state', state: 'busy', at: T + 50 }], [[{ to: 'console', state: 'busy' }], []]],
    ['… unless the admin turned that rule off', [{ type: 'omni.workAccepted', at: T }], [[]], { workAcceptedBusy: false }],
    ['the echo of a status the sync set is not sent back', [{ type: 'console.state', state: 'away', at: T }, { type: 'omni.status', status: 'Break', reason: 'OmniToolkitStatusChange', at: T + 80 }], [[{ to: 'omni', status: 'Break' }], []]],
    ['the echo of a console state the sync set is not sent back', [{ type: 'omni.status', status: 'Busy', reason: 'OmniManualStatusChange', at: T }, { type: 'console.state', state: 'busy', at: T + 80 }], [[{ to: 'console', state: 'busy' }], []]],
    ['the same status reported again (a second Lightning tab) sets nothing', [{ type: 'omni.status', status: 'Available', reason: 'OmniManualStatusChange', at: T }], [[]]],
    // (The set in flight lands after the person's change, so Omni ends on the console's: nothing to send again.)
    ['both change at once, the console master: the set in flight stands', [{ type: 'console.state', state: 'away', at: T }, { type: 'omni.status', status: 'Busy', reason: 'OmniManualStatusChange', at: T + 200 }], [[{ to: 'omni', status: 'Break' }], []]],
    // (Omni's person wins: set again over the set in flight, and the console follows.)
    ['both change at once, Omni master: the console follows Omni', [{ type: 'console.state', state: 'away', at: T }, { type: 'omni.status', status: 'Busy', reason: 'OmniManualStatusChange', at: T + 200 }], [[{ to: 'omni', status: 'Break' }], [{ to: 'omni', status: 'Busy' }, { to: 'console', state: 'busy' }]], { master: 'omni' }],
    ['changes far apart are not a conflict: the later one leads', [{ type: 'console.state', state: 'away', at: T }, { type: 'omni.status', status: 'Break', reason: 'OmniToolkitStatusChange', at: T + 100 }, { type: 'omni.status', status: 'Busy', reason: 'OmniManualStatusChange', at: T + CONFLICT_MS + 200 }], [[{ to: 'omni', status: 'Break' }], [], [{ to: 'console', state: 'busy' }]]],
  ];
  it.each(cases)('%s', (_name, events, expected, overrides) => {
    const settings = { ...SETTINGS, ...overrides };
    expect(run(events, settings, synced()).actions).toEqual(expected);
  });

  it('the console signing in sets the login rule’s status', () => {
    const { actions } = run([{ type: 'omni.status', status: 'Busy', at: 0 }, { type: 'console.state', state: 'online', at: 10 }], { ...SETTINGS, loginStatus: 'Available' });
    expect(actions).toEqual([[], [{ to: 'omni', status: 'Available' }]]);
  });

  it('when the sides first meet, they meet on the master’s', () => {
    const console = run([{ type: 'console.state', state: 'away', at: 0 }, { type: 'omni.status', status: 'Available', at: 10 }]);
    expect(console.actions[1]).toEqual([{ to: 'omni', status: 'Break' }]);
    const omni = run([{ type: 'console.state', state: 'away', at: 0 }, { type: 'omni.status', status: 'Available', at: 10 }], { ...SETTINGS, master: 'omni' });
    expect(omni.actions[1]).toEqual([{ to: 'console', state: 'online' }]);
  });

  it('an echo that never comes stops being waited for', () => {
    const { model } = run([{ type: 'console.state', state: 'away', at: 0 }], SETTINGS, synced());
    expect(model.expect.omni.map((e) => e.value)).toEqual(['Break']);
    const later = run([{ type: 'omni.status', status: 'Busy', reason: 'OmniManualStatusChange', at: ECHO_MS + 1 }], SETTINGS, model);
    expect(later.actions).toEqual([[{ to: 'console', state: 'busy' }]]);
  });

  it('nothing moves when the console is signed out (no tab to set)', () => {
    expect(run([{ type: 'omni.status', status: 'Busy', reason: 'OmniManualStatusChange', at: 5 }], SETTINGS, { ...initialModel(), omni: 'Available' }).actions).toEqual([[]]);
  });
});

/**
 * Two sides with latency, people changing both at random, the sync between them: however the
 * changes and echoes interleave, it ends with both sides agreeing, and never ping-pongs.
 */
describe('presence sync: 100 random changes on both sides', () => {
  type Delivery = { at: number; seq: number; run: () => void };

  function simulate(seed: number, master: 'console' | 'omni') {
    const settings = { ...SETTINGS, master };
    let random = seed;
    const next = () => ((random = (random * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const queue: Delivery[] = [];
    let seq = 0;
    // Each channel delivers in order (a message port, a runtime message): its time never goes back.
    const lastOn: Record<string, number> = {};
    const send = (channel: string, at: number, run: () => void) => {
      const when = Math.max(at + 20 + next() * 400, lastOn[channel] ?? 0);
      lastOn[channel] = when;
      queue.push({ at: when, seq: seq++, run });
    };
    const sides = { console: 'online' as string, omni: 'Available' as string | null };
    let model = step(step(initialModel(), { type: 'console.state', state: 'online', at: 0 }, settings).model, { type: 'omni.status', status: 'Available', at: 0 }, settings).model;
    let actionCount = 0;
    let now = 0;
    /** The people's changes, in order: the last one, made well after the one before, must stand. */
    const people: { side: 'console' | 'omni'; value: string | null; at: number }[] = [];
    let undone = 0;
    const log: unknown[] = [];
    let checked = 0;
    const deliver = (event: PresenceEvent) => {
      const result = step(model, event, settings);
      model = result.model;
      log.push([event, result.actions]);
      for (const action of result.actions) {
        actionCount++;
        if (action.to === 'console') send('to-console', event.at, () => setConsole(action.state, 'sync'));
        else send('to-omni', event.at, () => setOmni(action.status, 'OmniToolkitStatusChange'));
      }
    };
    const setConsole = (state: string, _by: string) => {
      if (sides.console === state) return;
      sides.console = state;
      send('from-console', now, () => deliver({ type: 'console.state', state, at: now }));
    };
    const setOmni = (status: string | null, reason: string) => {
      if (sides.omni === status) return;
      sides.omni = status;
      send('from-omni', now, () => deliver(status === null ? { type: 'omni.logout', at: now } : { type: 'omni.status', status, reason, at: now }));
    };
    const states = ['online', 'away', 'busy', 'away/lunch'];
    const statuses = ['Available', 'Break', 'Busy'];
    let t = 1_000;
    for (let i = 0; i < 100; i++) {
      t += 50 + next() * 9_000;
      const onConsole = next() < 0.5;
      const pick = Math.floor(next() * 4);
      queue.push({ at: t, seq: seq++, run: () => {
        const value = onConsole ? states[pick]! : statuses[pick % 3]!;
        const [before, previous] = [people.at(-2), people.at(-1)];
        // The change before, apart from its neighbours (no conflict), still stands: the sync never undid it.
        const apart = !!previous && now - previous.at > CONFLICT_MS + 1_000 && (!before || previous.at - before.at > CONFLICT_MS + 1_000);
        if (apart) {
          checked++;
          if ((previous.side === 'console' ? sides.console : sides.omni) !== previous.value) {
            undone++;
            if (process.env.DEBUG_SIM) console.log('UNDONE', JSON.stringify({ before, previous, sides, log: log.slice(-12) }));
          }
        }
        if ((onConsole ? sides.console : sides.omni) === value) return;
        people.push({ side: onConsole ? 'console' : 'omni', value, at: now });
        if (onConsole) setConsole(value, 'agent');
        else setOmni(value, 'OmniManualStatusChange');
      } });
    }
    let steps = 0;
    while (queue.length && steps++ < 100_000) {
      queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const item = queue.shift()!;
      now = item.at;
      item.run();
    }
    return { sides, model, actionCount, drained: queue.length === 0, settings, people, undone, checked };
  }

  let lastStood = 0;
  it.each([1, 7, 42, 1_234, 99_991].flatMap((seed) => [[seed, 'console'], [seed, 'omni']] as const))('seed %i, %s master: ends in agreement, each change answered at most twice', (seed, master) => {
    const { sides, model, actionCount, drained, settings, people, undone, checked } = simulate(seed, master);
    expect(undone).toBe(0);
    expect(checked).toBeGreaterThan(15);
    // Last writer wins: the last change, made well after the one before it, is never undone by the sync.
    const [last, before] = [people.at(-1)!, people.at(-2)!];
    if (last.at - before.at > CONFLICT_MS + 1_000) expect(last.side === 'console' ? sides.console : sides.omni).toBe(last.value);
    lastStood += last.at - before.at > CONFLICT_MS + 1_000 ? 1 : 0;
    expect(drained).toBe(true);
    expect(agree(settings, { ...model, console: sides.console, omni: sides.omni, working: false })).toBe(true);
    // The model ends knowing each side as it is.
    expect([model.console, model.omni]).toEqual([sides.console, sides.omni]);
    expect(actionCount).toBeLessThanOrEqual(200);
  });

  it('the last-writer check ran in most of the seeds (it is not vacuous)', () => expect(lastStood).toBeGreaterThanOrEqual(5));
});
