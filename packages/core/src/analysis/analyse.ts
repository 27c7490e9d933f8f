/** Runs every inference over what the importers collected. Pure: no I/O, no clock unless given. */
import type { DossierRecord, ImportIssue, RecordSource } from '../dossier/model.js';
import { analyseFlaggedPosts, type FlaggedPost } from './flagged.js';
import { analyseIdentities, type IdentityAnalysis } from './identities.js';
import { analyseMedia, type MediaSummary } from './media.js';
import { analysePeople, type ExposedPerson } from './people.js';
import { analysePlaces, type PlaceAnalysis } from './places.js';
import { analyseSensitivePlaces, type SensitiveVisits } from './sensitive.js';
import { DEFAULT_STAY_OPTIONS, detectStayPoints, type StayPoint, type StayPointOptions } from './stay-points.js';
import type { TraceStore } from './trace-store.js';

export interface CollectedData {
  readonly records: readonly DossierRecord[];
  readonly trace: TraceStore;
  readonly issues: readonly ImportIssue[];
}

export interface TraceSourceSummary {
  readonly source: RecordSource;
  readonly points: number;
  readonly stays: number;
  readonly firstMs?: number;
  readonly lastMs?: number;
}

export interface Analysis {
  readonly places: PlaceAnalysis;
  readonly people: ExposedPerson[];
  readonly identities: IdentityAnalysis;
  readonly flagged: FlaggedPost[];
  readonly media: MediaSummary;
  readonly sensitive: { readonly named: number; readonly categories: SensitiveVisits[] };
  readonly traces: TraceSourceSummary[];
  readonly recordCount: number;
  readonly locatedRecords: number;
  readonly pointCount: number;
  readonly issues: readonly ImportIssue[];
  readonly platforms: string[];
  readonly firstMs?: number;
  readonly lastMs?: number;
}

export interface AnalyseOptions {
  readonly stay?: StayPointOptions;
  /** Called between phases, for progress displays. */
  readonly onPhase?: (phase: 'stay-points' | 'places' | 'people' | 'posts' | 'media') => void;
}

export function analyse(data: CollectedData, options: AnalyseOptions = {}): Analysis {
  options.onPhase?.('stay-points');
  const stays: { stay: StayPoint; source: RecordSource }[] = [];
  const traces: TraceSourceSummary[] = [];
  for (let s = 0; s < data.trace.sources.length; s++) {
    const view = data.trace.view(s);
    const found = detectStayPoints(view, options.stay ?? DEFAULT_STAY_OPTIONS);
    for (const stay of found) stays.push({ stay, source: view.source });
    traces.push({ source: view.source, points: view.length, stays: found.length, ...(view.length > 0 ? { firstMs: view.time[0] as number, lastMs: view.time[view.length - 1] as number } : {}) });
  }
  options.onPhase?.('places');
  const places = analysePlaces({ stays, records: data.records, sources: data.trace.sources });
  options.onPhase?.('people');
  const identities = analyseIdentities(data.records);
  const people = analysePeople(data.records, identities.selfKeys);
  options.onPhase?.('posts');
  const flagged = analyseFlaggedPosts(data.records);
  options.onPhase?.('media');
  const media = analyseMedia(data.records);
  const sensitive = analyseSensitivePlaces(data.records);
  let firstMs = Number.POSITIVE_INFINITY;
  let lastMs = Number.NEGATIVE_INFINITY;
  for (const r of data.records) {
    if (r.time === undefined) continue;
    firstMs = Math.min(firstMs, r.time.epochMs);
    lastMs = Math.max(lastMs, r.time.epochMs);
  }
  for (const t of traces) {
    if (t.firstMs !== undefined) firstMs = Math.min(firstMs, t.firstMs);
    if (t.lastMs !== undefined) lastMs = Math.max(lastMs, t.lastMs);
  }
  const platforms = [...new Set([...data.records.map((r) => r.source.platform), ...data.trace.sources.map((s) => s.platform)])];
  return {
    places,
    people,
    identities,
    flagged,
    media,
    sensitive,
    traces,
    recordCount: data.records.length,
    locatedRecords: data.records.filter((r) => r.position !== undefined).length,
    pointCount: data.trace.length,
    issues: data.issues,
    platforms,
    ...(Number.isFinite(firstMs) ? { firstMs, lastMs } : {}),
  };
}
