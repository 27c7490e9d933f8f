/**
 * Ground truth on generated personas that this inference was not tuned for (the generator belongs
 * to the importers' side): several US time zones, decoys, travel, night shifts, EXIF without
 * offsets, sparse geotags.
 */
import { describe, expect, it } from 'vitest';
import { analyse, distanceM } from '@lowprofile/core';
import { makePersona, personaSink, type LatLon } from './helpers/persona-to-sink.js';

const metres = (a: LatLon | undefined, b: LatLon | null): number => (a === undefined || b === null ? Number.POSITIVE_INFINITY : distanceM(a.lat, a.lon, b.lat, b.lon));

const DENSE: [string, Record<string, unknown>][] = [
  ['Los Angeles, decoys, trip, EXIF without offsets', { seed: 42, timeZone: 'America/Los_Angeles' }],
  ['Denver', { seed: 5, timeZone: 'America/Denver', days: 60 }],
  ['Chicago night shift', { seed: 9, timeZone: 'America/Chicago', nightShift: true, days: 60 }],
  ['New York', { seed: 13, timeZone: 'America/New_York', days: 60 }],
  ['Phoenix (no daylight saving)', { seed: 21, timeZone: 'America/Phoenix', days: 60 }],
  ['Honolulu night shift', { seed: 33, timeZone: 'Pacific/Honolulu', nightShift: true, days: 45 }],
];

describe('generated personas with dense location history', () => {
  for (const [name, options] of DENSE) {
    it(`${name}: home within 150 m, work within 300 m`, async () => {
      const persona = await makePersona(options);
      const result = analyse(personaSink(persona));
      expect(metres(result.places.home, persona.groundTruth.home)).toBeLessThan(150);
      expect(metres(result.places.work, persona.groundTruth.work)).toBeLessThan(300);
      expect(result.places.nightShift).toBe(persona.groundTruth.nightShift);
      expect(result.places.home?.confidence).toBeGreaterThan(0.5);
    });
  }
});

describe('generated personas with sparse geotags only', () => {
  for (const [name, options] of [['Los Angeles', { seed: 3, timeZone: 'America/Los_Angeles' }], ['New York', { seed: 8, timeZone: 'America/New_York' }], ['Chicago', { seed: 12, timeZone: 'America/Chicago', sparseGeotags: 10 }]] as const) {
    it(`${name}: home within 150 m from ≥ 10 night-time geotags`, async () => {
      const persona = await makePersona({ ...options, sparse: true });
      const result = analyse(personaSink(persona));
      expect(result.places.mode).toBe('sparse');
      expect(metres(result.places.home, persona.groundTruth.home)).toBeLessThan(150);
    });
  }

  for (const count of [3]) {
    it(`${count} night-time geotags give no confident home`, async () => {
      const persona = await makePersona({ seed: 4, timeZone: 'America/Denver', sparse: true, sparseGeotags: count });
      const result = analyse(personaSink(persona));
      expect(result.places.home === undefined || result.places.home.confidence < 0.5).toBe(true);
    });
  }

  it('people, identities and flagged posts come out of the same persona', async () => {
    const persona = await makePersona({ seed: 42, timeZone: 'America/Los_Angeles', days: 30 });
    const result = analyse(personaSink(persona));
    expect(result.people[0]?.name).toBe((persona as unknown as { groundTruth: { closestPerson: string } }).groundTruth.closestPerson);
    expect(result.identities.linkedPlatforms.flat()).toEqual(expect.arrayContaining(['instagram', 'x']));
    expect(result.flagged.some((p) => p.reasons.some((r) => r.type === 'negative-about-agency'))).toBe(true);
  });
});
