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
