import { describe, expect, it } from 'vitest';
import { PresenceHub, SETS_PER_MINUTE, type HubState, type PresenceDeps } from '@/utils/presence/hub';
import { DEFAULT_PRESENCE, type PresenceSettings } from '@/utils/presence/settings';
import { PRESENCE_MAPPING } from '../../consoles/lightning/mapping';

const SETTINGS: PresenceSettings = {
  ...DEFAULT_PRESENCE,
  enabled: true,
  loginStatus: 'Available',
  ...PRESENCE_MAPPING,
};
const STATUSES = [{ id: '0N5000000000001AAA', apiName: 'Available', label: 'Available' }, { id: '0N5000000000002AAA', apiName: 'Break', label: 'On a break' }, { id: '0N5000000000003AAA', apiName: 'Busy', label: 'Busy' }];

/** A hub over fake tabs; `kept` is what storage.session holds, shared by the hubs a test makes (a worker restart). */
function world(settings: Partial<PresenceSettings> = {}) {
  const sets: { to: string; tabId: number; value: string | null }[] = [];
  const warnings: string[] = [];
  const options = { settings: { ...SETTINGS, ...settings }, consoleWorks: true, omniWorks: true, now: 1_000_000 };
  let kept: HubState | undefined;
  const deps: PresenceDeps = {
    settings: async () => options.settings,
    setConsole: async (tabId, state) => (sets.push({ to: 'console', tabId, value: state }), options.consoleWorks),
    setOmni: async (tabId, status) => (sets.push({ to: 'omni', tabId, value: status }), options.omniWorks),
    now: () => (options.now += 100),
    warn: (message) => void warnings.push(message),
    load: async () => (kept ? structuredClone(kept) : undefined),
    save: async (state) => void (kept = structuredClone(state)),
  };
  const hub = () => new PresenceHub(deps);
  return { hub, sets, warnings, options, kept: () => kept };
}

/** The console tab 1 online, Omni Available through the Lightning tab 9. */
async function inStep(w: ReturnType<typeof world>) {
  const hub = w.hub();
  await hub.omni(9, { type: 'statuses', statuses: STATUSES });
  await hub.omni(9, { type: 'status', status: 'Available', statusId: STATUSES[0]!.id });
  await hub.consoleState(1, 'online');
  w.sets.length = 0;
  return hub;
}

describe('the presence hub', () => {
  it('sets Omni through the Lightning tab, and the console in every console tab', async () => {
    const w = world();
    const hub = await inStep(w);
    await hub.consoleState(2, 'online');
    await hub.consoleState(1, 'away');
    expect(w.sets).toEqual([{ to: 'omni', tabId: 9, value: 'Break' }]);
    w.sets.length = 0;
    await hub.omni(9, { type: 'status', status: 'Break', statusId: STATUSES[1]!.id, reason: 'OmniToolkitStatusChange' });
    await hub.omni(9, { type: 'status', status: 'Busy', statusId: STATUSES[2]!.id, reason: 'OmniManualStatusChange' });
    expect(w.sets).toEqual(expect.arrayContaining([{ to: 'console', tabId: 1, value: 'busy' }, { to: 'console', tabId: 2, value: 'busy' }]));
    expect(w.sets).toHaveLength(2);
  });

  it('logs out of Omni only when the last console tab closes', async () => {
    const w = world();
    const hub = await inStep(w);
    await hub.consoleState(2, 'online');
    await hub.tabClosed(1);
    expect(w.sets).toEqual([]);
    await hub.tabClosed(2);
    expect(w.sets).toEqual([{ to: 'omni', tabId: 9, value: null }]);
  });

  it('goes on where it was after the worker restarts: a change is a change, not a sign-in', async () => {
    const w = world();
    await inStep(w);
    const restarted = w.hub(); // a new worker: nothing in memory, the kept state in storage
    await restarted.consoleState(1, 'away');
    expect(w.sets).toEqual([{ to: 'omni', tabId: 9, value: 'Break' }]);
    w.sets.length = 0;
    await w.hub().tabClosed(1);
    expect(w.sets).toEqual([{ to: 'omni', tabId: 9, value: null }]);
  });

  it('stops waiting for the echo of a set that failed, so the agent’s next change is theirs', async () => {
    const w = world({ master: 'omni' });
    const hub = await inStep(w);
    w.options.omniWorks = false;
    await hub.consoleState(1, 'away');
    expect(w.kept()!.model.expect.omni).toEqual([]);
    expect(w.warnings.at(-1)).toMatch(/no Lightning console/);
    // Omni refusing through the bridge says so too.
    w.options.omniWorks = true;
    await hub.consoleState(1, 'busy');
    expect(w.kept()!.model.expect.omni.map((e) => e.value)).toEqual(['Busy']);
    await hub.omni(9, { type: 'error', message: 'Invalid status ID' });
    expect(w.kept()!.model.expect.omni).toEqual([]);
  });

  it('sets nothing while the sync is off; turned on, the sides meet on the master’s (the console’s)', async () => {
    const w = world();
    const hub = await inStep(w);
    w.options.settings = { ...w.options.settings, enabled: false };
    await hub.consoleState(1, 'away');
    await hub.omni(9, { type: 'status', status: 'Busy', statusId: STATUSES[2]!.id, reason: 'OmniManualStatusChange' });
    expect(w.sets).toEqual([]);
    w.options.settings = { ...w.options.settings, enabled: true };
    await hub.omni(9, { type: 'status', status: 'Available', statusId: STATUSES[0]!.id, reason: 'OmniManualStatusChange' });
    expect(w.sets).toEqual([{ to: 'omni', tabId: 9, value: 'Break' }]);
  });

  it('after accepted work is closed, the console leaves busy for what Omni says', async () => {
    const w = world();
    const hub = await inStep(w);
    await hub.omni(9, { type: 'workAccepted' });
    await hub.consoleState(1, 'busy');
    await hub.omni(9, { type: 'workClosed' });
    expect(w.sets).toEqual([{ to: 'console', tabId: 1, value: 'busy' }, { to: 'console', tabId: 1, value: 'online' }]);
  });

  it(`passes on at most ${SETS_PER_MINUTE} changes a minute (a console page flipping its state cannot churn Omni)`, async () => {
    const w = world();
    const hub = await inStep(w);
    for (let i = 0; i < SETS_PER_MINUTE + 10; i++) await hub.consoleState(1, i % 2 ? 'online' : 'away');
    expect(w.sets.length).toBe(SETS_PER_MINUTE);
    expect(w.warnings.at(-1)).toMatch(/more than 60 Omni-Channel changes a minute/);
  });
});
