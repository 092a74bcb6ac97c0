import { describe, expect, it } from 'vitest';
import { adapterJsonSchema, parseAdapter } from '@/utils/adapters/schema';
import { demoAdapter } from '@/utils/adapters/demo';

describe('adapter format', () => {
  it('accepts the built-in adapters', () => {
    expect(parseAdapter(demoAdapter).ok).toBe(true);
  });

  it.each([
    [{ ...demoAdapter, name: 'Bad Name' }, 'adapter "Bad Name": name: lower-case letters, digits and dashes'],
    [{ ...demoAdapter, matches: ['chat.example.com'] }, 'adapter "demo": matches.0: a match pattern such as https://chat.example.com/*'],
    [{ ...demoAdapter, fields: { 'visitor.email': { read: 'attr' } } }, 'adapter "demo": fields.visitor.email: read "attr" needs "attr" (the attribute name)'],
    [{ ...demoAdapter, fields: { 'nowhere.email': {} } }, 'adapter "demo": fields.nowhere.email: a catalogue key such as visitor.email'],
    [{ ...demoAdapter, pane: { root: '.x' } }, 'adapter "demo": pane: pane needs "id" or "url" to know the chat id'],
    [{ ...demoAdapter, transcript: { ...demoAdapter.transcript, text: { pattern: '([' } } }, 'adapter "demo": transcript.text: pattern is not a valid regular expression'],
  ])('names the adapter, the field and the problem', (input, message) => {
    const result = parseAdapter(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toContain(message);
  });

  it('exports as JSON Schema for admins', () => {
    const schema = adapterJsonSchema() as { type: string; required: string[]; properties: Record<string, unknown> };
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'matches', 'detect', 'mount', 'pane', 'transcript']));
  });
});
