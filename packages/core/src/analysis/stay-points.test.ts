import { describe, expect, it } from 'vitest';
import { TraceStore } from './trace-store.js';
import { detectStayPoints } from './stay-points.js';

const source = { platform: 'google-location-history' as const, archive: 'a.zip', file: 'Records.json' };

describe('trace store and stay points', () => {
  it('stores samples compactly, keeps E7 precision, sorts out-of-order files', () => {
    const store = new TraceStore();
    store.add({ epochMs: 2000, lat: 34.0522351, lon: -118.2436849, index: 1 }, source);
    store.add({ epochMs: 1000, lat: 34.0522352, lon: -118.2436848, accuracyM: 12, index: 0 }, source);
    expect(store.add({ epochMs: 3000, lat: 91, lon: 0, index: 2 }, source)).toBe(false);
    expect(store.add({ epochMs: 3000, lat: 0, lon: 0, index: 3 }, source)).toBe(false);
    const view = store.view(0);
    expect(view.length).toBe(2);
    expect([...view.time]).toEqual([1000, 2000]);
    expect(view.lat[0]).toBeCloseTo(34.0522352, 7);
    expect(view.index[0]).toBe(0);
    expect(Number.isNaN(view.accuracy[1])).toBe(true);
  });

  it('finds a stay of 40 minutes and ignores a 10-minute pause while moving', () => {
    const store = new TraceStore();
    let i = 0;
    const add = (t: number, lat: number, lon: number): void => void store.add({ epochMs: t * 60_000, lat, lon, index: i++ }, source);
    for (let m = 0; m <= 40; m += 2) add(m, 40 + (m % 4) * 1e-5, -74); // at one place
    for (let m = 42; m < 60; m += 2) add(m, 40 + (m - 40) * 0.001, -74); // walking away
    for (let m = 60; m <= 70; m += 2) add(m, 40.05, -74); // a short pause
    const stays = detectStayPoints(store.view(0));
    expect(stays).toHaveLength(1);
    expect(stays[0]?.startMs).toBe(0);
    expect(stays[0]?.endMs).toBe(40 * 60_000);
    expect(stays[0]?.firstIndex).toBe(0);
  });
});

describe('clustering', () => {
  it('joins chains within ε, keeps places farther apart separate, and matches a brute-force check', async () => {
    const { clusterObservations } = await import('./places.js');
    let seed = 3;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
    const obs = Array.from({ length: 600 }, (_, i) => {
      const centre = i % 3 === 0 ? [40, -74] : i % 3 === 1 ? [40.01, -74] : [40 + rand() * 0.05, -74 + rand() * 0.05];
      return { kind: 'geotag' as const, lat: (centre[0] as number) + (rand() - 0.5) * 0.0008, lon: (centre[1] as number) + (rand() - 0.5) * 0.0008, time: { epochMs: i, basis: 'utc' as const }, record: { id: String(i), kind: 'post' as const, source: { platform: 'x' as const, archive: '', file: '' } } };
    });
    const groups = clusterObservations(obs, 100);
    // Brute force: union-find over all pairs.
    const parent = obs.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
    for (let i = 0; i < obs.length; i++) for (let j = i + 1; j < obs.length; j++) {
      const a = obs[i]!;
      const b = obs[j]!;
      const dy = (a.lat - b.lat) * 111_195;
      const dx = (a.lon - b.lon) * 111_195 * Math.cos((a.lat * Math.PI) / 180);
      if (Math.hypot(dx, dy) <= 100) parent[find(j)] = find(i);
    }
    const expected = new Set(obs.map((_, i) => find(i))).size;
    expect(groups.length).toBe(expected);
    expect(groups.reduce((s, g) => s + g.length, 0)).toBe(600);
  });
});
