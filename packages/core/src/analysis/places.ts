/**
 * Places, home, work and routine from stay points (dense trails) and geotags (sparse records).
 *
 * Methods (see docs/dossier.md and the inference notes):
 * - Observations (stays and geotags) are clustered with DBSCAN at ε = `CLUSTER_EPS_M`, minPts = 1
 *   (as trackintel's `generate_locations`), on a grid, in near-linear time.
 * - Every observation is read in the LOCAL time of its place: zone from the coordinates (offline),
 *   the zone's own daylight-saving rules. Camera times without an offset are already local.
 * - Home, dense data: the place of the longest daily rest (the longest stay of each local day),
 *   counted over days. This is night-time presence for most people and still right for night-shift
 *   workers, whose longest rest is by day. Sparse data: distinct local nights with geotags, weighted
 *   toward the small hours (evening decoys such as bars weigh less), cross-posts dropped (Tasse et
 *   al. 2016), then the median of the night geotags.
 * - Work: the place other than home with the most weekday hours in the person's working window,
 *   present on enough of the observed weekdays.
 */
import type { DossierRecord, RecordSource, RecordTime } from '../dossier/model.js';
import { distanceM, median, metresPerDegree } from '../geo/distance.js';
import { hourOfWeek, localDay, localWallMs, weekdayOfDay, zoneAt } from '../geo/time-zone.js';
import type { StayPoint } from './stay-points.js';

export const CLUSTER_EPS_M = 100;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** One thing that puts the person at a place at a time. */
export type Observation =
  | { readonly kind: 'stay'; readonly lat: number; readonly lon: number; readonly stay: StayPoint; readonly source: RecordSource }
  | { readonly kind: 'geotag'; readonly lat: number; readonly lon: number; readonly time: RecordTime; readonly record: DossierRecord };

export interface PlaceEvidence {
  readonly kind: 'location-history' | 'record';
  /** Record id (records) or `${file}#${firstIndex}-${lastIndex}` (trail samples). */
  readonly ref: string;
  readonly platform: string;
  readonly archive: string;
  readonly file: string;
  readonly itemId?: string;
  /** ISO 8601 UTC (or local wall clock, marked by `timeIsLocal`). */
  readonly time: string;
  readonly timeIsLocal: boolean;
  /** Local wall-clock time at the place, "YYYY-MM-DD HH:MM". */
  readonly localTime: string;
  readonly endLocalTime?: string;
  readonly durationMinutes?: number;
  readonly text?: string;
  readonly placeName?: string;
  readonly why: string;
}

export interface Place {
  readonly id: number;
  role: 'home' | 'work' | 'other';
  readonly lat: number;
  readonly lon: number;
  readonly zone: string | undefined;
  confidence: number;
  /** One line on how the confidence was reached. */
  basis: string;
  readonly stays: number;
  readonly geotags: number;
  readonly distinctDays: number;
  readonly hours: number;
  readonly nights: number;
  readonly restDays: number;
  readonly weekdayDaytimeHours: number;
  readonly weekdaysPresent: number;
  readonly nightGeotags: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** Hour-of-week presence: 168 bins, Monday 00:00 first, in hours (stays) or counts (geotags). */
  readonly routine: number[];
  readonly placeNames: string[];
  evidence: PlaceEvidence[];
  /** How many supporting items there are in all (evidence lists only the most telling). */
  evidenceTotal: number;
  readonly radiusM: number;
}

export interface Undetermined {
  readonly topic: 'home' | 'work' | 'places' | 'time-zone' | 'sensitive-places';
  readonly reason: string;
}

export interface PlaceAnalysis {
  readonly places: Place[];
  readonly home: Place | undefined;
  readonly work: Place | undefined;
  readonly undetermined: Undetermined[];
  readonly notes: string[];
  readonly nightShift: boolean;
  readonly observedDays: number;
  readonly observedWeekdays: number;
  readonly mode: 'dense' | 'sparse' | 'none';
  readonly nightGeotags: number;
  /** Runner-up distance to home, metres. */
  readonly homeRunnerUpM?: number;
}

interface Cluster {
  readonly members: Observation[];
  lat: number;
  lon: number;
  zone: string | undefined;
}

/** Connected components of the "within ε" graph, found through a lat/lon grid and union-find. */
export function clusterObservations(observations: readonly Observation[], epsM = CLUSTER_EPS_M): Observation[][] {
  const n = observations.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const dLat = epsM / metresPerDegree(0).lat;
  const rowOf = (lat: number): number => Math.floor(lat / dLat);
  const dLonOfRow = (row: number): number => epsM / metresPerDegree(Math.min(89, Math.abs((row + 0.5) * dLat))).lon;
  const grid = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const o = observations[i] as Observation;
    const row = rowOf(o.lat);
    const key = `${row}:${Math.floor(o.lon / dLonOfRow(row))}`;
    const cell = grid.get(key);
    if (cell === undefined) grid.set(key, [i]);
    else cell.push(i);
  }
  for (let i = 0; i < n; i++) {
    const o = observations[i] as Observation;
    const row0 = rowOf(o.lat);
    for (let row = row0 - 1; row <= row0 + 1; row++) {
      const col0 = Math.floor(o.lon / dLonOfRow(row));
      for (let col = col0 - 1; col <= col0 + 1; col++) {
        const cell = grid.get(`${row}:${col}`);
        if (cell === undefined) continue;
        for (const j of cell) {
          if (j <= i) continue;
          const p = observations[j] as Observation;
          if (find(i) === find(j)) continue;
          if (distanceM(o.lat, o.lon, p.lat, p.lon) <= epsM) parent[find(j)] = find(i);
        }
      }
    }
  }
  const groups = new Map<number, Observation[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [observations[i] as Observation]);
    else group.push(observations[i] as Observation);
  }
  return [...groups.values()];
}

function weightedMedian(values: readonly number[], weights: readonly number[]): number {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const total = weights.reduce((sum, w) => sum + w, 0);
  let acc = 0;
  for (const i of order) {
    acc += weights[i] as number;
    if (acc >= total / 2) return values[i] as number;
  }
  return values[order[order.length - 1] as number] as number;
}

function fmtLocal(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** How strongly a local hour says "night at home" for a single geotag (sparse data). */
export function nightWeight(hour: number): number {
  if (hour < 5) return 1;
  if (hour < 7) return 0.7;
  if (hour >= 22) return 0.6;
  if (hour >= 20) return 0.3;
  return 0;
}

/** Per-observation local readings, computed once. */
interface Local {
  readonly obs: Observation;
  readonly startLocal: number;
  readonly endLocal: number;
}

function localReadings(cluster: Cluster): Local[] {
  const out: Local[] = [];
  for (const obs of cluster.members) {
    if (obs.kind === 'stay') {
      if (cluster.zone === undefined) continue;
      const start = localWallMs({ epochMs: obs.stay.startMs, basis: 'utc' }, cluster.zone) as number;
      out.push({ obs, startLocal: start, endLocal: start + (obs.stay.endMs - obs.stay.startMs) });
    } else {
      const local = localWallMs(obs.time, cluster.zone);
      if (local === undefined) continue;
      out.push({ obs, startLocal: local, endLocal: local });
    }
  }
  return out;
}

/** Milliseconds of [start, end) that fall in local hours [fromHour, toHour) of each day. */
function overlapWithHours(start: number, end: number, fromHour: number, toHour: number, weekdaysOnly = false): number {
  let total = 0;
  for (let day = Math.floor(start / DAY); day * DAY < end; day++) {
    if (weekdaysOnly && weekdayOfDay(day) >= 5) continue;
    const a = Math.max(start, day * DAY + fromHour * HOUR);
    const b = Math.min(end, day * DAY + toHour * HOUR);
    if (b > a) total += b - a;
  }
  return total;
}

interface Stats {
  cluster: Cluster;
  locals: Local[];
  stays: number;
  geotags: number;
  days: Set<number>;
  hours: number;
  nights: Set<number>;
  restDays: number;
  restDayHours: number;
  weekdayDayHours: number;
  weekdayNightHours: number;
  weekdaysDay: Set<number>;
  weekdaysNight: Set<number>;
  nightScore: number;
  nightGeotags: Local[];
  dayGeotagDays: Set<number>;
  routine: number[];
  firstUtc: number;
  lastUtc: number;
}

function statsOf(cluster: Cluster): Stats {
  const s: Stats = {
    cluster,
    locals: localReadings(cluster),
    stays: 0,
    geotags: 0,
    days: new Set(),
    hours: 0,
    nights: new Set(),
    restDays: 0,
    restDayHours: 0,
    weekdayDayHours: 0,
    weekdayNightHours: 0,
    weekdaysDay: new Set(),
    weekdaysNight: new Set(),
    nightScore: 0,
    nightGeotags: [],
    dayGeotagDays: new Set(),
    routine: new Array<number>(168).fill(0),
    firstUtc: Number.POSITIVE_INFINITY,
    lastUtc: Number.NEGATIVE_INFINITY,
  };
  const nightBest = new Map<number, number>();
  for (const local of s.locals) {
    const utc = local.obs.kind === 'stay' ? local.obs.stay.startMs : local.obs.time.epochMs;
    s.firstUtc = Math.min(s.firstUtc, utc);
    s.lastUtc = Math.max(s.lastUtc, local.obs.kind === 'stay' ? local.obs.stay.endMs : utc);
    if (local.obs.kind === 'stay') {
      s.stays++;
      const { startLocal: a, endLocal: b } = local;
      s.hours += (b - a) / HOUR;
      for (let d = localDay(a); d <= localDay(b); d++) s.days.add(d);
      // nights: at least 2 h between 00:00 and 06:00, keyed by the evening's date
      for (let day = Math.floor(a / DAY); day * DAY < b; day++) {
        const o = Math.min(b, day * DAY + 6 * HOUR) - Math.max(a, day * DAY);
        if (o >= 2 * HOUR) s.nights.add(day - 1);
      }
      const dayH = overlapWithHours(a, b, 8, 19, true);
      const nightH = overlapWithHours(a, b, 0, 7, true) + overlapWithHours(a, b, 20, 24, true);
      s.weekdayDayHours += dayH / HOUR;
      s.weekdayNightHours += nightH / HOUR;
      for (let day = Math.floor(a / DAY); day * DAY < b; day++) {
        if (weekdayOfDay(day) >= 5) continue;
        const from = Math.max(a, day * DAY);
        const to = Math.min(b, (day + 1) * DAY);
        if (overlapWithHours(from, to, 8, 19) >= 2 * HOUR) s.weekdaysDay.add(day);
        const nightPart = overlapWithHours(from, to, 0, 7) + overlapWithHours(from, to, 20, 24);
        if (nightPart >= 2 * HOUR) s.weekdaysNight.add(day);
      }
      // routine: hours spent in each local hour-of-week bin
      for (let h = Math.floor(a / HOUR); h * HOUR < b; h++) {
        const o = Math.min(b, (h + 1) * HOUR) - Math.max(a, h * HOUR);
        const bin = hourOfWeek(h * HOUR);
        s.routine[bin] = (s.routine[bin] as number) + o / HOUR;
      }
    } else {
      s.geotags++;
      const t = local.startLocal;
      s.days.add(localDay(t));
      const hour = new Date(t).getUTCHours();
      const weight = nightWeight(hour);
      if (weight > 0) {
        s.nightGeotags.push(local);
        const key = localDay(t - 12 * HOUR);
        nightBest.set(key, Math.max(nightBest.get(key) ?? 0, weight));
      }
      const day = localDay(t);
      if (weekdayOfDay(day) < 5 && hour >= 9 && hour < 17) s.dayGeotagDays.add(day);
      const bin = hourOfWeek(t);
      s.routine[bin] = (s.routine[bin] as number) + 1;
    }
  }
  for (const w of nightBest.values()) s.nightScore += w;
  return s;
}

function evidenceOf(local: Local, why: string): PlaceEvidence {
  if (local.obs.kind === 'stay') {
    const stay = local.obs.stay;
    const source = local.obs.source;
    return {
      kind: 'location-history',
      ref: `${source.file}#${stay.firstIndex}-${stay.lastIndex}`,
      platform: source.platform,
      archive: source.archive,
      file: source.file,
      itemId: `samples ${stay.firstIndex}–${stay.lastIndex}`,
      time: new Date(stay.startMs).toISOString(),
      timeIsLocal: false,
      localTime: fmtLocal(local.startLocal),
      endLocalTime: fmtLocal(local.endLocal),
      durationMinutes: Math.round((stay.endMs - stay.startMs) / 60_000),
      why,
    };
  }
  const record = local.obs.record;
  const ev: PlaceEvidence = {
    kind: 'record',
    ref: record.id,
    platform: record.source.platform,
    archive: record.source.archive,
    file: record.source.file,
    time: new Date(local.obs.time.epochMs).toISOString(),
    timeIsLocal: local.obs.time.basis === 'local-wall-clock',
    localTime: fmtLocal(local.startLocal),
    why,
  };
  return {
    ...ev,
    ...(record.source.itemId !== undefined ? { itemId: record.source.itemId } : {}),
    ...(record.text !== undefined ? { text: record.text.slice(0, 200) } : {}),
    ...(record.placeName !== undefined ? { placeName: record.placeName } : {}),
  };
}

/** Drops geotags that repeat another geotag within a minute and 50 m (cross-posts, Tasse 2016). */
export function dropCrossPosts(observations: readonly Observation[]): Observation[] {
  const seen = new Map<string, { lat: number; lon: number }[]>();
  const out: Observation[] = [];
  for (const obs of observations) {
    if (obs.kind !== 'geotag') {
      out.push(obs);
      continue;
    }
    const key = `${Math.round(obs.time.epochMs / 60_000)}`;
    const list = seen.get(key) ?? [];
    if (list.some((p) => distanceM(p.lat, p.lon, obs.lat, obs.lon) < 50)) continue;
    list.push({ lat: obs.lat, lon: obs.lon });
    seen.set(key, list);
    out.push(obs);
  }
  return out;
}

export interface PlaceInput {
  readonly stays: readonly { readonly stay: StayPoint; readonly source: RecordSource }[];
  readonly records: readonly DossierRecord[];
  readonly sources: readonly RecordSource[];
}

/** Minimum local days of dense data before the dense (longest-rest) rule is used. */
const MIN_DENSE_DAYS = 5;
/** Fewer night-time geotags than this at the best place: home is not determined. */
export const MIN_NIGHT_GEOTAGS = 3;

export function analysePlaces(input: PlaceInput): PlaceAnalysis {
  const observations: Observation[] = [];
  for (const { stay, source } of input.stays) observations.push({ kind: 'stay', lat: stay.lat, lon: stay.lon, stay, source });
  for (const record of input.records) {
    const pos = record.position;
    if (pos === undefined || record.time === undefined) continue;
    if (!(Math.abs(pos.lat) <= 90 && Math.abs(pos.lon) <= 180) || (pos.lat === 0 && pos.lon === 0)) continue;
    if (pos.accuracyM !== undefined && pos.accuracyM > 1_000) continue; // a city-level tag says nothing about home
    observations.push({ kind: 'geotag', lat: pos.lat, lon: pos.lon, time: record.time, record });
  }
  const undetermined: Undetermined[] = [];
  const notes: string[] = [];
  const deduped = dropCrossPosts(observations);
  if (deduped.length === 0) {
    undetermined.push({ topic: 'places', reason: 'none-located' });
    return { places: [], home: undefined, work: undefined, undetermined: [...undetermined, { topic: 'home', reason: 'no-location-data' }, { topic: 'work', reason: 'no-location-data' }], notes, nightShift: false, observedDays: 0, observedWeekdays: 0, mode: 'none', nightGeotags: 0 };
  }
  const clusters: Cluster[] = clusterObservations(deduped).map((members) => {
    const weights = members.map((m) => (m.kind === 'stay' ? Math.max(0.25, (m.stay.endMs - m.stay.startMs) / HOUR) : 1));
    const lat = weightedMedian(members.map((m) => m.lat), weights);
    const lon = weightedMedian(members.map((m) => m.lon), weights);
    return { members, lat, lon, zone: zoneAt(lat, lon) };
  });
  const stats = clusters.map(statsOf);

  // Longest daily rest: for each local day (of a stay's midpoint), the place of the longest stay.
  const restWinner = new Map<number, { stats: Stats; ms: number }>();
  const denseDays = new Set<number>();
  const denseWeekdays = new Set<number>();
  for (const s of stats) {
    for (const local of s.locals) {
      if (local.obs.kind !== 'stay') continue;
      for (let d = localDay(local.startLocal); d <= localDay(local.endLocal); d++) {
        denseDays.add(d);
        if (weekdayOfDay(d) < 5) denseWeekdays.add(d);
      }
      const ms = local.endLocal - local.startLocal;
      if (ms < 3 * HOUR) continue;
      const day = localDay((local.startLocal + local.endLocal) / 2);
      const best = restWinner.get(day);
      if (best === undefined || ms > best.ms) restWinner.set(day, { stats: s, ms });
    }
  }
  for (const { stats: s, ms } of restWinner.values()) {
    s.restDays++;
    s.restDayHours += ms / HOUR;
  }

  const allDays = new Set<number>();
  for (const s of stats) for (const d of s.days) allDays.add(d);
  const mode: PlaceAnalysis['mode'] = restWinner.size >= MIN_DENSE_DAYS ? 'dense' : 'sparse';
  const totalNightGeotags = stats.reduce((sum, s) => sum + s.nightGeotags.length, 0);

  let homeStats: Stats | undefined;
  let homeConfidence = 0;
  let homeBasis = '';
  let nightShift = false;
  let runnerUpM: number | undefined;
  if (mode === 'dense') {
    // Score = days holding the longest rest + nights present. Night shift: home keeps the rest days,
    // the workplace gets the weekday nights; evening decoys: home keeps the nights.
    const nightsObserved = new Set<number>();
    for (const x of stats) for (const n of x.nights) nightsObserved.add(n);
    const score = (x: Stats): number => x.restDays + x.nights.size;
    const ranked = [...stats].sort((a, b) => score(b) - score(a) || b.restDays - a.restDays);
    const best = ranked[0] as Stats;
    const second = ranked[1];
    // A night-shift home has few nights: the rest-day share alone then speaks for it.
    const share = Math.max(best.restDays / restWinner.size, score(best) / (restWinner.size + nightsObserved.size));
    const margin = second === undefined ? 1 : 1 - score(second) / Math.max(1, score(best));
    const coverage = Math.min(1, restWinner.size / 14);
    homeStats = best;
    homeConfidence = Math.min(0.97, share * (0.5 + 0.5 * coverage) * (0.7 + 0.3 * margin));
    homeBasis = `longest daily rest here on ${best.restDays} of ${restWinner.size} days, and here at night (00:00–06:00 local) on ${best.nights.size} of ${nightsObserved.size} nights`;
    if (second !== undefined) runnerUpM = distanceM(best.cluster.lat, best.cluster.lon, second.cluster.lat, second.cluster.lon);
    // Night shift: the home's rest is mostly by day and another place holds the nights.
    const byNights = [...stats].sort((a, b) => b.nights.size - a.nights.size)[0] as Stats;
    const homeDayHours = best.routine.reduce((sum, v, bin) => sum + (bin % 24 >= 8 && bin % 24 < 18 ? v : 0), 0);
    const homeNightHours = best.routine.reduce((sum, v, bin) => sum + (bin % 24 < 6 ? v : 0), 0);
    if (byNights !== best && homeDayHours > homeNightHours) {
      nightShift = true;
      notes.push('night-shift');
    }
  } else {
    const ranked = [...stats].filter((s) => s.nightGeotags.length > 0).sort((a, b) => b.nightScore - a.nightScore || b.nightGeotags.length - a.nightGeotags.length);
    const best = ranked[0];
    const totalScore = ranked.reduce((sum, s) => sum + s.nightScore, 0);
    if (best === undefined || best.nightGeotags.length < MIN_NIGHT_GEOTAGS) {
      undetermined.push({ topic: 'home', reason: totalNightGeotags === 0 ? 'no-night-data' : 'too-few-night-points' });
    } else {
      const share = best.nightScore / totalScore;
      const volume = Math.min(1, best.nightGeotags.length / 10);
      homeStats = best;
      // Tasse et al. 2016: about 10 night geotags reach near the best achievable; fewer stay below 0.5.
      homeConfidence = Math.min(0.9, share * volume * 0.9);
      homeBasis = `${best.nightGeotags.length} night-time geotags on ${Math.round(best.nightScore * 10) / 10} weighted nights here, of ${totalNightGeotags} night-time geotags in all`;
      const second = ranked[1];
      if (second !== undefined) runnerUpM = distanceM(best.cluster.lat, best.cluster.lon, second.cluster.lat, second.cluster.lon);
      if (homeConfidence < 0.35) notes.push('home-weak');
    }
  }

  // Work
  let workStats: Stats | undefined;
  let workConfidence = 0;
  let workBasis = '';
  if (mode === 'dense') {
    const weekdays = Math.max(1, denseWeekdays.size);
    const hoursOf = (s: Stats): number => (nightShift ? s.weekdayNightHours : s.weekdayDayHours);
    const daysOf = (s: Stats): number => (nightShift ? s.weekdaysNight.size : s.weekdaysDay.size);
    const ranked = stats.filter((s) => s !== homeStats).sort((a, b) => hoursOf(b) - hoursOf(a));
    const best = ranked[0];
    if (best !== undefined && daysOf(best) / weekdays >= 0.3 && daysOf(best) >= 3) {
      workStats = best;
      workConfidence = Math.min(0.95, daysOf(best) / weekdays / 0.6);
      workBasis = `${nightShift ? 'weekday night' : 'weekday daytime'} presence on ${daysOf(best)} of ${denseWeekdays.size} observed weekdays (${Math.round(hoursOf(best))} h)`;
    } else undetermined.push({ topic: 'work', reason: 'no-regular-weekday-place' });
  } else {
    const ranked = stats.filter((s) => s !== homeStats).sort((a, b) => b.dayGeotagDays.size - a.dayGeotagDays.size);
    const best = ranked[0];
    if (best !== undefined && best.dayGeotagDays.size >= 5) {
      workStats = best;
      workConfidence = Math.min(0.6, best.dayGeotagDays.size / 20);
      workBasis = `geotags on ${best.dayGeotagDays.size} different weekdays between 09:00 and 17:00 local time`;
    } else undetermined.push({ topic: 'work', reason: mode === 'sparse' && totalNightGeotags + stats.length > 0 ? 'too-few-weekday-points' : 'no-location-data' });
  }

  // Places: home, work, then others seen on at least two days.
  const chosen = stats.filter((s) => s === homeStats || s === workStats || s.days.size >= 2 || s.hours >= 3);
  chosen.sort((a, b) => (a === homeStats ? -1 : b === homeStats ? 1 : a === workStats ? -1 : b === workStats ? 1 : b.days.size - a.days.size || b.hours - a.hours));
  const maxDays = Math.max(1, allDays.size);
  const places: Place[] = chosen.slice(0, 12).map((s, i) => {
    const role: Place['role'] = s === homeStats ? 'home' : s === workStats ? 'work' : 'other';
    let { lat, lon } = s.cluster;
    if (role === 'home' && mode === 'sparse' && s.nightGeotags.length > 0) {
      // Tasse et al.: the home is where the night geotags concentrate; the median resists outliers.
      lat = median(s.nightGeotags.map((l) => l.obs.lat));
      lon = median(s.nightGeotags.map((l) => l.obs.lon));
    }
    const confidence = role === 'home' ? homeConfidence : role === 'work' ? workConfidence : Math.min(0.9, s.days.size / Math.max(10, maxDays / 3));
    const basis = role === 'home' ? homeBasis : role === 'work' ? workBasis : `seen on ${s.days.size} different days${s.hours > 0 ? `, ${Math.round(s.hours)} h in all` : ''}`;
    const evidence = pickEvidence(s, role);
    const placeNames = [...new Set(s.cluster.members.flatMap((m) => (m.kind === 'geotag' && m.record.placeName ? [m.record.placeName] : [])))].slice(0, 5);
    const radiusM = Math.max(20, median(s.cluster.members.map((m) => distanceM(lat, lon, m.lat, m.lon))));
    return {
      id: i + 1,
      role,
      lat,
      lon,
      zone: s.cluster.zone,
      confidence: Math.round(confidence * 100) / 100,
      basis,
      stays: s.stays,
      geotags: s.geotags,
      distinctDays: s.days.size,
      hours: Math.round(s.hours * 10) / 10,
      nights: s.nights.size,
      restDays: s.restDays,
      weekdayDaytimeHours: Math.round(s.weekdayDayHours),
      weekdaysPresent: s.weekdaysDay.size,
      nightGeotags: s.nightGeotags.length,
      firstSeen: new Date(s.firstUtc).toISOString(),
      lastSeen: new Date(s.lastUtc).toISOString(),
      routine: s.routine.map((v) => Math.round(v * 100) / 100),
      placeNames,
      evidence,
      evidenceTotal: s.locals.length,
      radiusM: Math.round(radiusM),
    };
  });
  if (places.some((p) => p.zone === undefined)) undetermined.push({ topic: 'time-zone', reason: 'zone-unknown' });
  const home = places.find((p) => p.role === 'home');
  const work = places.find((p) => p.role === 'work');
  return {
    places,
    home,
    work,
    undetermined,
    notes,
    nightShift,
    observedDays: allDays.size,
    observedWeekdays: denseWeekdays.size,
    mode,
    nightGeotags: totalNightGeotags,
    ...(runnerUpM !== undefined ? { homeRunnerUpM: Math.round(runnerUpM) } : {}),
  };
}

const EVIDENCE_PER_PLACE = 8;

function pickEvidence(s: Stats, role: Place['role']): PlaceEvidence[] {
  const hourOf = (l: Local): number => new Date(l.startLocal).getUTCHours();
  let scored: { local: Local; score: number; why: string }[];
  if (role === 'home') {
    scored = s.locals.map((l) => {
      if (l.obs.kind === 'stay') return { local: l, score: (l.endLocal - l.startLocal) / HOUR + 100, why: 'long-rest' };
      const w = nightWeight(hourOf(l));
      return { local: l, score: w, why: w > 0 ? 'night-time' : 'seen-here' };
    });
  } else if (role === 'work') {
    scored = s.locals.map((l) => {
      const weekday = weekdayOfDay(localDay(l.startLocal)) < 5;
      return { local: l, score: (weekday ? 10 : 0) + (l.endLocal - l.startLocal) / HOUR, why: weekday ? 'weekday' : 'seen-here' };
    });
  } else scored = s.locals.map((l) => ({ local: l, score: (l.endLocal - l.startLocal) / HOUR, why: 'seen-here' }));
  // Prefer records (a post or photo a person recognises) and spread over time.
  scored.sort((a, b) => b.score - a.score || a.local.startLocal - b.local.startLocal);
  // Up to half the evidence from records (posts, photos: things a person recognises), the rest from
  // the trail.
  // Spread over platforms: at most two records from each in the first pass.
  const perPlatform = new Map<string, number>();
  const records: typeof scored = [];
  for (const x of scored) {
    if (x.local.obs.kind !== 'geotag' || x.score <= 0 || records.length >= EVIDENCE_PER_PLACE / 2) continue;
    const platform = x.local.obs.record.source.platform;
    if ((perPlatform.get(platform) ?? 0) >= 2) continue;
    perPlatform.set(platform, (perPlatform.get(platform) ?? 0) + 1);
    records.push(x);
  }
  const rest = scored.filter((x) => !records.includes(x)).slice(0, EVIDENCE_PER_PLACE - records.length);
  const picked = [...records, ...rest];
  picked.sort((a, b) => a.local.startLocal - b.local.startLocal);
  return picked.map((p) => evidenceOf(p.local, p.why));
}
