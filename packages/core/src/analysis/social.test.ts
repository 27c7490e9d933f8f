import { describe, expect, it } from 'vitest';
import type { DossierRecord } from '../dossier/model.js';
import { flagText } from './flagged.js';
import { analyseIdentities, levenshtein } from './identities.js';
import { analysePeople } from './people.js';

describe('flaggable posts', () => {
  it('matches keyword categories with word boundaries; acronyms only in capitals', () => {
    expect(flagText('I love ice cream').map((r) => r.category)).toEqual(['weather-disaster']);
    expect(flagText('ICE was at the school').map((r) => r.category)).toEqual(['dhs-agencies']);
    expect(flagText('nice weather, powerful sunset')).toEqual([]);
  });

  it('flags strong negativity about an agency, in English and Spanish, and not praise', () => {
    const en = flagText('ICE raids again today. These agents are cruel and disgusting.');
    expect(en.find((r) => r.type === 'negative-about-agency')?.agency).toBe('ICE');
    const es = flagText('La migra otra vez en el barrio. Son unos abusadores y racistas.');
    expect(es.find((r) => r.type === 'negative-about-agency')?.agency).toBe('ICE');
    expect(flagText('Thanks to the police for helping find my dog, wonderful people!').some((r) => r.type === 'negative-about-agency')).toBe(false);
    expect(flagText('This cake is disgusting and awful').some((r) => r.type === 'negative-about-agency')).toBe(false);
  });
});

const profile = (platform: DossierRecord['source']['platform'], ids: [string, string][]): DossierRecord => ({
  id: `${platform}:profile`, kind: 'profile', source: { platform, archive: `${platform}.zip`, file: 'profile.json' },
  identities: ids.map(([kind, value]) => ({ kind: kind as 'handle', value, platform })),
});

describe('linked identities and people', () => {
  it('links accounts by email, email local part, similar handles and phone digits', () => {
    const result = analyseIdentities([
      profile('instagram', [['handle', '@Maria.Lopez_91'], ['email', 'maria.lopez91@example.org'], ['phone', '+1 (213) 555-0199']]),
      profile('x', [['handle', 'marialopez'], ['phone', '213-555-0199']]),
      profile('tiktok', [['handle', 'unrelated_name']]),
    ]);
    const reasons = result.links.map((l) => l.reason);
    expect(reasons).toContain('same-phone');
    expect(reasons).toContain('similar-handle');
    expect(reasons).toContain('email-matches-handle');
    expect(result.linkedPlatforms.flat().sort()).toEqual(['instagram', 'x']);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
  });

  it('ranks people by tags, mentions, messages and mutual follows, leaving out the person', () => {
    const rec = (i: number, people: NonNullable<DossierRecord['people']>): DossierRecord => ({ id: `r${i}`, kind: 'post', source: { platform: 'instagram', archive: 'a', file: 'f' }, people });
    const people = analysePeople([
      rec(1, [{ handle: 'sam', platform: 'instagram', relation: 'following' }, { handle: 'sam', platform: 'instagram', relation: 'follower' }]),
      rec(2, [{ handle: 'lee', platform: 'instagram', relation: 'tagged' }]),
      rec(3, [{ handle: 'me', platform: 'instagram', relation: 'tagged' }]),
      rec(4, [{ handle: 'oneway', platform: 'instagram', relation: 'following' }]),
      ...Array.from({ length: 20 }, (_, i) => rec(10 + i, [{ name: 'Sam', handle: 'sam', platform: 'instagram', relation: 'messaged' }])),
    ], new Set(['@me']));
    expect(people.map((p) => p.key)).toEqual(['@sam', '@lee']);
    expect(people[0]?.mutual).toBe(true);
  });
});
