import { describe, expect, it } from 'vitest';
import { JsonSplitter } from './json-stream.js';
import { FormatError } from '../issues.js';

function split(text: string, paths: string[], chunk = text.length): { path: string; value: unknown; index: number }[] {
  const out: { path: string; value: unknown; index: number }[] = [];
  const splitter = new JsonSplitter({ paths }, (path, value, index) => out.push({ path, value, index }));
  for (let at = 0; at < text.length; at += chunk) splitter.push(text.slice(at, at + chunk));
  splitter.end();
  return out;
}

const doc = {
  before: { skip: ['me', { '}': ']' }] },
  'we"ird': 1,
  locations: [
    { latitudeE7: 1, text: 'a "quoted" ] } [ { string', nested: { deep: [1, 2, { x: null }] } },
    { latitudeE7: 2, escaped: 'back\\slash\\', unicode: 'caf\u00e9 \ud83d\ude42' },
    3,
    'four',
    [5, [6]],
    true,
    null,
  ],
  profile: { name: 'x', list: [1, 2] },
  after: 42,
};

describe('JsonSplitter', () => {
  it('emits exactly what JSON.parse sees, whatever the chunk size', () => {
    const text = JSON.stringify(doc, null, 2);
    for (const chunk of [1, 2, 3, 7, 64, 1000, text.length]) {
      const items = split(text, ['locations.*', 'profile', 'after'], chunk);
      expect(items.filter((i) => i.path === 'locations.*').map((i) => i.value)).toEqual(doc.locations);
      expect(items.find((i) => i.path === 'profile')?.value).toEqual(doc.profile);
      expect(items.find((i) => i.path === 'after')?.value).toBe(42);
      expect(items.filter((i) => i.path === 'locations.*').map((i) => i.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    }
  });

  it('reads elements of a top-level array and of nested paths', () => {
    expect(split('[{"a":1},{"a":2}]', ['*']).map((i) => i.value)).toEqual([{ a: 1 }, { a: 2 }]);
    const nested = { chats: { about: '', list: [{ id: 1, messages: [] }, { id: 2 }] }, contacts: { list: [] } };
    expect(split(JSON.stringify(nested), ['chats.list.*', 'contacts.list.*'], 5).map((i) => i.value)).toEqual(nested.chats.list);
  });

  it('handles escaped keys and empty containers', () => {
    const text = '{"lo\\u0063ations": [ ], "x": {}, "locations":[{}, []]}';
    expect(split(text, ['locations.*'], 4).map((i) => i.value)).toEqual([{}, []]);
  });

  it('keeps items found before a truncation, then throws', () => {
    const text = '{"locations":[{"a":1},{"a":2},{"a":';
    const out: unknown[] = [];
    const splitter = new JsonSplitter({ paths: ['locations.*'] }, (_p, v) => out.push(v));
    splitter.push(text);
    expect(() => splitter.end()).toThrow(FormatError);
    expect(out).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('reports an oversized or broken item and goes on', () => {
    const errors: string[] = [];
    const out: unknown[] = [];
    const splitter = new JsonSplitter({ paths: ['*'], maxItemChars: 20, onItemError: (_p, i, reason) => errors.push(`${i}: ${reason}`) }, (_p, v) => out.push(v));
    splitter.push('[{"a":"0123456789012345678901234567890"}, {"b":1}, {"c" 1}, {"d":2}]');
    splitter.end();
    expect(out).toEqual([{ b: 1 }, { d: 2 }]);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^0: item larger/);
    expect(errors[1]).toMatch(/^2: not valid JSON/);
  });

  it('refuses structural garbage with a positioned error', () => {
    expect(() => split('{"a" 1}', ['a'])).toThrow(/expected ':'/);
    expect(() => split('{"a":1} trailing', ['a'])).toThrow(/after the end/);
  });
});
