import { describe, expect, it } from 'vitest';
import { chaosLine, CLOCK_AHEAD_MINUTES, runChaos } from '../../chaos/chaos';

// A small round of `npm run chaos` (its own browser, emulator and console; the full run is a command).
describe('the outbox under faults (a small chaos round)', () => {
  it('writes every chat exactly once through resets, 5xx, expired tokens, the API limit, worker stops and a browser restart', async () => {
    const result = await runChaos({ chats: 24, seed: 45 });
    console.log(chaosLine(result), result.events);
    expect(result.duplicates).toBe(0);
    expect(result.lost).toBe(0);
    expect(result.needsAttention).toBe(result.expectedNeedsAttention);
    expect(result.shownInPopup).toBe(result.needsAttention);
    expect(result.written + result.needsAttention).toBe(result.chats);
    // The PC's clock was a quarter of an hour ahead of Salesforce's throughout (the landed check must not care).
    expect(result.clockAheadMinutes).toBe(CLOCK_AHEAD_MINUTES);
    // The round really was stormy (seed 45 has one of each).
    expect(Object.keys(result.events)).toEqual(expect.arrayContaining(['500', '503', 'reset before commit', 'reset after commit', 'token expired', 'over the API limit', 'worker stopped', 'browser restarted']));
  }, 180_000);
});
