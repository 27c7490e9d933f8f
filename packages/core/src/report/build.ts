/** Analysis → DossierReport: findings with evidence, the plan ordered by impact, what is unknown. */
import type { Analysis } from '../analysis/analyse.js';
import type { Place, PlaceEvidence } from '../analysis/places.js';
import { MONITORING_LIST_VERIFIED } from '../analysis/monitoring-terms.js';
import { looksSpanish } from '../analysis/flagged.js';
import { distanceM } from '../geo/distance.js';
import { GEONAMES_ATTRIBUTION, type ReverseGeocoder } from '../geo/reverse-geocode.js';
import { REPORT_SCHEMA, type DossierReport, type EvidenceItem, type Finding, type PlanAction, type ReportPlace } from './model.js';
import { strings, type Language, type Strings } from './strings.js';

export interface BuildOptions {
  readonly language?: Language;
  /** ISO time stamped on the report (the caller's clock; core reads none). */
  readonly generatedAt?: string;
  readonly geocoder?: ReverseGeocoder;
  /** The paths the person gave. */
  readonly archives?: readonly string[];
}

function placeEvidence(e: PlaceEvidence, s: Strings): EvidenceItem {
  const why = e.why === 'night-time' ? s.whyNight : e.why === 'long-rest' ? s.whyRest : e.why === 'weekday' ? s.whyWeekday : s.whySeen;
  const detail = [why, e.durationMinutes !== undefined ? s.duration(e.durationMinutes) : undefined, e.placeName].filter(Boolean).join(' · ');
  return {
    ref: e.ref,
    platform: e.platform,
    archive: e.archive,
    file: e.file,
    ...(e.itemId !== undefined ? { itemId: e.itemId } : {}),
    time: e.time,
    timeIsLocal: e.timeIsLocal,
    localTime: e.endLocalTime !== undefined ? `${e.localTime} → ${e.endLocalTime.slice(11)}` : e.localTime,
    ...(e.text !== undefined ? { text: e.text } : {}),
    note: detail,
  };
}

export function buildReport(analysis: Analysis, options: BuildOptions = {}): DossierReport {
  const language = options.language ?? 'en';
  const s = strings(language);
  const geocoder = options.geocoder;
  const nameOf = (p: { lat: number; lon: number }): { near?: ReportPlace['near']; label: string } => {
    const hit = geocoder?.nearest(p.lat, p.lon, 1_000);
    if (hit === undefined) return { label: `${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}` };
    const near = { name: hit.name, country: hit.country, ...(hit.adminCode !== undefined ? { adminCode: hit.adminCode } : {}), distanceM: hit.distanceM };
    return { near, label: s.near(`${hit.name}${hit.adminCode && hit.country === 'US' ? `, ${hit.adminCode}` : ''} (${hit.country})`, hit.distanceM) };
  };

  const pa = analysis.places;
  const places: ReportPlace[] = pa.places.map((p: Place) => {
    const { near } = nameOf(p);
    return {
      id: p.id,
      role: p.role,
      lat: Math.round(p.lat * 1e6) / 1e6,
      lon: Math.round(p.lon * 1e6) / 1e6,
      confidence: p.confidence,
      basis: p.basis,
      ...(near !== undefined ? { near } : {}),
      ...(p.zone !== undefined ? { zone: p.zone } : {}),
      radiusM: p.radiusM,
      distinctDays: p.distinctDays,
      hours: p.hours,
      nights: p.nights,
      stays: p.stays,
      geotags: p.geotags,
      firstSeen: p.firstSeen,
      lastSeen: p.lastSeen,
      routine: p.routine,
      placeNames: p.placeNames,
      evidence: p.evidence,
      evidenceTotal: p.evidenceTotal,
    };
  });

  const findings: Omit<Finding, 'n'>[] = [];
  const home = pa.home;
  const work = pa.work;
  if (home !== undefined) {
    const label = nameOf(home).label;
    findings.push({
      id: 'home', section: 'places', title: s.findingHomeTitle,
      text: `${s.findingHomeText(home.basis, label, pa.homeRunnerUpM)}${pa.nightShift ? ` ${s.findingHomeNightShift}` : ''}${home.placeNames.some((n) => /^(home|casa|hogar)$/i.test(n.trim())) ? ` ${s.findingHomeSelfLabel}` : ''}`,
      confidence: home.confidence, weight: 10 * Math.max(0.3, home.confidence),
      evidence: home.evidence.map((e) => placeEvidence(e, s)), evidenceTotal: home.evidenceTotal,
      sources: ['Tasse, Sciuto & Hong 2016 (ICWSM)', 'Li et al. 2008 (ACM GIS), stay points', 'Chen & Poorthuis 2021; trackintel: longest duration'],
    });
  }
  if (work !== undefined) {
    findings.push({
      id: 'work', section: 'places', title: s.findingWorkTitle,
      text: s.findingWorkText(work.basis, nameOf(work).label, home ? distanceM(home.lat, home.lon, work.lat, work.lon) : undefined),
      confidence: work.confidence, weight: 8 * Math.max(0.3, work.confidence),
      evidence: work.evidence.map((e) => placeEvidence(e, s)), evidenceTotal: work.evidenceTotal,
    });
  }
  const routinePlace = home ?? work;
  if (routinePlace !== undefined && routinePlace.stays > 0 && pa.mode === 'dense') {
    const { leave, back } = weekdayLeaveAndReturn(routinePlace.routine);
    findings.push({
      id: 'routine', section: 'routine', title: s.findingRoutineTitle,
      text: s.findingRoutineText(leave, back, s.roles[routinePlace.role].toLowerCase()),
      weight: 5, evidence: routinePlace.evidence.slice(0, 3).map((e) => placeEvidence(e, s)), evidenceTotal: routinePlace.evidenceTotal,
      sources: ['Hour-of-week presence (HoWDe; Google frequentTrips)'],
    });
  }
  for (const p of pa.places.filter((x) => x.role === 'other').slice(0, 4)) {
    findings.push({
      id: `place-${p.id}`, section: 'places', title: s.findingPlaceTitle(nameOf(p).label.replace(/^in /, '')),
      text: s.findingPlaceText(p.basis), confidence: p.confidence, weight: 2 * p.confidence,
      evidence: p.evidence.slice(0, 4).map((e) => placeEvidence(e, s)), evidenceTotal: p.evidenceTotal,
    });
  }

  // Uniqueness
  const statements: { text: string; source: string }[] = [];
  let homeWorkDistanceM: number | undefined;
  if (home !== undefined && work !== undefined) {
    homeWorkDistanceM = Math.round(distanceM(home.lat, home.lon, work.lat, work.lon));
    statements.push({ text: s.uniquenessPair(homeWorkDistanceM), source: 'Golle & Partridge 2009, Pervasive, LNCS 5538' });
  } else if (home !== undefined) statements.push({ text: s.uniquenessHomeOnly, source: 'Zang & Bolot 2011, MobiCom' });
  if (home !== undefined) statements.push({ text: s.uniquenessDistance(home.radiusM), source: 'Shokri et al. 2011 (expected estimation error)' });
  const datedPoints = analysis.pointCount + analysis.locatedRecords;
  if (datedPoints >= 4) statements.push({ text: s.uniquenessPoints(datedPoints), source: 'de Montjoye et al. 2013, Sci. Rep. 3:1376; Farzanehfar et al. 2021, Patterns 2(3)' });
  if (statements.length > 0 && (home !== undefined || work !== undefined)) {
    findings.push({
      id: 'uniqueness', section: 'uniqueness', title: s.findingUniqueTitle, text: statements.map((x) => x.text).join(' '),
      // Rests on the home and work findings: cite their strongest items.
      weight: 0, evidence: [home, work].flatMap((p) => (p === undefined ? [] : p.evidence.slice(0, 2).map((e) => placeEvidence(e, s)))), evidenceTotal: (home?.evidenceTotal ?? 0) + (work?.evidenceTotal ?? 0), sources: statements.map((x) => x.source),
    });
  }

  // People
  const people = analysis.people.slice(0, 25);
  if (people.length > 0) {
    const names = people.slice(0, 5).map((p) => p.name ?? (p.handles[0] ? `@${p.handles[0]}` : p.key)).join(', ');
    findings.push({
      id: 'people', section: 'people', title: s.findingPeopleTitle, text: s.findingPeopleText(names), weight: 4,
      evidence: people.slice(0, 5).flatMap((p) => p.evidence.slice(0, 1).map((e) => ({ ref: e.ref, platform: e.platform, archive: e.archive, file: e.file, ...(e.time !== undefined ? { time: e.time } : {}), note: `${p.name ?? p.key}: ${e.relation}` }))),
      evidenceTotal: people.reduce((sum, p) => sum + p.evidenceTotal, 0),
    });
  }
  // Identities
  const ids = analysis.identities;
  const linkedIdx = new Set(ids.links.flatMap((l) => [l.a, l.b]));
  if (linkedIdx.size > 0) {
    const linked = [...linkedIdx].map((i) => ids.identities[i]).filter((x) => x !== undefined);
    const platforms = [...new Set(ids.linkedPlatforms.flat())];
    findings.push({
      id: 'identities', section: 'identities', title: s.findingIdentityTitle,
      text: s.findingIdentityText(linked.slice(0, 6).map((i) => `${i.kind} “${i.value}”`).join(', '), platforms.join(', ')),
      weight: 5, evidence: linked.slice(0, 8).flatMap((i) => i.evidence.map((e) => ({ ref: e.ref, platform: e.platform, archive: '', file: e.file, note: `${i.kind}: ${i.value}` }))),
      evidenceTotal: linked.length,
      sources: ['Perito et al. 2011 (PETS): usernames link profiles'],
    });
  }
  // Posts
  const flagged = analysis.flagged;
  if (flagged.length > 0) {
    const negative = flagged.filter((p) => p.reasons.some((r) => r.type === 'negative-about-agency')).length;
    const cats = [...new Set(flagged.flatMap((p) => p.reasons.flatMap((r) => (r.category ? [s.categories[r.category] ?? r.category] : []))))].slice(0, 5).join(', ');
    findings.push({
      id: 'posts', section: 'posts', title: s.findingPostsTitle, text: s.findingPostsText(flagged.length, negative, cats), weight: 4,
      evidence: flagged.slice(0, 6).map((p) => ({ ref: p.ref, platform: p.platform, archive: p.archive, file: p.file, ...(p.itemId !== undefined ? { itemId: p.itemId } : {}), ...(p.time !== undefined ? { time: p.time } : {}), text: p.text.slice(0, 160), note: p.reasons.map((r) => reasonText(r, s)).join('; ') })),
      evidenceTotal: flagged.length,
      sources: ['DHS Media Monitoring Capability binder (2011), released in EPIC v. DHS', 'Hutto & Gilbert 2014 (VADER)'],
    });
  }
  // Media
  const media = analysis.media;
  if (media.items.length > 0) {
    findings.push({
      id: 'media', section: 'media', title: s.findingMediaTitle,
      text: s.findingMediaText(media.withGps, media.withSerial, media.devices.slice(0, 3).join(', '), media.facesChecked ? media.withFaces : undefined),
      weight: 5, evidence: media.items.slice(0, 6).map((m) => ({ ref: m.ref, platform: m.platform, archive: m.archive, file: m.path, ...(m.time !== undefined ? { time: m.time, timeIsLocal: m.timeIsLocal === true } : {}), note: m.exposes.map((x) => s.exposes[x]).join(', ') })),
      evidenceTotal: media.items.length,
    });
  }
  // Sensitive places
  const sensitive = analysis.sensitive;
  if (sensitive.categories.length > 0) {
    findings.push({
      id: 'sensitive', section: 'sensitive', title: s.findingSensitiveTitle,
      text: s.findingSensitiveText(sensitive.categories.map((c) => `${s.categories[c.category] ?? c.category} (${c.visits})`).join(', ')),
      weight: 6, evidence: sensitive.categories.flatMap((c) => c.refs.slice(0, 2).map((ref) => ({ ref, platform: ref.split(':')[0] ?? '', archive: '', file: ref.split(':').slice(1, -1).join(':'), note: s.categories[c.category] ?? c.category }))),
      evidenceTotal: sensitive.categories.reduce((sum, c) => sum + c.visits, 0),
      sources: ['Drakonakis et al. 2019 (NDSS), LPAuditor'],
    });
  }
  const numbered: Finding[] = findings.map((f, i) => ({ ...f, n: i + 1 }));

  // What could not be determined
  const couldNotDetermine: { topic: string; text: string }[] = [];
  const addUnknown = (key: string): void => {
    const text = s.unknown[key];
    if (text !== undefined && !couldNotDetermine.some((u) => u.text === text)) couldNotDetermine.push({ topic: key.split(':')[0] ?? key, text });
  };
  for (const u of pa.undetermined) addUnknown(`${u.topic}:${u.reason}`);
  if (sensitive.categories.length === 0) addUnknown('sensitive-places:none-named');
  if (media.total > 0 && !media.facesChecked) addUnknown('faces:not-checked');
  if (!MONITORING_LIST_VERIFIED) addUnknown('monitoring-list:unverified');
  if (flagged.some((p) => looksSpanish(p.text))) addUnknown('sentiment:spanish');
  if (home !== undefined) addUnknown('home:moved');
  if (places.length > 0) addUnknown('time-zone:border');
  for (const issue of analysis.issues) couldNotDetermine.push({ topic: 'input', text: s.issueLine(issue.file || issue.archive, issue.reason) });

  const plan = buildPlan(analysis, numbered, s);

  // Summary
  const points: string[] = [];
  if (home !== undefined) points.push(s.summaryHome(nameOf(home).label, home.confidence, home.radiusM));
  if (work !== undefined) points.push(s.summaryWork(nameOf(work).label, work.confidence));
  const others = places.filter((p) => p.role === 'other').length;
  if (others > 0) points.push(s.summaryPlaces(others));
  if (people.length > 0) points.push(s.summaryPeople(people.length, people[0]?.name ?? `@${people[0]?.handles[0] ?? ''}`));
  const linkedPlatforms = new Set(ids.linkedPlatforms.flat());
  if (linkedPlatforms.size > 1) points.push(s.summaryIdentities(linkedPlatforms.size));
  if (flagged.length > 0) points.push(s.summaryFlagged(flagged.length));
  if (media.withGps + media.withSerial > 0) points.push(s.summaryMedia(media.withGps, media.withSerial));
  if (plan.length > 0) points.push(s.summaryPlan(plan.length));
  const headline = numbered.length === 0 ? s.headlineNone : s.headline(home !== undefined, work !== undefined, people.length, flagged.length);

  return {
    schema: REPORT_SCHEMA,
    language,
    generatedAt: options.generatedAt ?? new Date(0).toISOString(),
    ...(analysis.firstMs !== undefined && analysis.lastMs !== undefined ? { period: { from: new Date(analysis.firstMs).toISOString(), to: new Date(analysis.lastMs).toISOString() } } : {}),
    inputs: {
      archives: [...(options.archives ?? [])],
      platforms: analysis.platforms,
      records: analysis.recordCount,
      locatedRecords: analysis.locatedRecords,
      locationPoints: analysis.pointCount,
      traces: analysis.traces.map((t) => ({ platform: t.source.platform, archive: t.source.archive, file: t.source.file, points: t.points, stays: t.stays })),
      issues: [...analysis.issues],
    },
    summary: { headline, points },
    places,
    uniqueness: { statements, ...(homeWorkDistanceM !== undefined ? { homeWorkDistanceM } : {}) },
    people,
    identities: { items: ids.identities, links: ids.links, linkedPlatforms: ids.linkedPlatforms },
    flaggedPosts: flagged,
    media,
    sensitivePlaces: { determined: sensitive.named > 0, categories: sensitive.categories.map((c) => ({ category: c.category, visits: c.visits })) },
    findings: numbered,
    plan,
    couldNotDetermine,
    methods: [
      { text: 'Stay points: samples within 150 m for at least 15 minutes (after Li et al. 2008); places: DBSCAN, ε = 100 m, minPts = 1 (as trackintel).', source: 'Li et al. 2008, ACM SIGSPATIAL GIS' },
      { text: 'Times are read in the local time of each place: time zone from the coordinates, offline, with daylight saving.', source: '@photostructure/tz-lookup (timezone-boundary-builder data)' },
      { text: 'Home from dense history: the place of the longest daily rest. From geotags: distinct local nights, small hours weighing most, cross-posts dropped, then the median of the night-time geotags.', source: 'Tasse et al. 2016; Chen & Poorthuis 2021' },
      { text: 'Work: the place other than home with the most weekday presence in working hours, on at least 30% of observed weekdays.', source: 'HoWDe (Lucchini et al.); SIMPORT' },
      { text: 'The choice of method alone changes the detected home for up to ~40% of people; treat every place as "would likely conclude".', source: 'Vanhoof et al. 2018, J. Official Statistics' },
    ],
    attribution: [GEONAMES_ATTRIBUTION, 'Country outlines: Natural Earth (via world-atlas)', 'Sentiment: VADER (Hutto & Gilbert 2014), vader-sentiment (Apache-2.0)'],
  };
}

export function reasonText(r: { type: string; category?: string; matched: string; agency?: string }, s: Strings): string {
  return r.type === 'keyword' ? s.reasonKeyword(s.categories[r.category ?? ''] ?? r.category ?? '', r.matched) : s.reasonNegative(r.agency ?? '', r.matched);
}

/** Typical weekday hour of leaving and coming back, from a place's hour-of-week presence. */
function weekdayLeaveAndReturn(routine: readonly number[]): { leave?: string; back?: string } {
  const byHour = new Array<number>(24).fill(0);
  for (let d = 0; d < 5; d++) for (let h = 0; h < 24; h++) byHour[h] = (byHour[h] as number) + (routine[d * 24 + h] ?? 0);
  const max = Math.max(...byHour);
  if (max <= 0) return {};
  const present = byHour.map((v) => v >= max * 0.5);
  let leave: number | undefined;
  let back: number | undefined;
  for (let h = 5; h < 14; h++) if (present[h - 1] && !present[h]) { leave = h; break; }
  for (let h = 12; h < 24; h++) if (!present[h - 1] && present[h]) { back = h; break; }
  const fmt = (h: number): string => `${String(h).padStart(2, '0')}:00`;
  return { ...(leave !== undefined ? { leave: fmt(leave) } : {}), ...(back !== undefined ? { back: fmt(back) } : {}) };
}

function buildPlan(analysis: Analysis, findings: readonly Finding[], s: Strings): PlanAction[] {
  const total = findings.reduce((sum, f) => sum + f.weight, 0) || 1;
  const byId = (id: string): Finding | undefined => findings.find((f) => f.id === id);
  const placeFindings = findings.filter((f) => f.section === 'places' || f.section === 'routine');
  const candidates: { id: string; removes: { finding: Finding; share: number }[]; targets: EvidenceItem[]; targetsTotal: number }[] = [];
  const hasTrace = analysis.pointCount > 0;
  const locatedPosts = analysis.locatedRecords;
  const evidenceShare = (f: Finding, pred: (e: EvidenceItem) => boolean): number => (f.evidence.length === 0 ? 0 : f.evidence.filter(pred).length / f.evidence.length);
  const isTrail = (e: EvidenceItem): boolean => e.platform === 'google-location-history' || e.platform === 'google-timeline';
  if (hasTrace) candidates.push({ id: 'delete-location-history', removes: placeFindings.map((f) => ({ finding: f, share: evidenceShare(f, isTrail) })), targets: analysis.traces.map((t) => ({ ref: t.source.file, platform: t.source.platform, archive: t.source.archive, file: t.source.file, note: `${t.points.toLocaleString('en-US')} samples` })), targetsTotal: analysis.traces.length });
  const home = byId('home');
  if (home !== undefined && locatedPosts > 0) {
    const posts = home.evidence.filter((e) => !isTrail(e) && e.platform !== 'photo-folder');
    if (posts.length > 0) candidates.push({ id: 'delete-geotagged-posts', removes: placeFindings.map((f) => ({ finding: f, share: evidenceShare(f, (e) => !isTrail(e) && e.platform !== 'photo-folder') })), targets: posts, targetsTotal: posts.length });
  }
  const media = byId('media');
  if (media !== undefined) {
    candidates.push({ id: 'strip-photos', removes: [{ finding: media, share: 1 }, ...placeFindings.map((f) => ({ finding: f, share: evidenceShare(f, (e) => e.platform === 'photo-folder' || /\.(jpe?g|heic|png|mp4|mov)$/i.test(e.file)) }))], targets: media.evidence, targetsTotal: media.evidenceTotal });
  }
  const posts = byId('posts');
  if (posts !== undefined) candidates.push({ id: 'privatise-flagged', removes: [{ finding: posts, share: 1 }], targets: posts.evidence, targetsTotal: posts.evidenceTotal });
  const ids = byId('identities');
  if (ids !== undefined) candidates.push({ id: 'unique-handles', removes: [{ finding: ids, share: 1 }], targets: ids.evidence, targetsTotal: ids.evidenceTotal });
  const people = byId('people');
  if (people !== undefined) candidates.push({ id: 'untag-people', removes: [{ finding: people, share: 0.6 }], targets: people.evidence, targetsTotal: people.evidenceTotal });
  if (analysis.platforms.includes('strava')) candidates.push({ id: 'strava-zones', removes: home ? [{ finding: home, share: 0.2 }] : [], targets: [], targetsTotal: 0 });
  // Actions against brokered data: they do not shrink this file but the copy others hold.
  if (home !== undefined || hasTrace) {
    candidates.push({ id: 'ad-id', removes: home ? [{ finding: home, share: 0.05 }] : [], targets: [], targetsTotal: 0 });
    candidates.push({ id: 'app-permissions', removes: home ? [{ finding: home, share: 0.04 }] : [], targets: [], targetsTotal: 0 });
    candidates.push({ id: 'broker-opt-out', removes: home ? [{ finding: home, share: 0.03 }] : [], targets: [], targetsTotal: 0 });
  }
  const actions = candidates.map((c) => {
    const impact = Math.round((100 * c.removes.reduce((sum, r) => sum + r.finding.weight * r.share, 0)) / total);
    const findingsTied = [...new Set(c.removes.filter((r) => r.share > 0).map((r) => r.finding.n))].sort((a, b) => a - b);
    return { c, impact: Math.min(100, impact), findingsTied };
  });
  actions.sort((a, b) => b.impact - a.impact);
  const plan: PlanAction[] = actions.map(({ c, impact, findingsTied }, i) => ({
    n: i + 1,
    id: c.id,
    title: s.plan[c.id]?.title ?? c.id,
    text: s.plan[c.id]?.text ?? '',
    impact,
    findings: findingsTied,
    targets: c.targets.slice(0, 8),
    targetsTotal: c.targetsTotal,
  }));
  if (plan.length > 0) plan.push({ n: plan.length + 1, id: 'rerun', title: s.plan.rerun?.title ?? '', text: s.plan.rerun?.text ?? '', impact: 0, findings: [], targets: [], targetsTotal: 0 });
  return plan;
}
