import { describe, expect, it } from 'vitest';
import { distanceM } from './distance.js';
import { ReverseGeocoder, type City } from './reverse-geocode.js';
import { hourOfWeek, localWallMs, zoneAt, zoneOffsetMs } from './time-zone.js';
import { topologyRings, type Topology } from './basemap.js';

describe('time zones from coordinates', () => {
  it('finds the zone offline and applies daylight saving', () => {
    expect(zoneAt(34.05, -118.24)).toBe('America/Los_Angeles');
    expect(zoneAt(33.45, -112.07)).toBe('America/Phoenix');
    expect(zoneAt(21.31, -157.86)).toBe('Pacific/Honolulu');
    expect(zoneOffsetMs('America/Los_Angeles', Date.UTC(2025, 0, 15, 12))).toBe(-8 * 3_600_000);
    expect(zoneOffsetMs('America/Los_Angeles', Date.UTC(2025, 6, 15, 12))).toBe(-7 * 3_600_000);
    expect(zoneOffsetMs('America/Phoenix', Date.UTC(2025, 6, 15, 12))).toBe(-7 * 3_600_000);
    // The switch itself: 2025-03-09 10:00 UTC is 03:00 PDT, one hour earlier it was 01:00 PST.
    expect(zoneOffsetMs('America/Los_Angeles', Date.UTC(2025, 2, 9, 10))).toBe(-7 * 3_600_000);
    expect(zoneOffsetMs('America/Los_Angeles', Date.UTC(2025, 2, 9, 9))).toBe(-8 * 3_600_000);
  });

  it('UTC night is local afternoon in California; camera wall-clock times are not converted', () => {
    const utcNight = Date.UTC(2025, 6, 15, 22); // 22:00 UTC
    const local = localWallMs({ epochMs: utcNight, basis: 'utc' }, 'America/Los_Angeles') as number;
    expect(new Date(local).getUTCHours()).toBe(15);
    expect(localWallMs({ epochMs: utcNight, basis: 'local-wall-clock' }, 'America/Los_Angeles')).toBe(utcNight);
    expect(hourOfWeek(Date.UTC(2025, 6, 14, 0))).toBe(0); // a Monday, midnight
    expect(hourOfWeek(Date.UTC(2025, 6, 20, 23))).toBe(167); // Sunday 23:00
  });
});

describe('reverse geocoding', () => {
  it('the k-d tree returns exactly the brute-force nearest place', () => {
    let seed = 1;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
    const cities: City[] = Array.from({ length: 3000 }, (_, i) => ({ name: `c${i}`, country: 'XX', population: 1000 + i, lat: rand() * 170 - 85, lon: rand() * 360 - 180 }));
    const geocoder = new ReverseGeocoder(cities);
    for (let k = 0; k < 300; k++) {
      const lat = rand() * 170 - 85;
      const lon = rand() * 360 - 180;
      let best = cities[0] as City;
      for (const c of cities) if (distanceM(lat, lon, c.lat, c.lon) < distanceM(lat, lon, best.lat, best.lon)) best = c;
      expect(geocoder.nearest(lat, lon)?.name).toBe(best.name);
    }
  });
});

describe('TopoJSON decoding', () => {
  it('decodes quantised, delta-encoded arcs and reversed arc references', () => {
    const topology: Topology = {
      type: 'Topology',
      transform: { scale: [1, 1], translate: [10, 20] },
      arcs: [[[0, 0], [2, 0], [0, 2]], [[2, 2], [-2, -2]]],
      objects: { land: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0, 1]] }, { type: 'Polygon', arcs: [[~1]] }] } },
    };
    const rings = topologyRings(topology, 'land');
    expect(rings[0]).toEqual([[10, 20], [12, 20], [12, 22], [10, 20]]);
    expect(rings[1]).toEqual([[10, 20], [12, 22]]);
  });
});
