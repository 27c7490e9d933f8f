/**
 * Stay points in a dense trail (after Li et al. 2008, "Mining user similarity based on location
 * history"): consecutive samples that stay within `radiusM` of their running centre for at least
 * `minDurationMs` form one stay at their mean position. One pass, constant work per sample, so
 * millions of samples take well under a second: each sample is compared with the running centre,
 * not with every earlier sample of the candidate stay (the textbook form is quadratic per stay).
 */
import { metresPerDegree } from '../geo/distance.js';
import type { TraceView } from './trace-store.js';

export interface StayPointOptions {
  /** Samples farther than this from the running centre end the stay (metres). */
  readonly radiusM: number;
  /** Shortest stay kept (ms). */
  readonly minDurationMs: number;
  /** A gap between samples longer than this ends a stay even in place (ms): the phone was off. */
  readonly maxGapMs: number;
  /** Samples with a worse accuracy radius are ignored (metres). */
  readonly maxAccuracyM: number;
}

export const DEFAULT_STAY_OPTIONS: StayPointOptions = {
  radiusM: 150,
  minDurationMs: 15 * 60_000,
  maxGapMs: 36 * 3_600_000,
  maxAccuracyM: 1_000,
};

export interface StayPoint {
  readonly lat: number;
  readonly lon: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly sourceIndex: number;
  /** Index (in its file) of the first and last sample of the stay, for evidence. */
  readonly firstIndex: number;
  readonly lastIndex: number;
  readonly samples: number;
}

export function detectStayPoints(view: TraceView, options: StayPointOptions = DEFAULT_STAY_OPTIONS): StayPoint[] {
  const stays: StayPoint[] = [];
  const { time, lat, lon, accuracy, index } = view;
  const r2 = options.radiusM * options.radiusM;
  let count = 0;
  let sumLat = 0;
  let sumLon = 0;
  let start = 0;
  let last = 0;
  let firstIdx = 0;
  let lastIdx = 0;
  let scale = metresPerDegree(0);
  const close = (): void => {
    if (count > 0 && last - start >= options.minDurationMs) {
      stays.push({ lat: sumLat / count, lon: sumLon / count, startMs: start, endMs: last, sourceIndex: view.sourceIndex, firstIndex: firstIdx, lastIndex: lastIdx, samples: count });
    }
    count = 0;
  };
  for (let i = 0; i < view.length; i++) {
    const acc = accuracy[i] as number;
    if (acc > options.maxAccuracyM) continue;
    const t = time[i] as number;
    const la = lat[i] as number;
    const lo = lon[i] as number;
    if (count > 0) {
      const dy = (la - sumLat / count) * scale.lat;
      const dx = (lo - sumLon / count) * scale.lon;
      if (dx * dx + dy * dy > r2 || t - last > options.maxGapMs) close();
    }
    if (count === 0) {
      start = t;
      firstIdx = index[i] as number;
      sumLat = 0;
      sumLon = 0;
      scale = metresPerDegree(la);
    }
    count++;
    sumLat += la;
    sumLon += lo;
    last = t;
    lastIdx = index[i] as number;
  }
  close();
  return stays;
}
