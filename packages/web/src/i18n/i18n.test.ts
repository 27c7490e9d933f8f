import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { es } from './es.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogues', () => {
  it('Spanish has exactly the English keys, none empty, with the same placeholders', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const spanish = es[key as keyof typeof en];
      expect(spanish.trim(), key).not.toBe('');
      expect(placeholders(spanish), key).toEqual(placeholders(text));
    }
  });

  it('Spanish speaks to the reader as tú, never usted', () => {
    for (const [key, text] of Object.entries(es)) expect(text, key).not.toMatch(/\busted(es)?\b|\bsu(s)? (foto|archivo|dispositivo|cuenta|dato)/i);
  });
});
