/**
 * Linked identities: handles, emails, phone numbers and display names in the accounts' own
 * profile and settings files, and what ties them together across platforms (normalised matching:
 * the same handle, an email whose local part is a handle, near-identical handles, the same phone
 * or display name). Usernames link accounts by their entropy (Perito et al. 2011).
 */
import type { DossierRecord, IdentityKind, Platform } from '../dossier/model.js';
import { normaliseHandle, normaliseName } from './people.js';

export interface Identity {
  readonly kind: IdentityKind;
  /** As the export gives it (phones and emails as found: the person sees their own data). */
  readonly value: string;
  readonly normalised: string;
  readonly platforms: Platform[];
  readonly evidence: { readonly ref: string; readonly platform: string; readonly file: string }[];
}

export interface IdentityLink {
  readonly a: number;
  readonly b: number;
  readonly reason: 'same-handle' | 'email-matches-handle' | 'similar-handle' | 'same-phone' | 'same-email' | 'same-name' | 'same-display-name';
}

export interface IdentityAnalysis {
  readonly identities: Identity[];
  readonly links: IdentityLink[];
  /** Platforms tied together by at least one shared or matching identifier. */
  readonly linkedPlatforms: Platform[][];
  /** Keys for people analysis (`@handle`, `name:display name`) that are the person. */
  readonly selfKeys: Set<string>;
}

export function normaliseIdentity(kind: IdentityKind, value: string): string {
  switch (kind) {
    case 'handle': return normaliseHandle(value);
    case 'email': return value.trim().toLowerCase();
    case 'phone': {
      const digits = value.replace(/\D+/g, '');
      return digits.length > 10 ? digits.slice(-10) : digits;
    }
    case 'display-name': return normaliseName(value);
    case 'profile-url': return value.trim().toLowerCase().replace(/^https?:\/\/(www\.)?/, '').replace(/\/+$/, '');
    default: return value.trim().toLowerCase();
  }
}

/** Handle skeleton: drops separators and digits, so "maria.lopez_91" and "marialopez" match. */
function skeleton(handle: string): string {
  return handle.replace(/[._\-\d]+/g, '');
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}

const LINKABLE: ReadonlySet<IdentityKind> = new Set(['handle', 'email', 'phone', 'display-name', 'profile-url']);

export function analyseIdentities(records: readonly DossierRecord[]): IdentityAnalysis {
  const byKey = new Map<string, { kind: IdentityKind; value: string; normalised: string; platforms: Set<Platform>; evidence: Identity['evidence'][number][] }>();
  for (const record of records) {
    for (const id of record.identities ?? []) {
      if (!LINKABLE.has(id.kind)) continue;
      const normalised = normaliseIdentity(id.kind, id.value);
      if (normalised.length < 2) continue;
      const key = `${id.kind}:${normalised}`;
      let acc = byKey.get(key);
      if (acc === undefined) {
        acc = { kind: id.kind, value: id.value, normalised, platforms: new Set(), evidence: [] };
        byKey.set(key, acc);
      }
      acc.platforms.add(id.platform);
      if (acc.evidence.length < 4 && !acc.evidence.some((e) => e.platform === id.platform)) acc.evidence.push({ ref: record.id, platform: record.source.platform, file: record.source.file });
    }
  }
  const identities: Identity[] = [...byKey.values()].map((acc) => ({ kind: acc.kind, value: acc.value, normalised: acc.normalised, platforms: [...acc.platforms], evidence: acc.evidence }));
  identities.sort((a, b) => b.platforms.length - a.platforms.length || a.kind.localeCompare(b.kind));

  const links: IdentityLink[] = [];
  const handles = identities.map((id, i) => ({ id, i })).filter(({ id }) => id.kind === 'handle');
  for (let x = 0; x < identities.length; x++) {
    const id = identities[x] as Identity;
    if (id.platforms.length > 1) {
      const reason: IdentityLink['reason'] = id.kind === 'handle' ? 'same-handle' : id.kind === 'email' ? 'same-email' : id.kind === 'phone' ? 'same-phone' : 'same-display-name';
      links.push({ a: x, b: x, reason });
    }
    if (id.kind === 'email') {
      const local = id.normalised.split('@')[0] ?? '';
      for (const h of handles) if (h.id.normalised === local || (local.length >= 5 && skeleton(h.id.normalised) === skeleton(local))) links.push({ a: x, b: h.i, reason: 'email-matches-handle' });
    }
  }
  for (let p = 0; p < handles.length; p++) {
    for (let q = p + 1; q < handles.length; q++) {
      const a = handles[p] as { id: Identity; i: number };
      const b = handles[q] as { id: Identity; i: number };
      const sa = skeleton(a.id.normalised);
      const sb = skeleton(b.id.normalised);
      if (sa.length >= 4 && (sa === sb || (Math.min(sa.length, sb.length) >= 6 && levenshtein(sa, sb) <= 1))) links.push({ a: a.i, b: b.i, reason: 'similar-handle' });
    }
  }
  // Platforms joined by links (union-find over platforms).
  const parent = new Map<Platform, Platform>();
  const find = (p: Platform): Platform => {
    let r = p;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r) as Platform;
    return r;
  };
  const union = (p: Platform, q: Platform): void => {
    const rp = find(p);
    const rq = find(q);
    if (!parent.has(rp)) parent.set(rp, rp);
    if (!parent.has(rq)) parent.set(rq, rq);
    if (rp !== rq) parent.set(rq, rp);
  };
  for (const link of links) {
    const platforms = [...(identities[link.a] as Identity).platforms, ...(identities[link.b] as Identity).platforms];
    for (const p of platforms) union(platforms[0] as Platform, p);
  }
  const groups = new Map<Platform, Platform[]>();
  for (const p of parent.keys()) {
    const r = find(p);
    groups.set(r, [...(groups.get(r) ?? []), p]);
  }
  const selfKeys = new Set<string>();
  for (const id of identities) {
    if (id.kind === 'handle') selfKeys.add(`@${id.normalised}`);
    if (id.kind === 'display-name') selfKeys.add(`name:${id.normalised}`);
  }
  return { identities, links, linkedPlatforms: [...groups.values()].filter((g) => g.length > 1), selfKeys };
}
