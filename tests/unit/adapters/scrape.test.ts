// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { query } from '@/utils/adapters/dom';
import { readTranscript, type MessageCache } from '@/utils/adapters/scrape';
import { builtIn, loadFixture } from './fixtures';

const adapter = builtIn('demo');
beforeEach(() => loadFixture('demo'));

describe('readTranscript with what changed: a new message costs the same however long the chat', () => {
  it('takes messages read before from the cache, reads the new one and one changed inside', () => {
    const pane = query(document, adapter.pane.root)!;
    const cache: MessageCache = new WeakMap();
    const first = readTranscript(adapter, pane, cache);
    const [firstNode, secondNode] = pane.querySelectorAll(adapter.transcript.message);
    // A console that rewrote a message's text without it being among the changes would not be
    // seen: only what mutated is read again (the observer reports every change inside a message).
    const unseen = firstNode!.querySelector('.msg__text')!;
    const before = unseen.textContent;
    unseen.textContent = 'changed, unreported';
    const added = secondNode!.cloneNode(true) as Element;
    added.setAttribute('data-message-id', 'new-1');
    added.querySelector('.msg__text')!.textContent = 'a new message';
    secondNode!.parentElement!.append(added);
    const edited = secondNode!.querySelector('.msg__text')!;
    edited.textContent = 'edited by its author';
    const next = readTranscript(adapter, pane, cache, [added.parentElement!, edited.firstChild!]);
    expect(next).toHaveLength(first.length + 1);
    expect(next[0]!.text).toBe(first[0]!.text); // from the cache: no change was reported inside it
    expect(next[0]!.text).toBe(before?.trim());
    expect(next[1]!.text).toBe('edited by its author');
    expect(next.at(-1)!.text).toBe('a new message');
    // Without the list of changes, everything is read again.
    expect(readTranscript(adapter, pane, cache)[0]!.text).toBe('changed, unreported');
  });
});
