import { describe, expect, it } from 'vitest';
import { analyse, CollectingSink, distanceM } from '@lowprofile/core';
import { denseTrail, geotags, offset } from './helpers/synthetic-persona.js';

const MON_2025_03_03 = Date.UTC(2025, 2, 3); // spans the US daylight-saving change of 2025-03-09

function near(place: { lat: number; lon: number } | undefined, truth: { lat: number; lon: number }): number {
  return place === undefined ? Number.POSITIVE_INFINITY : distanceM(place.lat, place.lon, truth.lat, truth.lon);
}

describe('home and work from dense location history', () => {
  it('Los Angeles, day job, bar evenings and a trip to Phoenix', () => {
    const home = { lat: 34.0522, lon: -118.2437 };
    const work = offset(home, 4_000, 6_000);
    const sink = new CollectingSink();
    denseTrail(sink, { seed: 1, zone: 'America/Los_Angeles', home, work, startDay: MON_2025_03_03, days: 42, eveningDecoys: [offset(home, 1200, 300), offset(home, -2500, 2000)], tripDays: [20, 21, 22, 23], tripPlace: { lat: 33.4484, lon: -112.074 } });
    const result = analyse(sink);
    expect(result.places.mode).toBe('dense');
    expect(near(result.places.home, home)).toBeLessThan(150);
    expect(near(result.places.work, work)).toBeLessThan(300);
    expect(result.places.home?.confidence).toBeGreaterThan(0.6);
    expect(result.places.home?.evidence.length).toBeGreaterThan(0);
    expect(result.places.nightShift).toBe(false);
  });

  it('Chicago night-shift worker: home is the place of the longest rest, work is the night place', () => {
    const home = { lat: 41.8781, lon: -87.6298 };
    const hospital = offset(home, -5_000, -3_000);
    const sink = new CollectingSink();
    denseTrail(sink, { seed: 2, zone: 'America/Chicago', home, work: hospital, startDay: MON_2025_03_03, days: 35, nightShift: true });
    const result = analyse(sink);
    expect(near(result.places.home, home)).toBeLessThan(150);
    expect(near(result.places.work, hospital)).toBeLessThan(300);
    expect(result.places.nightShift).toBe(true);
  });
});

describe('home from sparse geotags', () => {
  it('Denver: 14 night posts at home beat evening posts from three bars', () => {
    const home = { lat: 39.7392, lon: -104.9903 };
    const sink = new CollectingSink();
    geotags(sink, { seed: 3, zone: 'America/Denver', startDay: MON_2025_03_03, days: 120, home, homePosts: 14, work: offset(home, 3000, 3000), workPosts: 20, decoys: [offset(home, 900, 900), offset(home, -1500, 200), offset(home, 400, -2200)], decoyPosts: 12, trip: { lat: 40.7128, lon: -74.006 }, tripPosts: 8 });
    const result = analyse(sink);
    expect(result.places.mode).toBe('sparse');
    expect(near(result.places.home, home)).toBeLessThan(150);
  });

  it('Los Angeles: weekday afternoons (UTC night) do not look like home', () => {
    // 14:00–16:00 in Los Angeles is 21:00–23:00 UTC: a UTC-night rule would call the office home.
    const home = { lat: 34.0195, lon: -118.4912 };
    const work = offset(home, 6000, 9000);
    const sink = new CollectingSink();
    geotags(sink, { seed: 4, zone: 'America/Los_Angeles', startDay: MON_2025_03_03, days: 90, home, homePosts: 10, work, workPosts: 40 });
    const result = analyse(sink);
    expect(near(result.places.home, home)).toBeLessThan(150);
    expect(near(result.places.work, work)).toBeLessThan(300);
  });

  it('camera EXIF in local wall-clock time is not converted again', () => {
    const home = { lat: 40.6782, lon: -73.9442 };
    const sink = new CollectingSink();
    geotags(sink, { seed: 5, zone: 'America/New_York', platform: 'photo-folder', startDay: MON_2025_03_03, days: 60, home, homePosts: 12, work: offset(home, 5000, 0), workPosts: 30, exifLocal: true });
    const result = analyse(sink);
    expect(near(result.places.home, home)).toBeLessThan(150);
  });

  it('two night-time geotags: home is not determined', () => {
    const home = { lat: 29.7604, lon: -95.3698 };
    const sink = new CollectingSink();
    geotags(sink, { seed: 6, zone: 'America/Chicago', startDay: MON_2025_03_03, days: 30, home, homePosts: 2, decoys: [offset(home, 2000, 0)], decoyPosts: 1 });
    const result = analyse(sink);
    expect(result.places.home).toBeUndefined();
    expect(result.places.undetermined.some((u) => u.topic === 'home')).toBe(true);
  });

  it('a few scattered points give at most a low confidence', () => {
    const home = { lat: 47.6062, lon: -122.3321 };
    const sink = new CollectingSink();
    geotags(sink, { seed: 7, zone: 'America/Los_Angeles', startDay: MON_2025_03_03, days: 30, home, homePosts: 4, decoys: [offset(home, 2000, 0), offset(home, 0, 3000)], decoyPosts: 4 });
    const result = analyse(sink);
    expect(result.places.home === undefined || result.places.home.confidence < 0.5).toBe(true);
  });
});
